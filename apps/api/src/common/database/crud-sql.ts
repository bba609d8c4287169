import type { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, invalidCursorError, toPage, type Page } from '../pagination/cursor.js';
import { NotFoundError, VersionConflictError } from '../errors/domain-errors.js';
import { sql } from './sql.js';

/**
 * The versioned tables still written with hand-made SQL; table names are never taken from input.
 * Plain admin CRUD (organizations, departments, groups, projects, categories) writes through
 * TypeORM repositories with `@VersionColumn` instead (versioned-repository.ts).
 */
export type DirectoryTable =
  | 'users'
  // Not a directory record, but a versioned admin record written the same way.
  | 'assignment_rules'
  | 'alert_rules';

/** Collects positional parameters while a query is assembled: `p.add(value)` gives `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `%text%` for ILIKE, with the caller's own %, _ and \ matching literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Directory lists are ordered by (name, id); the cursor carries the last row's name. */
export function decodeNameCursor(raw: string | undefined): { name: string; id: string } | null {
  const cursor = decodeCursor(raw, 'text');
  if (!cursor) return null;
  if (typeof cursor.v !== 'string') throw invalidCursorError();
  return { name: cursor.v, id: cursor.id.toLowerCase() };
}

export interface NamePageQuery {
  /** `SELECT <select> FROM <from>`; the table alias must be `alias`. */
  select: string;
  from: string;
  alias: string;
  where: string[];
  params: SqlParams;
  limit?: number;
  cursor?: string;
}

/**
 * One keyset page ordered by (name, id): the row comparison walks the (name, id) index, so a
 * page deep in a large table costs what the first one does.
 */
export async function pageByName<R extends { id: string; name: string }, T>(
  db: DataSource | EntityManager,
  query: NamePageQuery,
  map: (row: R) => T,
): Promise<Page<T>> {
  const { alias, params: p } = query;
  const limit = query.limit ?? 50;
  const where = [...query.where];
  const cursor = decodeNameCursor(query.cursor);
  if (cursor) {
    where.push(`(${alias}.name, ${alias}.id) > (${p.add(cursor.name)}, ${p.add(cursor.id)})`);
  }
  const rows = await sql<R>(
    db,
    `SELECT ${query.select} FROM ${query.from}
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${alias}.name, ${alias}.id
      LIMIT ${p.add(limit + 1)}`,
    p.values,
  );
  return toPage(rows, limit, map, (r) => ({ v: r.name, id: r.id }));
}

/**
 * Locks one row for the rest of the transaction and checks the caller's version against it:
 * missing is 404, a different version is 409 with the current one.
 */
export async function lockVersioned<R extends { version: number }>(
  em: EntityManager,
  table: DirectoryTable,
  select: string,
  id: string,
  version: number,
  what: string,
): Promise<R> {
  const [row] = await sql<R>(em, `SELECT ${select} FROM ${table} WHERE id = $1 FOR NO KEY UPDATE`, [
    id,
  ]);
  if (!row) throw new NotFoundError(what);
  if (row.version !== version) throw new VersionConflictError(row.version);
  return row;
}

/**
 * `UPDATE ... SET <changes>, updated_at, version + 1 WHERE id AND version`. `changes` maps column
 * names (from code, never from input) to values. No row means gone (404) or changed (409).
 */
export async function updateVersioned(
  em: EntityManager,
  table: DirectoryTable,
  id: string,
  version: number,
  changes: Record<string, unknown>,
  now: Date,
  what: string,
): Promise<void> {
  const p = new SqlParams();
  const idParam = p.add(id);
  const versionParam = p.add(version);
  const sets = Object.entries(changes).map(([column, value]) => `${column} = ${p.add(value)}`);
  sets.push(`updated_at = ${p.add(now)}`, 'version = version + 1');
  const rows = await sql<{ id: string }>(
    em,
    `UPDATE ${table} SET ${sets.join(', ')} WHERE id = ${idParam} AND version = ${versionParam} RETURNING id`,
    p.values,
  );
  if (rows.length > 0) return;
  const [current] = await sql<{ version: number }>(
    em,
    `SELECT version FROM ${table} WHERE id = $1`,
    [id],
  );
  if (!current) throw new NotFoundError(what);
  throw new VersionConflictError(current.version);
}

/** Picks the fields a PATCH body carries and renames them to columns. */
export function columnChanges<D extends object>(
  dto: D,
  columns: Partial<Record<keyof D, string>>,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columns) as [keyof D, string][]) {
    if (dto[field] !== undefined) changes[column] = dto[field];
  }
  return changes;
}

/** Serializes the writes that must see each other (tree edits, the last-admin rule). */
export async function advisoryXactLock(em: EntityManager, key: string): Promise<void> {
  await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}

/** A unique index refused the row; `constraint` names which one. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as {
    code?: unknown;
    constraint?: unknown;
    driverError?: Record<string, unknown>;
  };
  const code = e?.driverError?.code ?? e?.code;
  const name = e?.driverError?.constraint ?? e?.constraint;
  return code === '23505' && name === constraint;
}

export function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
