import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KB_DEFLECTION_WINDOW_HOURS, type KbLanguage } from '@relaydesk/contracts';
import { SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { reportRange } from '../../common/time/report-range.js';
import { Clock } from '../../common/time/clock.js';
import type {
  KbDeflectionFiguresDto,
  KbDeflectionReportDto,
  KbDeflectionReportQueryDto,
} from './dto/kb-deflection-report.dto.js';

const TOP_ARTICLES = 100;

interface FigureRow {
  deflections: number;
  filed: number;
  pending: number;
}

interface PeriodRow extends FigureRow {
  /** GROUPING(period): 1 on the total row. */
  g: number;
  period: string | null;
}

interface ArticleRow extends FigureRow {
  article_id: string;
  title: string;
  language: KbLanguage;
  opens: number;
}

/**
 * Each session of the range with its outcome, decided now from the clock: `filed` when a ticket
 * came with it within the window after its last open, `pending` while that window is still open,
 * else `deflected`. Deciding at read time needs no sweep and no beacon from a leaving browser, and
 * a ticket filed after the window does not take back a deflection already reported.
 */
function sessionsSql(p: SqlParams, from: Date, to: Date, now: Date, unit: string): string {
  const window = `make_interval(hours => ${p.add(KB_DEFLECTION_WINDOW_HOURS)})`;
  return `sessions AS (
      SELECT s.id, s.user_id,
             (s.started_at AT TIME ZONE 'UTC')::date AS day,
             date_trunc(${p.add(unit)}, s.started_at AT TIME ZONE 'UTC') AS period,
             CASE WHEN s.filed_at IS NOT NULL AND s.filed_at < s.last_opened_at + ${window} THEN 'filed'
                  WHEN s.last_opened_at + ${window} > ${p.add(now)}::timestamptz THEN 'pending'
                  ELSE 'deflected' END AS outcome
        FROM kb_suggestion_sessions s
       WHERE s.started_at >= ${p.add(from)}::timestamptz AND s.started_at < ${p.add(to)}::timestamptz)`;
}

/**
 * A client counts at most once per UTC day (per article, in the article rows): a script that
 * opens suggestions in many made-up sessions of one account deflects nothing more than one real
 * visit does, so inflating the figure needs real client accounts, day after day.
 */
const FIGURES = `
  count(DISTINCT (x.user_id, x.day)) FILTER (WHERE x.outcome = 'deflected')::int AS deflections,
  count(*) FILTER (WHERE x.outcome = 'filed')::int AS filed,
  count(*) FILTER (WHERE x.outcome = 'pending')::int AS pending`;

function figures(r: FigureRow | undefined): KbDeflectionFiguresDto {
  const deflections = r?.deflections ?? 0;
  const filed = r?.filed ?? 0;
  const decided = deflections + filed;
  return {
    deflections,
    filed,
    pending: r?.pending ?? 0,
    rate: decided > 0 ? Math.round((deflections / decided) * 100) / 100 : null,
  };
}

/**
 * The deflection report (issue 17): how many new-ticket forms ended without a ticket after the
 * client opened suggested articles, per period and per article. Reads the sessions of the range
 * through their started_at index.
 */
@Injectable()
export class KbDeflectionReportService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async report(query: KbDeflectionReportQueryDto): Promise<KbDeflectionReportDto> {
    const now = this.clock.now();
    const { from, to } = reportRange(query, now);
    const groupBy = query.groupBy ?? 'day';

    const p = new SqlParams();
    const periods = await sql<PeriodRow>(
      this.db,
      `WITH ${sessionsSql(p, from, to, now, groupBy)}
       SELECT GROUPING(x.period)::int AS g, to_char(x.period, 'YYYY-MM-DD') AS period, ${FIGURES}
         FROM sessions x
        GROUP BY GROUPING SETS ((), (x.period))
        ORDER BY g DESC, x.period`,
      p.values,
    );

    const a = new SqlParams();
    const articles = await sql<ArticleRow>(
      this.db,
      `WITH ${sessionsSql(a, from, to, now, groupBy)}, per_article AS (
         SELECT o.article_id, count(*)::int AS opens, ${FIGURES}
           FROM sessions x JOIN kb_suggestion_opens o ON o.session_id = x.id
          GROUP BY o.article_id)
       SELECT pa.*, ka.title, ka.language
         FROM per_article pa JOIN kb_articles ka ON ka.id = pa.article_id
        ORDER BY pa.deflections DESC, pa.opens DESC, ka.title, pa.article_id
        LIMIT ${a.add(TOP_ARTICLES)}`,
      a.values,
    );

    return {
      from: from.toISOString(),
      to: to.toISOString(),
      groupBy,
      windowHours: KB_DEFLECTION_WINDOW_HOURS,
      ...figures(periods.find((r) => r.g === 1)),
      byPeriod: periods
        .filter((r) => r.g === 0)
        .map((r) => ({ period: r.period ?? '', ...figures(r) })),
      byArticle: articles.map((r) => ({
        articleId: r.article_id,
        title: r.title,
        language: r.language,
        opens: r.opens,
        ...figures(r),
      })),
    };
  }
}
