import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql } from '../../../common/database/sql.js';
import { AttachmentsService } from '../../tickets/index.js';
import { isDangerousAttachment, safeFilename } from '../mail-in/parsing/attachment-policy.js';
import type { FormUpload } from './web-form-upload.interceptor.js';

/** A file of a request, whether just received or kept while it waited for confirmation. */
export interface FormFile {
  fileName: string;
  declaredType: string;
  content: Buffer;
}

export const toFormFiles = (uploads: FormUpload[]): FormFile[] =>
  uploads.map((u, i) => ({
    fileName: safeFilename(u.originalname, u.mimetype, i),
    declaredType: (u.mimetype || 'application/octet-stream').slice(0, 200),
    content: u.buffer,
  }));

/**
 * The files of a web form request: kept with a pending request, then put on its ticket as
 * attachments of the requester, in the caller's transaction. Stored copies of a transaction that
 * rolls back are removed by `discard`.
 */
@Injectable()
export class WebFormFiles {
  constructor(private readonly attachments: AttachmentsService) {}

  async keep(em: EntityManager, submissionId: string, files: FormFile[]): Promise<void> {
    for (const [position, f] of files.entries()) {
      await em.query(
        `INSERT INTO web_form_files (submission_id, position, file_name, declared_type, content)
         VALUES ($1, $2, $3, $4, $5)`,
        [submissionId, position, f.fileName, f.declaredType, f.content],
      );
    }
  }

  async kept(em: EntityManager, submissionId: string): Promise<FormFile[]> {
    const rows = await sql<{ file_name: string; declared_type: string; content: Buffer }>(
      em,
      `SELECT file_name, declared_type, content FROM web_form_files
        WHERE submission_id = $1 ORDER BY position`,
      [submissionId],
    );
    return rows.map((r) => ({
      fileName: r.file_name,
      declaredType: r.declared_type,
      content: r.content,
    }));
  }

  /** Puts the files on the ticket; returns the storage keys to discard if the caller rolls back. */
  async attach(
    em: EntityManager,
    ticketId: string,
    uploaderId: string,
    files: FormFile[],
  ): Promise<string[]> {
    const stored: string[] = [];
    for (const f of files) {
      const { storageKey } = await this.attachments.storeFromMail(em, {
        ticketId,
        commentId: null,
        uploaderId,
        fileName: f.fileName,
        content: f.content,
        internal: false,
        // Executables and double extensions stay downloadable for staff, never rendered.
        dangerous: isDangerousAttachment(f.fileName, f.declaredType),
      });
      stored.push(storageKey);
    }
    return stored;
  }

  discard(storageKeys: string[]): Promise<void> {
    return this.attachments.removeStored(storageKeys);
  }
}
