import { countOf, type PluralForms } from '../i18n/plural.js';
import { oneLine } from './plain-text.js';

export interface DurationWords {
  readonly day: PluralForms;
  readonly hour: PluralForms;
  readonly minute: PluralForms;
  readonly lessThanMinute: string;
}

/** The zone to show times in: the given one if the runtime knows it, else UTC. */
export function knownZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/**
 * A date and time for a reader in `locale`, in `timeZone`, with the zone shown as the locale
 * names it ("GMT+1", "SEČ", "UTC"): people read mail in other zones than the calendar's.
 */
export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return oneLine(iso, 40);
  const zone = knownZone(timeZone);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(date);
}

/**
 * A span of time in words, in the nominative, to its two largest units: "1 day 4 hours",
 * "2 часа 5 минут", "45 minut". Rounded to the minute; the sign is dropped.
 */
export function formatDuration(ms: number, locale: string, words: DurationWords): string {
  if (Math.abs(ms) < 60_000) return words.lessThanMinute;
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const parts: [number, PluralForms][] = [
    [Math.floor(minutes / 1440), words.day],
    [Math.floor((minutes % 1440) / 60), words.hour],
    [minutes % 60, words.minute],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, forms]) => countOf(locale, n, forms))
    .join(' ');
}

/** Milliseconds from `from` to `to`, or null when either is missing or not a date. */
export function between(from: string | null | undefined, to: string | null | undefined) {
  if (!from || !to) return null;
  const ms = new Date(to).getTime() - new Date(from).getTime();
  return Number.isNaN(ms) ? null : ms;
}
