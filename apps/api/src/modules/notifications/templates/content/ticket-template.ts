import type { MailMessages } from '../i18n/index.js';
import type { MailDataByKind } from '../mail-data.js';
import { oneLine } from '../render/plain-text.js';
import type { Fact, MailAction, MailBlock, MailContent } from './mail-content.js';
import { NAME_MAX, type MailContext } from './mail-context.js';

export type TicketKind =
  | 'ticket_acknowledged'
  | 'ticket_new'
  | 'ticket_assigned'
  | 'ticket_unassigned'
  | 'ticket_escalated'
  | 'comment_public'
  | 'comment_internal'
  | 'status_changed'
  | 'ticket_reopened'
  | 'sla_reminder'
  | 'sla_breached'
  | 'sla_escalated';

/**
 * A ticket mail: the verb goes into the subject ("[#1042] New reply: …") and the SMS
 * ("#1042 New reply: …"), the mail into both parts.
 */
export interface TicketTemplate<K extends TicketKind> {
  verb(d: MailDataByKind[K], t: MailMessages): string;
  mail(
    d: MailDataByKind[K],
    ctx: MailContext,
  ): Omit<MailContent, 'subject' | 'reason' | 'footerLinks'>;
  reason(t: MailMessages): string;
}

export const facts = (...groups: Fact[][]): MailBlock => ({ type: 'facts', rows: groups.flat() });
export const paragraph = (text: string): MailBlock => ({ type: 'paragraph', text });
export const actions = (...list: MailAction[]): MailBlock => ({ type: 'actions', actions: list });
export const group = (value: string) => oneLine(value, NAME_MAX) || '—';
