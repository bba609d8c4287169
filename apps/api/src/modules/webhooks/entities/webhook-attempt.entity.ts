import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { WebhookDelivery } from './webhook-delivery.entity.js';

/** One try of a message: the delivery log an admin reads when a receiver misbehaves. */
@Entity('webhook_attempts')
@Index('webhook_attempts_delivery_idx', ['deliveryId', 'id'])
export class WebhookAttempt {
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'webhook_attempts_pkey',
  })
  id!: string;
  @Column('uuid', { name: 'delivery_id' }) deliveryId!: string;
  @ManyToOne(() => WebhookDelivery, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'delivery_id',
    foreignKeyConstraintName: 'webhook_attempts_delivery_id_fkey',
  })
  delivery?: Relation<WebhookDelivery>;
  @Column('timestamptz', { name: 'attempted_at' }) attemptedAt!: Date;
  /** The receiver's answer; null when there was none (refused, timeout, connection error). */
  @Column('int', { name: 'status_code', nullable: true }) statusCode!: number | null;
  @Column('int', { name: 'duration_ms' }) durationMs!: number;
  /** The first 4 KB of the answer's body. */
  @Column('text', { name: 'response_excerpt', nullable: true }) responseExcerpt!: string | null;
  /** Why it did not count as delivered, in words (no secrets). */
  @Column('text', { nullable: true }) error!: string | null;
  /** A manual redelivery, not the retry schedule. */
  @Column('boolean', { default: false }) manual!: boolean;
}
