import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { TooManyRequestsError } from '../../../common/errors/domain-errors.js';
import { PostgresThrottlerStorage } from '../../../common/http/throttling/postgres-throttler.storage.js';

const HOUR_MS = 3_600_000;

/** The web form's counters in rate_limit_counters (the throttler column holds 50 characters). */
export const WEB_FORM_THROTTLERS = {
  ip: 'web-form-ip',
  address: 'web-form-address',
} as const;

interface Limit {
  name: (typeof WEB_FORM_THROTTLERS)[keyof typeof WEB_FORM_THROTTLERS];
  key: string;
  perHour: number;
}

/**
 * Per-hour limits whose numbers an admin sets (the web form's settings), counted in the same
 * PostgreSQL storage as the @RateLimited() routes, so every instance shares them. Not a guard:
 * the per-address key is in the body, which multipart would parse only after guards ran, and the
 * limits are read from the database per request. Answers carry the same RateLimit-* headers.
 */
@Injectable()
export class WebFormThrottle {
  private readonly seen = new WeakMap<
    Response,
    { limit: number; remaining: number; reset: number }
  >();

  constructor(private readonly storage: PostgresThrottlerStorage) {}

  async hit(res: Response, { name, key, perHour }: Limit): Promise<void> {
    const record = await this.storage.increment(key, HOUR_MS, perHour, 0, name);
    const state = {
      limit: perHour,
      remaining: Math.max(perHour - record.totalHits, 0),
      reset: record.timeToExpire,
    };
    const before = this.seen.get(res);
    // The headers show the counter closest to its limit.
    const shown = before && before.remaining <= state.remaining ? before : state;
    this.seen.set(res, shown);
    res.setHeader('RateLimit-Limit', String(shown.limit));
    res.setHeader('RateLimit-Remaining', String(shown.remaining));
    res.setHeader('RateLimit-Reset', String(shown.reset));
    if (record.isBlocked) {
      throw new TooManyRequestsError(
        name === WEB_FORM_THROTTLERS.ip
          ? 'Too many requests from your network; try again later'
          : 'Too many requests for this e-mail address; try again later',
        Math.max(record.timeToBlockExpire, 1),
      );
    }
  }
}
