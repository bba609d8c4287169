import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { TicketEventKind } from '@relaydesk/contracts';
import { User } from '../../directory/entities/user.entity.js';
import { Ticket } from './ticket.entity.js';

/** One line of a ticket's history. `actorId` null means the system did it. */
@Entity('ticket_events')
@Index('ticket_events_ticket_created_idx', ['ticketId', 'createdAt', 'id'])
export class TicketEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'ticket_id' }) ticketId!: string;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;

  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<User>;

  @Column('varchar', { length: 32 }) kind!: TicketEventKind;
  @Column('varchar', { length: 64, nullable: true }) field!: string | null;
  @Column('jsonb', { name: 'old_value', nullable: true }) oldValue!: unknown;
  @Column('jsonb', { name: 'new_value', nullable: true }) newValue!: unknown;
  /** Hidden from clients (internal comments and their attachments). */
  @Column('boolean', { default: false }) internal!: boolean;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
