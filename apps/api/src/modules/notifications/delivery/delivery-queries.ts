import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DELIVERY_STATUSES, type DeliveryStatus } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { sql } from '../../../common/database/sql.js';
import { NotFoundError } from '../../../common/errors/domain-errors.js';
import { invalidCursorError } from '../../../common/pagination/cursor.js';
import { InjectConfig, mailConfig, type MailConfig } from '../../../config/config-namespaces.js';
import type {
  AdminDeliveryQueryDto,
  DeliveryDto,
  DeliveryPageDto,
  DeliveryPageQueryDto,
  MailSettingsDto,
} from './dto/delivery.dto.js';
import { MailSettings } from './mail/mail-settings.js';
import { MailTransport } from './mail/mail-transport.js';
import { isTicketVisible } from '../../tickets/index.js';

interface Row {
  id: string;
  channel: 'email' | 'sms';
  kind: string;
  address: string;
  recipient_name: string | null;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  next_attempt_at: Date;
  ticket_id: string | null;
  ticket_number: string | null;
  ticket_subject: string | null;
  bounced_at: Date | null;
  bounce_permanent: boolean | null;
  bounce_status: string | null;
  bounce_diagnostic: string | null;
}

const SELECT = `
  SELECT d.id, d.channel, d.kind, d.address, u.name AS recipient_name, d.status, d.attempts,
         d.last_error, d.created_at, d.sent_at, d.next_attempt_at,
         t.id AS ticket_id, t.number AS ticket_number, t.subject AS ticket_subject,
         d.bounced_at, d.bounce_permanent, d.bounce_status, d.bounce_diagnostic
    FROM deliveries d
    LEFT JOIN users u ON u.id = d.user_id
    LEFT JOIN tickets t ON t.id = d.ticket_id`;

/** Newest first, by (created_at, id): the order of the (ticket_id|status, created_at) indexes. */
interface Cursor {
  at: string;
  id: string;
}

function encode(row: Row): string {
  return Buffer.from(JSON.stringify([row.created_at.toISOString(), row.id])).toString('base64url');
}

function decode(raw: string | undefined): Cursor | null {
  if (raw === undefined || raw === '') return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      typeof v[1] === 'string' &&
      /^\d{1,18}$/.test(v[1]) &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v[0]) &&
      !Number.isNaN(Date.parse(v[0]))
    ) {
      return { at: v[0], id: v[1] };
    }
  } catch {
    // fall through
  }
  throw invalidCursorError();
}

function toDto(r: Row): DeliveryDto {
  return {
    id: r.id,
    channel: r.channel,
    kind: r.kind,
    recipient: r.address,
    recipientName: r.recipient_name,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at ? r.sent_at.toISOString() : null,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null,
    ticket:
      r.ticket_id !== null
        ? { id: r.ticket_id, number: Number(r.ticket_number), subject: r.ticket_subject ?? '' }
        : null,
    bounce:
      r.bounced_at !== null
        ? {
            at: r.bounced_at.toISOString(),
            permanent: r.bounce_permanent === true,
            status: r.bounce_status,
            diagnostic: r.bounce_diagnostic,
          }
        : null,
  };
}

/** What people may see of the outbox: per ticket for staff, everything for admins. */
@Injectable()
export class DeliveryQueries {
  constructor(
    private readonly db: DataSource,
    @InjectConfig(mailConfig) private readonly config: MailConfig,
    private readonly settings: MailSettings,
    private readonly transport: MailTransport,
  ) {}

  /**
   * The ticket's deliveries, for staff who may see the ticket. A client gets 404, as for a ticket
   * that does not exist: addresses of other people and staff mail are not theirs to see.
   */
  async forTicket(
    user: AuthUser,
    ticketId: string,
    query: DeliveryPageQueryDto,
  ): Promise<DeliveryPageDto> {
    if (user.role === 'client' || !(await isTicketVisible(this.db.manager, user, ticketId))) {
      throw new NotFoundError();
    }
    return this.page('d.ticket_id = $1', [ticketId], query);
  }

  /** Every delivery in one status, newest first (admins). */
  forAdmin(query: AdminDeliveryQueryDto): Promise<DeliveryPageDto> {
    return this.page('d.status = $1', [query.status ?? 'failed'], query);
  }

  async mailSettings(): Promise<MailSettingsDto> {
    const endpoint = this.config.mailDriver === 'smtp' ? this.config.smtpEndpoint : null;
    // One index-only count per status over deliveries_status_created_idx.
    const rows = await sql<{ status: DeliveryStatus; n: number }>(
      this.db,
      `SELECT s.status, (SELECT count(*) FROM deliveries d WHERE d.status = s.status)::int AS n
         FROM unnest($1::text[]) AS s(status)`,
      [DELIVERY_STATUSES],
    );
    const count = (s: DeliveryStatus) => rows.find((r) => r.status === s)?.n ?? 0;
    return {
      driver: this.config.mailDriver,
      host: endpoint?.host ?? null,
      port: endpoint?.port ?? null,
      secure: endpoint?.secure ?? null,
      user: endpoint?.user ?? null,
      from: this.config.mailFrom,
      domain: this.settings.domain,
      replyTo: this.config.mailReplyTo,
      dkim: this.config.mailDkim !== null,
      dkimDomain: this.config.mailDkim?.domain ?? null,
      dkimSelector: this.config.mailDkim?.selector ?? null,
      rateLimitPerHour: this.config.mailRateLimitPerHour,
      logDirectory: this.config.mailDriver === 'log' ? this.transport.logDir : null,
      counts: {
        pending: count('pending'),
        sent: count('sent'),
        failed: count('failed'),
        suppressed: count('suppressed'),
      },
    };
  }

  private async page(
    where: string,
    params: unknown[],
    query: DeliveryPageQueryDto,
  ): Promise<DeliveryPageDto> {
    const limit = query.limit ?? 50;
    const cursor = decode(query.cursor);
    const all = [...params];
    let after = '';
    if (cursor) {
      all.push(cursor.at, cursor.id);
      after = `AND (d.created_at, d.id) < ($${all.length - 1}::timestamptz, $${all.length}::bigint)`;
    }
    all.push(limit + 1);
    const rows = await sql<Row>(
      this.db,
      `${SELECT} WHERE ${where} ${after}
        ORDER BY d.created_at DESC, d.id DESC LIMIT $${all.length}`,
      all,
    );
    const more = rows.length > limit;
    const pageRows = more ? rows.slice(0, limit) : rows;
    return {
      items: pageRows.map(toDto),
      nextCursor: more ? encode(pageRows[pageRows.length - 1]) : null,
    };
  }
}
