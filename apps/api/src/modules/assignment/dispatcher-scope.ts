import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { sql } from '../../common/database/sql.js';
import { ForbiddenError } from '../../common/errors/domain-errors.js';
import { departmentSubtreeSql } from '../directory/index.js';

/**
 * CDESK: "dispatchers assign to their subordinates and to groups". A dispatcher's subordinates
 * are the staff of the departments they head or belong to, and of every department below them.
 * Any group is fine, and so is the dispatcher themselves. A dispatcher placed in no department
 * at all dispatches for the whole desk (a small installation without a department tree).
 * Admins assign to anyone; agents never reach this (they may only take tickets).
 */
export async function assertMayAssignTo(
  em: EntityManager,
  user: AuthUser,
  assigneeId: string,
): Promise<void> {
  if (user.role !== 'dispatcher' || assigneeId === user.id) return;
  const departments = [
    ...new Set([...user.headOfDepartmentIds, ...(user.departmentId ? [user.departmentId] : [])]),
  ];
  if (departments.length === 0) return;
  const rows = await sql(
    em,
    `SELECT 1 FROM users du
      WHERE du.id = $1 AND du.department_id IN ${departmentSubtreeSql('d.id = ANY($2::uuid[])')}`,
    [assigneeId, departments],
  );
  if (rows.length === 0) {
    throw new ForbiddenError(
      'Dispatchers assign to staff of their own department (and the departments below it) or to a group',
    );
  }
}
