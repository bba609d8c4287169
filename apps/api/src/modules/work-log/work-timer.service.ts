import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { iso, SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { ConflictError, NotFoundError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import type { StoppedWorkTimerDto, WorkTimerStateDto } from './dto/work-timer.dto.js';
import { visibleTicketSql } from './ticket-visibility-sql.js';

interface TimerRow {
  ticket_id: string;
  number: string;
  subject: string;
  started_at: Date;
}

/**
 * One running timer per agent, kept in the database (so it survives a reload, another tab or
 * another device); stopping it hands back the span for the entry form, which writes the entry.
 */
@Injectable()
export class WorkTimerService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async get(user: AuthUser): Promise<WorkTimerStateDto> {
    const [row] = await sql<TimerRow>(
      this.db,
      `SELECT w.ticket_id, t.number::text AS number, t.subject, w.started_at
         FROM work_timers w JOIN tickets t ON t.id = w.ticket_id WHERE w.user_id = $1`,
      [user.id],
    );
    if (!row) return { running: null };
    return {
      running: {
        ticketId: row.ticket_id,
        ticketNumber: Number(row.number),
        ticketSubject: row.subject,
        startedAt: iso(row.started_at),
        elapsedSeconds: this.elapsed(row.started_at),
      },
    };
  }

  async start(user: AuthUser, ticketId: string): Promise<WorkTimerStateDto> {
    const p = new SqlParams();
    const idParam = p.add(ticketId);
    const [ticket] = await sql<{ id: string }>(
      this.db,
      `SELECT t.id FROM tickets t WHERE t.id = ${idParam} AND ${visibleTicketSql(user, p)}`,
      p.values,
    );
    if (!ticket) throw new NotFoundError('Ticket');
    const inserted = await sql<{ user_id: string }>(
      this.db,
      `INSERT INTO work_timers (user_id, ticket_id, started_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
      [user.id, ticketId, this.clock.now()],
    );
    if (inserted.length === 0) {
      throw new ConflictError('Your timer is already running: stop it first');
    }
    return this.get(user);
  }

  async stop(user: AuthUser): Promise<StoppedWorkTimerDto> {
    const [row] = await sql<{ ticket_id: string; started_at: Date }>(
      this.db,
      'DELETE FROM work_timers WHERE user_id = $1 RETURNING ticket_id, started_at',
      [user.id],
    );
    if (!row) throw new NotFoundError('Running timer');
    const endedAt = this.clock.now();
    return {
      ticketId: row.ticket_id,
      startedAt: iso(row.started_at),
      endedAt: iso(endedAt),
      durationSeconds: this.elapsed(row.started_at, endedAt),
    };
  }

  private elapsed(startedAt: Date, now = this.clock.now()): number {
    return Math.max(0, Math.round((now.getTime() - startedAt.getTime()) / 1000));
  }
}
