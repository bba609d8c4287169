import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScheduledLoop, type LoopSummary } from '../../common/scheduling/scheduled-loop.js';
import { Clock } from '../../common/time/clock.js';

/**
 * Article views without a write per view: each instance counts in memory and adds its counts to
 * the database once a minute (and on shutdown). Each instance adds only what it counted and
 * forgets it once the add committed, so N instances never count a view twice; the price is that
 * an instance that dies loses at most a minute of its own counts, which a view counter can bear.
 * (An append table would be exact but is a write per view; see docs/knowledge-base.md.)
 */
@Injectable()
export class KbViewCounter implements BeforeApplicationShutdown {
  private pending = new Map<string, number>();

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  count(articleId: string): void {
    this.pending.set(articleId, (this.pending.get(articleId) ?? 0) + 1);
  }

  @ScheduledLoop('kb-view-flush', 60_000)
  flush(): Promise<LoopSummary> {
    return this.flushNow();
  }

  private async flushNow(): Promise<LoopSummary> {
    if (this.pending.size === 0) return null;
    const batch = this.pending;
    this.pending = new Map();
    const ids = [...batch.keys()];
    const counts = ids.map((id) => batch.get(id) ?? 0);
    try {
      await this.db.transaction(async (em) => {
        // Articles deleted meanwhile simply drop out (the join).
        await em.query(
          `WITH v AS (SELECT * FROM unnest($1::uuid[], $2::int[]) AS v(article_id, views))
           INSERT INTO kb_article_view_days (article_id, day, views)
           SELECT v.article_id, ($3::timestamptz AT TIME ZONE 'UTC')::date, v.views
             FROM v JOIN kb_articles a ON a.id = v.article_id
           ON CONFLICT (article_id, day) DO UPDATE
             SET views = kb_article_view_days.views + EXCLUDED.views`,
          [ids, counts, this.clock.now()],
        );
        await em.query(
          `UPDATE kb_articles a SET view_count = a.view_count + v.views
             FROM unnest($1::uuid[], $2::int[]) AS v(article_id, views)
            WHERE a.id = v.article_id`,
          [ids, counts],
        );
      });
    } catch (e) {
      // Not lost: back into the next flush.
      for (const [id, n] of batch) this.pending.set(id, (this.pending.get(id) ?? 0) + n);
      throw e;
    }
    return null;
  }

  /** Not through the loop: the loops stop taking ticks at shutdown, and these counts must go. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.flushNow().catch(() => null);
  }
}
