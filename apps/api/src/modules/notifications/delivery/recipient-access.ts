import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { ticketVisibility } from '../../tickets/index.js';

interface UserRow {
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
 * The recipient as a request of theirs would see them at `now`, built the way the auth module's
 * AuthUserLoader does (active user, active organization, groups, departments headed, deputyships
 * running at that time). Not imported from auth: auth queues account mails through this module,
 * so the dependency runs the other way. Null: deactivated, deleted, or their organization is.
 */
export async function loadRecipient(
  em: EntityManager,
  userId: string,
  now: Date,
): Promise<AuthUser | null> {
  const rows = (await em.query(
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
    [userId, now],
  )) as UserRow[];
  const r = rows[0];
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

/** Whether `user` may see the ticket now: THE visibility rule of the tickets module. */
export async function maySeeTicket(
  em: EntityManager,
  user: AuthUser,
  ticketId: string,
): Promise<boolean> {
  const vis = ticketVisibility(user, 't');
  const row = (await em
    .createQueryBuilder()
    .select('1', 'one')
    .from('tickets', 't')
    .where('t.id = :ticketId', { ticketId })
    .andWhere(vis.sql, vis.params)
    .getRawOne()) as { one: number } | undefined;
  return row !== undefined;
}

/**
 * Why a delivery to this user must not go out now, or null when it may. Checked at send time,
 * not only when the row was written: a user deactivated, moved out of the group or no longer
 * deputy in the meantime gets nothing.
 */
export async function suppressionReason(
  em: EntityManager,
  row: { userId: string | null; ticketId: string | null; kind: string },
  now: Date,
): Promise<string | null> {
  if (row.userId === null) return null;
  const user = await loadRecipient(em, row.userId, now);
  if (!user) return 'recipient is deactivated or deleted';
  // The fan-out never writes such a row; this is the last line of defence for internal notes.
  if (user.role === 'client' && row.kind === 'comment_internal') {
    return 'an internal note never goes to a client';
  }
  if (row.ticketId !== null && !(await maySeeTicket(em, user, row.ticketId))) {
    return 'recipient may no longer see the ticket';
  }
  return null;
}
