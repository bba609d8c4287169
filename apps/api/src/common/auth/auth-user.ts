import type { ApiScope, Locale, Role, VisibilityScope } from '@relaydesk/contracts';

/**
 * The caller, as loaded from the database on every request: a deactivated or demoted user is
 * treated accordingly on their very next call, whatever their token says.
 */
export interface AuthUser {
  id: string;
  sessionId: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  organizationId: string | null;
  departmentId: string | null;
  /**
   * Staff: which tickets they see (docs/visibility.md), their own setting else the installation's
   * default. Admins and dispatchers see every ticket whatever it says.
   */
  visibilityScope: VisibilityScope;
  /** Installation setting: unassigned tickets are seen by their group's members only. */
  unassignedGroupOnly: boolean;
  /** Staff whose scope is `all` (kept for the callers that ask "sees every ticket by scope?"). */
  canViewAll: boolean;
  canViewOrganizationTickets: boolean;
  /** Groups the user is a member of. */
  groupIds: string[];
  /** Departments the user heads. */
  headOfDepartmentIds: string[];
  /**
   * Staff whose deputy this user is at the request's clock time (deputies module): the user sees
   * and works the tickets assigned to them. Computed per request, so access starts and ends by
   * itself with the period.
   */
  deputyForIds: string[];
  /**
   * Set when the request came with a service account's API token instead of a session: the
   * token's id and scopes. Absent for people, whose role alone decides what they may call.
   */
  token?: { id: string; scopes: readonly ApiScope[] };
}

/**
 * Staff who see every ticket: admins, dispatchers, and agents whose scope is `all`. THE
 * visibility rule short-cuts to TRUE for them, and what the caller is told about themselves
 * (`canViewAll` on login and `GET /me`) is this, so the SPAs offer "all tickets" exactly then.
 */
export function seesAllTickets(user: Pick<AuthUser, 'role' | 'visibilityScope'>): boolean {
  return (
    user.role === 'admin' ||
    user.role === 'dispatcher' ||
    (user.role !== 'client' && user.visibilityScope === 'all')
  );
}
