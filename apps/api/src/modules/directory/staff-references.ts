import type { EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import { sql } from '../../common/database/sql.js';

/**
 * Which of `ids` are not active staff users (unknown, client or deactivated). Ids in
 * `alreadyLinked` may be inactive: a record that already points at a deactivated person can keep
 * doing so while its other fields are edited.
 */
export async function findNonStaff(
  em: EntityManager,
  ids: string[],
  alreadyLinked: string[] = [],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await sql<{ id: string }>(
    em,
    `SELECT id FROM users
      WHERE id = ANY($1::uuid[]) AND role <> 'client' AND (active OR id = ANY($2::uuid[]))`,
    [ids, alreadyLinked],
  );
  const ok = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !ok.has(id));
}

export function nonStaffErrors(field: string, ids: string[]): ProblemFieldError[] {
  return ids.map((id) => ({ field, message: `${id} is not an active staff user` }));
}
