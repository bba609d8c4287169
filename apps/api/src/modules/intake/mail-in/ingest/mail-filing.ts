import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../../../common/auth/auth-user.js';
import { sql } from '../../../../common/database/sql.js';
import { httpConfig, InjectConfig, type HttpConfig } from '../../../../config/config-namespaces.js';
import {
  AttachmentsService,
  TicketCommentsService,
  TicketsService,
  type CreateTicketDto,
} from '../../../tickets/index.js';
import type { ParsedAttachment, ParsedMail } from '../parsing/parsed-mail.js';
import type { InboundAttachmentRecord } from './entities/inbound-message.entity.js';
import type { MailboxDefaults } from './mailbox-settings.js';

const SUBJECT_MAX = 250;
const BODY_MAX = 100_000;
const NO_SUBJECT = '(no subject)';
const NO_TEXT = '(no text)';

/** Files planned before the text that links to them is written. */
interface PlannedFile {
  id: string;
  part: ParsedAttachment;
}

/**
 * Turns a message into a ticket or a comment through the tickets door, with its files, in the
 * caller's transaction: the ingest's (with the inbound row) or the quarantine's accept. Who may
 * write where is decided before this is called.
 */
@Injectable()
export class MailFiling {
  constructor(
    private readonly tickets: TicketsService,
    private readonly comments: TicketCommentsService,
    private readonly attachments: AttachmentsService,
    @InjectConfig(httpConfig) private readonly http: HttpConfig,
  ) {}

  async newTicket(
    em: EntityManager,
    input: {
      user: AuthUser;
      mail: ParsedMail;
      raw: Buffer;
      defaults: MailboxDefaults;
      storedKeys: string[];
    },
  ): Promise<{ ticketId: string; attachments: InboundAttachmentRecord[] }> {
    const { user, mail } = input;
    const files = plan(mail);
    const dto: CreateTicketDto = {
      subject: oneLine(mail.subject).slice(0, SUBJECT_MAX).trim() || NO_SUBJECT,
      description: this.body(mail.text.trim() || mail.strippedText.trim(), mail, files),
      ...(input.defaults.priority ? { priority: input.defaults.priority } : {}),
      ...((await this.typeUsable(em, user, input.defaults.typeId))
        ? { typeId: input.defaults.typeId! }
        : {}),
      // Staff filing by mail are their own requesters, as a client always is.
      ...(user.role !== 'client' ? { requesterId: user.id } : {}),
    };
    const ticket = await this.tickets.create(user, dto, {
      em,
      channel: 'email',
      defaultGroupId: input.defaults.groupId,
    });
    const records = await this.storeFiles(em, {
      ticketId: ticket.id,
      commentId: null,
      internal: false,
      uploaderId: user.id,
      files,
      raw: input.raw,
      storedKeys: input.storedKeys,
    });
    return { ticketId: ticket.id, attachments: records };
  }

  /**
   * A comment on a ticket the sender may see. A staff member's mail becomes an internal note: a
   * From header is easily forged, and a desk reply to a client must come from the app.
   */
  async reply(
    em: EntityManager,
    input: {
      user: AuthUser;
      ticketId: string;
      mail: ParsedMail;
      raw: Buffer;
      storedKeys: string[];
    },
  ): Promise<{ commentId: string; attachments: InboundAttachmentRecord[] }> {
    const { user, mail } = input;
    const files = plan(mail);
    const internal = user.role !== 'client';
    const comment = await this.comments.create(
      user,
      input.ticketId,
      {
        body: this.body(mail.strippedText.trim() || mail.text.trim(), mail, files),
        internal,
      },
      { em },
    );
    const records = await this.storeFiles(em, {
      ticketId: input.ticketId,
      commentId: comment.id,
      internal,
      uploaderId: user.id,
      files,
      raw: input.raw,
      storedKeys: input.storedKeys,
    });
    return { commentId: comment.id, attachments: records };
  }

  /** A client may file only under a public type; otherwise the ticket gets the default type. */
  private async typeUsable(
    em: EntityManager,
    user: AuthUser,
    typeId: string | null,
  ): Promise<boolean> {
    if (typeId === null) return false;
    const [row] = await sql<{ is_public: boolean }>(
      em,
      `SELECT is_public FROM ticket_types WHERE id = $1 AND active`,
      [typeId],
    );
    return row !== undefined && (row.is_public || user.role !== 'client');
  }

  /**
   * The text, with every `cid:` reference to an inline image replaced by the image's own URL
   * here (a `cid:` link shows nothing outside the mail); an image the HTML shows but the text
   * does not mention is listed at the end.
   */
  private body(text: string, mail: ParsedMail, files: PlannedFile[]): string {
    let body = text;
    const listed: string[] = [];
    for (const f of files) {
      if (!f.part.contentId) continue;
      const url = `${this.http.publicUrl}/api/v1/attachments/${f.id}/content`;
      const ref = new RegExp(`cid:${escapeRegExp(f.part.contentId)}`, 'gi');
      if (ref.test(body)) body = body.replace(ref, url);
      else if (f.part.inline) listed.push(`[${f.part.filename || 'image'}: ${url}]`);
    }
    if (listed.length > 0) body = `${body}\n\n${listed.join('\n')}`.trim();
    if (body === '') body = NO_TEXT;
    return body.length > BODY_MAX ? body.slice(0, BODY_MAX) : body;
  }

  private async storeFiles(
    em: EntityManager,
    input: {
      ticketId: string;
      commentId: string | null;
      internal: boolean;
      uploaderId: string;
      files: PlannedFile[];
      raw: Buffer;
      storedKeys: string[];
    },
  ): Promise<InboundAttachmentRecord[]> {
    const records: InboundAttachmentRecord[] = [];
    for (const f of input.files) {
      const stored = await this.attachments.storeFromMail(em, {
        id: f.id,
        ticketId: input.ticketId,
        commentId: input.commentId,
        uploaderId: input.uploaderId,
        fileName: f.part.filename || (f.part.inline ? 'image' : 'attachment'),
        content: f.part.content,
        internal: input.internal,
        dangerous: f.part.dangerous,
      });
      input.storedKeys.push(stored.storageKey);
      records.push({
        attachmentId: stored.id,
        fileName: stored.fileName,
        inline: f.part.inline,
        contentId: f.part.contentId,
        dangerous: f.part.dangerous,
      });
    }
    // The original message, for staff: headers, every part, as it arrived.
    const eml = await this.attachments.storeFromMail(em, {
      ticketId: input.ticketId,
      commentId: input.commentId,
      uploaderId: input.uploaderId,
      fileName: 'original-message.eml',
      content: input.raw,
      internal: true,
      dangerous: false,
    });
    input.storedKeys.push(eml.storageKey);
    return records;
  }
}

function plan(mail: ParsedMail): PlannedFile[] {
  return mail.attachments.map((part) => ({ id: randomUUID(), part }));
}

function oneLine(s: string): string {
  return s
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
