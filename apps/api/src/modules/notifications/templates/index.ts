import type { AccountMailKind, Locale } from '@relaydesk/contracts';
import { accountMail } from './content/account-mails.js';
import { deputyshipMail, deputyshipSms } from './content/deputy-mails.js';
import { webhookDisabledMail } from './content/webhook-mails.js';
import { mailRefusedMail } from './content/mail-refused-mail.js';
import { workAllowanceMail, workAllowanceSms } from './content/work-allowance-mail.js';
import type { MailContent } from './content/mail-content.js';
import type { MailContext } from './content/mail-context.js';
import { TICKET_TEMPLATES, ticketMail, type TicketKind } from './content/ticket-templates.js';
import { messagesFor } from './i18n/index.js';
import type {
  DeputyshipData,
  MailData,
  MailDataByKind,
  MailKind,
  MailLinks,
  RenderedMail,
  TicketMailBase,
  WorkAllowanceData,
} from './mail-data.js';
import { renderLayout } from './render/mail-layout.js';
import { oneLine } from './render/plain-text.js';
import { fitSms } from './render/sms-fit.js';

export type * from './mail-data.js';

const isTicketKind = (kind: MailKind): kind is TicketKind => Object.hasOwn(TICKET_TEMPLATES, kind);
const isDeputyKind = (kind: MailKind): kind is 'deputyship_started' | 'deputyship_ended' =>
  kind === 'deputyship_started' || kind === 'deputyship_ended';

/**
 * An internal note is for staff. The fan-out never builds one for a client; this refuses to
 * render it if that ever changes, so the failure is a failed delivery, not a leak.
 */
function guardInternal(kind: MailKind, data: MailData): void {
  if (kind === 'comment_internal' && (data as TicketMailBase).audience !== 'staff') {
    throw new Error('An internal note is rendered for staff only');
  }
}

function content<K extends MailKind>(kind: K, data: MailData<K>, ctx: MailContext): MailContent {
  if (isTicketKind(kind)) return ticketMail(kind, data as MailDataByKind[typeof kind], ctx);
  if (isDeputyKind(kind)) return deputyshipMail(kind, data as DeputyshipData, ctx);
  if (kind === 'work_allowance_reached') {
    return workAllowanceMail(data as unknown as WorkAllowanceData, ctx);
  }
  if (kind === 'webhook_disabled') {
    return webhookDisabledMail(data as MailDataByKind['webhook_disabled'], ctx);
  }
  if (kind === 'mail_refused') {
    return mailRefusedMail(data as MailDataByKind['mail_refused'], ctx);
  }
  type PersonKind = Exclude<AccountMailKind, 'webhook_disabled' | 'mail_refused'>;
  return accountMail(kind as PersonKind, data as MailDataByKind[PersonKind], ctx);
}

/**
 * The mail of one kind for one reader, in their language: subject, plain text and HTML with the
 * same content. Links go to the agent app for staff and the portal for clients, under PUBLIC_URL.
 */
export function renderMail<K extends MailKind>(
  kind: K,
  locale: Locale,
  data: MailData<K>,
  links: MailLinks,
): RenderedMail {
  guardInternal(kind, data);
  const { lang, t } = messagesFor(locale);
  return renderLayout(content(kind, data, { lang, t, links }), lang);
}

/**
 * The SMS text: one segment (160 GSM-7 characters, 70 in UCS-2), one line, no link and no
 * secret: the ticket's number and subject, or a pointer to the mail for account mails.
 */
export function renderSms<K extends MailKind>(kind: K, locale: Locale, data: MailData<K>): string {
  guardInternal(kind, data);
  const { t } = messagesFor(locale);
  if (isTicketKind(kind)) {
    const d = data as MailDataByKind[typeof kind];
    const verb = (TICKET_TEMPLATES[kind] as { verb(d: unknown, tt: typeof t): string }).verb(d, t);
    // The whole subject: fitSms cuts it with an ellipsis its encoding has ("…" is not GSM-7).
    const subject = oneLine(d.ticket.subject, 1000) || t.common.noSubject;
    return fitSms(`#${d.ticket.number} ${oneLine(verb, 60)}: `, subject);
  }
  if (isDeputyKind(kind))
    return fitSms('', oneLine(deputyshipSms(kind, data as DeputyshipData, { t })));
  if (kind === 'work_allowance_reached') {
    return fitSms('', oneLine(workAllowanceSms(data as unknown as WorkAllowanceData, { t })));
  }
  return fitSms('', t.sms[kind as AccountMailKind]);
}
