import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { DeliveryStatus } from '@relaydesk/contracts';
import { User } from '../../directory/index.js';
import { Ticket } from '../../tickets/index.js';

/**
 * One outgoing e-mail or SMS to one address: the outbox row a delivery worker claims, sends and
 * marks. Written by the fan-out (or an account action) in a transaction; the content is rendered
 * at send time from `kind`, `locale` and `data`, which holds only what the recipient may read.
 */
@Entity('deliveries')
@Check('deliveries_channel_check', `"channel" IN ('email', 'sms')`)
@Check('deliveries_status_check', `"status" IN ('pending', 'sent', 'failed', 'suppressed')`)
@Index('deliveries_due_idx', { synchronize: false })
@Index('deliveries_ticket_idx', ['ticketId', 'createdAt'])
@Index('deliveries_address_created_idx', ['address', 'createdAt'])
@Index('deliveries_status_created_idx', ['status', 'createdAt'])
// The refusal mails of the last hour and day, counted by the mail intake.
@Index('deliveries_refused_created_idx', ['createdAt'], { where: `"kind" = 'mail_refused'` })
export class Delivery {
  /** Short and numeric: it names the row in the VERP bounce address. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  /** The event_log row it came from; null for account mails. */
  @Column('bigint', { name: 'event_id', nullable: true }) eventId!: string | null;
  @Column('varchar', { length: 8 }) channel!: 'email' | 'sms';
  /** A NotificationKind or an AccountMailKind. */
  @Column('varchar', { length: 40 }) kind!: string;
  @Column('uuid', { name: 'user_id', nullable: true }) userId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
  /** E-mail address, or E.164 phone number for SMS. */
  @Column('varchar', { length: 320 }) address!: string;
  @Column('varchar', { length: 2 }) locale!: string;
  @Column('uuid', { name: 'ticket_id', nullable: true }) ticketId!: string | null;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;
  /** What the template needs; only what this recipient may read. */
  @Column('jsonb', { default: () => "'{}'" }) data!: Record<string, unknown>;
  /** Automatic mail (Auto-Submitted: auto-generated), as opposed to a person's own reply. */
  @Column('boolean', { default: true }) automatic!: boolean;
  @Column('varchar', { length: 12, default: 'pending' }) status!: DeliveryStatus;
  @Column('int', { default: 0 }) attempts!: number;
  /**
   * Due from then on. Inserters set it (and created_at) from the Clock, which is what the worker
   * compares with, and call wakeDeliveryWorkers(em) in the same transaction.
   */
  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt!: Date;
  /** The last error (SMTP reply, gateway answer), without secrets. */
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
  /** The Message-ID it was sent with (in our domain), for threading replies and bounces. */
  @Index('deliveries_message_id_key', { unique: true })
  @Column('varchar', { name: 'message_id', length: 250, nullable: true })
  messageId!: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt!: Date | null;
  /**
   * A delivery status notification (bounce) came back for it: when, permanent (5.x.x: the
   * recipient is bouncing) or a delay (4.x.x, a note), the status code and the remote reply.
   */
  @Column('timestamptz', { name: 'bounced_at', nullable: true }) bouncedAt!: Date | null;
  @Column('boolean', { name: 'bounce_permanent', nullable: true }) bouncePermanent!: boolean | null;
  @Column('varchar', { name: 'bounce_status', length: 16, nullable: true })
  bounceStatus!: string | null;
  @Column('text', { name: 'bounce_diagnostic', nullable: true }) bounceDiagnostic!: string | null;
}
