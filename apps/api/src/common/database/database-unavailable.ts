/**
 * Tells "the database is not there right now" (down, restarting, failing over, or no pooled
 * connection free within the connect timeout) apart from every other database error. Those
 * answer 503 with Retry-After: the request may well succeed a few seconds later, and nothing it
 * wrote was committed. Everything else keeps its own mapping or is a 500.
 */

/** Socket errors of the driver while connecting or mid-query. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** SQLSTATEs the server sends when it cannot serve this connection now. */
const SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is stopping
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '53300', // too_many_connections
]);

/** pg reports these without a code. */
const MESSAGES = [
  /^Connection terminated/i, // "… unexpectedly", "… due to connection timeout"
  /timeout exceeded when trying to connect/i, // the pool had no free connection in time
  /not queryable/i, // a client that already lost its connection
];

/** How long a client should wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Recursive over an error's causes, never over request data, and cut off at 4 levels.
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof e.code === 'string') {
    if (NETWORK_CODES.has(e.code) || SQLSTATES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code)) {
      return true;
    }
  }
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) {
    return true;
  }
  // TypeORM wraps the driver's error; Node wraps one error per address tried (AggregateError).
  const inner = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((x) => x !== error && isDatabaseUnavailable(x, depth + 1));
}
