import type { MailDataByKind } from '../mail-data.js';
import { oneLine } from '../render/plain-text.js';
import { commentInternal, commentPublic } from './comment-mails.js';
import type { MailContent } from './mail-content.js';
import { notificationFooter, subjectLine, type MailContext } from './mail-context.js';
import { slaBreached, slaEscalated, slaReminder } from './sla-mails.js';
import { statusChanged } from './status-mail.js';
import {
  ticketAcknowledged,
  ticketAssigned,
  ticketEscalated,
  ticketNew,
  ticketReopened,
  ticketUnassigned,
} from './ticket-change-mails.js';
import type { TicketKind, TicketTemplate } from './ticket-template.js';

export type { TicketKind } from './ticket-template.js';

export const TICKET_TEMPLATES: { [K in TicketKind]: TicketTemplate<K> } = {
  ticket_acknowledged: ticketAcknowledged,
  ticket_new: ticketNew,
  ticket_assigned: ticketAssigned,
  ticket_unassigned: ticketUnassigned,
  ticket_escalated: ticketEscalated,
  comment_public: commentPublic,
  comment_internal: commentInternal,
  status_changed: statusChanged,
  ticket_reopened: ticketReopened,
  sla_reminder: slaReminder,
  sla_breached: slaBreached,
  sla_escalated: slaEscalated,
};

/** The whole mail of a ticket kind: subject with the token, blocks, footer. */
export function ticketMail<K extends TicketKind>(
  kind: K,
  d: MailDataByKind[K],
  ctx: MailContext,
): MailContent {
  const template = TICKET_TEMPLATES[kind] as TicketTemplate<K>;
  return {
    subject: subjectLine(oneLine(template.verb(d, ctx.t), 120), d, ctx.t),
    ...template.mail(d, ctx),
    reason: template.reason(ctx.t),
    footerLinks: notificationFooter(kind, d.audience, ctx),
  };
}
