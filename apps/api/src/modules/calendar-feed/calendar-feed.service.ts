import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { sql } from '../../common/database/sql.js';
import { httpConfig, InjectConfig, type HttpConfig } from '../../config/config-namespaces.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import { AuthUserLoader } from '../auth/index.js';
import { ticketVisibility } from '../tickets/index.js';
import type { CalendarFeedCreatedDto, CalendarFeedStatusDto } from './dto/calendar-feed.dto.js';
import { renderCalendar, type CalendarEvent } from './ical.js';

const DAY_MS = 86_400_000;
/** The window of due dates a feed covers, and its size cap: a feed costs the same every poll. */
export const FEED_PAST_DAYS = 30;
export const FEED_FUTURE_DAYS = 365;
export const FEED_MAX_EVENTS = 1000;
/** How long each event is: it starts at the due time. */
const EVENT_MS = 30 * 60_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

interface FeedRow {
  id: string;
  number: string;
  subject: string;
  due_at: Date;
  updated_at: Date;
  priority: string;
  status_name: string;
}

/**
 * PayDox's calendar: a private, revocable iCalendar address per user with their own tickets on
 * their due dates. The token is 256 random bits and only its SHA-256 is stored, so rotating or
 * revoking takes effect at once and a database dump holds no working address.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly users: AuthUserLoader,
    @InjectConfig(httpConfig) private readonly config: HttpConfig,
  ) {}

  path(token: string): string {
    return `/api/v1/calendar-feeds/${token}.ics`;
  }

  async status(user: AuthUser): Promise<CalendarFeedStatusDto> {
    const [row] = await sql<{ created_at: Date }>(
      this.db,
      'SELECT created_at FROM calendar_feeds WHERE user_id = $1',
      [user.id],
    );
    return { exists: !!row, createdAt: row ? row.created_at.toISOString() : null };
  }

  /** A new address; the previous one, if any, stops working in the same statement. */
  async rotate(user: AuthUser): Promise<CalendarFeedCreatedDto> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.db.query(
      `INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at`,
      [user.id, hashToken(token), now],
    );
    const path = this.path(token);
    return { url: `${this.config.publicUrl}${path}`, path, createdAt: now.toISOString() };
  }

  async revoke(user: AuthUser): Promise<void> {
    await this.db.query('DELETE FROM calendar_feeds WHERE user_id = $1', [user.id]);
  }

  /**
   * The feed behind a token, as the user would see it logged in: an unknown, rotated or revoked
   * token, or a user who is deactivated (or whose organization is), is a 404.
   */
  async render(token: string): Promise<string> {
    if (!TOKEN.test(token)) throw new NotFoundError('Calendar feed');
    const [feed] = await sql<{ user_id: string }>(
      this.db,
      'SELECT user_id FROM calendar_feeds WHERE token_hash = $1',
      [hashToken(token)],
    );
    const user = feed ? await this.users.loadWithoutSession(feed.user_id) : null;
    if (!user) throw new NotFoundError('Calendar feed');

    const now = this.clock.now();
    const vis = ticketVisibility(user, 't');
    // A client's calendar shows the promised resolution time and their own last-change time:
    // the manual due date and the desk's internal activity are staff-only.
    const isClient = user.role === 'client';
    const due = isClient ? 't.resolution_due_at' : 't.effective_due_at';
    const rows = (await this.db
      .createQueryBuilder()
      .select([
        't.id AS id',
        't.number AS number',
        't.subject AS subject',
        // The manual due date, else the SLA resolution deadline (as the agent calendar shows).
        `${due} AS due_at`,
        isClient ? 't.client_updated_at AS updated_at' : 't.updated_at AS updated_at',
        't.priority AS priority',
        `COALESCE(ws.name ->> :locale, ws.name ->> 'en', t.status) AS status_name`,
      ])
      .from('tickets', 't')
      .leftJoin('workflow_statuses', 'ws', 'ws.workflow_id = t.workflow_id AND ws.key = t.status')
      // The user's own tickets (PayDox): assigned to them or requested by them.
      .where('(t.assignee_id = :feedUserId OR t.requester_id = :feedUserId)', {
        feedUserId: user.id,
      })
      .andWhere(`${due} >= :from AND ${due} < :to`, {
        from: new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS),
        to: new Date(now.getTime() + FEED_FUTURE_DAYS * DAY_MS),
      })
      // Work that is done or dropped leaves the calendar, and so does what is kept for the
      // record only (informational: no work owed, never overdue).
      .andWhere(`t.status_category NOT IN ('closed', 'canceled', 'informational')`)
      .andWhere(vis.sql, vis.params)
      .setParameter('locale', user.locale)
      .orderBy(due, 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(FEED_MAX_EVENTS)
      .getRawMany()) as FeedRow[];

    const ticketPath = (n: string) =>
      user.role === 'client' ? `/tickets/${n}` : `/agent/tickets/${n}`;
    const events: CalendarEvent[] = rows.map((r) => ({
      uid: `ticket-${r.id}@relaydesk`,
      start: r.due_at,
      end: new Date(r.due_at.getTime() + EVENT_MS),
      summary: `#${r.number} ${r.subject}`,
      description: `Status: ${r.status_name}\nPriority: ${r.priority}\n${ticketPath(r.number)}`,
      url: `${this.config.publicUrl}${ticketPath(r.number)}`,
      lastModified: r.updated_at,
    }));
    return renderCalendar({ name: `Relaydesk: ${user.name}`, stamp: now, events });
  }
}
