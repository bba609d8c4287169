import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
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

const statementNames = new Map<string, string>();
let preparedStatements = true;

/**
 * Whether `preparedSql` names its statements (DATABASE_PREPARED_STATEMENTS). A connection
 * pooler that hands one client's statements to several server connections (PgBouncer in
 * transaction mode before 1.21) cannot keep named statements; with `false` they run unnamed.
 */
export function usePreparedStatements(enabled: boolean): void {
  preparedStatements = enabled;
}

/**
 * Runs a hot statement of fixed text as a named prepared statement: each pooled connection
 * parses and plans it once, and PostgreSQL keeps a generic plan once it costs no more than the
 * custom ones. At 1M tickets that took 0.3–1 ms of planning off the auth lookup and the ticket
 * INSERT on every request (docs/performance.md). Only for statements whose plan does not
 * depend on the values (primary-key lookups, inserts); list and search queries stay unnamed.
 */
export async function preparedSql<T>(
  db: DataSource,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (!preparedStatements) return sql<T>(db, text, params);
  // TypeORM's query() cannot name a statement; its pool (pg.Pool) can.
  const pool = (db.driver as PostgresDriver).master as Pool;
  const result = await pool.query({ name: statementName(text), text, values: params });
  return result.rows as T[];
}

/**
 * `preparedSql` inside a transaction: the same named statement, on the transaction's own
 * connection (TypeORM's query runner holds a pg client while the transaction is open).
 */
export async function preparedSqlIn<T>(
  em: EntityManager,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const connection = (em.queryRunner as { databaseConnection?: PoolClient } | undefined)
    ?.databaseConnection;
  if (!preparedStatements || !connection || !em.queryRunner?.isTransactionActive) {
    return sql<T>(em, text, params);
  }
  const result = await connection.query({ name: statementName(text), text, values: params });
  return result.rows as T[];
}

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `rd_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}
