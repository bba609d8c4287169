import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { NotificationKind } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor.js';
import { Clock } from '../../common/time/clock.js';
import { Ticket, ticketVisibility } from '../tickets/index.js';
import type {
  NotificationDto,
  NotificationListQueryDto,
  UnreadCountDto,
} from './dto/notification.dto.js';
import { Notification } from './entities/notification.entity.js';
import { NOTIFICATIONS_CHANNEL } from './fan-out/fan-out.worker.js';

/**
 * After a read, the bell of the user's other tabs and devices changes too: the live stream
 * pushes the new count to all of them (the same announcement the fan-out makes). Only when a
 * row changed; in the UPDATE's statement, so no read goes unannounced.
 */
const announceIfDone = (channel: string, userId: string) =>
  `SELECT pg_notify(${channel}, ${userId}::text) FROM (SELECT 1 FROM done LIMIT 1) x`;

interface Row {
  n_id: string;
  n_kind: NotificationKind;
  n_data: Record<string, unknown>;
  n_created_at: Date;
  n_read_at: Date | null;
  cur_created_at: string;
  t_id: string | null;
  t_number: string | null;
  t_subject: string | null;
}

/**
 * The bell: each user's in-app notifications, written by the fan-out (fan-out/) from committed
 * domain events. Readers see only their own, and only about tickets they can see now: THE
 * visibility rule is applied when listing, so a user who loses access to a ticket stops seeing
 * its notifications too.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Own notifications of visible tickets (or of no ticket). */
  private visible(user: AuthUser, em: EntityManager = this.db.manager) {
    const vis = ticketVisibility(user, 't');
    return em
      .createQueryBuilder(Notification, 'n')
      .leftJoin(Ticket, 't', 't.id = n.ticket_id')
      .where('n.user_id = :me', { me: user.id })
      .andWhere(`(n.ticket_id IS NULL OR (t.id IS NOT NULL AND ${vis.sql}))`, vis.params);
  }

  private withColumns(qb: SelectQueryBuilder<Notification>): SelectQueryBuilder<Notification> {
    return qb
      .select('n.id', 'n_id')
      .addSelect('n.kind', 'n_kind')
      .addSelect('n.data', 'n_data')
      .addSelect('n.created_at', 'n_created_at')
      .addSelect('n.read_at', 'n_read_at')
      .addSelect('n.created_at::text', 'cur_created_at')
      .addSelect('t.id', 't_id')
      .addSelect('t.number', 't_number')
      .addSelect('t.subject', 't_subject');
  }

  /** Newest first, keyset on (created_at, id). */
  async list(user: AuthUser, query: NotificationListQueryDto): Promise<Page<NotificationDto>> {
    const limit = query.limit ?? 50;
    const qb = this.withColumns(this.visible(user));
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    const cursor = decodeCursor(query.cursor, 'timestamp');
    if (cursor) {
      qb.andWhere('(n.created_at, n.id) < (CAST(:cv AS timestamptz), CAST(:cid AS uuid))', {
        cv: cursor.v,
        cid: cursor.id,
      });
    }
    qb.orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(limit + 1);
    const rows = await qb.getRawMany<Row>();
    return toPage(rows, limit, toDto, (r) => ({ v: r.cur_created_at, id: r.n_id }));
  }

  async unreadCount(user: AuthUser): Promise<UnreadCountDto> {
    const row = await this.visible(user)
      .andWhere('n.read_at IS NULL')
      .select('count(*)::int', 'unread')
      .getRawOne<{ unread: number }>();
    return { unread: row?.unread ?? 0 };
  }

  /** Marks one as read; someone else's, or one of a ticket the caller cannot see, is a 404. */
  async markRead(user: AuthUser, id: string): Promise<NotificationDto> {
    const row = await this.withColumns(this.visible(user))
      .andWhere('n.id = :id', { id })
      .getRawOne<Row>();
    if (!row) throw new NotFoundError('Notification');
    if (row.n_read_at === null) {
      const now = this.clock.now();
      await this.db.query(
        `WITH done AS (UPDATE notifications SET read_at = $3
                        WHERE id = $1 AND user_id = $2 AND read_at IS NULL RETURNING 1)
         ${announceIfDone('$4', '$2')}`,
        [id, user.id, now, NOTIFICATIONS_CHANNEL],
      );
      row.n_read_at = now;
    }
    return toDto(row);
  }

  async markAllRead(user: AuthUser): Promise<UnreadCountDto> {
    await this.db.query(
      `WITH done AS (UPDATE notifications SET read_at = $2
                      WHERE user_id = $1 AND read_at IS NULL RETURNING 1)
       ${announceIfDone('$3', '$1')}`,
      [user.id, this.clock.now(), NOTIFICATIONS_CHANNEL],
    );
    return this.unreadCount(user);
  }
}

function toDto(r: Row): NotificationDto {
  return {
    id: r.n_id,
    kind: r.n_kind,
    ticket:
      r.t_id !== null
        ? { id: r.t_id, number: Number(r.t_number), subject: r.t_subject ?? '' }
        : null,
    data: r.n_data,
    createdAt: r.n_created_at.toISOString(),
    readAt: r.n_read_at ? r.n_read_at.toISOString() : null,
  };
}
