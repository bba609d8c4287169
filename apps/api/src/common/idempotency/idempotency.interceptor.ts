import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { catchError, finalize, from, mergeMap, Observable, of } from 'rxjs';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { sql } from '../database/sql.js';
import { BusinessRuleError, ConflictError, InvalidInputError } from '../errors/domain-errors.js';
import { Clock } from '../time/clock.js';
import { runWithIdempotencyClaim, type IdempotencyClaim } from './idempotency-context.js';

const KEY_TTL_MS = 24 * 3600 * 1000;
/**
 * A claim still pending after this long belongs to a request that died without releasing it
 * (the database went away between the claim and the answer): a retry of the same request may
 * take it over, unless the claim says the request's write committed (committed_at). Far longer
 * than any request runs (the pool gives up after its connect timeout); should one run longer,
 * its commit finds the claim taken over and rolls back (IdempotencyCommitSubscriber).
 */
const PENDING_TAKEOVER_MS = 60 * 1000;
export const KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;

/**
 * JSON with sorted keys, so {a,b} and {b,a} are the same request. It walks the request body with
 * an explicit stack rather than by recursion: bodies are at most MAX_JSON_DEPTH (32) levels deep
 * (checkJsonText in body-parsing.ts refuses deeper ones before parsing), but nothing here relies
 * on it. The output is the same string the recursive version gave, so stored hashes still match.
 */
export function canonical(root: unknown): string {
  const out: string[] = [];
  const stack: ({ text: string } | { value: unknown })[] = [{ value: root }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('text' in item) {
      out.push(item.text);
      continue;
    }
    const { value } = item;
    if (Array.isArray(value)) {
      stack.push({ text: ']' });
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i] });
        if (i > 0) stack.push({ text: ',' });
      }
      stack.push({ text: '[' });
    } else if (value && typeof value === 'object') {
      const keys = Object.keys(value).sort();
      stack.push({ text: '}' });
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push({ value: (value as Record<string, unknown>)[keys[i]] });
        stack.push({ text: `${JSON.stringify(keys[i])}:` });
        if (i > 0) stack.push({ text: ',' });
      }
      stack.push({ text: '{' });
    } else {
      out.push(JSON.stringify(value) ?? 'null');
    }
  }
  return out.join('');
}

/**
 * `Idempotency-Key` for POSTs that create things: a retry with the same key and body gets the
 * first answer again instead of creating a second record. The key is claimed with one
 * INSERT … ON CONFLICT, so even simultaneous retries create once; a failed attempt releases it.
 * A claim its request could not release (the database was gone) is taken over by a retry of the
 * same request after a minute, instead of answering 409 for a day. Keys live 24 hours, per user.
 *
 * Exactly once also when the request dies after its write committed and before its answer was
 * recorded: the handler runs with the claim in an AsyncLocalStorage context, and every
 * transaction it commits sets the claim's committed_at in the same transaction
 * (IdempotencyCommitSubscriber). A committed claim is never taken over nor released: a retry
 * gets 409 "carried out, answer lost" instead of a second create. So a handler's writes must
 * commit in a transaction when `inIdempotentRequest()`, even a single statement.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly db: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const key = req.get('idempotency-key');
    if (key === undefined) return next.handle();
    if (!KEY_FORMAT.test(key)) {
      throw new InvalidInputError('Idempotency-Key must be 1-200 visible ASCII characters', [
        { field: 'Idempotency-Key', message: 'has an invalid format' },
      ]);
    }
    const user = req.user as AuthUser;
    const route = `${req.method} ${req.originalUrl.split('?')[0]}`;
    const hash = createHash('sha256')
      .update(`${route}\n${canonical(req.body)}`)
      .digest('hex');
    const now = this.clock.now();

    await this.db.query(
      `DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND created_at < $3`,
      [user.id, key, new Date(now.getTime() - KEY_TTL_MS)],
    );
    const claimed = await sql(
      this.db,
      `INSERT INTO idempotency_keys (user_id, key, route, request_hash, created_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, key) DO UPDATE SET created_at = EXCLUDED.created_at
        WHERE idempotency_keys.status_code IS NULL
          AND idempotency_keys.request_hash = EXCLUDED.request_hash
          AND idempotency_keys.created_at < $6
          AND idempotency_keys.committed_at IS NULL
       RETURNING key`,
      [user.id, key, route, hash, now, new Date(now.getTime() - PENDING_TAKEOVER_MS)],
    );

    if (claimed.length === 0) {
      const [prior] = await sql<{
        request_hash: string;
        status_code: number | null;
        response_body: unknown;
        committed_at: Date | null;
        created_at: Date;
      }>(
        this.db,
        `SELECT request_hash, status_code, response_body, committed_at, created_at
           FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
        [user.id, key],
      );
      if (!prior)
        throw new ConflictError('The Idempotency-Key was just released; retry the request');
      if (prior.request_hash !== hash) {
        throw new BusinessRuleError(
          'This Idempotency-Key was already used for a different request',
          [{ field: 'Idempotency-Key', message: 'reused with another body or endpoint' }],
        );
      }
      if (
        prior.status_code === null &&
        prior.committed_at !== null &&
        prior.created_at.getTime() < now.getTime() - PENDING_TAKEOVER_MS
      ) {
        // Its write committed, then the request died before its answer was recorded.
        throw new ConflictError(
          'The request with this Idempotency-Key was carried out, but its answer was lost: ' +
            'look the created resource up instead of retrying',
        );
      }
      if (prior.status_code === null) {
        throw new ConflictError('A request with this Idempotency-Key is still being processed');
      }
      res.setHeader('Idempotent-Replayed', 'true');
      return of(prior.response_body);
    }

    // This request's claim: a takeover would have set a later created_at.
    const claim: IdempotencyClaim = {
      userId: user.id,
      key,
      claimedAt: now,
      now: () => this.clock.now(),
      open: true,
    };
    // A failed attempt frees the key, unless something of it committed already.
    const release = () =>
      this.db.query(
        `DELETE FROM idempotency_keys
          WHERE user_id = $1 AND key = $2 AND created_at = $3 AND committed_at IS NULL`,
        [user.id, key, now],
      );
    // The handler is called (and its work started) at subscription: both inside the context.
    const handled = new Observable<unknown>((subscriber) =>
      runWithIdempotencyClaim(claim, () => next.handle().subscribe(subscriber)),
    ).pipe(finalize(() => (claim.open = false)));
    return handled.pipe(
      mergeMap((body) =>
        from(
          this.db
            .query(
              `UPDATE idempotency_keys SET status_code = $4, response_body = $5
                WHERE user_id = $1 AND key = $2 AND created_at = $3`,
              [user.id, key, now, 201, JSON.stringify(body ?? null)],
            )
            .then(() => body),
        ),
      ),
      catchError((err: unknown) =>
        from(
          release().then(
            () => Promise.reject(err),
            () => Promise.reject(err),
          ),
        ),
      ),
    );
  }
}
