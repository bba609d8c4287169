import type { EntityManager } from 'typeorm';
import { sql } from '../../../common/database/sql.js';
import type { FieldDefinition } from '../../custom-fields/index.js';

/** The fields of one ticket type (active and inactive), as the validator needs them. */
export function typeFieldDefinitions(
  em: EntityManager,
  typeId: string | null,
): Promise<FieldDefinition[]> {
  if (!typeId) return Promise.resolve([]);
  return sql<FieldDefinition>(
    em,
    `SELECT key, kind, required, client_visible AS "clientVisible",
            client_editable AS "clientEditable", options, active
       FROM ticket_type_fields WHERE type_id = $1 ORDER BY position, key`,
    [typeId],
  );
}
