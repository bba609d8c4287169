import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';
import type { Ticket } from '@relaydesk/web-tickets';

export type {
  Attachment,
  Category,
  Comment,
  ListTicketsQuery,
  Ticket,
  TicketSummary,
  TicketType,
  TransitionOption,
} from '@relaydesk/web-tickets';
export type Priority = Ticket['priority'];

/**
 * The ticket endpoints only the portal calls; the ones both apps call are `ticketsApi` in
 * @relaydesk/web-tickets.
 */
export const portalTicketsApi = {
  acceptance: (api: ApiClient, id: string, body: Schemas['AcceptanceDto']) =>
    unwrap(api.POST('/api/v1/tickets/{id}/acceptance', { params: { path: { id } }, body })),
};
