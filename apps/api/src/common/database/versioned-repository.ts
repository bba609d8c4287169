import type { FindOptionsWhere, Repository } from 'typeorm';
import { NotFoundError, VersionConflictError } from '../errors/domain-errors.js';

/**
 * Loads one row of an entity with a `@VersionColumn`, locked for the rest of the transaction,
 * and checks the caller's version against it: missing is 404, a different version is 409 with
 * the current one. The repository must come from the transaction's entity manager. The default
 * `FOR NO KEY UPDATE` does not block rows that only reference this one.
 */
export async function lockAtVersion<E extends { id: string; version: number }>(
  repo: Repository<E>,
  id: string,
  version: number,
  what: string,
  mode: 'for_no_key_update' | 'pessimistic_write' = 'for_no_key_update',
): Promise<E> {
  const row = await repo.findOne({ where: { id } as FindOptionsWhere<E>, lock: { mode } });
  if (!row) throw new NotFoundError(what);
  if (row.version !== version) throw new VersionConflictError(row.version);
  return row;
}

/**
 * The fields a PATCH body carries (`undefined` means not sent, `null` clears). Pass the result
 * with `updatedAt` from the Clock to `repository.update`: TypeORM adds `version = version + 1`
 * for the `@VersionColumn`, and every accepted write bumps it, even one that changes nothing.
 * (`save` would skip a write whose values equal the stored ones, and set `updated_at` from the
 * database's clock when the Clock reads the same as the last write.)
 */
export function sentFields<D extends object, K extends keyof D>(
  dto: D,
  fields: readonly K[],
): Partial<Pick<D, K>> {
  const sent: Partial<Pick<D, K>> = {};
  for (const field of fields) {
    if (dto[field] !== undefined) sent[field] = dto[field];
  }
  return sent;
}
