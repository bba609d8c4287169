import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../../../../common/auth/auth-user.js';
import { loadAuthUser } from '../../../../../common/auth/auth-user.sql.js';
import { sql } from '../../../../../common/database/sql.js';
import {
  BusinessRuleError,
  ConflictError,
  NotFoundError,
} from '../../../../../common/errors/domain-errors.js';
import { decodeCursor, toPage, type Page } from '../../../../../common/pagination/cursor.js';
import { Clock } from '../../../../../common/time/clock.js';
import { MailContacts } from '../../../../directory/index.js';
import { AttachmentsService } from '../../../../tickets/index.js';
import { parseMail } from '../../parsing/parse-mail.js';
import { MailFiling } from '../mail-filing.js';
import { MAIL_LIMITS } from '../mail-ingest.service.js';
import { MailboxSettings } from '../mailbox-settings.js';
import type {
  AcceptedMailDto,
  QuarantinedMailDetailDto,
  QuarantinedMailDto,
  QuarantinePageQueryDto,
} from './mail-quarantine.dto.js';

interface Row {
  id: string;
  from_address: string | null;
  from_name: string;
  reply_to: string | null;
  subject: string;
  received_at: Date;
  reason: string | null;
  mailbox_id: string | null;
  thread_ticket_id: string | null;
  thread_ticket_number: string | null;
  known_sender: boolean;
  cursor_at: string;
}

const SELECT = `
  SELECT m.id, m.from_address, m.from_name, m.reply_to, m.subject, m.received_at, m.reason,
         m.mailbox_id, m.thread_ticket_id, tt.number AS thread_ticket_number,
         EXISTS (SELECT 1 FROM users u WHERE u.email = m.from_address::citext) AS known_sender,
         m.received_at::text AS cursor_at
    FROM inbound_messages m
    LEFT JOIN tickets tt ON tt.id = m.thread_ticket_id`;

const toDto = (r: Row): QuarantinedMailDto => ({
  id: r.id,
  fromAddress: r.from_address,
  fromName: r.from_name,
  replyTo: r.reply_to,
  subject: r.subject,
  receivedAt: r.received_at.toISOString(),
  reason: r.reason,
  mailboxId: r.mailbox_id,
  threadTicket:
    r.thread_ticket_id && r.thread_ticket_number
      ? { id: r.thread_ticket_id, number: Number(r.thread_ticket_number) }
      : null,
  knownSender: r.known_sender,
});

/**
 * The queue of held mail (unknown senders under the `quarantine` policy, senders over the rate
 * limit, replies to a thread the sender may not see): staff accept one, which files it as a new
 * ticket from the stored raw message (creating the contact when needed), or discard it. The
 * raw message stays either way. A held reply is never put on the ticket it pointed at.
 */
@Injectable()
export class MailQuarantineService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly contacts: MailContacts,
    private readonly filing: MailFiling,
    private readonly mailboxes: MailboxSettings,
    private readonly attachments: AttachmentsService,
  ) {}

  /** Oldest first: a queue. */
  async list(query: QuarantinePageQueryDto): Promise<Page<QuarantinedMailDto>> {
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor, 'timestamp');
    const params: unknown[] = [limit + 1];
    let after = '';
    if (cursor) {
      params.push(String(cursor.v), cursor.id);
      after = `AND (m.received_at, m.id) > (CAST($2 AS timestamptz), CAST($3 AS uuid))`;
    }
    const rows = await sql<Row>(
      this.db,
      `${SELECT} WHERE m.status = 'quarantined' ${after} ORDER BY m.received_at, m.id LIMIT $1`,
      params,
    );
    return toPage(rows, limit, toDto, (r) => ({ v: r.cursor_at, id: r.id }));
  }

  async get(id: string): Promise<QuarantinedMailDetailDto> {
    const row = await this.row(id);
    const mail = await parseMail(await this.raw(id), MAIL_LIMITS);
    return {
      ...toDto(row),
      text: mail.text.slice(0, 20_000),
      attachmentNames: mail.attachments.map((a) => a.filename),
    };
  }

  async raw(id: string): Promise<Buffer> {
    const [row] = await sql<{ raw: Buffer }>(
      this.db,
      `SELECT raw FROM inbound_messages WHERE id = $1 AND status = 'quarantined'`,
      [id],
    );
    if (!row) throw new NotFoundError('Quarantined mail');
    return row.raw;
  }

  async accept(
    caller: AuthUser,
    id: string,
    organizationId: string | undefined,
  ): Promise<AcceptedMailDto> {
    const storedKeys: string[] = [];
    try {
      return await this.db.transaction(async (em) => {
        const [held] = await sql<{
          status: string;
          raw: Buffer;
          mailbox_id: string | null;
        }>(em, `SELECT status, raw, mailbox_id FROM inbound_messages WHERE id = $1 FOR UPDATE`, [
          id,
        ]);
        if (!held) throw new NotFoundError('Quarantined mail');
        if (held.status !== 'quarantined') {
          throw new ConflictError(`The mail is no longer in the quarantine (it is ${held.status})`);
        }
        const mail = await parseMail(held.raw, MAIL_LIMITS);
        if (!mail.from) {
          throw new BusinessRuleError('The mail cannot be accepted', [
            { field: 'from', message: 'the message has no sender address' },
          ]);
        }
        const now = this.clock.now();
        const existing = await this.contacts.findByEmail(em, mail.from.address);
        let contactId: string;
        let created = false;
        if (existing) {
          contactId = existing.id;
        } else {
          const domain = mail.from.address.slice(mail.from.address.lastIndexOf('@') + 1);
          const orgId =
            organizationId ?? (await this.contacts.organizationForDomain(em, domain))?.id;
          const org = orgId ? await this.contacts.organization(em, orgId) : null;
          if (!org) {
            throw new BusinessRuleError('The sender is no contact yet', [
              {
                field: 'organizationId',
                message: organizationId
                  ? 'no such organization'
                  : 'is required: the organization of the contact to create',
              },
            ]);
          }
          contactId = await this.contacts.create(
            em,
            {
              email: mail.from.address,
              name: mail.from.name,
              organizationId: org.id,
              locale: 'en',
            },
            caller.id,
          );
          created = true;
        }
        const user = await loadAuthUser(em, contactId, now);
        if (!user) {
          throw new BusinessRuleError('The sender cannot file tickets', [
            { field: 'from', message: 'the contact (or its organization) is deactivated' },
          ]);
        }
        const defaults = await this.mailboxes.defaults(em, held.mailbox_id);
        const filed = await this.filing.newTicket(em, {
          user,
          mail,
          raw: held.raw,
          defaults,
          storedKeys,
        });
        await em.query(
          `UPDATE inbound_messages
              SET status = 'processed', ticket_id = $2, sender_id = $3, created_ticket = true,
                  attachments = $4::jsonb, decided_by_id = $5, decided_at = $6,
                  reason = COALESCE(reason || '; ', '') || 'accepted from the quarantine'
            WHERE id = $1`,
          [id, filed.ticketId, contactId, JSON.stringify(filed.attachments), caller.id, now],
        );
        const [t] = await sql<{ number: string }>(em, `SELECT number FROM tickets WHERE id = $1`, [
          filed.ticketId,
        ]);
        return {
          ticket: { id: filed.ticketId, number: Number(t.number) },
          contactId,
          contactCreated: created,
        };
      });
    } catch (e) {
      await this.attachments.removeStored(storedKeys);
      throw e;
    }
  }

  async discard(caller: AuthUser, id: string): Promise<void> {
    const rows = await sql<{ id: string }>(
      this.db,
      `UPDATE inbound_messages SET status = 'discarded', decided_by_id = $2, decided_at = $3
        WHERE id = $1 AND status = 'quarantined' RETURNING id`,
      [id, caller.id, this.clock.now()],
    );
    if (rows.length === 0) {
      await this.row(id);
    }
  }

  /** 404 when there is no such held mail; 409 when it was decided already. */
  private async row(id: string): Promise<Row> {
    const [row] = await sql<Row & { status: string }>(
      this.db,
      `${SELECT.replace('SELECT m.id,', 'SELECT m.status, m.id,')} WHERE m.id = $1`,
      [id],
    );
    if (!row || !['quarantined', 'processed', 'discarded'].includes(row.status)) {
      throw new NotFoundError('Quarantined mail');
    }
    if (row.status !== 'quarantined') {
      throw new ConflictError(`The mail is no longer in the quarantine (it is ${row.status})`);
    }
    return row;
  }
}
