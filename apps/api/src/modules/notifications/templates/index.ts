// PLACEHOLDER until the templates land (issue 14): the real renderer replaces this file.
import type { Locale } from '@relaydesk/contracts';
import type { MailData, MailKind, MailLinks, RenderedMail } from './mail-data.js';

export type * from './mail-data.js';

export function renderMail<K extends MailKind>(
  kind: K,
  _locale: Locale,
  data: MailData<K>,
  _links: MailLinks,
): RenderedMail {
  const ticket = 'ticket' in data ? data.ticket : null;
  const subject = ticket ? `[#${ticket.number}] ${ticket.subject}` : kind;
  return { subject, text: `${kind}\n`, html: `<p>${kind}</p>` };
}

/** The SMS text: short, one line, no secrets. */
export function renderSms<K extends MailKind>(kind: K, _locale: Locale, data: MailData<K>): string {
  const ticket = 'ticket' in data ? data.ticket : null;
  return ticket ? `#${ticket.number} ${kind}` : kind;
}
