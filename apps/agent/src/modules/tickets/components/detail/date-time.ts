import { toLocalDateTime } from '@relaydesk/web-ui/custom-fields';

/**
 * Helpers around `<input type="datetime-local">` values ("2026-11-28T09:30", local wall time);
 * the conversions to and from API instants are `toLocalDateTime` / `fromLocalDateTime` of
 * `@relaydesk/web-ui/custom-fields`.
 */

/** Same instant to the minute (the input cannot show seconds). */
export function sameMinute(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return Math.floor(new Date(a).getTime() / 60_000) === Math.floor(new Date(b).getTime() / 60_000);
}

/** A sensible default for "postpone until": tomorrow at 09:00 local time. */
export function tomorrowMorning(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0);
  return toLocalDateTime(d.toISOString());
}
