import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../../../directory/index.js';
import { Ticket } from '../../../../tickets/index.js';

export const INBOUND_STATUSES = [
  'processed',
  'ignored',
  'quarantined',
  'refused',
  'bounce',
  'failed',
  'discarded',
] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];

/** What the ingest stored about one attachment it put on the ticket. */
export interface InboundAttachmentRecord {
  attachmentId: string;
  fileName: string;
  /** A `cid:` part of the HTML (an inline image), not a file the sender attached. */
  inline: boolean;
  contentId: string | null;
  /** Executable or double extension: stored, but served as octet-stream only. */
  dangerous: boolean;
}

/**
 * Every message a support mailbox (or the HTTP pipe) handed us, with its raw bytes: the row is
 * written in the transaction that files its ticket or comment, so a message exists here exactly
 * when its effect does, and its unique keys make a second fetch a no-op. A message that could not
 * be processed is kept too (status failed, with the error): mail is never lost.
 */
@Entity('inbound_messages')
@Check(
  'inbound_messages_status_check',
  `"status" IN ('processed', 'ignored', 'quarantined', 'refused', 'bounce', 'failed', 'discarded')`,
)
@Index('inbound_messages_mailbox_uid_key', ['mailboxId', 'uidValidity', 'uid'], { unique: true })
@Index('inbound_messages_message_id_key', ['messageId'], { unique: true })
@Index('inbound_messages_status_received_idx', ['status', 'receivedAt'])
@Index('inbound_messages_from_received_idx', ['fromAddress', 'receivedAt'])
@Index('inbound_messages_ticket_idx', ['ticketId'])
export class InboundMessage {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** The mailboxes row (IMAP or HTTP with a mailbox); null: the HTTP pipe's defaults. */
  @Column('uuid', { name: 'mailbox_id', nullable: true }) mailboxId!: string | null;
  @Column('varchar', { length: 8 }) source!: 'imap' | 'http';
  /** IMAP UIDVALIDITY as decimal text (a 32-bit unsigned number that imapflow gives as BigInt). */
  @Column('varchar', { name: 'uid_validity', length: 20, nullable: true })
  uidValidity!: string | null;
  @Column('bigint', { nullable: true }) uid!: string | null;
  /** Without angle brackets; synthetic (a hash of the raw bytes) when the message has none. */
  @Column('varchar', { name: 'message_id', length: 998 }) messageId!: string;
  /** The message as received: the .eml stays retrievable whatever happened to it. */
  @Column('bytea') raw!: Buffer;
  @Column('varchar', { name: 'from_address', length: 320, nullable: true })
  fromAddress!: string | null;
  @Column('varchar', { name: 'from_name', length: 200, default: '' }) fromName!: string;
  /** Shown to staff when it differs from From; never the sender's identity. */
  @Column('varchar', { name: 'reply_to', length: 320, nullable: true }) replyTo!: string | null;
  @Column('varchar', { length: 1000, default: '' }) subject!: string;
  /** The receiving server's Authentication-Results header: a hint for staff, never trusted. */
  @Column('text', { name: 'authentication_results', nullable: true })
  authenticationResults!: string | null;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
  @Column('varchar', { length: 12 }) status!: InboundStatus;
  /** Why it was ignored, quarantined, refused or flagged; the error for a failed one. */
  @Column('text', { nullable: true }) reason!: string | null;
  /** It filed a new ticket (the per-sender rate limit counts these). */
  @Column('boolean', { name: 'created_ticket', default: false }) createdTicket!: boolean;
  @Column('uuid', { name: 'ticket_id', nullable: true }) ticketId!: string | null;
  @ManyToOne(() => Ticket, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;
  @Column('uuid', { name: 'comment_id', nullable: true }) commentId!: string | null;
  /** The ticket its threading pointed at when the sender was not allowed there (flagged). */
  @Column('uuid', { name: 'thread_ticket_id', nullable: true }) threadTicketId!: string | null;
  @Column('uuid', { name: 'sender_id', nullable: true }) senderId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sender_id' })
  sender?: Relation<User>;
  @Column('jsonb', { default: () => "'[]'" }) attachments!: InboundAttachmentRecord[];
  /** Staff who accepted or discarded it from the quarantine. */
  @Column('uuid', { name: 'decided_by_id', nullable: true }) decidedById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by_id' })
  decidedBy?: Relation<User>;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
