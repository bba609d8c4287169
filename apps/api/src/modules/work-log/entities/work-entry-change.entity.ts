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
import { Ticket } from '../../tickets/index.js';

/**
 * The history of a ticket's work entries: a line per create, change and delete, kept after the
 * entry is deleted (no foreign key to it), with the changed fields' old and new values.
 */
@Entity('work_entry_changes')
@Index('work_entry_changes_ticket_idx', ['ticketId', 'id'])
export class WorkEntryChange {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'entry_id' }) entryId!: string;
  @Column('uuid', { name: 'ticket_id' }) ticketId!: string;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<User>;
  /** created, updated or deleted. */
  @Column('varchar', { length: 10 }) action!: string;
  /** { field: { from, to } } for a change; the entry's fields for a create or delete. */
  @Column('jsonb', { default: () => "'{}'" }) changes!: Record<string, unknown>;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
