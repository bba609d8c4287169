import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs SQL and returns its rows. TypeORM answers UPDATE/DELETE with [rows, rowCount] and other
 * statements with rows; this hides the difference so `... RETURNING` reads the same everywhere.
 */
export async function sql<T>(
  db: DataSource | EntityManager,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result: unknown = await db.query(text, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
