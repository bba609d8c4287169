/**
 * Date arithmetic for the calendar, in the browser's time zone: a ticket belongs to the local day
 * its due (or creation) moment falls on, which is the day the user expects to see it.
 */

export type CalendarMode = 'month' | 'week';

export interface VisibleRange {
  /** First shown day, 00:00 local. */
  start: Date;
  /** The day after the last shown day, 00:00 local (exclusive, as the API's `…To` filters are). */
  end: Date;
  days: Date[];
}

/** First day of the week for a locale as a JS weekday (0 = Sunday, 1 = Monday). */
export function firstWeekday(localeTag: string): number {
  try {
    const locale = new Intl.Locale(localeTag) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const info = locale.getWeekInfo?.() ?? locale.weekInfo;
    // Intl counts 1 = Monday … 7 = Sunday.
    if (info) return info.firstDay % 7;
  } catch {
    // An engine without week data: Monday, as in every language the product speaks.
  }
  return 1;
}

export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

function startOfWeek(date: Date, weekStart: number): Date {
  const back = (date.getDay() - weekStart + 7) % 7;
  return addDays(startOfDay(date), -back);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of the local day: the key a day cell and its tickets share. */
export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function parseDayKey(value: string | null): Date | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Whole weeks covering the anchor's month, or the anchor's week. */
export function visibleRange(mode: CalendarMode, anchor: Date, weekStart: number): VisibleRange {
  let start: Date;
  let dayCount: number;
  if (mode === 'week') {
    start = startOfWeek(anchor, weekStart);
    dayCount = 7;
  } else {
    const first = new Date(anchor.getFullYear(), anchor.getMonth(), 1);
    const last = new Date(anchor.getFullYear(), anchor.getMonth() + 1, 0);
    start = startOfWeek(first, weekStart);
    const lastShown = addDays(startOfWeek(last, weekStart), 6);
    dayCount = Math.round((lastShown.getTime() - start.getTime()) / 86_400_000) + 1;
  }
  const days = Array.from({ length: dayCount }, (_, i) => addDays(start, i));
  return { start, end: addDays(start, dayCount), days };
}

/** The anchor one month or week earlier (-1) or later (+1). */
export function shiftAnchor(mode: CalendarMode, anchor: Date, direction: -1 | 1): Date {
  if (mode === 'week') return addDays(anchor, 7 * direction);
  // The 1st, so that 31 January + 1 month is February, not 3 March.
  return new Date(anchor.getFullYear(), anchor.getMonth() + direction, 1);
}

/** Weekday names in display order, starting with the locale's first day of the week. */
export function weekdayNames(
  localeTag: string,
  weekStart: number,
  style: 'short' | 'long',
): string[] {
  const format = new Intl.DateTimeFormat(localeTag, { weekday: style });
  // 4 January 2026 is a Sunday (JS weekday 0).
  return Array.from({ length: 7 }, (_, i) =>
    format.format(new Date(2026, 0, 4 + ((weekStart + i) % 7))),
  );
}

export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
