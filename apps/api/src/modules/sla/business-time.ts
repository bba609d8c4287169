import type { WorkingInterval } from '@relaydesk/contracts';

/**
 * Business-time arithmetic over a working calendar, in the calendar's IANA time zone. Pure and
 * deterministic: the same calendar and instants give the same answer on every instance and
 * after every restart, which is what lets a deadline be recomputed instead of remembered.
 *
 * Working hours are wall-clock intervals of a local day (`09:00`–`13:00`, `14:00`–`18:00`);
 * `24:00` ends a day, so a night shift is `22:00`–`24:00` plus `00:00`–`06:00` of the next
 * day, contiguous in business time. Wall times are turned into instants with Intl, so a DST
 * change makes its day an hour shorter or longer exactly as the clocks on the wall do.
 */
export interface CalendarSpec {
  timeZone: string;
  /** Monday first; each day's intervals in local time. */
  week: WorkingInterval[][];
  /** Local dates (`YYYY-MM-DD`) without working time. */
  holidays: string[];
  /** Local dates with hours of their own (a short day, a working Saturday); beat holidays. */
  exceptions: { date: string; intervals: WorkingInterval[] }[];
}

/** Minutes since local midnight, from `HH:MM` (00:00–24:00). */
export function parseTime(value: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : null;
}

/** Problems with a day's intervals (empty when fine): each well-formed, ordered, not overlapping. */
export function intervalErrors(intervals: WorkingInterval[]): string[] {
  const errors: string[] = [];
  let previousEnd = -1;
  for (const [i, interval] of intervals.entries()) {
    const start = parseTime(interval.start);
    const end = parseTime(interval.end);
    if (start === null || end === null) {
      errors.push(`interval ${i + 1}: times are HH:MM between 00:00 and 24:00`);
      continue;
    }
    if (end <= start) errors.push(`interval ${i + 1}: must end after it starts`);
    else if (start < previousEnd)
      errors.push(`interval ${i + 1}: must start after the previous one ends`);
    previousEnd = Math.max(previousEnd, end);
  }
  return errors;
}

/** Whether the zone is one Intl knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `ms`, as if it were UTC (so plain arithmetic works). */
function wallClock(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** UTC offset of `timeZone` at `ms`, in ms (sub-second parts of `ms` are ignored). */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallClock(whole, timeZone) - whole;
}

const DAY_MS = 86_400_000;

/**
 * The instant a local wall time happens, disambiguated like Temporal's "compatible": a wall time
 * an autumn change repeats is its first occurrence; one a spring-forward skips is read with the
 * offset from before the change, so it lands that much after it (02:30 becomes 03:30).
 */
function instantOf(localAsUtc: number, timeZone: string): number {
  const before = localAsUtc - offsetAt(localAsUtc - DAY_MS, timeZone);
  const after = localAsUtc - offsetAt(localAsUtc + DAY_MS, timeZone);
  const fits = (t: number) => wallClock(t, timeZone) === localAsUtc;
  const okBefore = fits(before);
  const okAfter = fits(after);
  if (okBefore && okAfter) return Math.min(before, after);
  if (okAfter) return after;
  return before;
}

/** A calendar with no working time at all would otherwise search forever. */
const MAX_DAYS = 3 * 366;

/** Working intervals of one local day as [start, end) instants in ms. */
type DaySpans = [number, number][];

/**
 * A calendar ready for arithmetic. Day spans are memoized: a sweep or a batch of creations on
 * the same calendar converts each local day once.
 */
export class BusinessCalendar {
  private readonly week: [number, number][][];
  private readonly holidays: Set<string>;
  private readonly exceptions: Map<string, [number, number][]>;
  private readonly days = new Map<number, DaySpans>();

  constructor(readonly spec: CalendarSpec) {
    const toMinutes = (list: WorkingInterval[]) =>
      list
        .map((i): [number, number] => [parseTime(i.start) ?? 0, parseTime(i.end) ?? 0])
        .filter(([s, e]) => e > s)
        .sort((a, b) => a[0] - b[0]);
    this.week = Array.from({ length: 7 }, (_, d) => toMinutes(spec.week[d] ?? []));
    this.holidays = new Set(spec.holidays);
    this.exceptions = new Map(spec.exceptions.map((e) => [e.date, toMinutes(e.intervals)]));
  }

  /** Whether any week day (or exception) has working time. */
  hasWorkingTime(): boolean {
    return (
      this.week.some((d) => d.length > 0) || [...this.exceptions.values()].some((d) => d.length > 0)
    );
  }

  /** `from` plus `seconds` of business time. */
  addSeconds(from: Date, seconds: number): Date {
    let remaining = Math.max(0, seconds) * 1000;
    const start = from.getTime();
    if (remaining === 0) return new Date(start);
    let day = this.localDay(start);
    for (let i = 0; i < MAX_DAYS; i++, day += DAY_MS) {
      for (const [s, e] of this.spans(day)) {
        if (e <= start) continue;
        const begin = Math.max(s, start);
        const available = e - begin;
        if (remaining <= available) return new Date(begin + remaining);
        remaining -= available;
      }
    }
    throw new Error('The calendar has no working time within three years');
  }

  /** Business seconds in [a, b); 0 when b is not after a. */
  secondsBetween(a: Date, b: Date): number {
    const from = a.getTime();
    const to = b.getTime();
    if (to <= from) return 0;
    let total = 0;
    const last = this.localDay(to);
    for (let day = this.localDay(from); day <= last; day += DAY_MS) {
      for (const [s, e] of this.spans(day)) {
        const lo = Math.max(s, from);
        const hi = Math.min(e, to);
        if (hi > lo) total += hi - lo;
      }
    }
    return Math.floor(total / 1000);
  }

  /** The local date (as UTC midnight ms) that instant `ms` falls on. */
  private localDay(ms: number): number {
    const wall = wallClock(ms, this.spec.timeZone);
    return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
  }

  private spans(day: number): DaySpans {
    const hit = this.days.get(day);
    if (hit) return hit;
    const date = new Date(day).toISOString().slice(0, 10);
    const weekday = (new Date(day).getUTCDay() + 6) % 7;
    const minutes =
      this.exceptions.get(date) ?? (this.holidays.has(date) ? [] : this.week[weekday]);
    const tz = this.spec.timeZone;
    const spans = minutes.map(([s, e]): [number, number] => [
      instantOf(day + s * 60_000, tz),
      // 24:00 is the next day's midnight: a DST day is then 23 or 25 hours long.
      e === 1440 ? instantOf(day + DAY_MS, tz) : instantOf(day + e * 60_000, tz),
    ]);
    if (this.days.size > 4000) this.days.clear();
    this.days.set(day, spans);
    return spans;
  }
}
