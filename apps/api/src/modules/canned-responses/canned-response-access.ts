import { Permission, roleHasPermission, type CannedResponseScope } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';

/** Staff use canned responses; to anyone else they do not exist (404, never 403). */
export function usesCannedResponses(user: AuthUser): boolean {
  return roleHasPermission(user.role, Permission.CannedResponsesUse);
}

export function managesCannedResponses(user: AuthUser): boolean {
  return roleHasPermission(user.role, Permission.CannedResponsesManage);
}

/**
 * Which templates a caller sees, as one SQL condition on alias `c` with three parameters: the
 * user id, their group ids and whether every group's templates count (the admin page of a
 * holder of canned-responses.manage; the composer's picker offers only one's own groups').
 * Someone else's personal template is never seen, not even by an admin.
 */
export function cannedVisibilitySql(first: number): string {
  const [user, groups, allGroups] = [first, first + 1, first + 2].map((n) => `$${n}`);
  return `(c.scope = 'global'
           OR (c.scope = 'personal' AND c.owner_id = ${user})
           OR (c.scope = 'group' AND (${allGroups}::boolean OR c.group_id = ANY(${groups}::uuid[]))))`;
}

export function cannedVisibilityParams(user: AuthUser, allGroups: boolean): unknown[] {
  return [user.id, user.groupIds, allGroups];
}

/** Whether the caller may keep (create, edit, delete) a template placed so. */
export function mayKeep(
  user: AuthUser,
  place: { scope: CannedResponseScope; ownerId: string | null; groupId: string | null },
): boolean {
  switch (place.scope) {
    case 'personal':
      return place.ownerId === user.id;
    case 'group':
      return (
        managesCannedResponses(user) ||
        (place.groupId !== null && user.groupIds.includes(place.groupId))
      );
    case 'global':
      return managesCannedResponses(user);
  }
}
