/**
 * What a client filters by, in their words, mapped onto the workflow's status keys:
 * "open" covers everything the desk is still working on, "waiting" is the desk asking them.
 */
export const STATUS_FILTERS = {
  open: ['open', 'in_progress'],
  waiting: ['needs_clarification'],
  resolved: ['resolved'],
  closed: ['closed'],
} as const;

export type StatusFilter = keyof typeof STATUS_FILTERS;

export function isStatusFilter(value: string | null): value is StatusFilter {
  return value !== null && Object.hasOwn(STATUS_FILTERS, value);
}
