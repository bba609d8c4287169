import type { EntityManager } from 'typeorm';
import type { DirectoryIds } from './demo-directory.js';

/**
 * The public web form open in the demo (http://localhost:3000/form): every public type offered,
 * requests to L1. No site may embed it until an admin lists one.
 */
export async function insertDemoWebForm(em: EntityManager, ids: DirectoryIds): Promise<void> {
  await em.query(
    `UPDATE web_form_settings
        SET enabled = true, default_group_id = $1,
            type_ids = ARRAY(SELECT id FROM ticket_types WHERE is_public AND active
                              ORDER BY position, id)`,
    [ids.groups.l1],
  );
}
