export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/**
 * Where a ticket came from: the portal, an agent's form, the REST API with a service account's
 * token, an e-mail to a support mailbox, the public web form, or an alert from monitoring.
 */
export const TICKET_CHANNELS = [
  'portal',
  'agent',
  'api',
  'email',
  'web_form',
  'monitoring',
] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/**
 * The channels a service account's token may declare when it files a ticket for the source it
 * relays (a mail gateway, a form on another site, a monitoring tool), so assignment rules and
 * reports treat the ticket as that source. `portal` and `agent` name our own apps and are never
 * declared; a person's request (a session) may declare none: its channel follows from who calls.
 */
export const DECLARABLE_CHANNELS = ['api', 'email', 'web_form', 'monitoring'] as const;
export type DeclarableChannel = (typeof DECLARABLE_CHANNELS)[number];

/** Status keys of the Okdesk preset, the workflow every installation starts with. */
export const OKDESK_STATUSES = [
  'open',
  'in_progress',
  'needs_clarification',
  'resolved',
  'closed',
] as const;
export type OkdeskStatus = (typeof OKDESK_STATUSES)[number];

/**
 * What the rest of the product reads of a status. `informational` (PayDox's "Информационное"):
 * kept for the record, not open work: never overdue, in no work queue, SLA clocks stopped.
 */
export const STATUS_CATEGORIES = [
  'new',
  'open',
  'pending',
  'resolved',
  'closed',
  'canceled',
  'informational',
] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

export const TICKET_VIEWS = [
  'all',
  'unassigned',
  'undistributed',
  'mine',
  'created_by_me',
  'open',
  'closed',
  'needs_reply',
  'overdue',
  'recent',
  'by_user',
  'by_department',
] as const;
export type TicketView = (typeof TICKET_VIEWS)[number];

/** Views that /tickets/counts reports; by_user and by_department need a parameter. */
export const COUNTED_VIEWS = [
  'unassigned',
  'undistributed',
  'mine',
  'created_by_me',
  'open',
  'closed',
  'needs_reply',
  'overdue',
] as const satisfies readonly TicketView[];

/**
 * Which tickets "For user" and "For department" list: PayDox shows the open ones (not closed or
 * canceled, as view=open), with a switch for the closed ones or both.
 */
export const BY_SUBJECT_STATES = ['open', 'closed', 'all'] as const;
export type BySubjectState = (typeof BY_SUBJECT_STATES)[number];

export const TICKET_SORT_FIELDS = ['updatedAt', 'createdAt', 'number'] as const;
export type TicketSortField = (typeof TICKET_SORT_FIELDS)[number];

export const TICKET_EVENT_KINDS = [
  'created',
  'field_changed',
  'status_changed',
  'assigned',
  'taken',
  'comment_added',
  'attachment_added',
  'link_added',
  'link_removed',
  'rated',
  /** A staff member issued a signed rating link (internal; the token itself is never stored). */
  'rating_link_created',
  'close_forced',
  /** An assignment rule changed the ticket (internal; newValue names the rule and its changes). */
  'rule_applied',
  /** Group distribution (round robin, least open) picked the assignee; actor null. */
  'auto_assigned',
  /** Moved to the next support level's group (internal; newValue carries the reason). */
  'escalated',
  /** An SLA deadline passed unmet (internal; newValue says which clock and its due time). */
  'sla_breached',
  /**
   * Someone started or stopped watching the ticket (newValue: { userId, name }); internal when
   * the watcher is staff, so a client's history shows only client watchers.
   */
  'watcher_added',
  'watcher_removed',
  /** A knowledge-base draft was written from the ticket (internal; newValue: { articleId, title }). */
  'kb_draft_created',
] as const;
export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number];
