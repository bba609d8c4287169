import type { EntityManager } from 'typeorm';
import { seesAllTickets, type AuthUser } from '../../common/auth/auth-user.js';
import { objectAccessSql } from '../contracts/index.js';
import { departmentSubtreeSql } from '../directory/index.js';

export interface SqlFragment {
  sql: string;
  params: Record<string, unknown>;
}

/** Users in the given departments and every department below them. */
export function departmentMembersSql(param: string): string {
  return `(SELECT du.id FROM users du WHERE du.department_id IN ${departmentSubtreeSql(`d.id = ANY(:${param})`)})`;
}

/**
 * THE rule for who sees which ticket, as one SQL condition on a `tickets` alias. List, detail,
 * search, counts, history, comments and attachments all filter through it, so no path can show
 * what another path hides. Anything it excludes is a 404, like a ticket that does not exist.
 */
export function ticketVisibility(user: AuthUser, alias = 't'): SqlFragment {
  const params: Record<string, unknown> = { visUserId: user.id };
  if (user.role === 'client') {
    // Their own requests always; the organization's only on the service objects they are
    // limited to, if staff limited them (access by object, docs/contracts.md).
    const own =
      user.canViewOrganizationTickets && user.organizationId
        ? `(${alias}.requester_id = :visUserId OR (${alias}.organization_id = :visOrgId AND ${objectAccessSql(':visUserId', `${alias}.service_object_id`)}))`
        : `${alias}.requester_id = :visUserId`;
    params.visOrgId = user.organizationId;
    return {
      sql: `(${own} AND (${alias}.type_id IS NULL OR ${alias}.type_id IN (SELECT tt.id FROM ticket_types tt WHERE tt.is_public)))`,
      params,
    };
  }
  if (seesAllTickets(user)) return { sql: 'TRUE', params: {} };

  // The scopes nest (docs/visibility.md): `own` is a person's own work, `groups` adds their
  // groups and the unassigned queue, `department` adds the people of their department tree.
  // Grants hold in every scope: projects, deputyships and department headships.
  const ors = [
    `${alias}.assignee_id = :visUserId`,
    `${alias}.created_by_id = :visUserId`,
    `${alias}.requester_id = :visUserId`,
    // Pythagoras: a project's manager and members see all of its tickets.
    `${alias}.project_id IN (SELECT pm.project_id FROM project_members pm WHERE pm.user_id = :visUserId
                             UNION ALL SELECT p.id FROM projects p WHERE p.manager_id = :visUserId)`,
  ];
  // CDESK deputies: during the period, the tickets assigned to the principal (not the principal's
  // groups: the deputy covers a person's own work, and group tickets have their own members).
  // deputyForIds is computed per request at the clock's time, so access ends by itself.
  if (user.deputyForIds.length > 0) {
    ors.push(`${alias}.assignee_id = ANY(:visDeputyFor)`);
    params.visDeputyFor = user.deputyForIds;
  }
  // PayDox: a department headship is the admin's grant of the department's work, like a project
  // membership, so a head in scope `own` still sees what their "For department" list promises.
  const departments = new Set(user.headOfDepartmentIds);
  if (user.visibilityScope === 'department' && user.departmentId) {
    departments.add(user.departmentId);
  }
  if (departments.size > 0) {
    const members = departmentMembersSql('visHeadDepts');
    ors.push(`${alias}.requester_id IN ${members}`, `${alias}.assignee_id IN ${members}`);
    params.visHeadDepts = [...departments];
  }
  if (user.visibilityScope === 'own') return { sql: `(${ors.join(' OR ')})`, params };

  // HappyDesk: with the installation's option on, an unassigned ticket reaches only the group it
  // is routed to (the group clause below), not every agent.
  if (!user.unassignedGroupOnly) ors.push(`${alias}.assignee_id IS NULL`);
  if (user.groupIds.length > 0) {
    ors.push(`${alias}.group_id = ANY(:visGroupIds)`);
    params.visGroupIds = user.groupIds;
  }
  return { sql: `(${ors.join(' OR ')})`, params };
}

/** Whether `user` sees the ticket now, by THE rule above (one query). */
export async function isTicketVisible(
  em: EntityManager,
  user: AuthUser,
  ticketId: string,
): Promise<boolean> {
  const vis = ticketVisibility(user, 't');
  const row = await em
    .createQueryBuilder()
    .select('1', 'one')
    .from('tickets', 't')
    .where('t.id = :visibleTicketId', { visibleTicketId: ticketId })
    .andWhere(vis.sql, vis.params)
    .getRawOne<{ one: number }>();
  return row !== undefined;
}
