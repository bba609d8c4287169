import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { iso, SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import {
  AttachmentStorage,
  deleteFileRecord,
  recordFile,
  releaseStoredFiles,
  storeUpload,
  type FileRecordTable,
  type ReceivedUpload,
  type StoredFileContent,
} from '../tickets/index.js';
import type { WorkEntryAttachmentDto } from './dto/work-entry-attachment.dto.js';
import { visibleTicketSql } from './ticket-visibility-sql.js';

/** Files a work entry may hold at once (deleted ones do not count). */
export const FILES_PER_WORK_ENTRY = 20;

const FILES: FileRecordTable = {
  table: 'work_entry_attachments',
  parentColumn: 'work_entry_id',
  limit: FILES_PER_WORK_ENTRY,
  holder: 'A work entry',
  items: 'files',
  noun: 'Attachment',
};

interface FileRow {
  id: string;
  work_entry_id: string;
  file_name: string;
  content_type: string;
  size_bytes: string;
  storage_key: string;
  created_at: Date;
  uploader_id: string | null;
  uploader_name: string | null;
}

const COLUMNS = `f.id, f.work_entry_id, f.file_name, f.content_type, f.size_bytes, f.storage_key,
  f.created_at, f.uploader_id, up.name AS uploader_name`;

/**
 * Files of work entries (issue 18): staff only, on entries of tickets the reader sees (THE ticket
 * rule on the entry's ticket: another ticket's entry is 404). The bytes are in the ticket
 * attachments' store, received and typed the same way; an entry's delete removes them.
 */
@Injectable()
export class WorkEntryAttachmentsService {
  constructor(
    private readonly db: DataSource,
    private readonly storage: AttachmentStorage,
    private readonly clock: Clock,
  ) {}

  /** Before a byte of the upload is read: the entry must exist for the uploader. */
  async assertCanUpload(user: AuthUser, entryId: string): Promise<void> {
    await this.visibleEntry(this.db.manager, user, entryId);
  }

  /** Stores a received upload and records it; a refusal leaves neither a row nor bytes. */
  async create(
    user: AuthUser,
    entryId: string,
    upload: ReceivedUpload,
  ): Promise<WorkEntryAttachmentDto> {
    const id = await storeUpload(this.storage, upload, (file) =>
      recordFile(
        this.db,
        FILES,
        {
          parentId: entryId,
          // The entry's delete locks it first, then removes its files' bytes.
          lockParent: (em) => this.visibleEntry(em, user, entryId, 'FOR NO KEY UPDATE OF e'),
          uploaderId: user.id,
          clock: this.clock,
        },
        file,
      ),
    );
    const [row] = await this.rows('f.id = $1', [id]);
    return toDto(row);
  }

  /** An entry's files, oldest first. */
  async forEntry(reader: AuthUser, entryId: string): Promise<WorkEntryAttachmentDto[]> {
    await this.visibleEntry(this.db.manager, reader, entryId);
    return (await this.rows('f.work_entry_id = $1', [entryId])).map(toDto);
  }

  /** Every file of a ticket's entries (the Work card shows them under their entries). */
  async forTicket(reader: AuthUser, ticketId: string): Promise<WorkEntryAttachmentDto[]> {
    const p = new SqlParams();
    const [ticket] = await sql<{ id: string }>(
      this.db,
      `SELECT t.id FROM tickets t WHERE t.id = ${p.add(ticketId)} AND ${visibleTicketSql(reader, p)}`,
      p.values,
    );
    if (!ticket) throw new NotFoundError('Ticket');
    return (
      await this.rows('f.work_entry_id IN (SELECT id FROM work_entries WHERE ticket_id = $1)', [
        ticketId,
      ])
    ).map(toDto);
  }

  /** The file's bytes, in one query with THE ticket rule on its entry's ticket. */
  async open(reader: AuthUser, entryId: string, fileId: string): Promise<StoredFileContent> {
    const p = new SqlParams();
    const [row] = await sql<FileRow>(
      this.db,
      `SELECT ${COLUMNS} FROM work_entry_attachments f
         JOIN work_entries e ON e.id = f.work_entry_id
         JOIN tickets t ON t.id = e.ticket_id
         LEFT JOIN users up ON up.id = f.uploader_id
        WHERE f.id = ${p.add(fileId)} AND f.work_entry_id = ${p.add(entryId)}
          AND f.deleted_at IS NULL AND ${visibleTicketSql(reader, p)}`,
      p.values,
    );
    if (!row) throw new NotFoundError('Attachment');
    const content = await this.storage.open(row.storage_key).catch(() => {
      throw new NotFoundError('Attachment');
    });
    return {
      fileName: row.file_name,
      contentType: row.content_type,
      sizeBytes: Number(row.size_bytes),
      content,
    };
  }

  /** Deletes a file: its bytes go, its row stays (who deleted it, when) until the entry goes. */
  async remove(user: AuthUser, entryId: string, fileId: string): Promise<void> {
    await this.visibleEntry(this.db.manager, user, entryId);
    await deleteFileRecord(this.db, this.storage, FILES, {
      parentId: entryId,
      fileId,
      deletedById: user.id,
      clock: this.clock,
    });
  }

  /**
   * The storage keys of an entry's live files, read in the transaction that deletes the entry
   * (its rows go with it by cascade); `release` removes the bytes once that has committed.
   */
  async storedKeysOf(em: EntityManager, entryId: string): Promise<string[]> {
    const rows = await sql<{ storage_key: string }>(
      em,
      `SELECT storage_key FROM work_entry_attachments
        WHERE work_entry_id = $1 AND deleted_at IS NULL`,
      [entryId],
    );
    return rows.map((r) => r.storage_key);
  }

  release(storageKeys: readonly string[]): Promise<void> {
    return releaseStoredFiles(this.storage, storageKeys);
  }

  private async visibleEntry(
    em: EntityManager,
    reader: AuthUser,
    entryId: string,
    lock = '',
  ): Promise<void> {
    const p = new SqlParams();
    const [row] = await sql<{ id: string }>(
      em,
      `SELECT e.id FROM work_entries e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.id = ${p.add(entryId)} AND ${visibleTicketSql(reader, p)} ${lock}`,
      p.values,
    );
    if (!row) throw new NotFoundError('Work entry');
  }

  private rows(where: string, params: unknown[]): Promise<FileRow[]> {
    return sql<FileRow>(
      this.db,
      `SELECT ${COLUMNS} FROM work_entry_attachments f
         LEFT JOIN users up ON up.id = f.uploader_id
        WHERE ${where} AND f.deleted_at IS NULL
        ORDER BY f.created_at, f.id`,
      params,
    );
  }
}

function toDto(r: FileRow): WorkEntryAttachmentDto {
  return {
    id: r.id,
    workEntryId: r.work_entry_id,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    createdAt: iso(r.created_at),
    uploadedBy: r.uploader_id ? { id: r.uploader_id, name: r.uploader_name ?? '' } : null,
  };
}
