import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { sql } from '../../../common/database/sql.js';

interface Row {
  id: string;
  email: string;
  name: string;
  role: AuthUser['role'];
  locale: AuthUser['locale'];
  organization_id: string | null;
  department_id: string | null;
  can_view_all: boolean;
  can_view_organization_tickets: boolean;
  group_ids: string[];
  head_ids: string[];
  deputy_for_ids: string[];
}

/**
 * Someone about to become a watcher, as the visibility rule sees them at `at`: the same shape
 * and conditions as the auth module's AuthUserLoader (active user, active organization,
 * deputyships in force). Read here rather than through the auth module, which sits above
 * tickets' neighbours (account mails), so that tickets keeps depending on directory only.
 */
export async function loadViewer(
  em: EntityManager,
  userId: string,
  at: Date,
): Promise<AuthUser | null> {
  const [r] = await sql<Row>(
    em,
    `SELECT u.id, u.email, u.name, u.role, u.locale, u.organization_id, u.department_id,
            u.can_view_all, u.can_view_organization_tickets,
            ARRAY(SELECT gm.group_id FROM group_members gm WHERE gm.user_id = u.id) AS group_ids,
            ARRAY(SELECT d.id FROM departments d WHERE d.head_id = u.id AND d.active) AS head_ids,
            ARRAY(SELECT dp.principal_id FROM deputyships dp
                    JOIN users p ON p.id = dp.principal_id AND p.role <> 'client'
                   WHERE dp.deputy_id = u.id AND u.role <> 'client'
                     AND dp.starts_at <= $2 AND dp.ends_at > $2) AS deputy_for_ids
       FROM users u
      WHERE u.id = $1 AND u.active
        AND (u.organization_id IS NULL
             OR EXISTS (SELECT 1 FROM organizations o WHERE o.id = u.organization_id AND o.active))`,
    [userId, at],
  );
  if (!r) return null;
  return {
    id: r.id,
    sessionId: '',
    email: r.email,
    name: r.name,
    role: r.role,
    locale: r.locale,
    organizationId: r.organization_id,
    departmentId: r.department_id,
    canViewAll: r.can_view_all,
    canViewOrganizationTickets: r.can_view_organization_tickets,
    groupIds: r.group_ids,
    headOfDepartmentIds: r.head_ids,
    deputyForIds: r.deputy_for_ids,
  };
}
