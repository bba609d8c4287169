import type { Locale } from '@relaydesk/contracts';
import { cs } from './cs.js';
import { en, type MailMessages } from './en.js';
import { ru } from './ru.js';

export type { MailMessages } from './en.js';

const MESSAGES: Record<Locale, MailMessages> = { en, ru, cs };

/** The texts for a locale; English for anything unknown (a row written before a locale existed). */
export function messagesFor(locale: string): { lang: Locale; t: MailMessages } {
  const lang = (Object.hasOwn(MESSAGES, locale) ? locale : 'en') as Locale;
  return { lang, t: MESSAGES[lang] };
}
