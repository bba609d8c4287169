import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { reportRange } from '../../common/time/report-range.js';
import { Clock } from '../../common/time/clock.js';
import { ticketVisibility } from '../tickets/index.js';
import type {
  SatisfactionReportDto,
  SatisfactionReportQueryDto,
} from './dto/satisfaction-report.dto.js';

interface AggregateRow {
  /** GROUPING(rating, assignee_id, period): which grouping set the row belongs to. */
  g: number;
  rating: number | null;
  assignee_id: string | null;
  name: string | null;
  period: string | null;
  n: number;
  avg: number | null;
}

// Bits of GROUPING(rating, assignee_id, period): a set bit means "not grouped by that column".
const TOTAL = 0b111;
const BY_RATING = 0b011;
const BY_AGENT = 0b101;
const BY_PERIOD = 0b110;

/**
 * Satisfaction over the ratings given in a time range: total, distribution, by agent (the
 * assignee when the rating was given) and by period, in one aggregate query with grouping sets
 * over the ratings' created_at index. Only ratings of tickets the caller may see count, by the
 * same visibility rule as every ticket list.
 */
@Injectable()
export class SatisfactionReportService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async report(user: AuthUser, query: SatisfactionReportQueryDto): Promise<SatisfactionReportDto> {
    const { from, to } = reportRange(query, this.clock.now());
    const groupBy = query.groupBy ?? 'month';
    const withPeriods = groupBy !== 'agent';
    const vis = ticketVisibility(user, 't');

    const [text, params] = this.db.driver.escapeQueryWithParameters(
      `WITH rated AS (
         SELECT r.rating, r.assignee_id,
                ${withPeriods ? `date_trunc(:unit, r.created_at AT TIME ZONE 'UTC')` : 'NULL::timestamp'} AS period
           FROM ticket_ratings r
           JOIN tickets t ON t.id = r.ticket_id
          WHERE r.created_at >= :from AND r.created_at < :to AND ${vis.sql}
            -- Requesters' own judgement only: a rating made by staff never counts.
            AND EXISTS (SELECT 1 FROM users ru WHERE ru.id = r.rated_by_id AND ru.role = 'client')
       ), agg AS (
         SELECT GROUPING(rating, assignee_id, period)::int AS g, rating, assignee_id, period,
                count(*)::int AS n, round(avg(rating), 2)::float8 AS avg
           FROM rated
          GROUP BY GROUPING SETS ((), (rating), (assignee_id), (period))
       )
       SELECT agg.g, agg.rating, agg.assignee_id, u.name, to_char(agg.period, 'YYYY-MM-DD') AS period,
              agg.n, agg.avg
         FROM agg LEFT JOIN users u ON u.id = agg.assignee_id
        ORDER BY agg.g, agg.period, agg.n DESC, u.name, agg.assignee_id`,
      { ...vis.params, from, to, unit: groupBy },
    );
    const rows = (await this.db.query(text, params)) as AggregateRow[];

    const total = rows.find((r) => r.g === TOTAL);
    const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
    for (const r of rows) {
      if (r.g === BY_RATING && r.rating !== null) {
        distribution[r.rating as keyof typeof distribution] = r.n;
      }
    }
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      count: total?.n ?? 0,
      average: total && total.n > 0 ? total.avg : null,
      distribution,
      byAgent: rows
        .filter((r) => r.g === BY_AGENT)
        .map((r) => ({ agentId: r.assignee_id, name: r.name, count: r.n, average: r.avg ?? 0 })),
      // Without periods the period set is one row over a constant NULL: not a period.
      byPeriod: rows
        .filter((r) => withPeriods && r.g === BY_PERIOD)
        .map((r) => ({ period: r.period ?? '', count: r.n, average: r.avg ?? 0 })),
    };
  }
}
