import { useTranslation } from 'react-i18next';
import { localeTag } from '@relaydesk/web-ui';

/** Today as the client's calendar date (YYYY-MM-DD), to compare with date-only fields. */
export function todayDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A calendar date (YYYY-MM-DD) in the UI language, without a time-zone shift. */
export function useDateOnly() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(localeTag(i18n.language), {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
  return (date: string | null | undefined) =>
    date ? format.format(new Date(`${date}T00:00:00Z`)) : '';
}
