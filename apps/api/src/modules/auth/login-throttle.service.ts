import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { TooManyRequestsError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import { reportRateLimit } from '../../common/http/rate-limit.js';

/**
 * Counts login attempts per account and per IP in the database, so the limit holds across API
 * instances. Each attempt is counted by one atomic upsert *before* the password is checked:
 * parallel guesses each take a slot and none can see a stale count.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async consume(
    email: string,
    ip: string,
    message = 'Too many login attempts; wait before trying again',
  ): Promise<void> {
    const account = await this.bump(`account:${email.toLowerCase()}`);
    const byIp = await this.bump(`ip:${ip}`);
    this.reportHeaders([
      { ...account, limit: this.config.loginMaxAttemptsPerAccount },
      { ...byIp, limit: this.config.loginMaxAttemptsPerIp },
    ]);
    const over = [
      account.attempts > this.config.loginMaxAttemptsPerAccount ? account : null,
      byIp.attempts > this.config.loginMaxAttemptsPerIp ? byIp : null,
    ].filter((x) => x !== null);
    if (over.length > 0) {
      const now = this.clock.now().getTime();
      const retryAfter = Math.max(
        ...over.map((c) =>
          Math.ceil(
            (c.windowStartedAt.getTime() + this.config.loginWindowSeconds * 1000 - now) / 1000,
          ),
        ),
      );
      throw new TooManyRequestsError(message, Math.max(retryAfter, 1));
    }
  }

  /** RateLimit-* headers (on @RateLimited() operations) from the counter with the fewest left. */
  private reportHeaders(counters: { attempts: number; windowStartedAt: Date; limit: number }[]) {
    const [tightest] = counters.sort((a, b) => a.limit - a.attempts - (b.limit - b.attempts));
    const windowEnds = tightest.windowStartedAt.getTime() + this.config.loginWindowSeconds * 1000;
    reportRateLimit({
      limit: tightest.limit,
      remaining: tightest.limit - tightest.attempts,
      resetSeconds: Math.ceil((windowEnds - this.clock.now().getTime()) / 1000),
    });
  }

  /** A successful login clears the account's count and gives the IP its attempt back. */
  async succeeded(email: string, ip: string): Promise<void> {
    await this.db.query('DELETE FROM login_attempt_counters WHERE key = $1', [
      `account:${email.toLowerCase()}`,
    ]);
    await this.db.query(
      'UPDATE login_attempt_counters SET attempts = GREATEST(attempts - 1, 0) WHERE key = $1',
      [`ip:${ip}`],
    );
  }

  private async bump(key: string): Promise<{ attempts: number; windowStartedAt: Date }> {
    const rows = (await this.db.query(
      `INSERT INTO login_attempt_counters AS c (key, attempts, window_started_at)
       VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN c.window_started_at <= $2 - make_interval(secs => $3)
                         THEN 1 ELSE c.attempts + 1 END,
         window_started_at = CASE WHEN c.window_started_at <= $2 - make_interval(secs => $3)
                                  THEN $2 ELSE c.window_started_at END
       RETURNING attempts, window_started_at`,
      [key, this.clock.now(), this.config.loginWindowSeconds],
    )) as { attempts: number; window_started_at: Date }[];
    return { attempts: rows[0].attempts, windowStartedAt: rows[0].window_started_at };
  }
}
