import type { Schemas } from '@relaydesk/api-client';

type StatusCategory = Schemas['TicketDto']['statusCategory'];

/**
 * What a client filters by, in their words, mapped onto status categories, so the filter works
 * for any workflow (Okdesk, HappyDesk, Pythagoras): "open" is everything the desk is still to
 * start or working on, "waiting" is a pending ticket (the desk asking them, or put on hold).
 */
export const STATUS_FILTERS = {
  open: ['new', 'open'],
  waiting: ['pending'],
  resolved: ['resolved'],
  closed: ['closed', 'canceled'],
  // Kept for the record (PayDox "Информационное"): neither open nor closed. Offered only when
  // the client has such tickets (see informationalShown).
  informational: ['informational'],
} as const satisfies Record<string, readonly StatusCategory[]>;

export type StatusFilter = keyof typeof STATUS_FILTERS;

export function isStatusFilter(value: string | null): value is StatusFilter {
  return value !== null && Object.hasOwn(STATUS_FILTERS, value);
}

/** "For information" is rare: offered when the client has such tickets or has it chosen. */
export function informationalShown(count: number | undefined, chosen: StatusFilter | ''): boolean {
  return (count ?? 0) > 0 || chosen === 'informational';
}
