import { isDatabaseUnavailable } from '../../../../common/database/database-unavailable.js';

/**
 * SQLSTATE classes that say "the database cannot do this now", not "this message is bad":
 * 08 connection, 53 insufficient resources (disk full, out of memory, too many connections),
 * 57 operator intervention (shutdown, cancel), 40 rollback (serialization, deadlock), and
 * 25006 read-only transaction (a standby after a failover).
 */
const INFRASTRUCTURE_SQLSTATE = /^(08|53|57|40)[0-9A-Z]{3}$|^25006$/;

/**
 * Whether an ingest throw is the infrastructure's fault. Such throws never count toward setting
 * a message aside: during a failover or a full disk every message would otherwise be set aside.
 */
export function isInfrastructureError(error: unknown, depth = 0): boolean {
  if (isDatabaseUnavailable(error)) return true;
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { code?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof e.code === 'string' && INFRASTRUCTURE_SQLSTATE.test(e.code)) return true;
  return [e.driverError, e.cause].some((x) => x !== error && isInfrastructureError(x, depth + 1));
}
