import { Permission, roleHasPermission } from '@relaydesk/contracts';
import type { SessionUser } from '@relaydesk/web-auth';

// Who gets which PayDox queue, as the API decides it (ticket-queues.service.ts): the sidebar
// offers exactly the lists that answer 200.

/** "For user" / "For department" for anyone (a department head gets them for their tree). */
export function mayViewByAnyone(user: SessionUser): boolean {
  return (
    user.role === 'admin' ||
    user.canViewAll ||
    roleHasPermission(user.role, Permission.TicketsViewByUser)
  );
}

export function mayViewByUser(user: SessionUser, headOfDepartments: boolean): boolean {
  return user.role !== 'client' && (mayViewByAnyone(user) || headOfDepartments);
}

/** Undistributed (no group, no assignee) is the queue of those who hand out work. */
export function distributesWork(user: SessionUser): boolean {
  return user.role !== 'client' && roleHasPermission(user.role, Permission.TicketsAssign);
}
