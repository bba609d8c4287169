import type { DomainEvent } from '../../../common/events/domain-events.js';

/** How a deputyship ended: cut short by a person (`ended`), or run out (`expired`, the sweep). */
export type DeputyshipEndReason = 'ended' | 'expired';

/** A deputyship was set up; it may begin later than `at` (see `startsAt`). */
export class DeputyshipStarted implements DomainEvent {
  static readonly eventName = 'deputyship.started';
  constructor(
    readonly deputyshipId: string,
    readonly principalId: string,
    readonly deputyId: string,
    readonly startsAt: Date,
    readonly endsAt: Date,
    /** Who set it up. */
    readonly actorId: string,
    readonly at: Date,
  ) {}
}

/** A deputyship ended before or at its end time. */
export class DeputyshipEnded implements DomainEvent {
  static readonly eventName = 'deputyship.ended';
  constructor(
    readonly deputyshipId: string,
    readonly principalId: string,
    readonly deputyId: string,
    readonly reason: DeputyshipEndReason,
    /** null: the system (the expiry sweep). */
    readonly actorId: string | null,
    readonly at: Date,
  ) {}
}
