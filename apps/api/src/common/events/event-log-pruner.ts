import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sql } from '../database/sql.js';
import { ScheduledLoop, type LoopSummary } from '../scheduling/scheduled-loop.js';
import { Clock } from '../time/clock.js';

/**
 * How long a fanned-out event stays: well past the live stream's replay window (30 minutes) and
 * long enough to look into what happened last week; deliveries keep their own rows.
 */
export const EVENT_LOG_RETENTION_MS = 7 * 86_400_000;
const BATCH = 5_000;

/**
 * Keeps event_log from growing for ever: deletes events older than the retention that both
 * consumers are done with (the notification fan-out and the webhook feed), a batch at a time
 * (short transactions, rows another instance holds are skipped). An event either consumer still
 * waits for is kept whatever its age.
 */
@Injectable()
export class EventLogPruner {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  @ScheduledLoop('event-log-prune', 3_600_000)
  async prune(): Promise<LoopSummary> {
    const before = new Date(this.clock.now().getTime() - EVENT_LOG_RETENTION_MS);
    let total = 0;
    for (;;) {
      const deleted = await sql<{ id: string }>(
        this.db,
        `DELETE FROM event_log WHERE id IN (
           SELECT id FROM event_log
            WHERE created_at < $1 AND fanned_out_at IS NOT NULL AND webhooks_at IS NOT NULL
            ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id`,
        [before, BATCH],
      );
      total += deleted.length;
      if (deleted.length < BATCH) break;
    }
    return total > 0 ? `Pruned ${total} event(s) older than ${before.toISOString()}` : null;
  }
}
