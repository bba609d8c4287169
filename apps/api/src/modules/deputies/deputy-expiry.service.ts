import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sql } from '../../common/database/sql.js';
import { Clock } from '../../common/time/clock.js';
import { ScheduledLoop, type LoopSummary } from '../../common/scheduling/scheduled-loop.js';
import { DeputyshipNotifier } from './deputyship-notifier.js';

/**
 * Records the end of every deputyship that ran out, once. Access itself needs no job: requests
 * compare the period with their own time. This sweep only writes the `expired` audit record
 * (and announces it) and marks the row processed. It reads due rows through the partial index
 * on ends_at WHERE expiry_processed_at IS NULL, so its cost follows what is due, and claims them
 * with FOR UPDATE SKIP LOCKED, so with any number of instances each end is recorded exactly once;
 * if an instance dies mid-batch, its transaction rolls back and another takes the rows.
 */
@Injectable()
export class DeputyExpiryService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly notifier: DeputyshipNotifier,
  ) {}

  /** Every 30 s while the scheduler is on; see ScheduledLoop for overlap and failures. */
  @ScheduledLoop('deputy-expiry', 30_000)
  async tick(): Promise<LoopSummary> {
    const ended = await this.runDue();
    return ended > 0 ? `recorded the end of ${ended} deputyship(s)` : null;
  }

  /** Processes every due deputyship in batches; returns how many this instance recorded. */
  async runDue(batchSize = 100): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await this.runBatch(batchSize);
      total += claimed;
      if (claimed < batchSize) return total;
    }
  }

  private async runBatch(batchSize: number): Promise<number> {
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const due = await sql<{ id: string; principal_id: string; deputy_id: string }>(
        em,
        `SELECT id, principal_id, deputy_id FROM deputyships
          WHERE expiry_processed_at IS NULL AND ends_at <= $1
          ORDER BY ends_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED`,
        [now, batchSize],
      );
      if (due.length === 0) return 0;
      await em.query(`UPDATE deputyships SET expiry_processed_at = $2 WHERE id = ANY($1)`, [
        due.map((d) => d.id),
        now,
      ]);
      for (const d of due) {
        await this.notifier.record(em, {
          deputyshipId: d.id,
          kind: 'expired',
          actorId: null,
          principalId: d.principal_id,
          deputyId: d.deputy_id,
          at: now,
        });
      }
      return due.length;
    });
  }
}
