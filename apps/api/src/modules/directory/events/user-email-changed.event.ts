import type { DomainEvent } from '../../../common/events/domain-events.js';

/**
 * An admin changed a user's e-mail address directly (PATCH /users/{id}). Links mailed to the old
 * address must stop working with it (the auth module revokes them in this transaction).
 */
export class UserEmailChanged implements DomainEvent {
  static readonly eventName = 'user.email_changed';
  constructor(
    readonly userId: string,
    readonly actorId: string,
    readonly at: Date,
  ) {}
}
