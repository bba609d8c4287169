import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Ticket } from '../../../tickets/index.js';

/**
 * A request from the web form that waits for its sender to confirm their address. Only a SHA-256
 * of the link's token is kept. Confirming creates the ticket once: `ticket_id` and
 * `confirmed_at` are set in the ticket's transaction, under a lock on this row, so a second click
 * (or a second instance) finds them set and answers with the ticket's number.
 */
@Entity('web_form_submissions')
@Index('web_form_submissions_expires_at_idx', ['expiresAt'])
export class WebFormSubmission {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'web_form_submissions_pkey' })
  id!: string;
  @Column('citext') email!: string;
  @Column('varchar', { length: 200 }) name!: string;
  @Column('varchar', { length: 250 }) subject!: string;
  @Column('text') description!: string;
  @Column('uuid', { name: 'type_id', nullable: true }) typeId!: string | null;
  @Column('varchar', { length: 2 }) locale!: string;
  @Index('web_form_submissions_token_hash_key', { unique: true })
  @Column('varchar', { name: 'token_hash', length: 64 })
  tokenHash!: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'confirmed_at', nullable: true }) confirmedAt!: Date | null;
  @Column('uuid', { name: 'ticket_id', nullable: true }) ticketId!: string | null;
  @ManyToOne(() => Ticket, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'ticket_id',
    foreignKeyConstraintName: 'web_form_submissions_ticket_id_fkey',
  })
  ticket?: Relation<Ticket>;
  /** Kept for the answer to a second click, also after the ticket is gone. */
  @Column('int', { name: 'ticket_number', nullable: true }) ticketNumber!: number | null;
}
