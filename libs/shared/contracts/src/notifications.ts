/**
 * In-app notification kinds. `data` of each carries what the text needs (the clock, the due
 * time); the ticket is referenced by id and shown only while the reader may see it.
 */
export const NOTIFICATION_KINDS = [
  /** A share of an SLA target has passed: to the assignee, or the group when unassigned. */
  'sla_reminder',
  /** An SLA deadline passed unmet: to the assignee, or the group when unassigned. */
  'sla_breached',
  /** The same breach, escalated to the supervisor (group lead or department head). */
  'sla_escalated',
  /**
   * A deputyship ended (ran out, or was ended early): to the principal and the deputy. No ticket;
   * `data`: { deputyshipId, reason: 'expired' | 'ended', endedAt, principal: {id, name},
   * deputy: {id, name} }.
   */
  'deputyship_ended',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
