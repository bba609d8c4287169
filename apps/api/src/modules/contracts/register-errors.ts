import type { ProblemFieldError } from '@relaydesk/contracts';
import { isUniqueViolation } from '../../common/database/crud-sql.js';
import { BusinessRuleError, ConflictError } from '../../common/errors/domain-errors.js';

/** Collects a write's 422 field errors so every failing field is reported at once. */
export class FieldErrors {
  readonly list: ProblemFieldError[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, message });
  }
  throwIfAny(what: string): void {
    if (this.list.length > 0) throw new BusinessRuleError(`The ${what} cannot be saved`, this.list);
  }
}

/** A delete refused by a foreign key: the row is still referenced (409, not a 500). */
export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  // ON DELETE RESTRICT answers restrict_violation (23001), NO ACTION foreign_key_violation.
  return code === '23001' || code === '23503';
}

export async function deleteOrConflict(run: () => Promise<unknown>, detail: string): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new ConflictError(detail);
    throw error;
  }
}

/**
 * Runs a write whose unique index may refuse it when a concurrent write took the value between
 * the check and the write: the same 422 on `field` as the check gives.
 */
export async function uniqueOr422<T>(
  run: () => Promise<T>,
  constraint: string,
  what: string,
  field: string,
  message: string,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error, constraint)) {
      throw new BusinessRuleError(`The ${what} cannot be saved`, [{ field, message }]);
    }
    throw error;
  }
}
