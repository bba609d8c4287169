import type { EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import { sql } from '../../../common/database/sql.js';
import {
  referenceErrors,
  type CustomFieldResult,
  type FieldDefinition,
} from './custom-field-validator.js';

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

/** Checks the user and organization ids of a write: one query per kind, whatever the count. */
export async function customFieldReferenceErrors(
  em: EntityManager,
  references: CustomFieldResult['references'],
): Promise<ProblemFieldError[]> {
  const lookup = async (table: 'users' | 'organizations', ids: string[]) => {
    if (ids.length === 0) return new Set<string>();
    const rows = await sql<{ id: string }>(
      em,
      `SELECT id FROM ${table} WHERE id = ANY($1::uuid[]) AND active`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  };
  // In sequence: inside a transaction both would share one connection anyway.
  const users = await lookup('users', [...references.users.keys()]);
  const organizations = await lookup('organizations', [...references.organizations.keys()]);
  return referenceErrors(references, { users, organizations });
}
