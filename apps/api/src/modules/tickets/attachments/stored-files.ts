import { randomUUID } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { DataSource, EntityManager } from 'typeorm';
import { sql } from '../../../common/database/sql.js';
import { BusinessRuleError, NotFoundError } from '../../../common/errors/domain-errors.js';
import type { Clock } from '../../../common/time/clock.js';
import type { AttachmentStorage } from './attachment-storage.js';
import type { ReceivedUpload } from './attachment-upload.receiver.js';
import { sniffContentType } from './content-type-sniffer.js';
import { attachmentDisposition, sanitizeFileName } from './file-name.js';

/** What a file record gets from a received upload: its detected type, name and store key. */
export interface StoredUploadFacts {
  storageKey: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Stores a received upload and records it with `record` (the caller's transaction, which checks
 * the parent and its limits). Takes ownership of the temp file, gone when this returns or throws;
 * a refused record removes the stored copy, so a failure leaves neither a row nor bytes.
 * Records of other modules (article files, contract documents, work entry files) use it, as the
 * store is one.
 */
export async function storeUpload<T>(
  storage: AttachmentStorage,
  upload: ReceivedUpload,
  record: (facts: StoredUploadFacts) => Promise<T>,
): Promise<T> {
  try {
    const contentType = await sniffContentType(upload.tempPath);
    const storageKey = randomUUID();
    await storage.put(storageKey, upload.tempPath);
    try {
      return await record({
        storageKey,
        fileName: sanitizeFileName(upload.originalName),
        contentType,
        sizeBytes: upload.sizeBytes,
        sha256: upload.sha256,
      });
    } catch (e) {
      await storage.remove(storageKey).catch(() => undefined);
      throw e;
    }
  } finally {
    await unlink(upload.tempPath).catch(() => undefined);
  }
}

/** The only types a browser may show in place; everything else (SVG above all) downloads. */
export const INLINE_IMAGE_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
]);

export interface StoredFileContent {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  content: Readable;
}

/**
 * The download answer of a stored file, as ticket and article files are served: nosniff, a
 * sandboxing CSP, never cached (visibility can change), the safe images inline, the rest a
 * download with the exact UTF-8 name.
 */
export function serveStoredFile(file: StoredFileContent, res: Response): StreamableFile {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Cache-Control', 'private, no-store');
  return new StreamableFile(file.content, {
    type: file.contentType,
    length: file.sizeBytes,
    disposition: attachmentDisposition(
      file.fileName,
      INLINE_IMAGE_TYPES.has(file.contentType) ? 'inline' : 'attachment',
    ),
  });
}

/**
 * A table of file records under a parent row (an article's files, a contract's documents, a work
 * entry's files): each row has the parent column, uploader_id, file_name, content_type,
 * size_bytes, sha256, storage_key, created_at and deleted_at / deleted_by_id. Its names are code
 * constants, never input (they are checked, as they go into SQL as identifiers).
 */
export interface FileRecordTable {
  table: string;
  parentColumn: string;
  /** Live (not deleted) files a parent may hold at once. */
  limit: number;
  /** The refusal at the limit: `${holder} holds at most ${limit} ${items}; delete one first`. */
  holder: string;
  items: string;
  /** The 404 of a missing or deleted row: 'Attachment', 'Document'. */
  noun: string;
  /** The row has a `version` (optimistic locking) that its deletion bumps. */
  versioned?: boolean;
}

export interface FileRecordInput {
  parentId: string;
  /**
   * Locks the parent row in `em` (FOR NO KEY UPDATE, under the reader's visibility rule, 404 when
   * not seen): it orders concurrent uploads, so the limit holds, and the parent's deletion.
   */
  lockParent: (em: EntityManager) => Promise<void>;
  uploaderId: string;
  clock: Clock;
  /** The table's further columns (names from code), e.g. a document's `shared`. */
  extra?: Readonly<Record<string, unknown>>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not an SQL identifier: ${name}`);
  return name;
}

/**
 * Records a stored upload (`storeUpload`'s facts) under its parent in one transaction: the
 * parent locked, the live rows counted (422 at the limit), the row inserted. Returns its id.
 */
export function recordFile(
  db: DataSource,
  t: FileRecordTable,
  input: FileRecordInput,
  file: StoredUploadFacts,
): Promise<string> {
  const table = identifier(t.table);
  const parent = identifier(t.parentColumn);
  const extra = Object.entries(input.extra ?? {});
  return db.transaction(async (em) => {
    await input.lockParent(em);
    const [{ n }] = await sql<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM ${table} WHERE ${parent} = $1 AND deleted_at IS NULL`,
      [input.parentId],
    );
    if (n >= t.limit) {
      throw new BusinessRuleError(
        `${t.holder} holds at most ${t.limit} ${t.items}; delete one first`,
        [{ field: 'file', message: `at most ${t.limit} ${t.items}` }],
      );
    }
    const columns = [
      parent,
      ...extra.map(([name]) => identifier(name)),
      'uploader_id',
      'file_name',
      'content_type',
      'size_bytes',
      'sha256',
      'storage_key',
      'created_at',
    ];
    const values = [
      input.parentId,
      ...extra.map(([, value]) => value),
      input.uploaderId,
      file.fileName,
      file.contentType,
      file.sizeBytes,
      file.sha256,
      file.storageKey,
      input.clock.now(),
    ];
    const [row] = await sql<{ id: string }>(
      em,
      `INSERT INTO ${table} (${columns.join(', ')})
       VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      values,
    );
    return row.id;
  });
}

/**
 * Deletes a file record: its row stays as the parent's file history (who deleted it and when),
 * its bytes are removed once that is committed. 404 when the parent has no such live file; the
 * caller has checked that the reader sees the parent.
 */
export async function deleteFileRecord(
  db: DataSource,
  storage: AttachmentStorage,
  t: FileRecordTable,
  ids: { parentId: string; fileId: string; deletedById: string; clock: Clock },
): Promise<void> {
  const [row] = await sql<{ storage_key: string }>(
    db,
    `UPDATE ${identifier(t.table)}
        SET deleted_at = $3, deleted_by_id = $4${t.versioned ? ', version = version + 1' : ''}
      WHERE id = $1 AND ${identifier(t.parentColumn)} = $2 AND deleted_at IS NULL
      RETURNING storage_key`,
    [ids.fileId, ids.parentId, ids.clock.now(), ids.deletedById],
  );
  if (!row) throw new NotFoundError(t.noun);
  await storage.remove(row.storage_key);
}

/** Removes the bytes of files whose rows went with their parent (after that has committed). */
export async function releaseStoredFiles(
  storage: AttachmentStorage,
  storageKeys: readonly string[],
): Promise<void> {
  for (const key of storageKeys) await storage.remove(key).catch(() => undefined);
}
