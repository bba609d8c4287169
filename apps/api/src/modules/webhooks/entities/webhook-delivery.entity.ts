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
import type { WebhookDeliveryStatus } from '@relaydesk/contracts';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';

/**
 * One message to one endpoint: the outbox row the delivery worker claims, sends and marks. The
 * body is fixed when the row is written (the event and the ticket as they were then), so every
 * attempt and a manual redelivery send the same bytes under the same `webhook-id`.
 */
@Entity('webhook_deliveries')
@Check('webhook_deliveries_status_check', `"status" IN ('pending', 'delivered', 'failed')`)
// One message per event and endpoint, however many feeders run.
@Index('webhook_deliveries_event_endpoint_key', ['eventId', 'endpointId'], { unique: true })
@Index('webhook_deliveries_endpoint_idx', ['endpointId', 'createdAt', 'id'])
@Index('webhook_deliveries_due_idx', { synchronize: false })
export class WebhookDelivery {
  /** Also the message's `webhook-id` (`msg_` + this without dashes). */
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'webhook_deliveries_pkey' })
  id!: string;
  @Column('uuid', { name: 'endpoint_id' }) endpointId!: string;
  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'endpoint_id',
    foreignKeyConstraintName: 'webhook_deliveries_endpoint_id_fkey',
  })
  endpoint?: Relation<WebhookEndpoint>;
  /** The event_log row it came from (no foreign key: the log is pruned, the message stays). */
  @Column('bigint', { name: 'event_id' }) eventId!: string;
  /** The WebhookEventKind. */
  @Column('varchar', { name: 'event_type', length: 40 }) eventType!: string;
  @Column('uuid', { name: 'ticket_id', nullable: true }) ticketId!: string | null;
  /** The JSON body exactly as signed and sent. */
  @Column('text') body!: string;
  @Column('varchar', { length: 12, default: 'pending' }) status!: WebhookDeliveryStatus;
  @Column('int', { default: 0 }) attempts!: number;
  @Column('timestamptz', { name: 'next_attempt_at' }) nextAttemptAt!: Date;
  @Column('int', { name: 'last_status_code', nullable: true }) lastStatusCode!: number | null;
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
  @Column('timestamptz', { name: 'last_attempt_at', nullable: true }) lastAttemptAt!: Date | null;
  @Column('timestamptz', { name: 'delivered_at', nullable: true }) deliveredAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
