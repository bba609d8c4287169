import type { Locale, WorkingInterval } from '@relaydesk/contracts';

/** 2024-01-01 was a Monday: day i of a calendar's week (Monday first) is this date plus i. */
const A_MONDAY = Date.UTC(2024, 0, 1);

/**
 * A calendar's week in words, in the reader's language: runs of days with the same hours
 * ("Mon–Fri 09:00–18:00; Sat 10:00–14:00"). Null when the calendar has no working time at all.
 */
export function workingHoursInWords(week: WorkingInterval[][], locale: Locale): string | null {
  const day = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const dayName = (i: number) => day.format(new Date(A_MONDAY + i * 86_400_000));
  const hours = (i: number) => (week[i] ?? []).map((iv) => `${iv.start}–${iv.end}`).join(', ');
  const parts: string[] = [];
  for (let i = 0; i < 7;) {
    const h = hours(i);
    let j = i;
    while (j + 1 < 7 && hours(j + 1) === h) j++;
    if (h) parts.push(`${j > i ? `${dayName(i)}–${dayName(j)}` : dayName(i)} ${h}`);
    i = j + 1;
  }
  return parts.length > 0 ? parts.join('; ') : null;
}
