import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { sql } from '../../../common/database/sql.js';
import { EventLogEntry } from '../../../common/events/event-log.entity.js';
import { Clock } from '../../../common/time/clock.js';
import { Ticket, ticketVisibility } from '../../tickets/index.js';
import { liveAudience, type LiveAudience } from './live-event-audience.js';

/** What a `ticket` event carries, and who may hear of it. */
export interface LiveTicketEvent {
  id: string;
  ticketId: string;
  number: number;
  name: string;
  at: string;
  audience: LiveAudience;
}

/** Whether this user may hear of it at all (their visibility of the ticket aside). */
export function hears(user: AuthUser, event: LiveTicketEvent): boolean {
  return event.audience === 'everyone' || user.role !== 'client';
}

/** The `ticket` event's data: enough to know what to refetch, nothing of the change itself. */
export function ticketEventData(event: LiveTicketEvent) {
  return { ticketId: event.ticketId, number: event.number, name: event.name, at: event.at };
}

/** At most this many missed events are replayed; a larger gap is a `reset` (refetch all). */
export const REPLAY_MAX_EVENTS = 200;
/** Missed events older than this are not replayed either: the client refetches everything. */
export const REPLAY_MAX_AGE_MS = 30 * 60_000;
/**
 * Ids are taken at INSERT and become visible at COMMIT, so a transaction that took id 10 can
 * commit after id 11 was delivered; a client that saw 11 and reconnected would skip 10 if the
 * replay began after 11. The replay starts this many ids earlier, and the connection and the
 * client drop ids they have already seen. (While connected nothing is skipped: NOTIFY arrives in
 * commit order.)
 */
export const REPLAY_WINDOW = 50;
/** Users per visibility query: one boolean column each, well under PostgreSQL's 1664 columns. */
const USERS_PER_QUERY = 400;

interface EventRow {
  id: string;
  name: string;
  ticket_id: string;
  payload: Record<string, unknown>;
  created_at: Date;
  number: string | number;
}

/**
 * Reads events from `event_log` for the live stream and applies THE visibility rule
 * (`ticketVisibility`) in SQL: for a live event, for every user connected to this instance in
 * one query; for a replay, for the one user who reconnects.
 */
@Injectable()
export class LiveEventReader {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * The event and which of `users` may see its ticket now; null when it is about no ticket (or
   * one that no longer exists). Each user's visibility condition is a column of one SELECT.
   */
  async forUsers(
    eventId: string,
    users: AuthUser[],
  ): Promise<{ event: LiveTicketEvent; visibleTo: Set<string> } | null> {
    let event: LiveTicketEvent | null = null;
    const visibleTo = new Set<string>();
    for (let from = 0; from === 0 || from < users.length; from += USERS_PER_QUERY) {
      const chunk = users.slice(from, from + USERS_PER_QUERY);
      const qb = this.eventQuery().where('e.id = :eventId', { eventId });
      chunk.forEach((user, i) => {
        const vis = renamedParams(ticketVisibility(user, 't'), `u${i}`);
        qb.addSelect(`(${vis.sql})`, `v${i}`).setParameters(vis.params);
      });
      const row = await qb.getRawOne<EventRow & Record<string, unknown>>();
      if (!row) return null;
      event ??= toEvent(row);
      chunk.forEach((user, i) => {
        if (row[`v${i}`] === true) visibleTo.add(user.id);
      });
    }
    return event ? { event, visibleTo } : null;
  }

  /**
   * The events after `lastId` that `user` may see, oldest first, starting REPLAY_WINDOW ids
   * early; 'reset' when the gap is too long, too old, or starts at an id this log does not have
   * (pruned, or another database).
   */
  async replay(user: AuthUser, lastId: string): Promise<LiveTicketEvent[] | 'reset'> {
    const [gap] = await sql<{ missed: number; oldest: Date | null; known: boolean }>(
      this.db,
      `SELECT count(*)::int AS missed, min(x.created_at) AS oldest,
              ($1::bigint = 0 OR EXISTS (SELECT 1 FROM event_log WHERE id = $1::bigint)) AS known
         FROM (SELECT created_at FROM event_log WHERE id > $1::bigint ORDER BY id LIMIT $2) x`,
      [lastId, REPLAY_MAX_EVENTS + 1],
    );
    const tooOld =
      gap.oldest !== null && gap.oldest.getTime() < this.clock.now().getTime() - REPLAY_MAX_AGE_MS;
    if (!gap.known || gap.missed > REPLAY_MAX_EVENTS || tooOld) return 'reset';
    if (gap.missed === 0) return [];
    const from =
      BigInt(lastId) > BigInt(REPLAY_WINDOW) ? BigInt(lastId) - BigInt(REPLAY_WINDOW) : 0n;
    const vis = ticketVisibility(user, 't');
    const rows = await this.eventQuery()
      .where('e.id > :from', { from: from.toString() })
      .andWhere(vis.sql, vis.params)
      .orderBy('e.id', 'ASC')
      .limit(REPLAY_MAX_EVENTS + REPLAY_WINDOW)
      .getRawMany<EventRow>();
    return rows.map(toEvent);
  }

  /** The newest event id: where a fresh stream starts, so its first reconnect can replay. */
  async latestId(): Promise<string> {
    const [row] = await sql<{ id: string }>(
      this.db,
      'SELECT coalesce(max(id), 0)::text AS id FROM event_log',
    );
    return row.id;
  }

  private eventQuery() {
    return this.db
      .createQueryBuilder()
      .select('e.id::text', 'id')
      .addSelect('e.name', 'name')
      .addSelect('e.ticket_id', 'ticket_id')
      .addSelect('e.payload', 'payload')
      .addSelect('e.created_at', 'created_at')
      .addSelect('t.number', 'number')
      .from(EventLogEntry, 'e')
      .innerJoin(Ticket, 't', 't.id = e.ticket_id');
  }
}

function toEvent(row: EventRow): LiveTicketEvent {
  const at = typeof row.payload.at === 'string' ? row.payload.at : row.created_at.toISOString();
  return {
    id: row.id,
    ticketId: row.ticket_id,
    number: Number(row.number),
    name: row.name,
    at,
    audience: liveAudience(row.name, row.payload),
  };
}

/**
 * The same condition with its named parameters suffixed, so the conditions of many users can
 * sit in one statement (`:visUserId` -> `:visUserId_u3`). A `::type` cast is left alone.
 */
export function renamedParams(
  frag: { sql: string; params: Record<string, unknown> },
  suffix: string,
): { sql: string; params: Record<string, unknown> } {
  const names = Object.keys(frag.params);
  const params: Record<string, unknown> = {};
  for (const name of names) params[`${name}_${suffix}`] = frag.params[name];
  const sqlText = frag.sql.replace(/(?<![:\w]):(\w+)/g, (whole, name: string) =>
    names.includes(name) ? `:${name}_${suffix}` : whole,
  );
  return { sql: sqlText, params };
}
