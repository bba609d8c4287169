import {
  applyDecorators,
  Injectable,
  SetMetadata,
  UseGuards,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiExtension, type OpenAPIObject } from '@nestjs/swagger';
import { ThrottlerGuard, type ThrottlerRequest } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { TooManyRequestsError } from '../errors/domain-errors.js';
import { accountOf, requestedAddress, type ThrottlerName } from './throttling/throttlers.js';

/** Where a rate-limited request stands: the numbers of the counter closest to its limit. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until that counter's window ends. */
  resetSeconds: number;
}

interface RateLimitOptions {
  /** The named limits (THROTTLERS) this operation counts against, all of them. */
  by: ThrottlerName[];
  /** The 429's detail. */
  message: string;
}

const RATE_LIMIT_OPTIONS = 'relaydesk:rate-limit';

function optionsOf(context: ExecutionContext): RateLimitOptions | undefined {
  return Reflect.getMetadata(RATE_LIMIT_OPTIONS, context.getHandler()) as
    RateLimitOptions | undefined;
}

/**
 * Whether a named throttler leaves this request alone: it is not one the operation names, or
 * (per account) the request names no account, which validation will refuse anyway.
 */
export function skipsThrottler(context: ExecutionContext, name: ThrottlerName): boolean {
  if (!optionsOf(context)?.by.includes(name)) return true;
  const req = context.switchToHttp().getRequest<Request>();
  if (name === 'login-account') return accountOf(req) === null;
  if (name === 'password-reset-address') return requestedAddress(req) === null;
  return false;
}

/** The tightest counter seen so far for a request (several throttlers may apply). */
const tightest = new WeakMap<Request, RateLimitState>();

/**
 * @nestjs/throttler's guard, speaking the standard headers: RateLimit-Limit, -Remaining and
 * -Reset (draft-ietf-httpapi-ratelimit-headers) of the counter closest to its limit, without a
 * per-throttler suffix, on every answer of the operation; over a limit a 429 problem+json with
 * Retry-After (TooManyRequestsError through the problem filter). Keys are the throttler's
 * tracker as is (an address, an account), so every operation naming a throttler shares its
 * budget.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async handleRequest({
    context,
    limit,
    ttl,
    throttler,
    blockDuration,
    getTracker,
  }: ThrottlerRequest): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const name = throttler.name ?? 'default';
    const key = await getTracker(req, context);
    const record = await this.storageService.increment(key, ttl, limit, blockDuration, name);
    const state: RateLimitState = {
      limit,
      remaining: Math.max(limit - record.totalHits, 0),
      resetSeconds: record.timeToExpire,
    };
    const before = tightest.get(req);
    if (!before || state.remaining < before.remaining) tightest.set(req, state);
    const shown = tightest.get(req)!;
    res.setHeader('RateLimit-Limit', String(shown.limit));
    res.setHeader('RateLimit-Remaining', String(shown.remaining));
    res.setHeader('RateLimit-Reset', String(shown.resetSeconds));
    if (record.isBlocked) {
      throw new TooManyRequestsError(
        optionsOf(context)?.message ?? 'Too many requests; wait before trying again',
        Math.max(record.timeToBlockExpire, 1),
      );
    }
    return true;
  }
}

const RATE_LIMITED = 'x-rate-limited';

/**
 * An operation behind rate limits: each request counts against every named throttler
 * (THROTTLERS, limits from the rate-limit config) in PostgreSQL, its responses carry
 * RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset, and the document says so on every
 * response of the operation (see documentRateLimits). Document 429 with ApiProblems.
 */
export const RateLimited = (options: RateLimitOptions) =>
  applyDecorators(
    SetMetadata(RATE_LIMIT_OPTIONS, options),
    UseGuards(RateLimitGuard),
    ApiExtension(RATE_LIMITED, true),
  );

const HEADERS = {
  'RateLimit-Limit': 'Requests allowed in the current window',
  'RateLimit-Remaining': 'Requests left in the current window',
  'RateLimit-Reset': 'Seconds until the current window ends',
};

/** Adds the RateLimit-* headers to every response of the operations marked @RateLimited(). */
export function documentRateLimits(doc: OpenAPIObject): OpenAPIObject {
  const headers = (doc.components ??= {}).headers ?? {};
  for (const [name, description] of Object.entries(HEADERS)) {
    headers[name] = {
      description,
      schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 },
    };
  }
  let used = false;
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item) as Record<string, unknown>[]) {
      if (!op || typeof op !== 'object' || !(RATE_LIMITED in op)) continue;
      delete op[RATE_LIMITED];
      used = true;
      const responses = (op.responses ?? {}) as Record<string, { headers?: object }>;
      for (const response of Object.values(responses)) {
        response.headers = {
          ...response.headers,
          ...Object.fromEntries(
            Object.keys(HEADERS).map((h) => [h, { $ref: `#/components/headers/${h}` }]),
          ),
        };
      }
    }
  }
  if (used) doc.components.headers = headers;
  return doc;
}
