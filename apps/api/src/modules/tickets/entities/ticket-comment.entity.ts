import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../directory/index.js';
import { Ticket } from './ticket.entity.js';

@Entity('ticket_comments')
@Index('ticket_comments_ticket_created_idx', ['ticketId', 'createdAt', 'id'])
export class TicketComment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'ticket_id' }) ticketId!: string;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;

  @Column('uuid', { name: 'author_id', nullable: true }) authorId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<User>;

  @Column('text') body!: string;
  /** Internal notes are for staff only: never returned, counted or searched for clients. */
  @Column('boolean', { default: false }) internal!: boolean;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
