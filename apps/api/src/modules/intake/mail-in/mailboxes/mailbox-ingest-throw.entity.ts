import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { SupportMailbox } from './support-mailbox.entity.js';

/**
 * How often the ingest threw on one message of a mailbox (not counting the database being away).
 * Kept in the database, not in the instance: sessions move between instances and restarts, and
 * the count that sets a message aside must survive both. Gone once the message leaves the folder.
 */
@Entity('mailbox_ingest_throws')
export class MailboxIngestThrow {
  @PrimaryColumn('uuid', {
    name: 'mailbox_id',
    primaryKeyConstraintName: 'mailbox_ingest_throws_pkey',
  })
  mailboxId!: string;
  @ManyToOne(() => SupportMailbox, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'mailbox_id',
    foreignKeyConstraintName: 'mailbox_ingest_throws_mailbox_id_fkey',
  })
  mailbox?: Relation<SupportMailbox>;
  @PrimaryColumn('varchar', {
    name: 'uid_validity',
    length: 20,
    primaryKeyConstraintName: 'mailbox_ingest_throws_pkey',
  })
  uidValidity!: string;
  @PrimaryColumn('bigint', { primaryKeyConstraintName: 'mailbox_ingest_throws_pkey' })
  uid!: string;
  @Column('int') throws!: number;
  @Column('text', { name: 'last_error' }) lastError!: string;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
