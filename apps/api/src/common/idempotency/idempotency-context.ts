import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The Idempotency-Key claim of the request being handled, for the duration of its handler. The
 * claim is the row (user_id, key) as claimed at `claimedAt` (its created_at): a takeover sets a
 * later created_at, so a request that lost its claim no longer matches it.
 */
export interface IdempotencyClaim {
  readonly userId: string;
  readonly key: string;
  readonly claimedAt: Date;
  /** The request's clock, for committed_at. */
  readonly now: () => Date;
  /** False once the handler has finished: work it left behind no longer speaks for the claim. */
  open: boolean;
}

const storage = new AsyncLocalStorage<IdempotencyClaim>();

/** Runs `fn` (the handler) with `claim` as the request's claim. */
export function runWithIdempotencyClaim<T>(claim: IdempotencyClaim, fn: () => T): T {
  return storage.run(claim, fn);
}

/** The claim of the request whose handler is running here, if it came with an Idempotency-Key. */
export function activeIdempotencyClaim(): IdempotencyClaim | undefined {
  const claim = storage.getStore();
  return claim?.open ? claim : undefined;
}

/**
 * True inside the handler of a request with an Idempotency-Key. Its writes must then commit in a
 * transaction (`DataSource.transaction`), even a single statement: the commit is what marks the
 * claim as carried out (IdempotencyCommitSubscriber), atomically with the write.
 */
export function inIdempotentRequest(): boolean {
  return activeIdempotencyClaim() !== undefined;
}
