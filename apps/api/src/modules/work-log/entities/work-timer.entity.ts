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
import { Ticket } from '../../tickets/index.js';

/** An agent's running timer: one per agent (the key), on one ticket, until stopped. */
@Entity('work_timers')
@Index('work_timers_ticket_idx', ['ticketId'])
export class WorkTimer {
  @PrimaryColumn('uuid', { name: 'user_id', primaryKeyConstraintName: 'work_timers_pkey' })
  userId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
  @Column('uuid', { name: 'ticket_id' }) ticketId!: string;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
}
