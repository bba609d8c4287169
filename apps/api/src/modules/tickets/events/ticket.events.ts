import type { DomainEvent } from '../../../common/events/domain-events.js';

// The ticket's domain events. Each carries what a listener needs without reading the ticket back
// (ids, old and new values, the actor, the time); `actorId` null means the system (a timer, a
// rule, a sweep). Published by TicketWriter inside the transaction of the change.

/** A ticket was filed (by any channel). */
export class TicketCreated implements DomainEvent {
  static readonly eventName = 'ticket.created';
  constructor(
    readonly ticketId: string,
    readonly number: number,
    readonly subject: string,
    readonly organizationId: string | null,
    readonly requesterId: string | null,
    readonly groupId: string | null,
    readonly assigneeId: string | null,
    readonly priority: string,
    readonly status: string,
    readonly actorId: string,
    readonly at: Date,
    /** The requester is a client contact (not staff filing for themselves, not nobody). */
    readonly requesterIsClient: boolean,
  ) {}
}

/** One changed field: as the history records it. */
export interface TicketFieldChange {
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  /** Staff-only (an internal custom field, routing): never shown to clients. */
  readonly internal: boolean;
}

/** Fields of a ticket were edited (subject, priority, custom fields, ...). */
export class TicketUpdated implements DomainEvent {
  static readonly eventName = 'ticket.updated';
  constructor(
    readonly ticketId: string,
    readonly changes: readonly TicketFieldChange[],
    readonly actorId: string | null,
    readonly at: Date,
  ) {}
}

/** The ticket entered another status of its workflow. */
export class TicketStatusChanged implements DomainEvent {
  static readonly eventName = 'ticket.status_changed';
  constructor(
    readonly ticketId: string,
    readonly from: string,
    readonly to: string,
    /** The category of the new status (new, open, pending, resolved, closed, canceled). */
    readonly category: string,
    readonly actorId: string | null,
    readonly at: Date,
    /**
     * For an automatic change that followed a person's action (taken, assigned, handed over):
     * that person, whom the notifications skip as they skip the actor.
     */
    readonly causedById: string | null = null,
  ) {}
}

/** The ticket's assignee or group changed (taken, assigned, routed, escalated). */
export class TicketAssigned implements DomainEvent {
  static readonly eventName = 'ticket.assigned';
  constructor(
    readonly ticketId: string,
    readonly assigneeId: string | null,
    readonly groupId: string | null,
    readonly previous: { readonly assigneeId: string | null; readonly groupId: string | null },
    readonly actorId: string | null,
    readonly at: Date,
  ) {}
}

/** A comment was added; `internal` ones are staff notes no client may ever hear of. */
export class CommentAdded implements DomainEvent {
  static readonly eventName = 'ticket.comment_added';
  constructor(
    readonly ticketId: string,
    readonly commentId: string,
    readonly authorId: string,
    readonly authorIsClient: boolean,
    readonly internal: boolean,
    readonly at: Date,
  ) {}
}

/** A file was attached to the ticket (or to one of its comments). */
export class AttachmentAdded implements DomainEvent {
  static readonly eventName = 'ticket.attachment_added';
  constructor(
    readonly ticketId: string,
    readonly attachmentId: string,
    readonly commentId: string | null,
    readonly internal: boolean,
    readonly uploaderId: string,
    readonly at: Date,
  ) {}
}

/**
 * A ticket was filed from a form that showed knowledge-base suggestions, naming the form's
 * suggestion session (the knowledge base marks it filed, in the create's transaction). Run
 * in-process only (`DomainEvents.runListeners`), never recorded in `event_log`: it is no news for
 * anyone, and a create without a session pays nothing for it.
 */
export class TicketFiledAfterSuggestions implements DomainEvent {
  static readonly eventName = 'ticket.filed_after_suggestions';
  constructor(
    readonly ticketId: string,
    readonly suggestionSessionId: string,
    readonly actorId: string,
    readonly at: Date,
  ) {}
}

/** The ticket moved to another support level (and group). */
export class TicketEscalated implements DomainEvent {
  static readonly eventName = 'ticket.escalated';
  constructor(
    readonly ticketId: string,
    readonly fromLevel: number | null,
    readonly toLevel: number,
    readonly groupId: string,
    readonly assigneeId: string | null,
    readonly actorId: string,
    readonly at: Date,
  ) {}
}

/** The requester rated the resolution. */
export class SatisfactionRated implements DomainEvent {
  static readonly eventName = 'ticket.satisfaction_rated';
  constructor(
    readonly ticketId: string,
    readonly rating: number,
    readonly hasComment: boolean,
    /** null: rated through an e-mailed link, not a session. */
    readonly actorId: string | null,
    readonly at: Date,
  ) {}
}
