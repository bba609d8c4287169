import type { DomainEvent } from '../../../common/events/domain-events.js';

/** Which SLA clock: the first answer to the client, or the resolution. */
export type SlaClockName = 'first_response' | 'resolution';

/** Who owns the ticket when the event fires: the assignee, or else the group's members. */
export interface TicketOwnership {
  readonly assigneeId: string | null;
  readonly groupId: string | null;
}

/** A clock reached its policy's reminder share of the target (the SLA sweep). */
export class SlaReminderDue implements DomainEvent {
  static readonly eventName = 'sla.reminder_due';
  constructor(
    readonly ticketId: string,
    readonly clock: SlaClockName,
    readonly dueAt: Date,
    readonly reminderPercent: number | null,
    readonly owners: TicketOwnership,
    readonly at: Date,
  ) {}
}

/** A clock passed its deadline unmet (the SLA sweep); recorded on the ticket and in its history. */
export class SlaBreached implements DomainEvent {
  static readonly eventName = 'sla.breached';
  constructor(
    readonly ticketId: string,
    readonly clock: SlaClockName,
    readonly dueAt: Date,
    readonly policyId: string | null,
    readonly owners: TicketOwnership,
    readonly at: Date,
  ) {}
}
