import type { Role } from './roles.js';

/**
 * Notification kinds: what happened, as a person hears of it. Each kind reaches people through
 * channels (in-app bell, e-mail, SMS) chosen per user and kind (admins set the defaults).
 * `data` of each carries what the text needs; a ticket is referenced by id and shown only while
 * the reader may see it.
 */
export const NOTIFICATION_KINDS = [
  /** To the requester: their ticket was filed (number, subject, the promised times). */
  'ticket_acknowledged',
  /** To the ticket's group, or the dispatchers when it has none: a new ticket. */
  'ticket_new',
  /** To the new assignee: the ticket is theirs now. */
  'ticket_assigned',
  /** To the previous assignee: the ticket is no longer theirs. */
  'ticket_unassigned',
  /** To the group of the new support level: the ticket was escalated to it. */
  'ticket_escalated',
  /** A public reply: to the requester and watchers (staff wrote), or the assignee/group (client wrote). */
  'comment_public',
  /** An internal note: to staff participants only, never to a client by any channel. */
  'comment_internal',
  /** To the requester: a status change a client cares about (question, resolved, closed). */
  'status_changed',
  /** To the staff on the ticket: it was reopened. */
  'ticket_reopened',
  /** A share of an SLA target has passed: to the assignee, or the group when unassigned. */
  'sla_reminder',
  /** An SLA deadline passed unmet: to the assignee, or the group when unassigned. */
  'sla_breached',
  /** The same breach, escalated to the supervisor (group lead or department head). */
  'sla_escalated',
  /** A deputyship was set up: to the principal and the deputy. */
  'deputyship_started',
  /**
   * A deputyship ended (ran out, or was ended early): to the principal and the deputy. No ticket;
   * `data`: { deputyshipId, reason: 'expired' | 'ended', endedAt, principal: {id, name},
   * deputy: {id, name} }.
   */
  'deputyship_ended',
  /**
   * A contract's billable work reached 80 % or 100 % of its allowance for a period: to the
   * dispatchers and admins, once per contract, period and threshold. No ticket; `data`:
   * { contract: {id, number, title}, organizationName, threshold, periodStart, periodEnd,
   * usedSeconds, allowanceSeconds }.
   */
  'work_allowance_reached',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * The kinds a client contact can hear of, and so choose channels for; staff hear of every kind
 * but the acknowledgement of a ticket they filed for a client.
 */
export const CLIENT_NOTIFICATION_KINDS = [
  'ticket_acknowledged',
  'comment_public',
  'status_changed',
] as const satisfies readonly NotificationKind[];

export function notificationKindsFor(role: Role): readonly NotificationKind[] {
  return role === 'client'
    ? CLIENT_NOTIFICATION_KINDS
    : NOTIFICATION_KINDS.filter((k) => k !== 'ticket_acknowledged');
}

/** How a notification reaches a person. */
export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * Mails about a person's account: always sent, never subject to preferences or unsubscribe.
 * `web_form_confirmation` goes to an address that may have no account yet (the web form's
 * "confirm your request" link).
 */
export const ACCOUNT_MAIL_KINDS = [
  'account_welcome',
  'password_reset',
  'email_change',
  'web_form_confirmation',
  /** To every admin: a webhook endpoint was disabled after repeated failures. */
  'webhook_disabled',
  /** To a mail's sender who may not file tickets by mail (the polite refusal, auto-replied). */
  'mail_refused',
] as const;
export type AccountMailKind = (typeof ACCOUNT_MAIL_KINDS)[number];

/** Where an outgoing e-mail or SMS is. */
export const DELIVERY_STATUSES = [
  /** Waiting for (another) attempt. */
  'pending',
  /** Accepted by the SMTP server or SMS gateway. */
  'sent',
  /** Refused for good (5xx, invalid number) or out of attempts; shown on the ticket and to admins. */
  'failed',
  /** Not sent on purpose: the per-recipient rate limit, or the recipient may no longer see it. */
  'suppressed',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
