import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SUPPORT_LEVELS, type SupportLevel } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { reportRange } from '../../common/time/report-range.js';
import { Clock } from '../../common/time/clock.js';
import { ticketVisibility } from '../tickets/index.js';
import type {
  SupportLevelReportDto,
  SupportLevelReportQueryDto,
} from './dto/support-level-report.dto.js';

/** The history lines that set a ticket's level: ticket_events_support_level_idx's predicate. */
const LEVEL_LINE = `(e.field = 'supportLevel' OR e.new_value ? 'supportLevel')`;

interface Row {
  level: number;
  tickets: number;
  avg: number | null;
  median: number | null;
  escalated: number;
}

/**
 * Tickets and time per support level, from history alone. Every history line that sets a
 * ticket's level says so: `supportLevel` in the new value of creation, rule and escalation
 * lines, or a `supportLevel` field change (assignment to a group of another level); a partial
 * index holds just those lines. A ticket's stay at a level
 * runs from such a line to the next one, or to its resolution, or to now; stays at the same
 * level add up (a ticket sent back to L1 and escalated again counts once, with both stays).
 */
@Injectable()
export class SupportLevelReportService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async report(user: AuthUser, query: SupportLevelReportQueryDto): Promise<SupportLevelReportDto> {
    const now = this.clock.now();
    const { from, to } = reportRange(query, now);
    const vis = ticketVisibility(user, 't');
    const [text, params] = this.db.driver.escapeQueryWithParameters(
      `WITH touched AS (
         SELECT DISTINCT e.ticket_id FROM ticket_events e
          WHERE ${LEVEL_LINE} AND e.created_at >= :from AND e.created_at < :to
       ), changes AS (
         SELECT e.ticket_id, e.kind, e.created_at AS started_at,
                CASE WHEN jsonb_typeof(e.new_value) = 'object' THEN (e.new_value ->> 'supportLevel')::int
                     ELSE (e.new_value #>> '{}')::int END AS level,
                lead(e.created_at) OVER w AS next_at,
                lead(e.kind) OVER w AS next_kind
           FROM ticket_events e
          WHERE ${LEVEL_LINE} AND e.ticket_id IN (SELECT ticket_id FROM touched)
         WINDOW w AS (PARTITION BY e.ticket_id ORDER BY e.created_at, e.id)
       ), stays AS (
         SELECT c.ticket_id, c.level,
                sum(extract(epoch FROM LEAST(c.next_at,
                                             CASE WHEN t.resolved_at >= c.started_at THEN t.resolved_at END,
                                             CAST(:now AS timestamptz)) - c.started_at)) AS seconds,
                bool_or(c.next_kind = 'escalated') AS escalated
           FROM changes c JOIN tickets t ON t.id = c.ticket_id
          WHERE c.level IS NOT NULL AND c.started_at >= :from AND c.started_at < :to AND ${vis.sql}
          GROUP BY c.ticket_id, c.level
       )
       SELECT level, count(*)::int AS tickets, avg(seconds)::float8 AS avg,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds)::float8 AS median,
              count(*) FILTER (WHERE escalated)::int AS escalated
         FROM stays GROUP BY level`,
      { ...vis.params, from, to, now },
    );
    const rows = (await this.db.query(text, params)) as Row[];
    const byLevel = new Map(rows.map((r) => [r.level, r]));
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      levels: SUPPORT_LEVELS.map((level: SupportLevel) => {
        const r = byLevel.get(level);
        return {
          level,
          tickets: r?.tickets ?? 0,
          averageSeconds: r?.avg == null ? null : Math.round(r.avg),
          medianSeconds: r?.median == null ? null : Math.round(r.median),
          escalatedOnwards: r?.escalated ?? 0,
        };
      }),
    };
  }
}
