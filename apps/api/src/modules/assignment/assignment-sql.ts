import type { EntityManager } from 'typeorm';
import { sql } from '../../common/database/sql.js';
import { NotFoundError, VersionConflictError } from '../../common/errors/domain-errors.js';

/** Serializes writes that must see each other (the order of rules). */
export async function advisoryXactLock(em: EntityManager, key: string): Promise<void> {
  await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}

/** Locks one rule for the transaction; missing is 404, another version 409. */
export async function lockVersioned(em: EntityManager, id: string, version: number): Promise<void> {
  const [row] = await sql<{ version: number }>(
    em,
    'SELECT version FROM assignment_rules WHERE id = $1 FOR NO KEY UPDATE',
    [id],
  );
  if (!row) throw new NotFoundError('Assignment rule');
  if (row.version !== version) throw new VersionConflictError(row.version);
}

/** Writes `changes` (column names from code, never from input), bumping the version. */
export async function updateVersioned(
  em: EntityManager,
  id: string,
  version: number,
  changes: Record<string, unknown>,
  now: Date,
): Promise<void> {
  const columns = Object.keys(changes);
  const sets = columns.map((c, i) => `${c} = $${i + 4}`);
  sets.push('updated_at = $3', 'version = version + 1');
  await em.query(`UPDATE assignment_rules SET ${sets.join(', ')} WHERE id = $1 AND version = $2`, [
    id,
    version,
    now,
    ...Object.values(changes),
  ]);
}
