import { createHash, randomUUID } from 'node:crypto';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  InjectConfig,
  storageConfig,
  type StorageConfig,
} from '../../../config/config-namespaces.js';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { sql } from '../../../common/database/sql.js';
import { InvalidInputError, NotFoundError } from '../../../common/errors/domain-errors.js';
import { decodeCursor, toPage, type Page } from '../../../common/pagination/cursor.js';
import { Clock } from '../../../common/time/clock.js';
import { Attachment } from '../entities/attachment.entity.js';
import { Ticket } from '../entities/ticket.entity.js';
import { AttachmentAdded } from '../events/ticket.events.js';
import { TicketChange, TicketWriter } from '../ticket-writer.js';
import { TicketAccessService } from '../ticket-access.service.js';
import { ticketVisibility } from '../ticket-visibility.js';
import { AttachmentStorage } from './attachment-storage.js';
import type { ReceivedUpload } from './attachment-upload.receiver.js';
import { OCTET_STREAM, sniffContentType } from './content-type-sniffer.js';
import {
  toAttachmentDto,
  type AttachmentDto,
  type AttachmentListQueryDto,
} from './dto/attachment.dto.js';
import { sanitizeFileName } from './file-name.js';

const DEFAULT_PAGE_SIZE = 50;

/** A file that came in a mail (intake), stored in the caller's transaction. */
export interface MailAttachmentInput {
  /** Chosen by the caller when the mail's text links to the file before it is stored. */
  id?: string;
  ticketId: string;
  commentId: string | null;
  /** The sender it came from. */
  uploaderId: string;
  fileName: string;
  content: Buffer;
  internal: boolean;
  /** Executable or double extension: kept for staff to judge, offered only as octet-stream. */
  dangerous: boolean;
}

/** Internal notes and their files are for staff; a client never learns they exist. */
function seesInternal(user: AuthUser): boolean {
  return user.role !== 'client';
}

@Injectable()
export class AttachmentsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: TicketAccessService,
    private readonly storage: AttachmentStorage,
    private readonly clock: Clock,
    private readonly writer: TicketWriter,
    @InjectConfig(storageConfig) private readonly storageSettings: StorageConfig,
  ) {}

  /**
   * Stores a file that came with a mail and records it in the caller's transaction (the intake
   * files the ticket, its comment and its files in one). The type is sniffed from the bytes, as
   * for uploads; a dangerous file is octet-stream whatever it looks like. Returns the storage
   * key too: if the caller's transaction rolls back, the caller removes the stored copy
   * (`removeStored`).
   */
  async storeFromMail(
    em: EntityManager,
    input: MailAttachmentInput,
  ): Promise<AttachmentDto & { storageKey: string }> {
    const tmpDir = join(this.storageSettings.dataDir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tempPath = join(tmpDir, `mail-${randomUUID()}`);
    const storageKey = randomUUID();
    try {
      await writeFile(tempPath, input.content, { mode: 0o600 });
      const contentType = input.dangerous ? OCTET_STREAM : await sniffContentType(tempPath);
      await this.storage.put(storageKey, tempPath);
      const now = this.clock.now();
      const attachment: Attachment = {
        id: input.id ?? randomUUID(),
        ticketId: input.ticketId,
        commentId: input.commentId,
        internal: input.internal,
        uploaderId: input.uploaderId,
        fileName: sanitizeFileName(input.fileName),
        contentType,
        sizeBytes: input.content.length,
        sha256: createHash('sha256').update(input.content).digest('hex'),
        storageKey,
        createdAt: now,
      };
      await em.insert(Attachment, attachment);
      const write = new TicketChange(input.ticketId, now);
      write.touches = true;
      write.clientSees = !input.internal;
      write
        .record(input.uploaderId, [
          {
            kind: 'attachment_added',
            newValue: {
              attachmentId: attachment.id,
              fileName: attachment.fileName,
              sizeBytes: attachment.sizeBytes,
            },
            internal: input.internal,
          },
        ])
        .publish(
          new AttachmentAdded(
            input.ticketId,
            attachment.id,
            attachment.commentId,
            input.internal,
            input.uploaderId,
            now,
          ),
        );
      await this.writer.write(em, write);
      return { ...toAttachmentDto(attachment), storageKey };
    } finally {
      await unlink(tempPath).catch(() => undefined);
    }
  }

  /** Removes stored copies whose rows were rolled back. */
  async removeStored(storageKeys: readonly string[]): Promise<void> {
    for (const key of storageKeys) await this.storage.remove(key).catch(() => undefined);
  }

  /** 404 unless the caller may see, and so add files to, the ticket. */
  async assertCanUpload(user: AuthUser, ticketId: string): Promise<void> {
    await this.access.assertWritable(await this.access.loadVisible(user, ticketId));
  }

  /**
   * Stores a received upload and records it: the attachment row, its history event and the
   * ticket's updated_at in one transaction. Takes ownership of the temp file, which is gone
   * when this returns or throws; a failed insert also deletes the stored copy.
   */
  async create(user: AuthUser, ticketId: string, upload: ReceivedUpload): Promise<AttachmentDto> {
    try {
      await this.access.assertWritable(await this.access.loadVisible(user, ticketId));
      const internal = upload.fields.commentId
        ? await this.commentIsInternal(user, ticketId, upload.fields.commentId)
        : false;
      const contentType = await sniffContentType(upload.tempPath);

      const storageKey = randomUUID();
      await this.storage.put(storageKey, upload.tempPath);
      const now = this.clock.now();
      const attachment: Attachment = {
        id: randomUUID(),
        ticketId,
        commentId: upload.fields.commentId ?? null,
        internal,
        uploaderId: user.id,
        fileName: sanitizeFileName(upload.originalName),
        contentType,
        sizeBytes: upload.sizeBytes,
        sha256: upload.sha256,
        storageKey,
        createdAt: now,
      };
      try {
        await this.db.transaction(async (em) => {
          await em.insert(Attachment, attachment);
          // Not a field edit, so no version bump: only "something happened" for the queues,
          // and for the client too unless the file is internal.
          const write = new TicketChange(ticketId, now);
          write.touches = true;
          write.clientSees = !internal;
          write
            .record(user.id, [
              {
                kind: 'attachment_added',
                newValue: {
                  attachmentId: attachment.id,
                  fileName: attachment.fileName,
                  sizeBytes: attachment.sizeBytes,
                },
                internal,
              },
            ])
            .publish(
              new AttachmentAdded(
                ticketId,
                attachment.id,
                attachment.commentId,
                internal,
                user.id,
                now,
              ),
            );
          await this.writer.write(em, write);
        });
      } catch (e) {
        await this.storage.remove(storageKey);
        throw e;
      }
      return toAttachmentDto(attachment);
    } finally {
      await unlink(upload.tempPath).catch(() => undefined);
    }
  }

  async list(
    user: AuthUser,
    ticketId: string,
    query: AttachmentListQueryDto,
  ): Promise<Page<AttachmentDto>> {
    await this.access.loadVisible(user, ticketId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = decodeCursor(query.cursor, 'timestamp');
    const qb = this.db.manager
      .createQueryBuilder(Attachment, 'a')
      .where('a.ticket_id = :ticketId', { ticketId });
    if (!seesInternal(user)) qb.andWhere('a.internal = false');
    if (cursor) {
      const after = typeof cursor.v === 'string' ? new Date(cursor.v) : null;
      if (!after || Number.isNaN(after.getTime())) {
        throw new InvalidInputError('The cursor is not valid; start again without it', [
          { field: 'cursor', message: 'is not a cursor this API issued' },
        ]);
      }
      qb.andWhere('(a.created_at, a.id) > (CAST(:after AS timestamptz), CAST(:afterId AS uuid))', {
        after: after.toISOString(),
        afterId: cursor.id,
      });
    }
    const rows = await qb
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, toAttachmentDto, (a) => ({
      v: a.createdAt.toISOString(),
      id: a.id,
    }));
  }

  async get(user: AuthUser, attachmentId: string): Promise<AttachmentDto> {
    return toAttachmentDto(await this.loadVisible(user, attachmentId));
  }

  /** The metadata and an open stream of the contents, under the same visibility as `get`. */
  async openContent(
    user: AuthUser,
    attachmentId: string,
  ): Promise<{ attachment: Attachment; content: Readable }> {
    const attachment = await this.loadVisible(user, attachmentId);
    return { attachment, content: await this.storage.open(attachment.storageKey) };
  }

  /** One query: the attachment, its ticket's visibility and, for clients, not internal. */
  private async loadVisible(user: AuthUser, attachmentId: string): Promise<Attachment> {
    const vis = ticketVisibility(user, 't');
    const qb = this.db.manager
      .createQueryBuilder(Attachment, 'a')
      .innerJoin(Ticket, 't', 't.id = a.ticket_id')
      .where('a.id = :attachmentId', { attachmentId })
      .andWhere(vis.sql, vis.params);
    if (!seesInternal(user)) qb.andWhere('a.internal = false');
    const attachment = await qb.getOne();
    if (!attachment) throw new NotFoundError('Attachment');
    return attachment;
  }

  /** The comment must be on this ticket and visible to the caller; hidden is the same 404. */
  private async commentIsInternal(
    user: AuthUser,
    ticketId: string,
    commentId: string,
  ): Promise<boolean> {
    const [comment] = await sql<{ internal: boolean }>(
      this.db,
      `SELECT internal FROM ticket_comments
        WHERE id = $1 AND ticket_id = $2 AND (internal = false OR $3)`,
      [commentId, ticketId, seesInternal(user)],
    );
    if (!comment) throw new NotFoundError('Comment');
    return comment.internal;
  }
}
