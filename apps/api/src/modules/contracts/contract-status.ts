import type { ContractStatus } from '@relaydesk/contracts';
import type { SqlParams } from '../../common/database/crud-sql.js';

/**
 * "Today" for contract dates: the clock's date in UTC. End dates are inclusive, so a contract
 * valid to 2026-03-31 is expired from 2026-04-01 00:00 UTC.
 */
export function contractToday(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * A contract's status as read: `expired` is never stored; a contract that is not a draft reads
 * as expired once its end date is before today. Computed in the statement from the clock, so it
 * needs no sweep (nothing to run exactly once on N instances), holds on every instance at the
 * same moment, and follows an edit of the end date at once (a renewal reactivates).
 */
export function contractStatusSql(alias: string, today: string): string {
  return `CASE WHEN ${alias}.status <> 'draft' AND ${alias}.valid_to < ${today}::date
               THEN 'expired' ELSE ${alias}.status END`;
}

/** The condition for a status as read, on the indexed columns. */
export function contractStatusFilter(
  alias: string,
  status: ContractStatus,
  p: SqlParams,
  today: string,
): string {
  const notPast = `(${alias}.valid_to IS NULL OR ${alias}.valid_to >= ${today}::date)`;
  switch (status) {
    case 'draft':
      return `${alias}.status = 'draft'`;
    case 'expired':
      return `(${alias}.status <> 'draft' AND ${alias}.valid_to < ${today}::date)`;
    default:
      return `(${alias}.status = ${p.add(status)} AND ${notPast})`;
  }
}

/**
 * A contract in force: active, begun and not ended. For the next step (a ticket's contract, its
 * SLA policy), so the rule exists once.
 */
export function contractInForceSql(alias: string, today: string): string {
  return `(${alias}.status = 'active' AND (${alias}.valid_from IS NULL OR ${alias}.valid_from <= ${today}::date)
           AND (${alias}.valid_to IS NULL OR ${alias}.valid_to >= ${today}::date))`;
}
