import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The transactional outbox of domain events: every published event is written here inside the
 * transaction of its change (so it exists exactly when the change committed), and a
 * `pg_notify('relaydesk_events', id)` in the same transaction wakes every instance on commit.
 * Consumers after the commit: the notification fan-out (marks `fanned_out_at`), the live stream
 * (replays by id for `Last-Event-ID`), the webhook feed (marks `webhooks_at`). Append-only; a sweep
 * prunes rows both markers are set on.
 */
@Entity('event_log')
@Index('event_log_pending_idx', { synchronize: false })
@Index('event_log_webhooks_pending_idx', { synchronize: false })
@Index('event_log_created_idx', ['createdAt'])
export class EventLogEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  /** The event class's `eventName` (`ticket.created`). */
  @Column('varchar', { length: 60 }) name!: string;
  /** The ticket it is about, if any; no foreign key: the log outlives nothing and blocks nothing. */
  @Column('uuid', { name: 'ticket_id', nullable: true }) ticketId!: string | null;
  /** Who caused it; null for the system (a timer, a sweep). */
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  /** The event's fields as JSON (dates as ISO strings). */
  @Column('jsonb') payload!: Record<string, unknown>;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  /** When the notification fan-out turned it into notifications and deliveries. */
  @Column('timestamptz', { name: 'fanned_out_at', nullable: true }) fannedOutAt!: Date | null;
  /** Failed fan-outs of this event; after a few it is set aside (fanned_out_at with the error kept). */
  @Column('int', { name: 'fan_out_attempts', default: 0 }) fanOutAttempts!: number;
  /** The last fan-out failure, for whoever looks into a set-aside event. */
  @Column('text', { name: 'fan_out_error', nullable: true }) fanOutError!: string | null;
  /** When the webhook feed turned it into webhook messages (or found no endpoint for it). */
  @Column('timestamptz', { name: 'webhooks_at', nullable: true }) webhooksAt!: Date | null;
  /** Failed webhook feeds of this event; after a few it is set aside like a failed fan-out. */
  @Column('int', { name: 'webhook_attempts', default: 0 }) webhookAttempts!: number;
  @Column('text', { name: 'webhook_error', nullable: true }) webhookError!: string | null;
}
