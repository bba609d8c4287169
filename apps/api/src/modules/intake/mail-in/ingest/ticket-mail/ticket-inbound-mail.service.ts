import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../../../../common/auth/auth-user.js';
import { sql } from '../../../../../common/database/sql.js';
import { NotFoundError } from '../../../../../common/errors/domain-errors.js';
import { decodeCursor, toPage, type Page } from '../../../../../common/pagination/cursor.js';
import { isTicketVisible } from '../../../../tickets/index.js';
import type { InboundAttachmentRecord, InboundStatus } from '../entities/inbound-message.entity.js';
import type { TicketInboundMailDto, TicketInboundMailQueryDto } from './ticket-inbound-mail.dto.js';

interface Row {
  id: string;
  from_address: string | null;
  from_name: string;
  reply_to: string | null;
  subject: string;
  received_at: Date;
  status: InboundStatus;
  reason: string | null;
  authentication_results: string | null;
  ticket_id: string | null;
  comment_id: string | null;
  attachments: InboundAttachmentRecord[];
  cursor_at: string;
}

/**
 * The mail about a ticket, for staff: its own messages (with a differing Reply-To and the files'
 * flags) and the ones that pointed at it but did not land there (a sender who may not see it,
 * an auto-reply), so that an attempt to write into someone else's ticket is seen. Clients never
 * see it: addresses and flags are desk business.
 */
@Injectable()
export class TicketInboundMailService {
  constructor(private readonly db: DataSource) {}

  async list(
    user: AuthUser,
    ticketId: string,
    query: TicketInboundMailQueryDto,
  ): Promise<Page<TicketInboundMailDto>> {
    if (user.role === 'client' || !(await isTicketVisible(this.db.manager, user, ticketId))) {
      throw new NotFoundError('Ticket');
    }
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor, 'timestamp');
    const params: unknown[] = [ticketId, limit + 1];
    let after = '';
    if (cursor) {
      params.push(String(cursor.v), cursor.id);
      after = `AND (m.received_at, m.id) < (CAST($3 AS timestamptz), CAST($4 AS uuid))`;
    }
    const rows = await sql<Row>(
      this.db,
      `SELECT m.id, m.from_address, m.from_name, m.reply_to, m.subject, m.received_at, m.status,
              m.reason, m.authentication_results, m.ticket_id, m.comment_id, m.attachments, m.received_at::text AS cursor_at
         FROM inbound_messages m
        WHERE (m.ticket_id = $1 OR m.thread_ticket_id = $1) ${after}
        ORDER BY m.received_at DESC, m.id DESC
        LIMIT $2`,
      params,
    );
    return toPage(
      rows,
      limit,
      (r) => ({
        id: r.id,
        fromAddress: r.from_address,
        fromName: r.from_name,
        replyTo: r.reply_to,
        subject: r.subject,
        receivedAt: r.received_at.toISOString(),
        status: r.status,
        reason: r.reason,
        authenticationResults: r.authentication_results,
        flagged: r.ticket_id !== ticketId,
        commentId: r.comment_id,
        files: r.attachments.map((a) => ({
          attachmentId: a.attachmentId,
          fileName: a.fileName,
          inline: a.inline,
          dangerous: a.dangerous,
        })),
      }),
      (r) => ({ v: r.cursor_at, id: r.id }),
    );
  }
}
