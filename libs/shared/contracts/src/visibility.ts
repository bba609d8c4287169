/**
 * Which tickets a staff member of role `agent` sees (admins and dispatchers see every ticket,
 * clients what their organization rules allow). Each scope includes the ones before it; what
 * each one holds is written in docs/visibility.md.
 *
 * - `own`: their own work only (assigned to them, filed or requested by them, the tickets of the
 *   people they stand in for, the projects they manage or are a member of);
 * - `groups`: own, their groups' tickets, the departments they head, and unassigned tickets
 *   (only those routed to their groups when the installation says so);
 * - `department`: groups, and the tickets requested by or assigned to anyone in their department
 *   and the departments below it;
 * - `all`: every ticket.
 */
export const VISIBILITY_SCOPES = ['own', 'groups', 'department', 'all'] as const;
export type VisibilityScope = (typeof VISIBILITY_SCOPES)[number];

/** The installation default until an admin chooses: what every agent saw before scopes existed. */
export const DEFAULT_VISIBILITY_SCOPE: VisibilityScope = 'groups';
