import type { EntityManager } from 'typeorm';
import { sql } from '../database/sql.js';
import { DEFAULT_VISIBILITY_SCOPE, type VisibilityScope } from '@relaydesk/contracts';
import type { AuthUser } from './auth-user.js';

// How a user becomes an AuthUser, written once: the auth module loads the caller of a request
// with it, and the modules that must judge someone who is not calling (a watcher to add, the
// recipients of a notification, a mail about to go out) build the same user the same way, so
// THE visibility rule sees them exactly as a request of theirs would. Plain SQL on `users u`:
// no module is imported, so any module may use it.

/** The columns of `AuthUserRow` on `users u`; deputyships in force at the `at` parameter. */
export function authUserColumns(at: string): string {
  return `u.id, u.email, u.name, u.role, u.locale, u.organization_id, u.department_id,
              COALESCE(u.visibility_scope,
                       (SELECT vs.default_scope FROM visibility_settings vs WHERE vs.id = 1),
                       '${DEFAULT_VISIBILITY_SCOPE}') AS visibility_scope,
              COALESCE((SELECT vs.unassigned_group_only FROM visibility_settings vs WHERE vs.id = 1),
                       false) AS unassigned_group_only,
              u.can_view_organization_tickets,
              ARRAY(SELECT gm.group_id FROM group_members gm WHERE gm.user_id = u.id) AS group_ids,
              ARRAY(SELECT d.id FROM departments d WHERE d.head_id = u.id AND d.active) AS head_ids,
              ARRAY(SELECT dp.principal_id FROM deputyships dp
                      JOIN users p ON p.id = dp.principal_id AND p.role <> 'client'
                     WHERE dp.deputy_id = u.id AND u.role <> 'client'
                       AND dp.starts_at <= ${at} AND dp.ends_at > ${at}) AS deputy_for_ids`;
}

/** Who may act at all: an active user, and a client's organization active. */
export const AUTH_USER_ACTIVE = `u.active
          AND (u.organization_id IS NULL
               OR EXISTS (SELECT 1 FROM organizations o WHERE o.id = u.organization_id AND o.active))`;

export interface AuthUserRow {
  id: string;
  email: string;
  name: string;
  role: AuthUser['role'];
  locale: AuthUser['locale'];
  organization_id: string | null;
  department_id: string | null;
  visibility_scope: VisibilityScope;
  unassigned_group_only: boolean;
  can_view_organization_tickets: boolean;
  group_ids: string[];
  head_ids: string[];
  deputy_for_ids: string[];
}

export function toAuthUser(r: AuthUserRow, sessionId = ''): AuthUser {
  return {
    id: r.id,
    sessionId,
    email: r.email,
    name: r.name,
    role: r.role,
    locale: r.locale,
    organizationId: r.organization_id,
    departmentId: r.department_id,
    visibilityScope: r.visibility_scope,
    unassignedGroupOnly: r.unassigned_group_only,
    canViewAll: r.role !== 'client' && r.visibility_scope === 'all',
    canViewOrganizationTickets: r.can_view_organization_tickets,
    groupIds: r.group_ids,
    headOfDepartmentIds: r.head_ids,
    deputyForIds: r.deputy_for_ids,
  };
}

/**
 * A user as a request of theirs would be loaded at `at`, without a session: null when they are
 * deactivated, deleted, or their organization is.
 */
export async function loadAuthUser(
  em: EntityManager,
  userId: string,
  at: Date,
): Promise<AuthUser | null> {
  const [row] = await sql<AuthUserRow>(
    em,
    `SELECT ${authUserColumns('$2')} FROM users u WHERE u.id = $1 AND ${AUTH_USER_ACTIVE}`,
    [userId, at],
  );
  return row ? toAuthUser(row) : null;
}
