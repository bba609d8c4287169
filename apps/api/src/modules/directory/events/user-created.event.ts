import type { DomainEvent } from '../../../common/events/domain-events.js';

/**
 * An admin (or a dispatcher, for a client) created a user. `hasPassword` false: nobody knows a
 * password for the account yet, and the person needs a way to set one (the auth module mails a
 * welcome link in this transaction).
 */
export class UserCreated implements DomainEvent {
  static readonly eventName = 'user.created';
  constructor(
    readonly userId: string,
    readonly hasPassword: boolean,
    readonly actorId: string,
    readonly at: Date,
  ) {}
}
