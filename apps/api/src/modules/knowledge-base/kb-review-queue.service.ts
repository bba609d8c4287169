import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { iso, SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { decodeCursor, invalidCursorError, toPage } from '../../common/pagination/cursor.js';
import { Clock } from '../../common/time/clock.js';
import type {
  KbReviewQueueCountDto,
  KbReviewQueueItemDto,
  KbReviewQueuePageDto,
  KbReviewQueueQueryDto,
} from './dto/kb-review-queue.dto.js';
import { SUMMARY_COLUMNS, toSummary, type ArticleSummaryRow } from './kb-article-queries.js';
import { KbSettingsService } from './kb-settings.service.js';

interface Row extends ArticleSummaryRow {
  reviewed_by_id: string | null;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  created_at: Date;
  due_from: Date;
  version: number;
}

/** The date the queue orders by; the expression of the index kb_articles_review_due_idx. */
const DUE_FROM = 'coalesce(a.reviewed_at, a.created_at)';
const COUNT_CAP = 1000;

/**
 * Published articles nobody has reviewed for N months (never reviewed: since created), the
 * longest-forgotten first. Staff only (kb.edit): every article, whatever its audience.
 */
@Injectable()
export class KbReviewQueueService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly settings: KbSettingsService,
  ) {}

  async page(q: KbReviewQueueQueryDto): Promise<KbReviewQueuePageDto> {
    const months = q.months ?? (await this.settings.get()).reviewIntervalMonths;
    const p = new SqlParams();
    const where = this.due(p, months);
    const cursor = decodeCursor(q.cursor, 'timestamp');
    if (cursor) {
      if (typeof cursor.v !== 'string') throw invalidCursorError();
      where.push(
        `(${DUE_FROM}, a.id) > (${p.add(cursor.v)}::timestamptz, ${p.add(cursor.id)}::uuid)`,
      );
    }
    const limit = q.limit ?? 50;
    const rows = await sql<Row>(
      this.db,
      `SELECT ${SUMMARY_COLUMNS}, a.reviewed_by_id, rv.name AS reviewed_by_name, a.reviewed_at,
              a.created_at, ${DUE_FROM} AS due_from, a.version
         FROM kb_articles a LEFT JOIN users rv ON rv.id = a.reviewed_by_id
        WHERE ${where.join(' AND ')}
        ORDER BY ${DUE_FROM}, a.id LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    const page = toPage(rows, limit, toItem, (r) => ({ v: r.due_from.toISOString(), id: r.id }));
    return { ...page, months };
  }

  /** For the sidebar's badge: bounded, so a large backlog costs no more than COUNT_CAP rows. */
  async count(): Promise<KbReviewQueueCountDto> {
    const months = (await this.settings.get()).reviewIntervalMonths;
    const p = new SqlParams();
    const [row] = await sql<{ n: number }>(
      this.db,
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM kb_articles a
         WHERE ${this.due(p, months).join(' AND ')} LIMIT ${p.add(COUNT_CAP)}) due`,
      p.values,
    );
    return { count: row.n, cap: COUNT_CAP, months };
  }

  private due(p: SqlParams, months: number): string[] {
    return [
      `a.status = 'published'`,
      `${DUE_FROM} < ${p.add(this.clock.now())}::timestamptz - make_interval(months => ${p.add(months)}::int)`,
    ];
  }
}

function toItem(r: Row): KbReviewQueueItemDto {
  return {
    ...toSummary(r),
    reviewedBy: r.reviewed_by_id ? { id: r.reviewed_by_id, name: r.reviewed_by_name ?? '' } : null,
    reviewedAt: r.reviewed_at ? iso(r.reviewed_at) : null,
    createdAt: iso(r.created_at),
    lastReviewedOrCreatedAt: iso(r.due_from),
    version: r.version,
  };
}
