import { EQUIPMENT_MAX_DEPTH } from '@relaydesk/contracts';
import type { EntityManager } from 'typeorm';
import { sql } from '../../common/database/sql.js';
import type { StagedErrors } from './register-specs.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The rows of an equipment file that name a parent, staged while the batches are written (with
 * no parent yet) and resolved when the whole file is: a parent may come before or after its
 * component. A temporary table of the job's transaction, so memory holds a batch, never the file,
 * and a dry run's rollback takes it away.
 */
export const EQUIPMENT_TREE_STAGE = `CREATE TEMP TABLE register_import_parents (
  item_id uuid NOT NULL, organization_id uuid, row_no int NOT NULL, parent_key text NOT NULL,
  is_new boolean NOT NULL, written boolean NOT NULL, parent_id uuid, parent_org uuid) ON COMMIT DROP`;

/** A row that names a parent; `written` false: a row in error, its parent key checked only. */
export interface StagedParent {
  id: string;
  org: string | null;
  row: number;
  parent: string;
  isNew: boolean;
  written: boolean;
}

export async function stageParents(em: EntityManager, rows: StagedParent[]): Promise<void> {
  if (rows.length === 0) return;
  await em.query(
    `INSERT INTO register_import_parents (item_id, organization_id, row_no, parent_key, is_new, written)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::boolean[],
                          $6::boolean[])`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.org),
      rows.map((r) => r.row),
      rows.map((r) => r.parent),
      rows.map((r) => r.isNew),
      rows.map((r) => r.written),
    ],
  );
}

/**
 * Rows in error from a query of (row_no, is_new, written, code, message): counted all, the
 * first kept; the written ones are also counted by created/updated, for the job's counts.
 */
async function collect(
  em: EntityManager,
  query: string,
  params: unknown[],
  keep: number,
  into: StagedErrors,
): Promise<void> {
  const rows = await sql<{
    row: number;
    code: string;
    message: string;
    total: number;
    created: number;
    updated: number;
  }>(
    em,
    `WITH bad AS (${query})
     SELECT row_no AS row, code, message, count(*) OVER ()::int AS total,
            (count(*) FILTER (WHERE written AND is_new) OVER ())::int AS created,
            (count(*) FILTER (WHERE written AND NOT is_new) OVER ())::int AS updated
       FROM bad ORDER BY row_no LIMIT ${Math.max(keep, 1)}`,
    params,
  );
  if (rows.length === 0) return;
  into.total += rows[0].total;
  into.created += rows[0].created;
  into.updated += rows[0].updated;
  for (const r of rows.slice(0, keep)) {
    into.first.push({ row: r.row, column: 'parent', code: r.code, message: r.message });
  }
}

/**
 * Pass two of an equipment file: every row is written, so each staged parent key is resolved
 * (an external id or an item's id, of the item's organization, not itself), the parents are set,
 * and then the API's tree rules are checked over the result (equipment-tree.ts in contracts):
 * no item under itself or one of its components, also when several rows of the file close the
 * cycle between them, and no chain deeper than EQUIPMENT_MAX_DEPTH. The trees of the file's
 * organizations are locked as the API's parent changes lock them, so a PATCH meanwhile cannot
 * close a cycle with the file. Every walk is bounded by the depth limit.
 */
export async function checkEquipmentTree(em: EntityManager, keep: number): Promise<StagedErrors> {
  const errors: StagedErrors = { total: 0, created: 0, updated: 0, first: [] };
  await em.query(
    `SELECT count(pg_advisory_xact_lock(hashtext('equipment-tree:' || o)))
       FROM (SELECT DISTINCT organization_id::text AS o FROM register_import_parents
              WHERE written ORDER BY 1) s`,
  );
  await em.query(
    `UPDATE register_import_parents s SET parent_id = p.id, parent_org = p.organization_id
       FROM (SELECT DISTINCT parent_key FROM register_import_parents) k
       CROSS JOIN LATERAL (
         SELECT t.id, t.organization_id FROM register_external_ids x
           JOIN equipment_items t ON t.id = x.row_id
          WHERE x.register = 'equipment' AND x.external_id = k.parent_key
         UNION ALL
         SELECT t.id, t.organization_id FROM equipment_items t
          WHERE k.parent_key ~* $1
            AND t.id = (CASE WHEN k.parent_key ~* $1 THEN k.parent_key::uuid END)
         LIMIT 1) p
      WHERE s.parent_key = k.parent_key`,
    [UUID.source],
  );
  const unresolved = `parent_id IS NULL OR parent_id = item_id OR parent_org <> organization_id`;
  await collect(
    em,
    `SELECT row_no, is_new, written,
            CASE WHEN parent_id IS NULL THEN 'not_found' WHEN parent_id = item_id THEN 'self_parent'
                 ELSE 'other_organization' END AS code,
            CASE WHEN parent_id IS NULL THEN 'no equipment item with this external id or id'
                 WHEN parent_id = item_id THEN 'cannot be the item itself'
                 ELSE 'belongs to another organization' END AS message
       FROM register_import_parents WHERE ${unresolved}`,
    [],
    keep,
    errors,
  );
  await em.query(
    `DELETE FROM register_import_parents WHERE NOT written OR ${unresolved} OR parent_org IS NULL`,
  );
  await em.query(
    `UPDATE equipment_items e SET parent_id = s.parent_id
       FROM register_import_parents s WHERE e.id = s.item_id`,
  );
  // Up from each staged item (itself level 1) and down through its components, both bounded:
  // a walk that comes back to its item is a cycle; up + down - 1 levels is its longest chain.
  await collect(
    em,
    `WITH RECURSIVE seed AS (SELECT DISTINCT item_id FROM register_import_parents),
     up (start, id, parent_id, level) AS (
       SELECT e.id, e.id, e.parent_id, 1 FROM seed JOIN equipment_items e ON e.id = seed.item_id
       UNION ALL
       SELECT up.start, e.id, e.parent_id, up.level + 1
         FROM up JOIN equipment_items e ON e.id = up.parent_id
        WHERE up.level <= $1 AND up.parent_id <> up.start),
     down (start, id, level) AS (
       SELECT item_id, item_id, 1 FROM seed
       UNION ALL
       SELECT down.start, e.id, down.level + 1
         FROM down JOIN equipment_items e ON e.parent_id = down.id
        WHERE down.level <= $1 AND e.id <> down.start),
     u AS (SELECT start, max(level) AS levels, coalesce(bool_or(parent_id = start), false) AS cycle
             FROM up GROUP BY start),
     d AS (SELECT start, max(level) AS levels FROM down GROUP BY start)
     SELECT s.row_no, s.is_new, s.written,
            CASE WHEN u.cycle THEN 'cycle' ELSE 'too_deep' END AS code,
            CASE WHEN u.cycle THEN 'is this item or one of its components'
                 ELSE 'would make a chain of components deeper than ${EQUIPMENT_MAX_DEPTH} levels' END AS message
       FROM register_import_parents s JOIN u ON u.start = s.item_id JOIN d ON d.start = s.item_id
      WHERE u.cycle OR u.levels + d.levels - 1 > ${EQUIPMENT_MAX_DEPTH}`,
    [EQUIPMENT_MAX_DEPTH + 1],
    // One cap for both queries: the job keeps at most `keep` of the errors they find together.
    keep - errors.first.length,
    errors,
  );
  return errors;
}
