import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventLogListener } from './event-log-listener.js';
import { EventLogPruner } from './event-log-pruner.js';

/**
 * A domain event: a plain, immutable record of something that happened, carrying everything a
 * listener needs (ids, the old and new values, the actor and the time), so no listener has to
 * read the change back. Each event class has a static `eventName` that never changes: it is what
 * logs, an outbox row or a webhook will name the event by.
 */
export interface DomainEvent {
  readonly at: Date;
}

/** The channel every committed event is announced on: `<event_log id>|<name>|<ticketId or empty>`. */
export const EVENTS_CHANNEL = 'relaydesk_events';

export interface DomainEventClass<E extends DomainEvent> {
  readonly eventName: string;
  new (...args: never[]): E;
}

/** Runs inside the publisher's transaction: whatever it writes with `em` commits or rolls back with the change. */
export type DomainEventListener<E extends DomainEvent> = (
  event: E,
  em: EntityManager,
) => Promise<void>;

/** A listener and the events it acts on (every one unless it said otherwise). */
interface Registration {
  listener: DomainEventListener<DomainEvent>;
  only: (facts: object) => boolean;
}

/**
 * The in-process event bus. Publishers call `publish(em, ...)` inside the transaction that made
 * the change: each event is first recorded in `event_log` (the outbox the notification fan-out,
 * the live stream and webhooks consume after the commit, announced by a NOTIFY that PostgreSQL
 * delivers only on commit), then every listener of the event's class runs there, in registration
 * order, before the publisher returns. A listener that throws rolls the change back, so "it
 * happened" and "everyone who must know has recorded it" are one fact. Listeners that talk to the
 * outside world (mail, SMS, webhooks) must not do so here: they write an outbox row and a worker
 * delivers it after the commit.
 */
@Injectable()
export class DomainEvents {
  private readonly listeners = new Map<string, Registration[]>();

  /**
   * Registers a listener; call it from a provider's constructor or `onModuleInit`. `only`, when
   * given, says which events the listener acts on, from facts the publisher knows before its
   * write (see `listens`); the listener is not called for the others.
   */
  on<E extends DomainEvent>(
    type: DomainEventClass<E>,
    listener: DomainEventListener<E>,
    only?: (facts: Partial<E>) => boolean,
  ): void {
    const list = this.listeners.get(type.eventName) ?? [];
    list.push({
      listener: listener as DomainEventListener<DomainEvent>,
      only: (only as Registration['only']) ?? (() => true),
    });
    this.listeners.set(type.eventName, list);
  }

  /**
   * Whether an in-process listener runs for this event class, or, given the facts the publisher
   * knows before its write, for such an event: a writer whose statement already records the
   * event (the ticket create) opens a transaction only when a listener will write with it.
   */
  listens<E extends DomainEvent>(type: DomainEventClass<E>, facts?: Partial<E>): boolean {
    const list = this.listeners.get(type.eventName) ?? [];
    return facts ? list.some((r) => r.only(facts)) : list.length > 0;
  }

  /**
   * The in-process listeners of events that the caller's own statement has already recorded in
   * `event_log` (the ticket create records its TicketCreated in its INSERT), or of in-process-only
   * events that are no news for anyone (TicketFiledAfterSuggestions).
   */
  async runListeners(em: EntityManager, ...events: DomainEvent[]): Promise<void> {
    for (const event of events) {
      const name = (event.constructor as DomainEventClass<DomainEvent>).eventName;
      for (const r of this.listeners.get(name) ?? []) {
        if (r.only(event)) await r.listener(event, em);
      }
    }
  }

  /**
   * `em` must be the transaction of the change: the event_log row (and so every notification of
   * it) commits or rolls back with it.
   */
  async publish(em: EntityManager, ...events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    await recordEvents(em, events);
    await this.runListeners(em, ...events);
  }
}

/**
 * One statement for the rows and their NOTIFYs. The payload is the event as JSON (dates as ISO
 * strings); the ticket and actor are columns so consumers filter without parsing it.
 */
async function recordEvents(em: EntityManager, events: DomainEvent[]): Promise<void> {
  const names: string[] = [];
  const tickets: (string | null)[] = [];
  const actors: (string | null)[] = [];
  const payloads: string[] = [];
  const ats: Date[] = [];
  for (const event of events) {
    names.push((event.constructor as DomainEventClass<DomainEvent>).eventName);
    tickets.push(stringField(event, 'ticketId'));
    actors.push(actorOf(event));
    payloads.push(JSON.stringify(event));
    ats.push(event.at);
  }
  await em.query(
    `WITH e AS (
       INSERT INTO event_log (name, ticket_id, actor_id, payload, created_at)
       SELECT name, ticket_id, actor_id, payload, created_at
         FROM unnest($1::varchar[], $2::uuid[], $3::uuid[], $4::jsonb[], $5::timestamptz[])
              WITH ORDINALITY AS x(name, ticket_id, actor_id, payload, created_at, n)
        ORDER BY n
       RETURNING id, name, ticket_id)
     SELECT pg_notify('${EVENTS_CHANNEL}', e.id || '|' || e.name || '|' || COALESCE(e.ticket_id::text, ''))
       FROM e ORDER BY e.id`,
    [names, tickets, actors, payloads, ats],
  );
}

function stringField(event: DomainEvent, field: string): string | null {
  const value = (event as unknown as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : null;
}

/** Who caused it: events name their actor `actorId`, a comment its `authorId`, a file its `uploaderId`. */
function actorOf(event: DomainEvent): string | null {
  return (
    stringField(event, 'actorId') ??
    stringField(event, 'authorId') ??
    stringField(event, 'uploaderId')
  );
}

/** Provides the one DomainEvents bus, and the listener of committed events, to every module. */
@Global()
@Module({
  providers: [DomainEvents, EventLogListener, EventLogPruner],
  exports: [DomainEvents, EventLogListener],
})
export class DomainEventsModule {}
