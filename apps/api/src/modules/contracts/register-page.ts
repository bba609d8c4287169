import type { DataSource, EntityManager } from 'typeorm';
import type { SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import {
  decodeCursor,
  invalidCursorError,
  toPage,
  type CursorKind,
  type Page,
} from '../../common/pagination/cursor.js';

export interface RegisterPageQuery {
  select: string;
  from: string;
  where: string[];
  params: SqlParams;
  /** The sort column (indexed with the id after it) and what it holds, for the cursor check. */
  order: { column: string; id: string; kind: CursorKind };
  limit?: number;
  cursor?: string;
}

/**
 * One keyset page ordered by (column, id): the row comparison walks the index, so a page deep in
 * a large register costs what the first one does. The rows carry the sort value as `sort_key`
 * (text, exactly as PostgreSQL prints it, so a timestamp keeps its microseconds).
 */
export async function registerPage<R extends { id: string }, T>(
  db: DataSource | EntityManager,
  query: RegisterPageQuery,
  map: (row: R) => T,
): Promise<Page<T>> {
  const { params: p, order } = query;
  const limit = query.limit ?? 50;
  const where = [...query.where];
  const cursor = decodeCursor(query.cursor, order.kind);
  if (cursor) {
    if (typeof cursor.v !== 'string') throw invalidCursorError();
    const cast = order.kind === 'timestamp' ? '::timestamptz' : '';
    where.push(
      `(${order.column}, ${order.id}) > (${p.add(cursor.v)}${cast}, ${p.add(cursor.id.toLowerCase())}::uuid)`,
    );
  }
  const rows = await sql<R & { sort_key: string }>(
    db,
    `SELECT ${query.select}, ${order.column}::text AS sort_key FROM ${query.from}
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order.column}, ${order.id}
      LIMIT ${p.add(limit + 1)}`,
    p.values,
  );
  return toPage(rows, limit, map, (r) => ({ v: r.sort_key, id: r.id }));
}
