import type { EntityManager } from 'typeorm';
import { sql } from '../../common/database/sql.js';

/** The group a ticket goes to at `level` when nobody names one: the first active one by name. */
export async function firstGroupOfLevel(em: EntityManager, level: number): Promise<string | null> {
  const [row] = await sql<{ id: string }>(
    em,
    'SELECT id FROM groups WHERE support_level = $1 AND active ORDER BY name, id LIMIT 1',
    [level],
  );
  return row?.id ?? null;
}

/** A group's support level (null: it has none, or there is no such group). */
export async function groupLevel(
  em: EntityManager,
  groupId: string | null,
): Promise<number | null> {
  if (!groupId) return null;
  const [row] = await sql<{ support_level: number | null }>(
    em,
    'SELECT support_level FROM groups WHERE id = $1',
    [groupId],
  );
  return row?.support_level ?? null;
}
