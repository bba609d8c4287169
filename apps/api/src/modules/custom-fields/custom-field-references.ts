import type { EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import { sql } from '../../common/database/sql.js';
import { referenceErrors, type CustomFieldResult } from './custom-field-validator.js';

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
