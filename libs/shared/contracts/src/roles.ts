export const ROLES = ['admin', 'dispatcher', 'agent', 'client'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ['admin', 'dispatcher', 'agent'];

export function isStaffRole(role: Role): boolean {
  return role !== 'client';
}
