import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sql } from '../../common/database/sql.js';
import { ScheduledLoop, type LoopSummary } from '../../common/scheduling/scheduled-loop.js';
import { Clock } from '../../common/time/clock.js';
import { AttachmentStorage } from '../tickets/index.js';

/** How long a dry run waits for its import: then it expires and its file is removed. */
export const DRY_RUN_KEPT_MS = 7 * 24 * 3_600_000;
const BATCH = 500;

/**
 * Expires dry runs never imported: a week after the upload the job becomes `expired` (its
 * result stays readable, its import is refused with 409) and its file leaves the store. The rows
 * a dry run staged never outlive it (they are written in its rolled-back transaction). Each job is
 * flipped by one UPDATE that skips rows another instance holds, and only the instance whose
 * UPDATE returned the job removes its file: exactly once with several API instances.
 */
@Injectable()
export class RegisterImportExpiry {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly storage: AttachmentStorage,
  ) {}

  @ScheduledLoop('register-import-expiry', 3_600_000)
  async tick(): Promise<LoopSummary> {
    const expired = await this.sweep();
    return expired > 0 ? `expired ${expired} register import dry run(s)` : null;
  }

  /** Expires what is due; returns how many dry runs this instance expired. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    let total = 0;
    for (;;) {
      const jobs = await sql<{ file_key: string }>(
        this.db,
        `UPDATE register_imports SET state = 'expired', updated_at = $1
          WHERE id IN (SELECT id FROM register_imports
                        WHERE mode = 'dry_run' AND state IN ('done', 'failed') AND created_at <= $2
                        ORDER BY created_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
          RETURNING file_key`,
        [now, new Date(now.getTime() - DRY_RUN_KEPT_MS)],
      );
      for (const j of jobs) await this.storage.remove(j.file_key).catch(() => undefined);
      total += jobs.length;
      if (jobs.length < BATCH) return total;
    }
  }
}
