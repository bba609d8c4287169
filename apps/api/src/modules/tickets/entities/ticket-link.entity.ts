import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import type { TicketLinkKind } from '@relaydesk/contracts';
import { User } from '../../directory/index.js';
import { Ticket } from './ticket.entity.js';

/**
 * `ticket` is a duplicate of / related to / a child of `linkedTicket`. One row per pair and
 * kind; `related` is stored once and read from both ends.
 */
@Entity('ticket_links')
@Unique('ticket_links_pair_kind_key', ['ticketId', 'linkedTicketId', 'kind'])
@Index('ticket_links_linked_idx', ['linkedTicketId'])
@Check('ticket_links_kind_check', `"kind" IN ('duplicate_of', 'related', 'child_of')`)
@Check('ticket_links_not_self_check', `"ticket_id" <> "linked_ticket_id"`)
export class TicketLink {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'ticket_id' }) ticketId!: string;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;
  @Column('uuid', { name: 'linked_ticket_id' }) linkedTicketId!: string;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'linked_ticket_id' })
  linkedTicket?: Relation<Ticket>;
  @Column('varchar', { length: 16 }) kind!: TicketLinkKind;
  @Column('uuid', { name: 'created_by_id', nullable: true }) createdById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User>;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
