import { AsyncLocalStorage } from 'node:async_hooks';
import {
  applyDecorators,
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiExtension, type OpenAPIObject } from '@nestjs/swagger';
import type { Response } from 'express';
import { Observable, tap } from 'rxjs';

/** Where a rate-limited request stands: the numbers of the counter closest to its limit. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until that counter's window ends. */
  resetSeconds: number;
}

const slots = new AsyncLocalStorage<{ state?: RateLimitState }>();

/**
 * Called by a limiter (the login throttle) while it counts the request; the operation's
 * RateLimitHeadersInterceptor sends the numbers as RateLimit-* headers, on success and error
 * alike. Outside a @RateLimited() operation it does nothing.
 */
export function reportRateLimit(state: RateLimitState): void {
  const slot = slots.getStore();
  if (slot) slot.state = state;
}

@Injectable()
export class RateLimitHeadersInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    const slot: { state?: RateLimitState } = {};
    const send = () => {
      if (!slot.state || res.headersSent) return;
      res.setHeader('RateLimit-Limit', String(slot.state.limit));
      res.setHeader('RateLimit-Remaining', String(Math.max(slot.state.remaining, 0)));
      res.setHeader('RateLimit-Reset', String(Math.max(slot.state.resetSeconds, 0)));
    };
    // The handler (and the limiter it calls) runs inside the slot's async context.
    return new Observable((subscriber) =>
      slots.run(slot, () =>
        next
          .handle()
          .pipe(tap({ next: send, error: send }))
          .subscribe(subscriber),
      ),
    );
  }
}

const RATE_LIMITED = 'x-rate-limited';

/**
 * An operation behind a rate limit: its responses carry RateLimit-Limit, RateLimit-Remaining
 * and RateLimit-Reset (draft-ietf-httpapi-ratelimit-headers), and the document says so on
 * every response of the operation (see documentRateLimits). Document 429 with ApiProblems.
 */
export const RateLimited = () =>
  applyDecorators(UseInterceptors(RateLimitHeadersInterceptor), ApiExtension(RATE_LIMITED, true));

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
