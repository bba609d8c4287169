import type { ApiClient } from '@relaydesk/api-client';
import { ticketsApi } from '@relaydesk/web-tickets';
import type { ListTicketsQuery, TicketPage, TicketSummary } from '../tickets/api';
import { deadlineOf } from '../sla/components/time-left-cell';

/** Queues the calendar can show: the user's own tickets, or every ticket they may see. */
export type CalendarScope = 'mine' | 'all';

export interface CalendarQuery {
  scope: CalendarScope;
  /** ISO instants; `to` is exclusive. */
  from: string;
  to: string;
}

export interface CalendarTickets {
  tickets: TicketSummary[];
  /** More tickets matched than the page cap allows; only the first ones are shown. */
  truncated: boolean;
}

const PAGE_SIZE = 200;
/** A calendar of more than a thousand tickets per query is unreadable anyway; stop there. */
const MAX_PAGES = 5;

async function allPages(
  api: ApiClient,
  query: ListTicketsQuery,
): Promise<{ items: TicketSummary[]; truncated: boolean }> {
  const items: TicketSummary[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = (await ticketsApi.list(api, {
      ...query,
      limit: PAGE_SIZE,
      cursor,
    })) as TicketPage;
    items.push(...result.items);
    if (!result.nextCursor) return { items, truncated: false };
    cursor = result.nextCursor;
  }
  return { items, truncated: true };
}

/**
 * Tickets to place in a date range: those due in it (the effective due: the manual due date,
 * else the SLA resolution deadline, as dueFrom/dueTo filter), and those with neither created in
 * it (the list endpoint, twice, every page).
 */
export async function calendarTickets(
  api: ApiClient,
  { scope, from, to }: CalendarQuery,
): Promise<CalendarTickets> {
  const [due, created] = await Promise.all([
    allPages(api, { view: scope, dueFrom: from, dueTo: to, sort: 'createdAt:asc' }),
    allPages(api, { view: scope, createdFrom: from, createdTo: to, sort: 'createdAt:asc' }),
  ]);
  const byId = new Map<string, TicketSummary>();
  for (const ticket of due.items) byId.set(ticket.id, ticket);
  // One created here but due elsewhere belongs to its due day, which another range shows.
  for (const ticket of created.items) if (!deadlineOf(ticket)) byId.set(ticket.id, ticket);
  return { tickets: [...byId.values()], truncated: due.truncated || created.truncated };
}
