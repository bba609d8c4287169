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
import { User } from '../../directory/index.js';
import { Ticket } from './ticket.entity.js';

/** One line of a ticket's history. `actorId` null means the system did it. */
@Entity('ticket_events')
@Index('ticket_events_ticket_created_idx', ['ticketId', 'createdAt', 'id'])
/** Partial: only the lines that move a ticket between support levels (the level report). */
@Index('ticket_events_support_level_idx', { synchronize: false })
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

  /** The assignee whose active deputy the actor was when acting (CDESK "on behalf of"). */
  @Column('uuid', { name: 'on_behalf_of_id', nullable: true }) onBehalfOfId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'on_behalf_of_id' })
  onBehalfOf?: Relation<User>;

  @Column('varchar', { length: 32 }) kind!: TicketEventKind;
  @Column('varchar', { length: 64, nullable: true }) field!: string | null;
  @Column('jsonb', { name: 'old_value', nullable: true }) oldValue!: unknown;
  @Column('jsonb', { name: 'new_value', nullable: true }) newValue!: unknown;
  /** Hidden from clients (internal comments and their attachments). */
  @Column('boolean', { default: false }) internal!: boolean;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
