import type { EntityManager } from 'typeorm';
import { EQUIPMENT_MAX_DEPTH } from '@relaydesk/contracts';
import { advisoryXactLock } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import type { FieldErrors } from './register-errors.js';

/**
 * Checks a new parent for an item (`itemId` null: an item being created): same organization,
 * not the item or one of its components (a cycle), and the chain from the top item down to the
 * item's deepest component at most EQUIPMENT_MAX_DEPTH levels. Parent changes of one
 * organization are serialized, so two concurrent moves cannot close a cycle between them.
 */
export async function checkParent(
  em: EntityManager,
  errors: FieldErrors,
  organizationId: string,
  itemId: string | null,
  parentId: string,
): Promise<void> {
  await advisoryXactLock(em, `equipment-tree:${organizationId}`);
  const [parent] = await sql<{ organization_id: string }>(
    em,
    'SELECT organization_id FROM equipment_items WHERE id = $1',
    [parentId],
  );
  if (!parent) return errors.add('parentId', 'no equipment item with this id');
  if (parent.organization_id !== organizationId) {
    return errors.add('parentId', 'belongs to another organization');
  }
  // The chain above (the parent and its ancestors); the bound stops a walk in a broken tree.
  const [up] = await sql<{ levels: number; cycle: boolean }>(
    em,
    `WITH RECURSIVE up (id, parent_id, level) AS (
       SELECT id, parent_id, 1 FROM equipment_items WHERE id = $1
       UNION ALL
       SELECT e.id, e.parent_id, up.level + 1 FROM equipment_items e JOIN up ON e.id = up.parent_id
        WHERE up.level <= $3)
     SELECT max(level)::int AS levels, coalesce(bool_or(id = $2), false) AS cycle FROM up`,
    [parentId, itemId, EQUIPMENT_MAX_DEPTH + 1],
  );
  if (up.cycle) return errors.add('parentId', 'is this item or one of its components');
  let below = 1;
  if (itemId) {
    const [down] = await sql<{ levels: number }>(
      em,
      `WITH RECURSIVE down (id, level) AS (
         SELECT $1::uuid, 1
         UNION ALL
         SELECT e.id, down.level + 1 FROM equipment_items e JOIN down ON e.parent_id = down.id
          WHERE down.level <= $2)
       SELECT max(level)::int AS levels FROM down`,
      [itemId, EQUIPMENT_MAX_DEPTH + 1],
    );
    below = down.levels;
  }
  if (up.levels + below > EQUIPMENT_MAX_DEPTH) {
    errors.add(
      'parentId',
      `would make a chain of components deeper than ${EQUIPMENT_MAX_DEPTH} levels`,
    );
  }
}
