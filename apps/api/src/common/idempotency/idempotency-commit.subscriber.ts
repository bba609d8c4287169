import {
  EventSubscriber,
  type EntitySubscriberInterface,
  type TransactionCommitEvent,
} from 'typeorm';
import { sql } from '../database/sql.js';
import { ConflictError } from '../errors/domain-errors.js';
import { activeIdempotencyClaim } from './idempotency-context.js';

/**
 * Marks the request's Idempotency-Key claim as carried out inside every transaction the request
 * commits, just before its COMMIT: `committed_at` becomes true exactly when the write does, so a
 * request that dies between its commit and the recording of its answer leaves a claim that says
 * so, and a retry after the takeover time does not run the create again.
 *
 * It is also a fence: the UPDATE must find the claim as this request made it (same created_at).
 * If a retry took the claim over meanwhile (this request ran longer than the takeover time), the
 * commit is refused and the transaction rolls back, so the two never both create.
 *
 * A handler that commits twice marks on the first commit; the second only checks the fence
 * (COALESCE keeps the first time). Once marked, a failure later in the request no longer frees
 * the key (the interceptor's release spares committed claims): part of it was carried out.
 * Transactions outside an Idempotency-Key request pay one AsyncLocalStorage lookup.
 * Registered through the DataSource options (`subscribers` in database/data-source.ts).
 */
@EventSubscriber()
export class IdempotencyCommitSubscriber implements EntitySubscriberInterface {
  beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> | void {
    const claim = activeIdempotencyClaim();
    if (!claim) return;
    return mark(event, claim.userId, claim.key, claim.claimedAt, claim.now());
  }
}

async function mark(
  event: TransactionCommitEvent,
  userId: string,
  key: string,
  claimedAt: Date,
  now: Date,
): Promise<void> {
  // The committing transaction's own connection (event.manager is bound to it).
  const rows = await sql(
    event.manager,
    `UPDATE idempotency_keys SET committed_at = COALESCE(committed_at, $4)
      WHERE user_id = $1 AND key = $2 AND created_at = $3
      RETURNING 1`,
    [userId, key, claimedAt, now],
  );
  if (rows.length === 0) {
    throw new ConflictError(
      'A retry with this Idempotency-Key took the request over while it was still running; ' +
        'nothing was saved by this attempt',
    );
  }
}
