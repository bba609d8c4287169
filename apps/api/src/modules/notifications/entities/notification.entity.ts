import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { NotificationKind } from '@relaydesk/contracts';
import { User } from '../../directory/index.js';
import { Ticket } from '../../tickets/index.js';

/**
 * An in-app notification of one user. Written in the transaction of what caused it; e-mail and
 * SMS delivery will read the same rows later.
 */
@Entity('notifications')
@Index('notifications_user_created_idx', ['userId', 'createdAt', 'id'])
@Index('notifications_user_unread_idx', { synchronize: false })
@Index('notifications_ticket_idx', ['ticketId'])
export class Notification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
  @Column('varchar', { length: 40 }) kind!: NotificationKind;
  @Column('uuid', { name: 'ticket_id', nullable: true }) ticketId!: string | null;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;
  @Column('jsonb', { default: () => "'{}'" }) data!: Record<string, unknown>;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt!: Date | null;
}
