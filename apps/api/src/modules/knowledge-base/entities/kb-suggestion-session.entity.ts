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

/**
 * One filling-in of the portal's new-ticket form in which the client opened at least one
 * suggested article (the id is the form's random session id). Filing the ticket with that id sets
 * `filed_at` in the create's transaction; a session whose last open is a window old without a
 * filing is a deflection, decided when the report is read (docs/knowledge-base.md).
 */
@Entity('kb_suggestion_sessions')
@Index('kb_suggestion_sessions_started_idx', ['startedAt'])
@Index('kb_suggestion_sessions_user_idx', ['userId'])
export class KbSuggestionSession {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'kb_suggestion_sessions_pkey' }) id!: string;
  /** The client who typed; only their own ticket marks the session filed. */
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
  /** The first open: the day the session is reported under. */
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
  /** The latest open: the window runs from here. */
  @Column('timestamptz', { name: 'last_opened_at' }) lastOpenedAt!: Date;
  /** Kept when the ticket goes: "filed" is a fact of the past, not of the ticket's survival. */
  @Column('timestamptz', { name: 'filed_at', nullable: true }) filedAt!: Date | null;
  @Column('uuid', { name: 'ticket_id', nullable: true }) ticketId!: string | null;
  @ManyToOne(() => Ticket, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;
}
