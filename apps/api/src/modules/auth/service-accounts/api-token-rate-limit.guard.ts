import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { TooManyRequestsError } from '../../../common/errors/domain-errors.js';
import { PostgresThrottlerStorage } from '../../../common/http/throttling/postgres-throttler.storage.js';
import {
  rateLimitConfig,
  InjectConfig,
  type RateLimitConfig,
} from '../../../config/config-namespaces.js';

const THROTTLER = 'api-token';
const WINDOW_MS = 60_000;

/**
 * Global, after authentication: every request made with an API token counts against its token's
 * budget per minute (API_TOKEN_RATE_LIMIT_PER_MINUTE) in the PostgreSQL counters the public
 * endpoints' limits use, so the budget holds across API instances. Its answers carry
 * RateLimit-Limit, -Remaining and -Reset; over the budget a 429 with Retry-After. People's
 * requests are not counted here.
 */
@Injectable()
export class ApiTokenRateLimitGuard implements CanActivate {
  constructor(
    private readonly storage: PostgresThrottlerStorage,
    @InjectConfig(rateLimitConfig) private readonly config: RateLimitConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const token = http.getRequest<Request & { user?: AuthUser }>().user?.token;
    if (!token) return true;
    const limit = this.config.apiTokenRateLimitPerMinute;
    const record = await this.storage.increment(token.id, WINDOW_MS, limit, 0, THROTTLER);
    const res = http.getResponse<Response>();
    res.setHeader('RateLimit-Limit', String(limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(limit - record.totalHits, 0)));
    res.setHeader('RateLimit-Reset', String(record.timeToExpire));
    if (record.isBlocked) {
      throw new TooManyRequestsError(
        `This API token made more than ${limit} requests this minute; wait before trying again`,
        Math.max(record.timeToBlockExpire, 1),
      );
    }
    return true;
  }
}
