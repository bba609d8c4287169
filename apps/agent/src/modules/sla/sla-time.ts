import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * How pressing a deadline is: past it (`overdue`), less than a quarter of its time left
 * (`soon`), or neither (`ok`). The API counts SLA targets in business time; the browser has
 * no calendar, so the share left is measured on the wall clock from `start` — close enough to
 * color a cell, while the deadline itself is always the API's.
 */
export type Urgency = 'overdue' | 'soon' | 'ok';

export const SOON_SHARE = 0.25;

export function urgencyOf(dueAt: number, start: number, now: number): Urgency {
  if (dueAt <= now) return 'overdue';
  const span = dueAt - start;
  if (span > 0 && (dueAt - now) / span < SOON_SHARE) return 'soon';
  return 'ok';
}

/** Text and icon colors of each urgency, AA on white and on striped rows (as the badges). */
export const URGENCY_COLOR: Record<Urgency, string> = {
  overdue: 'red.9',
  soon: '#ae3e0b',
  ok: 'gray.9',
};

/** Green of "met", AA on white (the resolved status badge's). */
export const MET_COLOR = '#237032';

/** "now", refreshed every `everyMs` (a minute by default) so countdowns move by themselves. */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(id);
  }, [everyMs]);
  return now;
}

/**
 * A length of time in the UI language, to the minute, with the two largest units:
 * "2 d 4 h", "3 h 15 min", "5 min". Under a minute reads as "< 1 min".
 */
export function useDuration() {
  const { t } = useTranslation('slaClock');
  return (ms: number): string => {
    const minutes = Math.floor(Math.abs(ms) / 60_000);
    if (minutes < 1) return t('duration.lessThanMinute');
    const d = Math.floor(minutes / 1440);
    const h = Math.floor((minutes % 1440) / 60);
    const m = minutes % 60;
    if (d > 0) return h > 0 ? t('duration.dh', { d, h }) : t('duration.d', { d });
    if (h > 0) return m > 0 ? t('duration.hm', { h, m }) : t('duration.h', { h });
    return t('duration.m', { m });
  };
}
