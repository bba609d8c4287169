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
} as const satisfies Record<string, readonly StatusCategory[]>;

export type StatusFilter = keyof typeof STATUS_FILTERS;

export function isStatusFilter(value: string | null): value is StatusFilter {
  return value !== null && Object.hasOwn(STATUS_FILTERS, value);
}
