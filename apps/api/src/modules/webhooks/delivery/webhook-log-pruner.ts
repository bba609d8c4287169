import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sql } from '../../../common/database/sql.js';
import { ScheduledLoop, type LoopSummary } from '../../../common/scheduling/scheduled-loop.js';
import { Clock } from '../../../common/time/clock.js';

/** How long a finished message and its attempts stay in the delivery log. */
export const WEBHOOK_LOG_RETENTION_MS = 30 * 86_400_000;
const BATCH = 5_000;

/**
 * Keeps the delivery log from growing for ever: deletes messages delivered or failed more than
 * the retention ago (their attempts go with them), a batch at a time, skipping rows a worker
 * holds. A pending message is kept whatever its age: it still has to go out.
 */
@Injectable()
export class WebhookLogPruner {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  @ScheduledLoop('webhook-log-prune', 3_600_000)
  async prune(): Promise<LoopSummary> {
    const before = new Date(this.clock.now().getTime() - WEBHOOK_LOG_RETENTION_MS);
    let total = 0;
    for (;;) {
      const deleted = await sql<{ id: string }>(
        this.db,
        `DELETE FROM webhook_deliveries WHERE id IN (
           SELECT id FROM webhook_deliveries
            WHERE status <> 'pending' AND created_at < $1
            LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id`,
        [before, BATCH],
      );
      total += deleted.length;
      if (deleted.length < BATCH) break;
    }
    return total > 0
      ? `Pruned ${total} webhook message(s) older than ${before.toISOString()}`
      : null;
  }
}
