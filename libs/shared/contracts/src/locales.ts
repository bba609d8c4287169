export const LOCALES = ['en', 'ru', 'cs'] as const;
export type Locale = (typeof LOCALES)[number];

/** A name in every UI language; `en` is the fallback. */
export type TranslatedText = { en: string; ru?: string; cs?: string };
