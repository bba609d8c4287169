import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import { SecretBox } from '../../../../common/crypto/secret-box.js';
import {
  columnChanges,
  iso,
  isUniqueViolation,
  SqlParams,
} from '../../../../common/database/crud-sql.js';
import { sql } from '../../../../common/database/sql.js';
import {
  BusinessRuleError,
  ConflictError,
  NotFoundError,
  VersionConflictError,
} from '../../../../common/errors/domain-errors.js';
import { Clock } from '../../../../common/time/clock.js';
import { INBOUND_MAIL_MAX_BYTES } from '../http/inbound-mail-body.js';
import type { ImapSettings } from '../imap/imap-connection.js';
import { extractMessageIds, syntheticMessageId } from '../parsing/message-id.js';
import type {
  CreateMailboxDto,
  FailedMessageDto,
  MailboxDto,
  UpdateMailboxDto,
} from './mailbox.dto.js';
import type { MailboxTlsMode, UnknownSenderPolicy } from './support-mailbox.entity.js';

const COLUMNS = `id, name, address, imap_host, imap_port, imap_tls, imap_user, folder,
  processed_folder, failed_folder, default_type_id, default_group_id, default_priority,
  unknown_sender_policy, active, uid_validity, last_uid, last_polled_at, last_success_at,
  last_error, last_error_at, version, created_at, updated_at`;

export interface MailboxRow {
  id: string;
  name: string;
  address: string;
  imap_host: string;
  imap_port: number;
  imap_tls: MailboxTlsMode;
  imap_user: string;
  folder: string;
  processed_folder: string;
  failed_folder: string;
  default_type_id: string | null;
  default_group_id: string | null;
  default_priority: MailboxDto['defaultPriority'];
  unknown_sender_policy: UnknownSenderPolicy;
  active: boolean;
  uid_validity: string | null;
  last_uid: string;
  last_polled_at: Date | null;
  last_success_at: Date | null;
  last_error: string | null;
  last_error_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** What the poller needs of a mailbox: the row and the password, opened. */
export interface MailboxForPoll {
  row: MailboxRow;
  imap: ImapSettings;
}

const isoOrNull = (d: Date | null) => (d ? iso(d) : null);

function toDto(r: MailboxRow): MailboxDto {
  return {
    id: r.id,
    name: r.name,
    address: r.address,
    imapHost: r.imap_host,
    imapPort: r.imap_port,
    imapTls: r.imap_tls,
    imapUser: r.imap_user,
    passwordSet: true,
    folder: r.folder,
    processedFolder: r.processed_folder,
    failedFolder: r.failed_folder,
    defaultTypeId: r.default_type_id,
    defaultGroupId: r.default_group_id,
    defaultPriority: r.default_priority,
    unknownSenderPolicy: r.unknown_sender_policy,
    active: r.active,
    status: {
      uidValidity: r.uid_validity,
      lastUid: Number(r.last_uid),
      lastPolledAt: isoOrNull(r.last_polled_at),
      lastSuccessAt: isoOrNull(r.last_success_at),
      lastError: r.last_error,
      lastErrorAt: isoOrNull(r.last_error_at),
    },
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** The password's associated data: a sealed value copied onto another row does not open. */
const passwordContext = (id: string) => `support_mailboxes:${id}:imap_password`;

function addressTaken(): ConflictError {
  return new ConflictError('Another mailbox already serves this address', {
    errors: [{ field: 'address', message: 'is already served by another mailbox' }],
  });
}

/** A message moved to the folder it is read from would be read again: the three must differ. */
function assertDistinctFolders(folder: string, processed: string, failed: string): void {
  const errors: ProblemFieldError[] = [];
  if (processed === folder)
    errors.push({ field: 'processedFolder', message: 'must differ from folder' });
  if (failed === folder) errors.push({ field: 'failedFolder', message: 'must differ from folder' });
  if (errors.length > 0) {
    throw new BusinessRuleError('Handled mail must leave the folder that is read', errors);
  }
}

const PATCH_COLUMNS = {
  name: 'name',
  imapPort: 'imap_port',
  imapTls: 'imap_tls',
  imapUser: 'imap_user',
  folder: 'folder',
  processedFolder: 'processed_folder',
  failedFolder: 'failed_folder',
  defaultTypeId: 'default_type_id',
  defaultGroupId: 'default_group_id',
  defaultPriority: 'default_priority',
  unknownSenderPolicy: 'unknown_sender_policy',
  active: 'active',
} as const;

/** Admin CRUD of support mailboxes, and the poller's reads and status writes. */
@Injectable()
export class MailboxesService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly secrets: SecretBox,
  ) {}

  async list(): Promise<MailboxDto[]> {
    const rows = await sql<MailboxRow>(
      this.db,
      `SELECT ${COLUMNS} FROM support_mailboxes ORDER BY lower(name), id`,
    );
    return rows.map(toDto);
  }

  async get(id: string, em: EntityManager | DataSource = this.db): Promise<MailboxDto> {
    return toDto(await this.row(id, em));
  }

  async create(dto: CreateMailboxDto): Promise<MailboxDto> {
    const id = randomUUID();
    try {
      assertDistinctFolders(
        dto.folder ?? 'INBOX',
        dto.processedFolder ?? 'Processed',
        dto.failedFolder ?? 'Failed',
      );
      return await this.db.transaction(async (em) => {
        await this.assertReferences(em, dto);
        const now = this.clock.now();
        await sql(
          em,
          `INSERT INTO support_mailboxes (id, name, address, imap_host, imap_port, imap_tls,
             imap_user, imap_password_sealed, folder, processed_folder, failed_folder,
             default_type_id, default_group_id, default_priority, unknown_sender_policy, active,
             created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)`,
          [
            id,
            dto.name.trim(),
            dto.address.trim().toLowerCase(),
            dto.imapHost.trim(),
            dto.imapPort,
            dto.imapTls,
            dto.imapUser.trim(),
            this.secrets.seal(dto.imapPassword, passwordContext(id)),
            dto.folder ?? 'INBOX',
            dto.processedFolder ?? 'Processed',
            dto.failedFolder ?? 'Failed',
            dto.defaultTypeId ?? null,
            dto.defaultGroupId ?? null,
            dto.defaultPriority ?? null,
            dto.unknownSenderPolicy ?? 'quarantine',
            dto.active ?? true,
            now,
          ],
        );
        return this.get(id, em);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'support_mailboxes_address_key')) throw addressTaken();
      throw error;
    }
  }

  async update(id: string, dto: UpdateMailboxDto): Promise<MailboxDto> {
    try {
      return await this.db.transaction(async (em) => {
        const current = await this.row(id, em, 'FOR NO KEY UPDATE');
        if (current.version !== dto.version) throw new VersionConflictError(current.version);
        const host = dto.imapHost?.trim();
        // The stored password is only ever sent to the host it was entered for.
        if (host !== undefined && host !== current.imap_host && dto.imapPassword === undefined) {
          throw new BusinessRuleError('A new IMAP host needs the password entered again', [
            { field: 'imapPassword', message: 'is required when imapHost changes' },
          ]);
        }
        await this.assertReferences(em, dto);
        assertDistinctFolders(
          dto.folder ?? current.folder,
          dto.processedFolder ?? current.processed_folder,
          dto.failedFolder ?? current.failed_folder,
        );
        const changes = columnChanges(dto, PATCH_COLUMNS);
        for (const key of ['name', 'imap_user'] as const) {
          if (typeof changes[key] === 'string') changes[key] = (changes[key] as string).trim();
        }
        if (host !== undefined) changes.imap_host = host;
        if (dto.address !== undefined) changes.address = dto.address.trim().toLowerCase();
        if (dto.imapPassword !== undefined) {
          changes.imap_password_sealed = this.secrets.seal(dto.imapPassword, passwordContext(id));
        }
        // New credentials or folder: the last error may no longer hold; the next poll says.
        const p = new SqlParams();
        const sets = Object.entries(changes).map(([c, v]) => `${c} = ${p.add(v)}`);
        sets.push(`updated_at = ${p.add(this.clock.now())}`, 'version = version + 1');
        await sql(
          em,
          `UPDATE support_mailboxes SET ${sets.join(', ')} WHERE id = ${p.add(id)}`,
          p.values,
        );
        return this.get(id, em);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'support_mailboxes_address_key')) throw addressTaken();
      throw error;
    }
  }

  async delete(id: string): Promise<void> {
    await this.db.transaction(async (em) => {
      await this.row(id, em, 'FOR UPDATE');
      // The raw messages keep their mailbox: its history stays explainable.
      const [used] = await sql(em, 'SELECT 1 FROM inbound_messages WHERE mailbox_id = $1 LIMIT 1', [
        id,
      ]);
      if (used) {
        throw new ConflictError(
          'Messages were received through this mailbox; deactivate it instead of deleting it',
        );
      }
      await sql(em, 'DELETE FROM support_mailboxes WHERE id = $1', [id]);
    });
  }

  /** The messages of this mailbox the ingest could not process, newest first (at most 200). */
  async failedMessages(id: string): Promise<FailedMessageDto[]> {
    await this.row(id, this.db);
    const rows = await sql<{
      id: string;
      message_id: string;
      subject: string;
      from_address: string | null;
      received_at: Date;
      reason: string | null;
      uid: string | null;
      size: number;
    }>(
      this.db,
      `SELECT id, message_id, subject, from_address, received_at, reason, uid,
              octet_length(raw) AS size
         FROM inbound_messages WHERE mailbox_id = $1 AND status = 'failed'
        ORDER BY received_at DESC, id DESC LIMIT 200`,
      [id],
    );
    return rows.map((r) => ({
      id: r.id,
      messageId: r.message_id,
      subject: r.subject,
      fromAddress: r.from_address,
      receivedAt: iso(r.received_at),
      error: r.reason,
      uid: r.uid === null ? null : Number(r.uid),
      size: Number(r.size),
    }));
  }

  /** The raw bytes of one failed message of this mailbox; 404 otherwise. */
  async failedMessageRaw(id: string, messageRowId: string): Promise<Buffer> {
    const [row] = await sql<{ raw: Buffer }>(
      this.db,
      `SELECT raw FROM inbound_messages WHERE id = $1 AND mailbox_id = $2 AND status = 'failed'`,
      [messageRowId, id],
    );
    if (!row) throw new NotFoundError('Failed message');
    return row.raw;
  }

  /** The row and the opened password; 404 when gone. */
  async forPoll(id: string): Promise<MailboxForPoll> {
    const [row] = await sql<MailboxRow & { imap_password_sealed: string }>(
      this.db,
      `SELECT ${COLUMNS}, imap_password_sealed FROM support_mailboxes WHERE id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError('Mailbox');
    const password = this.secrets.open(row.imap_password_sealed, passwordContext(id));
    return {
      row,
      imap: {
        host: row.imap_host,
        port: row.imap_port,
        tls: row.imap_tls,
        user: row.imap_user,
        password,
      },
    };
  }

  async activeIds(): Promise<string[]> {
    const rows = await sql<{ id: string }>(
      this.db,
      'SELECT id FROM support_mailboxes WHERE active ORDER BY id',
    );
    return rows.map((r) => r.id);
  }

  /** Where the poller is: a new UIDVALIDITY starts again from UID 0. */
  async recordProgress(id: string, uidValidity: string, lastUid: number): Promise<void> {
    await sql(
      this.db,
      `UPDATE support_mailboxes
          SET uid_validity = $2::varchar,
              last_uid = CASE WHEN uid_validity IS DISTINCT FROM $2::varchar THEN $3::bigint
                              ELSE GREATEST(last_uid, $3::bigint) END
        WHERE id = $1`,
      [id, uidValidity, lastUid],
    );
  }

  /**
   * A pass that ended well. `notice`: what it set aside, which stays the mailbox's last error so
   * admins see it (clearing it here would hide what this very pass recorded).
   */
  async recordSuccess(id: string, notice: string | null = null): Promise<void> {
    const now = this.clock.now();
    await sql(
      this.db,
      `UPDATE support_mailboxes SET last_polled_at = $2::timestamptz, last_success_at = $2::timestamptz,
              last_error = $3::text, last_error_at = CASE WHEN $3::text IS NULL THEN NULL ELSE $2::timestamptz END
        WHERE id = $1`,
      [id, now, notice?.slice(0, 2000) ?? null],
    );
  }

  /** One more throw of the ingest on this message; how many there have been in all. */
  async countThrow(id: string, uidValidity: string, uid: number, error: string): Promise<number> {
    const [row] = await sql<{ throws: number }>(
      this.db,
      `INSERT INTO mailbox_ingest_throws (mailbox_id, uid_validity, uid, throws, last_error, updated_at)
       VALUES ($1, $2, $3, 1, $4, $5)
       ON CONFLICT (mailbox_id, uid_validity, uid) DO UPDATE
          SET throws = mailbox_ingest_throws.throws + 1, last_error = EXCLUDED.last_error,
              updated_at = EXCLUDED.updated_at
       RETURNING throws`,
      [id, uidValidity, uid, error.slice(0, 2000), this.clock.now()],
    );
    return row.throws;
  }

  /** The counts of messages that left the folder, or of a folder whose UIDVALIDITY is gone. */
  async forgetThrows(
    id: string,
    uidValidity: string,
    uids: number[] | 'other-validity',
  ): Promise<void> {
    if (uids === 'other-validity') {
      await sql(
        this.db,
        'DELETE FROM mailbox_ingest_throws WHERE mailbox_id = $1 AND uid_validity <> $2',
        [id, uidValidity],
      );
      return;
    }
    if (uids.length === 0) return;
    await sql(
      this.db,
      `DELETE FROM mailbox_ingest_throws
        WHERE mailbox_id = $1 AND uid_validity = $2 AND uid = ANY($3::bigint[])`,
      [id, uidValidity, uids],
    );
  }

  async recordError(id: string, error: string): Promise<void> {
    await sql(
      this.db,
      `UPDATE support_mailboxes SET last_polled_at = $2, last_error = $3, last_error_at = $2
        WHERE id = $1`,
      [id, this.clock.now(), error.slice(0, 2000)],
    );
  }

  /**
   * A message too large to take in (the poller never fetches it): its headers and the reason are
   * kept among the mailbox's failed messages; the message itself stays whole in the failed folder.
   */
  async keepOversized(
    id: string,
    uidValidity: string,
    uid: number,
    headers: Buffer,
    size: number,
  ): Promise<void> {
    await this.keepFailed(
      id,
      uidValidity,
      uid,
      headers,
      headers,
      `The message is ${size} bytes, more than the ${INBOUND_MAIL_MAX_BYTES} taken in: only its headers are kept here; the whole message is in the failed folder on the mail server`,
    );
  }

  /**
   * A message the ingest kept throwing on, moved to the failed folder by the poller: its raw
   * copy and the error are kept among the mailbox's failed messages, where Retry takes it again.
   */
  async keepSetAside(
    id: string,
    uidValidity: string,
    uid: number,
    raw: Buffer,
    reason: string,
  ): Promise<void> {
    const end = raw.indexOf('\r\n\r\n');
    const headers = end < 0 ? raw : raw.subarray(0, end);
    await this.keepFailed(id, uidValidity, uid, headers, raw, reason);
  }

  private async keepFailed(
    id: string,
    uidValidity: string,
    uid: number,
    headers: Buffer,
    raw: Buffer,
    reason: string,
  ): Promise<void> {
    const text = headers.toString('latin1');
    const header = (name: string) =>
      new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im')
        .exec(text)?.[1]
        ?.replace(/\r?\n/g, '') ?? '';
    const messageId = extractMessageIds(header('Message-ID'))[0] ?? syntheticMessageId(headers);
    const from = /<([^<>@\s]+@[^<>\s]+)>|([^\s<>@]+@[^\s<>]+)/.exec(header('From'));
    const insert = (messageIdToUse: string) =>
      sql<{ id: string }>(
        this.db,
        `INSERT INTO inbound_messages (mailbox_id, source, uid_validity, uid, message_id, raw,
                                       from_address, subject, received_at, status, reason)
         VALUES ($1, 'imap', $2, $3, $4, $5, $6, $7, $8, 'failed', $9)
         ON CONFLICT DO NOTHING RETURNING id`,
        [
          id,
          uidValidity,
          uid,
          messageIdToUse,
          raw,
          (from?.[1] ?? from?.[2] ?? null)?.toLowerCase().slice(0, 320) ?? null,
          header('Subject').slice(0, 1000),
          this.clock.now(),
          reason.slice(0, 4000),
        ],
      );
    if ((await insert(messageId)).length > 0) return;
    const [sameUid] = await sql(
      this.db,
      'SELECT 1 FROM inbound_messages WHERE mailbox_id = $1 AND uid_validity = $2 AND uid = $3',
      [id, uidValidity, uid],
    );
    // Its Message-ID is taken by another row (the same mail by another way, or a forged ID):
    // the trace is kept all the same, under an ID of its own.
    if (!sameUid) await insert(`${messageId.slice(0, 960)}#set-aside-${uidValidity}-${uid}`);
  }

  /** A failed connection test says as much about the mailbox as a failed poll: show it too. */
  async recordTestFailure(id: string, error: string): Promise<void> {
    await sql(
      this.db,
      'UPDATE support_mailboxes SET last_error = $3, last_error_at = $2 WHERE id = $1',
      [id, this.clock.now(), `Connection test: ${error}`.slice(0, 2000)],
    );
  }

  private async row(id: string, em: EntityManager | DataSource, lock = ''): Promise<MailboxRow> {
    const [row] = await sql<MailboxRow>(
      em,
      `SELECT ${COLUMNS} FROM support_mailboxes WHERE id = $1 ${lock}`,
      [id],
    );
    if (!row) throw new NotFoundError('Mailbox');
    return row;
  }

  private async assertReferences(
    em: EntityManager,
    dto: { defaultTypeId?: string | null; defaultGroupId?: string | null },
  ): Promise<void> {
    const errors: ProblemFieldError[] = [];
    if (dto.defaultTypeId) {
      const [t] = await sql(em, 'SELECT 1 FROM ticket_types WHERE id = $1', [dto.defaultTypeId]);
      if (!t) errors.push({ field: 'defaultTypeId', message: 'no such ticket type' });
    }
    if (dto.defaultGroupId) {
      const [g] = await sql(em, 'SELECT 1 FROM groups WHERE id = $1', [dto.defaultGroupId]);
      if (!g) errors.push({ field: 'defaultGroupId', message: 'no such group' });
    }
    if (errors.length > 0) throw new BusinessRuleError('Unknown default', errors);
  }
}
