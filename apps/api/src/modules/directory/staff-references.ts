import type { EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import { sql } from '../../common/database/sql.js';

/**
 * Which of `ids` are not active staff users (unknown, client or deactivated). Ids in
 * `alreadyLinked` may be inactive: a record that already points at a deactivated person can keep
 * doing so while its other fields are edited.
 */
export async function findNonStaff(
  em: EntityManager,
  ids: string[],
  alreadyLinked: string[] = [],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await sql<{ id: string }>(
    em,
    `SELECT id FROM users
      WHERE id = ANY($1::uuid[]) AND role <> 'client' AND (active OR id = ANY($2::uuid[]))`,
    [ids, alreadyLinked],
  );
  const ok = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !ok.has(id));
}

/**
 * Of `ids`, those that are no active user of any role (a former member stays acceptable): a
 * project's members may be client contacts too, as Pythagoras' customers file against it.
 */
export async function findNonUsers(
  em: EntityManager,
  ids: string[],
  alreadyLinked: string[] = [],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await sql<{ id: string }>(
    em,
    `SELECT id FROM users WHERE id = ANY($1::uuid[]) AND (active OR id = ANY($2::uuid[]))`,
    [ids, alreadyLinked],
  );
  const ok = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !ok.has(id));
}

export function nonStaffErrors(field: string, ids: string[]): ProblemFieldError[] {
  return ids.map((id) => ({ field, message: `${id} is not an active staff user` }));
}

/** One error when the person a single-user field (a head, lead or manager) names is not staff. */
export async function staffFieldErrors(
  em: EntityManager,
  field: string,
  userId: string,
): Promise<ProblemFieldError[]> {
  const bad = await findNonStaff(em, [userId]);
  return bad.length ? [{ field, message: 'must be an active staff user' }] : [];
}

/** Membership tables a directory record owns, with the column that names the record. */
const MEMBERSHIPS = {
  group: { table: 'group_members', owner: 'group_id' },
  project: { table: 'project_members', owner: 'project_id' },
} as const;

/** Makes a group's or project's member set exactly `memberIds`; the caller holds its row lock. */
export async function replaceMembers(
  em: EntityManager,
  kind: keyof typeof MEMBERSHIPS,
  ownerId: string,
  memberIds: string[],
): Promise<void> {
  const { table, owner } = MEMBERSHIPS[kind];
  await em.query(`DELETE FROM ${table} WHERE ${owner} = $1 AND NOT (user_id = ANY($2::uuid[]))`, [
    ownerId,
    memberIds,
  ]);
  await em.query(
    `INSERT INTO ${table} (${owner}, user_id)
     SELECT $1, u FROM unnest($2::uuid[]) AS u
     ON CONFLICT DO NOTHING`,
    [ownerId, memberIds],
  );
}
