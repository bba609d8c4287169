import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { sql } from '../../common/database/sql.js';
import { BusinessRuleError, NotFoundError } from '../../common/errors/domain-errors.js';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor.js';
import { Clock } from '../../common/time/clock.js';
import {
  DEPUTYSHIP_MAX_DAYS,
  DEPUTYSHIP_MAX_OPEN,
  type CreateDeputyshipDto,
  type DeputyshipDto,
  type DeputyshipListQueryDto,
  type DeputyshipState,
} from './dto/deputyship.dto.js';
import { DeputyshipNotifier } from './deputyship-notifier.js';

const DAY_MS = 86_400_000;

interface Row {
  id: string;
  principal_id: string;
  principal_name: string;
  deputy_id: string;
  deputy_name: string;
  starts_at: Date;
  ends_at: Date;
  note: string | null;
  created_by_id: string | null;
  created_by_name: string | null;
  created_at: Date;
  canceled_at: Date | null;
  cursor_at: string;
}

const SELECT = `SELECT d.id, d.principal_id, p.name AS principal_name, d.deputy_id, du.name AS deputy_name,
                       d.starts_at, d.ends_at, d.note, d.created_by_id, cb.name AS created_by_name,
                       d.created_at, d.canceled_at, d.ends_at::text AS cursor_at
                  FROM deputyships d
                  JOIN users p ON p.id = d.principal_id
                  JOIN users du ON du.id = d.deputy_id
                  LEFT JOIN users cb ON cb.id = d.created_by_id`;

/**
 * Naming, listing and ending deputyships (CDESK). Whether a deputyship is in force is never
 * stored: the auth loader, the visibility rule and the history writer compare its period with
 * the time of each request, so access begins and ends on time without any job running.
 */
@Injectable()
export class DeputyshipsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly notifier: DeputyshipNotifier,
  ) {}

  /** The principal's deputyships (or, with `as=deputy`, those where the user is the deputy). */
  async list(userId: string, query: DeputyshipListQueryDto): Promise<Page<DeputyshipDto>> {
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor, 'timestamp');
    const column = query.as === 'deputy' ? 'd.deputy_id' : 'd.principal_id';
    const params: unknown[] = [userId, limit + 1];
    let where = `${column} = $1`;
    if (cursor) {
      params.push(String(cursor.v), cursor.id);
      where += ` AND (d.ends_at, d.id) < (CAST($3 AS timestamptz), CAST($4 AS uuid))`;
    }
    const rows = await sql<Row>(
      this.db,
      `${SELECT} WHERE ${where} ORDER BY d.ends_at DESC, d.id DESC LIMIT $2`,
      params,
    );
    const now = this.clock.now();
    return toPage(
      rows,
      limit,
      (r) => toDto(r, now),
      (r) => ({ v: r.cursor_at, id: r.id }),
    );
  }

  async assertUserExists(userId: string): Promise<void> {
    const rows = await sql(this.db, 'SELECT 1 FROM users WHERE id = $1', [userId]);
    if (rows.length === 0) throw new NotFoundError('User');
  }

  /** 404 when the user does not exist; 422 when they are not active staff. */
  async assertPrincipal(userId: string): Promise<void> {
    const [u] = await sql<{ role: string; active: boolean }>(
      this.db,
      'SELECT role, active FROM users WHERE id = $1',
      [userId],
    );
    if (!u) throw new NotFoundError('User');
    if (u.role === 'client' || !u.active) {
      throw new BusinessRuleError('Only active staff have deputies', [
        { field: 'id', message: 'is not an active staff user' },
      ]);
    }
  }

  async create(
    actor: AuthUser,
    principalId: string,
    dto: CreateDeputyshipDto,
  ): Promise<DeputyshipDto> {
    const now = this.clock.now();
    const requestedStart = new Date(dto.startsAt);
    // A start in the past (or a moment ago, as the client saw "now") means now.
    const startsAt = requestedStart.getTime() < now.getTime() ? now : requestedStart;
    const endsAt = new Date(dto.endsAt);
    const errors: ProblemFieldError[] = [];
    if (dto.deputyId === principalId) {
      errors.push({ field: 'deputyId', message: 'must be someone else' });
    }
    if (endsAt.getTime() <= now.getTime()) {
      errors.push({ field: 'endsAt', message: 'must be in the future' });
    } else if (endsAt.getTime() <= startsAt.getTime()) {
      errors.push({ field: 'endsAt', message: 'must be later than startsAt' });
    } else if (endsAt.getTime() - startsAt.getTime() > DEPUTYSHIP_MAX_DAYS * DAY_MS) {
      errors.push({
        field: 'endsAt',
        message: `must be at most ${DEPUTYSHIP_MAX_DAYS} days after the start`,
      });
    }
    if (errors.length > 0) throw new BusinessRuleError('The deputyship is not valid', errors);

    return this.db.transaction(async (em) => {
      // One principal's deputyships are written one at a time: the limits below stay true.
      await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 6))', [principalId]);
      const [deputy] = await sql<{ role: string; active: boolean }>(
        em,
        'SELECT role, active FROM users WHERE id = $1',
        [dto.deputyId],
      );
      if (!deputy || !deputy.active || deputy.role === 'client') {
        throw new BusinessRuleError('The deputy must be an active staff user', [
          { field: 'deputyId', message: 'is not an active staff user' },
        ]);
      }
      const [{ open, overlapping }] = await sql<{ open: number; overlapping: number }>(
        em,
        `SELECT count(*)::int AS open,
                count(*) FILTER (WHERE deputy_id = $2 AND starts_at < $4 AND ends_at > $3)::int AS overlapping
           FROM deputyships WHERE principal_id = $1 AND ends_at > $5`,
        [principalId, dto.deputyId, startsAt, endsAt, now],
      );
      if (overlapping > 0) {
        throw new BusinessRuleError('This deputy is already named for an overlapping period', [
          { field: 'deputyId', message: 'already has an overlapping period' },
        ]);
      }
      if (open >= DEPUTYSHIP_MAX_OPEN) {
        throw new BusinessRuleError(
          `At most ${DEPUTYSHIP_MAX_OPEN} active and upcoming deputyships at a time`,
        );
      }
      const [{ id }] = await sql<{ id: string }>(
        em,
        `INSERT INTO deputyships (principal_id, deputy_id, starts_at, ends_at, note, created_by_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [principalId, dto.deputyId, startsAt, endsAt, dto.note?.trim() || null, actor.id, now],
      );
      await this.notifier.record(em, {
        deputyshipId: id,
        kind: 'created',
        actorId: actor.id,
        principalId,
        deputyId: dto.deputyId,
        startsAt,
        endsAt,
        at: now,
      });
      return this.getIn(em, id, now);
    });
  }

  /**
   * Ends the principal's deputyship now: access stops with this request (one that had not begun
   * never does). Ending one that has already ended changes nothing.
   */
  async end(actor: AuthUser, principalId: string, id: string): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      const [row] = await sql<{ ends_at: Date; deputy_id: string }>(
        em,
        'SELECT ends_at, deputy_id FROM deputyships WHERE id = $1 AND principal_id = $2 FOR UPDATE',
        [id, principalId],
      );
      if (!row) throw new NotFoundError('Deputyship');
      if (row.ends_at.getTime() <= now.getTime()) return;
      await em.query(
        `UPDATE deputyships
            SET ends_at = $2, starts_at = LEAST(starts_at, $2), canceled_at = $2,
                canceled_by_id = $3, expiry_processed_at = $2
          WHERE id = $1`,
        [id, now, actor.id],
      );
      await this.notifier.record(em, {
        deputyshipId: id,
        kind: 'ended',
        actorId: actor.id,
        principalId,
        deputyId: row.deputy_id,
        at: now,
      });
    });
  }

  private async getIn(em: EntityManager, id: string, now: Date): Promise<DeputyshipDto> {
    const [row] = await sql<Row>(em, `${SELECT} WHERE d.id = $1`, [id]);
    if (!row) throw new NotFoundError('Deputyship');
    return toDto(row, now);
  }
}

function stateAt(r: Pick<Row, 'starts_at' | 'ends_at'>, now: Date): DeputyshipState {
  if (r.ends_at.getTime() <= now.getTime()) return 'ended';
  return r.starts_at.getTime() <= now.getTime() ? 'active' : 'upcoming';
}

function toDto(r: Row, now: Date): DeputyshipDto {
  return {
    id: r.id,
    principal: { id: r.principal_id, name: r.principal_name },
    deputy: { id: r.deputy_id, name: r.deputy_name },
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    state: stateAt(r, now),
    note: r.note,
    createdBy: r.created_by_id ? { id: r.created_by_id, name: r.created_by_name ?? '' } : null,
    createdAt: r.created_at.toISOString(),
    canceledAt: r.canceled_at ? r.canceled_at.toISOString() : null,
  };
}
