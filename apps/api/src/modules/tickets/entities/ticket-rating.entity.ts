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
import type { RatingVia } from '@relaydesk/contracts';
import { User } from '../../directory/index.js';
import { Ticket } from './ticket.entity.js';

/**
 * A requester's satisfaction rating, given when accepting a resolution (portal) or through a
 * signed link. The assignee at that moment is kept so "by agent" reports do not move when the
 * ticket is reassigned later.
 */
@Entity('ticket_ratings')
@Index('ticket_ratings_ticket_idx', ['ticketId', 'createdAt'])
@Index('ticket_ratings_created_idx', ['createdAt'])
@Index('ticket_ratings_assignee_idx', ['assigneeId', 'createdAt'])
@Index('ticket_ratings_link_nonce_key', ['linkNonce'], { unique: true })
@Check('ticket_ratings_rating_check', `"rating" BETWEEN 1 AND 5`)
@Check('ticket_ratings_via_check', `"via" IN ('portal', 'link')`)
export class TicketRating {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'ticket_id' }) ticketId!: string;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;
  @Column('smallint') rating!: number;
  @Column('text', { nullable: true }) comment!: string | null;
  @Column('uuid', { name: 'rated_by_id', nullable: true }) ratedById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'rated_by_id' })
  ratedBy?: Relation<User>;
  @Column('uuid', { name: 'assignee_id', nullable: true }) assigneeId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: Relation<User>;
  @Column('varchar', { length: 10 }) via!: RatingVia;
  /** The signed link's nonce: a link records one answer, ever. */
  @Column('varchar', { name: 'link_nonce', length: 64, nullable: true }) linkNonce!: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
