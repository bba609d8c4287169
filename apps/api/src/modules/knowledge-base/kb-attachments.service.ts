import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { iso, SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import {
  AttachmentStorage,
  deleteFileRecord,
  INLINE_IMAGE_TYPES,
  recordFile,
  releaseStoredFiles,
  storeUpload,
  type FileRecordTable,
  type ReceivedUpload,
  type StoredFileContent,
} from '../tickets/index.js';
import type { KbAttachmentDto } from './dto/kb-attachment.dto.js';
import { kbAttachmentPath, kbPublicAttachmentPath } from './kb-attachment-paths.js';
import { KbArticleQueries } from './kb-article-queries.js';
import { isKbStaff, kbArticleVisibility, type KbReader } from './kb-audience.js';

/** Files an article may hold at once (deleted ones do not count). */
export const KB_ATTACHMENTS_PER_ARTICLE = 100;

const FILES: FileRecordTable = {
  table: 'kb_article_attachments',
  parentColumn: 'article_id',
  limit: KB_ATTACHMENTS_PER_ARTICLE,
  holder: 'An article',
  items: 'files',
  noun: 'Attachment',
};

interface AttachmentRow {
  id: string;
  article_id: string;
  file_name: string;
  content_type: string;
  size_bytes: string;
  storage_key: string;
  created_at: Date;
  uploader_id: string | null;
  uploader_name: string | null;
  deleted_at: Date | null;
  deleted_by_id: string | null;
  deleted_by_name: string | null;
}

const COLUMNS = `f.id, f.article_id, f.file_name, f.content_type, f.size_bytes, f.storage_key,
  f.created_at, f.uploader_id, up.name AS uploader_name, f.deleted_at, f.deleted_by_id,
  del.name AS deleted_by_name`;
const JOINS = `LEFT JOIN users up ON up.id = f.uploader_id
               LEFT JOIN users del ON del.id = f.deleted_by_id`;

/**
 * Files of articles: inline images and downloads, their bytes in the ticket attachments' store
 * (received and typed the same way). Every read goes through THE audience rule on the article,
 * so an invisible article's file, or a draft's for a client, is a 404 like a missing one.
 */
@Injectable()
export class KbAttachmentsService {
  constructor(
    private readonly db: DataSource,
    private readonly queries: KbArticleQueries,
    private readonly storage: AttachmentStorage,
    private readonly clock: Clock,
  ) {}

  /** Before a byte of the upload is read: the article must exist for the uploader. */
  assertCanUpload(user: AuthUser, articleId: string): Promise<void> {
    return this.queries.assertVisible(user, articleId);
  }

  /**
   * Stores a received upload and records it. Takes ownership of the temp file, which is gone when
   * this returns or throws; a refused insert also removes the stored copy.
   */
  async create(
    user: AuthUser,
    articleId: string,
    upload: ReceivedUpload,
  ): Promise<KbAttachmentDto> {
    const id = await storeUpload(this.storage, upload, (file) =>
      recordFile(
        this.db,
        FILES,
        {
          parentId: articleId,
          // A deletion of the article locks it first, then removes its files' bytes.
          lockParent: async (em) => {
            const p = new SqlParams();
            const [article] = await sql<{ id: string }>(
              em,
              `SELECT a.id FROM kb_articles a
                WHERE a.id = ${p.add(articleId)} AND ${kbArticleVisibility(user, p, 'a')}
                  FOR NO KEY UPDATE`,
              p.values,
            );
            if (!article) throw new NotFoundError('Article');
          },
          uploaderId: user.id,
          clock: this.clock,
        },
        file,
      ),
    );
    return toDto(await this.loadRow(articleId, id), user);
  }

  /** The article's files, oldest first; deleted ones only for staff who ask for them. */
  async list(
    reader: KbReader,
    articleId: string,
    includeDeleted = false,
  ): Promise<KbAttachmentDto[]> {
    await this.queries.assertVisible(reader, articleId);
    const withDeleted = includeDeleted && isKbStaff(reader);
    const rows = await sql<AttachmentRow>(
      this.db,
      `SELECT ${COLUMNS} FROM kb_article_attachments f ${JOINS}
        WHERE f.article_id = $1 ${withDeleted ? '' : 'AND f.deleted_at IS NULL'}
        ORDER BY f.created_at, f.id`,
      [articleId],
    );
    return rows.map((r) => toDto(r, reader));
  }

  /** The file's bytes, in one query with THE audience rule on its article. */
  async open(
    reader: KbReader,
    articleId: string,
    attachmentId: string,
  ): Promise<StoredFileContent> {
    const p = new SqlParams();
    const [row] = await sql<AttachmentRow>(
      this.db,
      `SELECT ${COLUMNS} FROM kb_article_attachments f
         JOIN kb_articles a ON a.id = f.article_id ${JOINS}
        WHERE f.id = ${p.add(attachmentId)} AND f.article_id = ${p.add(articleId)}
          AND f.deleted_at IS NULL AND ${kbArticleVisibility(reader, p, 'a')}`,
      p.values,
    );
    if (!row) throw new NotFoundError('Attachment');
    // Deleted between the query and here: its bytes are gone, so it is gone.
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

  /**
   * Deletes a file: its bytes go, its row stays as the article's file history (who deleted it and
   * when). Markdown that still shows it then shows a broken image, as a removed file should.
   */
  async remove(user: AuthUser, articleId: string, attachmentId: string): Promise<void> {
    await this.queries.assertVisible(user, articleId);
    await deleteFileRecord(this.db, this.storage, FILES, {
      parentId: articleId,
      fileId: attachmentId,
      deletedById: user.id,
      clock: this.clock,
    });
  }

  /** Removes the bytes of files whose rows went with their article. */
  removeStored(storageKeys: readonly string[]): Promise<void> {
    return releaseStoredFiles(this.storage, storageKeys);
  }

  private async loadRow(articleId: string, attachmentId: string): Promise<AttachmentRow> {
    const [row] = await sql<AttachmentRow>(
      this.db,
      `SELECT ${COLUMNS} FROM kb_article_attachments f ${JOINS}
        WHERE f.id = $1 AND f.article_id = $2`,
      [attachmentId, articleId],
    );
    if (!row) throw new NotFoundError('Attachment');
    return row;
  }
}

function toDto(r: AttachmentRow, reader: KbReader): KbAttachmentDto {
  const staff = isKbStaff(reader);
  return {
    id: r.id,
    articleId: r.article_id,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    createdAt: iso(r.created_at),
    inline: INLINE_IMAGE_TYPES.has(r.content_type),
    url:
      reader === null
        ? kbPublicAttachmentPath(r.article_id, r.id)
        : kbAttachmentPath(r.article_id, r.id),
    uploadedBy: staff && r.uploader_id ? { id: r.uploader_id, name: r.uploader_name ?? '' } : null,
    deletedAt: r.deleted_at ? iso(r.deleted_at) : null,
    deletedBy:
      staff && r.deleted_by_id ? { id: r.deleted_by_id, name: r.deleted_by_name ?? '' } : null,
  };
}
