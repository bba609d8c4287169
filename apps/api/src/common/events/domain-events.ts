import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * A domain event: a plain, immutable record of something that happened, carrying everything a
 * listener needs (ids, the old and new values, the actor and the time), so no listener has to
 * read the change back. Each event class has a static `eventName` that never changes: it is what
 * logs, an outbox row or a webhook will name the event by.
 */
export interface DomainEvent {
  readonly at: Date;
}

export interface DomainEventClass<E extends DomainEvent> {
  readonly eventName: string;
  new (...args: never[]): E;
}

/** Runs inside the publisher's transaction: whatever it writes with `em` commits or rolls back with the change. */
export type DomainEventListener<E extends DomainEvent> = (
  event: E,
  em: EntityManager,
) => Promise<void>;

/**
 * The in-process event bus. Publishers call `publish(em, ...)` inside the transaction that made
 * the change; every listener of the event's class runs there, in registration order, before the
 * publisher returns. A listener that throws rolls the change back, so "it happened" and "everyone
 * who must know has recorded it" are one fact. Listeners that talk to the outside world (mail,
 * SMS, webhooks) must not do so here: they write an outbox row and a worker delivers it after the
 * commit.
 */
@Injectable()
export class DomainEvents {
  private readonly listeners = new Map<string, DomainEventListener<DomainEvent>[]>();

  /** Registers a listener; call it from a provider's constructor or `onModuleInit`. */
  on<E extends DomainEvent>(type: DomainEventClass<E>, listener: DomainEventListener<E>): void {
    const list = this.listeners.get(type.eventName) ?? [];
    list.push(listener as DomainEventListener<DomainEvent>);
    this.listeners.set(type.eventName, list);
  }

  /**
   * Whether anyone listens: a writer whose change is otherwise one statement opens a
   * transaction for its event only when a listener will write with it.
   */
  listens(type: DomainEventClass<DomainEvent>): boolean {
    return (this.listeners.get(type.eventName)?.length ?? 0) > 0;
  }

  async publish(em: EntityManager, ...events: DomainEvent[]): Promise<void> {
    for (const event of events) {
      const name = (event.constructor as DomainEventClass<DomainEvent>).eventName;
      for (const listener of this.listeners.get(name) ?? []) await listener(event, em);
    }
  }
}

/** Provides the one DomainEvents bus to every module. */
@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class DomainEventsModule {}
