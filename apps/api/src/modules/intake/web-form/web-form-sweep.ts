import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScheduledLoop, type LoopSummary } from '../../../common/scheduling/scheduled-loop.js';
import { Clock } from '../../../common/time/clock.js';

/** An expired link still answers 410 (not 404) this long, then its request is forgotten. */
export const FORGET_AFTER_EXPIRY_MS = 7 * 24 * 3_600_000;
const BATCH = 500;

/**
 * Forgets what the form no longer needs: the files of requests whose link expired unconfirmed
 * (they were never filed), and, a week after expiry, the requests themselves. Deleting twice is
 * harmless, so every instance may run it.
 */
@Injectable()
export class WebFormSweep {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  @ScheduledLoop('web-form-sweep', 3_600_000)
  async tick(): Promise<LoopSummary> {
    const { files, requests } = await this.sweep();
    return files + requests === 0
      ? null
      : `web form: ${requests} requests, ${files} files forgotten`;
  }

  async sweep(): Promise<{ files: number; requests: number }> {
    const now = this.clock.now();
    const files = await this.inBatches(
      `DELETE FROM web_form_files WHERE id = ANY(ARRAY(
         SELECT f.id FROM web_form_files f JOIN web_form_submissions s ON s.id = f.submission_id
          WHERE s.confirmed_at IS NULL AND s.expires_at <= $1 LIMIT ${BATCH}))
       RETURNING 1`,
      [now],
    );
    const requests = await this.inBatches(
      `DELETE FROM web_form_submissions WHERE id = ANY(ARRAY(
         SELECT id FROM web_form_submissions WHERE expires_at <= $1 LIMIT ${BATCH}))
       RETURNING 1`,
      [new Date(now.getTime() - FORGET_AFTER_EXPIRY_MS)],
    );
    return { files, requests };
  }

  private async inBatches(query: string, params: unknown[]): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = (await this.db.query(query, params)) as unknown[];
      total += rows.length;
      if (rows.length < BATCH) return total;
    }
  }
}
