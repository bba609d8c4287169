import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../directory/index.js';
import { Ticket } from './ticket.entity.js';

/** Someone who follows a ticket without being its requester or assignee (hears of its changes). */
@Entity('ticket_watchers')
@Index('ticket_watchers_user_id_idx', ['userId'])
export class TicketWatcher {
  @PrimaryColumn('uuid', { name: 'ticket_id' }) ticketId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
  /** Who added them (themselves, a colleague, staff); null once that user is deleted. */
  @Column('uuid', { name: 'added_by_id', nullable: true }) addedById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'added_by_id' })
  addedBy?: Relation<User>;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
