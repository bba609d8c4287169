import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { TicketPriority } from '@relaydesk/contracts';
import { Group } from '../../../directory/index.js';
import { TicketType } from '../../../tickets/index.js';

export const MAILBOX_TLS_MODES = ['tls', 'starttls', 'none'] as const;
export type MailboxTlsMode = (typeof MAILBOX_TLS_MODES)[number];

/** What happens to mail from a sender no contact, domain or organization allows. */
export const UNKNOWN_SENDER_POLICIES = ['refuse', 'quarantine'] as const;
export type UnknownSenderPolicy = (typeof UNKNOWN_SENDER_POLICIES)[number];

/**
 * A support mailbox polled over IMAP: where to log in, which folders to use, the address it
 * serves and the defaults of the tickets it opens. The poller keeps its place here: the
 * UIDVALIDITY it saw and the highest UID it handled, and the last error and success for the UI.
 */
@Entity('support_mailboxes')
@Index('support_mailboxes_address_key', { synchronize: false })
@Check('support_mailboxes_tls_check', `"imap_tls" IN ('tls', 'starttls', 'none')`)
@Check('support_mailboxes_port_check', `"imap_port" BETWEEN 1 AND 65535`)
@Check('support_mailboxes_policy_check', `"unknown_sender_policy" IN ('refuse', 'quarantine')`)
@Check(
  'support_mailboxes_priority_check',
  `"default_priority" IN ('low', 'normal', 'high', 'urgent')`,
)
export class SupportMailbox {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('varchar', { length: 200 }) name!: string;
  /** Lower case; unique (an expression index in the migration). */
  @Column('varchar', { length: 320 }) address!: string;
  @Column('varchar', { name: 'imap_host', length: 255 }) imapHost!: string;
  @Column('int', { name: 'imap_port' }) imapPort!: number;
  @Column('varchar', { name: 'imap_tls', length: 10 }) imapTls!: MailboxTlsMode;
  @Column('varchar', { name: 'imap_user', length: 320 }) imapUser!: string;
  /** SecretBox-sealed (`v1:…`), bound to the row id; never leaves the API. */
  @Column('text', { name: 'imap_password_sealed' }) imapPasswordSealed!: string;
  @Column('varchar', { length: 200, default: 'INBOX' }) folder!: string;
  @Column('varchar', { name: 'processed_folder', length: 200, default: 'Processed' })
  processedFolder!: string;
  @Column('varchar', { name: 'failed_folder', length: 200, default: 'Failed' })
  failedFolder!: string;

  @Column('uuid', { name: 'default_type_id', nullable: true }) defaultTypeId!: string | null;
  @ManyToOne(() => TicketType, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'default_type_id' })
  defaultType?: Relation<TicketType>;

  @Column('uuid', { name: 'default_group_id', nullable: true }) defaultGroupId!: string | null;
  @ManyToOne(() => Group, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'default_group_id' })
  defaultGroup?: Relation<Group>;

  @Column('varchar', { name: 'default_priority', length: 10, nullable: true })
  defaultPriority!: TicketPriority | null;
  @Column('varchar', { name: 'unknown_sender_policy', length: 12, default: 'quarantine' })
  unknownSenderPolicy!: UnknownSenderPolicy;
  @Column('boolean', { default: true }) active!: boolean;

  /** The folder's UIDVALIDITY (a 32-bit unsigned number, as text) when the poller last ran. */
  @Column('varchar', { name: 'uid_validity', length: 20, nullable: true })
  uidValidity!: string | null;
  /** The highest UID handled under uid_validity (UIDs are 32-bit unsigned: bigint). */
  @Column('bigint', { name: 'last_uid', default: 0 }) lastUid!: string;
  @Column('timestamptz', { name: 'last_polled_at', nullable: true }) lastPolledAt!: Date | null;
  @Column('timestamptz', { name: 'last_success_at', nullable: true }) lastSuccessAt!: Date | null;
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
  @Column('timestamptz', { name: 'last_error_at', nullable: true }) lastErrorAt!: Date | null;

  @Column('int', { default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
