import type { EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import { sql } from '../../common/database/sql.js';

export interface OutOfOfficeChange {
  outOfOfficeFrom?: string | null;
  outOfOfficeUntil?: string | null;
}

/**
 * An out-of-office period must end after it starts, whichever end a request changes; checked
 * against the stored other end so the answer is a 422 with the field, not a constraint error.
 */
export async function outOfOfficeErrors(
  em: EntityManager,
  userId: string,
  change: OutOfOfficeChange,
): Promise<ProblemFieldError[]> {
  if (change.outOfOfficeFrom === undefined && change.outOfOfficeUntil === undefined) return [];
  const [current] = await sql<{ from: Date | null; until: Date | null }>(
    em,
    'SELECT out_of_office_from AS "from", out_of_office_until AS "until" FROM users WHERE id = $1',
    [userId],
  );
  const pick = (given: string | null | undefined, stored: Date | null | undefined) =>
    given === undefined ? (stored ?? null) : given === null ? null : new Date(given);
  const from = pick(change.outOfOfficeFrom, current?.from);
  const until = pick(change.outOfOfficeUntil, current?.until);
  if (from && until && until.getTime() <= from.getTime()) {
    return [{ field: 'outOfOfficeUntil', message: 'must be after outOfOfficeFrom' }];
  }
  return [];
}
