import { Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { Clock } from '../../time/clock.js';
import { ScheduledLoop, type LoopSummary } from '../../scheduling/scheduled-loop.js';

/** The shape @nestjs/throttler expects back (ThrottlerStorageRecord), times in seconds. */
export interface RateLimitRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/** Keys are client addresses and e-mail addresses; the column holds 300 characters. */
const KEY_MAX = 300;
const SWEEP_BATCH = 1000;

/**
 * @nestjs/throttler's storage in PostgreSQL, so a limit holds however many API instances share
 * the database. A fixed window per (throttler, key): one atomic upsert starts the window or
 * counts the hit and returns the count, so parallel requests each take a slot and none sees a
 * stale count. A request over the limit is refused until its window ends (blockDuration is not
 * used: a refused request still counts, and the window does not move). Time is the injectable
 * clock's, so tests move it instead of waiting.
 */
@Injectable()
export class PostgresThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async increment(
    key: string,
    ttlMs: number,
    limit: number,
    _blockDurationMs: number,
    throttler: string,
  ): Promise<RateLimitRecord> {
    const now = this.clock.now();
    const rows = (await this.db.query(
      `INSERT INTO rate_limit_counters AS c (throttler, key, hits, window_ends_at)
       VALUES ($1, $2, 1, $3::timestamptz + make_interval(secs => $4::double precision / 1000))
       ON CONFLICT (throttler, key) DO UPDATE SET
         hits = CASE WHEN c.window_ends_at <= $3 THEN 1 ELSE c.hits + 1 END,
         window_ends_at = CASE WHEN c.window_ends_at <= $3 THEN EXCLUDED.window_ends_at
                               ELSE c.window_ends_at END
       RETURNING hits, window_ends_at`,
      [throttler, key.slice(0, KEY_MAX), now, ttlMs],
    )) as { hits: number; window_ends_at: Date }[];
    const { hits, window_ends_at: endsAt } = rows[0];
    const timeToExpire = Math.max(Math.ceil((endsAt.getTime() - now.getTime()) / 1000), 1);
    const isBlocked = hits > limit;
    return {
      totalHits: hits,
      timeToExpire,
      isBlocked,
      timeToBlockExpire: isBlocked ? timeToExpire : 0,
    };
  }

  /** Takes one hit back (a login that succeeded does not count against its address). */
  async giveBack(throttler: string, key: string): Promise<void> {
    await this.db.query(
      `UPDATE rate_limit_counters SET hits = GREATEST(hits - 1, 0)
        WHERE throttler = $1 AND key = $2 AND window_ends_at > $3`,
      [throttler, key.slice(0, KEY_MAX), this.clock.now()],
    );
  }

  /** Forgets the key's count (a successful login clears its account's failures). */
  async reset(throttler: string, key: string): Promise<void> {
    await this.db.query('DELETE FROM rate_limit_counters WHERE throttler = $1 AND key = $2', [
      throttler,
      key.slice(0, KEY_MAX),
    ]);
  }

  /**
   * Deletes counters whose window ended, in small batches through the window_ends_at index;
   * each instance may run it, deleting twice is harmless. The next hit of a deleted key simply
   * starts a new window, as it would on the expired row.
   */
  async sweepExpired(): Promise<number> {
    let deleted = 0;
    for (;;) {
      const rows = (await this.db.query(
        `DELETE FROM rate_limit_counters WHERE ctid = ANY(ARRAY(
           SELECT ctid FROM rate_limit_counters WHERE window_ends_at <= $1 LIMIT $2))
         RETURNING 1`,
        [this.clock.now(), SWEEP_BATCH],
      )) as unknown[];
      deleted += rows.length;
      if (rows.length < SWEEP_BATCH) return deleted;
    }
  }
}

/**
 * The sweep's loop, apart from the storage: @nestjs/throttler also exposes the storage under its
 * own token, and the scheduler would find a loop on it twice.
 */
@Injectable()
export class RateLimitSweep {
  constructor(private readonly storage: PostgresThrottlerStorage) {}

  /** Every minute while the scheduler is on; nothing worth a log line. */
  @ScheduledLoop('rate-limit-sweep', 60_000)
  async tick(): Promise<LoopSummary> {
    await this.storage.sweepExpired();
    return null;
  }
}
