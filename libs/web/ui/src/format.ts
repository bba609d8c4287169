import { useTranslation } from 'react-i18next';

const LOCALE_TAGS: Record<string, string> = { en: 'en-GB', ru: 'ru-RU', cs: 'cs-CZ' };

export function localeTag(language: string): string {
  return LOCALE_TAGS[language] ?? language;
}

/** Dates, times and numbers formatted for the UI language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const tag = localeTag(i18n.language);
  return {
    dateTime: (iso: string | null | undefined) =>
      iso
        ? new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(
            new Date(iso),
          )
        : '',
    date: (iso: string | null | undefined) =>
      iso ? new Intl.DateTimeFormat(tag, { dateStyle: 'medium' }).format(new Date(iso)) : '',
    number: (n: number) => new Intl.NumberFormat(tag).format(n),
    relative: (iso: string) => {
      const diff = (new Date(iso).getTime() - Date.now()) / 1000;
      const rtf = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
      const abs = Math.abs(diff);
      if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
      if (abs < 86400) return rtf.format(Math.round(diff / 3600), 'hour');
      return rtf.format(Math.round(diff / 86400), 'day');
    },
  };
}

/** A translated name from the API ({ en, ru?, cs? }) in the UI language. */
export function useTranslatedName() {
  const { i18n } = useTranslation();
  return (name: { en: string; ru?: string; cs?: string } | null | undefined) =>
    name ? ((name as Record<string, string | undefined>)[i18n.language] ?? name.en) : '';
}
