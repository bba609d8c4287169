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
export type TicketEvent = Schemas['TicketEventDto'];
export type TicketPromise = Schemas['TicketPromiseDto'];
/** An entry of billed work as a client reads it (the API sends a client the billed fields only). */
export type BilledWork = Schemas['WorkEntryDto'];

/**
 * The ticket endpoints only the portal calls; the ones both apps call are `ticketsApi` in
 * @relaydesk/web-tickets.
 */
export const portalTicketsApi = {
  acceptance: (api: ApiClient, id: string, body: Schemas['AcceptanceDto']) =>
    unwrap(api.POST('/api/v1/tickets/{id}/acceptance', { params: { path: { id } }, body })),
  /** The history a client may see (the API leaves out the desk's own lines). */
  history: (api: ApiClient, id: string, page: { cursor?: string; limit: number }) =>
    unwrap(api.GET('/api/v1/tickets/{id}/history', { params: { path: { id }, query: page } })),
  /** The client's counts; `informational` decides whether its filter is offered. */
  counts: (api: ApiClient) => unwrap(api.GET('/api/v1/tickets/counts')),
  /** The projects the client is a member of: what they may file against and filter by. */
  myProjects: (api: ApiClient) => unwrap(api.GET('/api/v1/me/projects')),
  /**
   * The billed work on a ticket: a 404 while the installation keeps work to its staff
   * (work_log_settings.clients_see_billed off), else the billable and warranty entries.
   */
  work: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/tickets/{id}/work-entries', { params: { path: { id } } })),
};
