import type { DataSource, EntityManager } from 'typeorm';
import { SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { NotFoundError, VersionConflictError } from '../../common/errors/domain-errors.js';
import { deleteOrConflict, type FieldErrors } from './register-errors.js';

/** A register table whose rows carry `version` and `updated_at` (optimistic concurrency). */
export type RegisterTable = 'contracts' | 'service_objects' | 'equipment_types' | 'equipment_items';

/**
 * The row a PATCH changes, locked for the transaction: 404 when it is gone, 409 (with the
 * current version) when the version the writer read is stale. Read it before checking the
 * merged state, so the checks see what the UPDATE will change.
 */
export async function lockForUpdate<R extends { version: number }>(
  em: EntityManager,
  table: RegisterTable,
  columns: string,
  id: string,
  sentVersion: number,
  what: string,
): Promise<R> {
  const [current] = await sql<R>(
    em,
    `SELECT ${columns}, version FROM ${table} WHERE id = $1 FOR NO KEY UPDATE`,
    [id],
  );
  if (!current) throw new NotFoundError(what);
  if (current.version !== sentVersion) throw new VersionConflictError(current.version);
  return current;
}

/**
 * UPDATE of the columns a PATCH sent (undefined = not sent, null = cleared), bumping the version
 * and `updated_at` even when nothing else changed, so a writer always learns the new version.
 */
export async function updateSent(
  em: EntityManager,
  table: RegisterTable,
  id: string,
  now: Date,
  columns: Record<string, unknown>,
): Promise<void> {
  const p = new SqlParams();
  p.add(id);
  const sets = [`updated_at = ${p.add(now)}`, 'version = version + 1'];
  for (const [column, value] of Object.entries(columns)) {
    if (value !== undefined) sets.push(`${column} = ${p.add(value)}`);
  }
  await em.query(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = $1`, p.values);
}

/** DELETE by id: 404 when it is gone, 409 with `referenced` while a foreign key holds it. */
export function deleteRegisterRow(
  db: DataSource,
  table: RegisterTable,
  id: string,
  what: string,
  referenced: string,
): Promise<void> {
  return deleteOrConflict(async () => {
    const rows = await sql<{ id: string }>(db, `DELETE FROM ${table} WHERE id = $1 RETURNING id`, [
      id,
    ]);
    if (rows.length === 0) throw new NotFoundError(what);
  }, referenced);
}

/** The organization a new register row belongs to must exist (422 on organizationId). */
export async function checkOrganization(
  em: EntityManager,
  errors: FieldErrors,
  organizationId: string,
): Promise<boolean> {
  const [org] = await sql<{ id: string }>(em, 'SELECT id FROM organizations WHERE id = $1', [
    organizationId,
  ]);
  if (!org) errors.add('organizationId', 'no organization with this id');
  return Boolean(org);
}
