import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';

export type {
  Attachment,
  Category,
  Comment,
  ListTicketsQuery,
  TicketType,
  TransitionOption,
} from '@relaydesk/web-tickets';

/**
 * Tickets as staff get them: every field. The schema's optional fields are the staff-only ones a
 * client's ticket leaves out (group, support level, SLA policy...), always there for staff.
 */
type StaffView<T extends { sla: object }> = Required<Omit<T, 'sla'>> & {
  sla: Required<T['sla']>;
};
export type Ticket = StaffView<Schemas['TicketDto']>;
export type TicketSummary = StaffView<Schemas['TicketSummaryDto']>;
export type TicketPage = Omit<Schemas['TicketPageDto'], 'items'> & { items: TicketSummary[] };
export type TicketCounts = Required<Schemas['TicketCountsDto']>;
export type TicketEvent = Schemas['TicketEventDto'];
export type TicketLink = Schemas['TicketLinkDto'];

/**
 * The ticket endpoints only staff call, one function each; the ones both apps call are
 * `ticketsApi` in @relaydesk/web-tickets. Components never call the client directly.
 */
export const staffTicketsApi = {
  counts: (api: ApiClient) => unwrap(api.GET('/api/v1/tickets/counts')) as Promise<TicketCounts>,
  take: (api: ApiClient, id: string, version?: number) =>
    unwrap(
      api.POST('/api/v1/tickets/{id}/take', { params: { path: { id } }, body: { version } }),
    ) as Promise<Ticket>,
  escalate: (api: ApiClient, id: string, body: Schemas['EscalateTicketDto']) =>
    unwrap(
      api.POST('/api/v1/tickets/{id}/escalation', { params: { path: { id } }, body }),
    ) as Promise<Omit<Schemas['TicketEscalationDto'], 'ticket'> & { ticket: Ticket | null }>,
  assign: (api: ApiClient, id: string, body: Schemas['AssignmentDto']) =>
    unwrap(
      api.POST('/api/v1/tickets/{id}/assignment', { params: { path: { id } }, body }),
    ) as Promise<Ticket>,
  history: (api: ApiClient, id: string, cursor?: string) =>
    unwrap(
      api.GET('/api/v1/tickets/{id}/history', {
        params: { path: { id }, query: { limit: 200, cursor } },
      }),
    ),
  workflows: (api: ApiClient) => unwrap(api.GET('/api/v1/workflows')),
  links: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/tickets/{id}/links', { params: { path: { id } } })),
  addLink: (api: ApiClient, id: string, body: Schemas['CreateTicketLinkDto']) =>
    unwrap(api.POST('/api/v1/tickets/{id}/links', { params: { path: { id } }, body })),
  removeLink: (api: ApiClient, id: string, linkId: string) =>
    unwrap(api.DELETE('/api/v1/tickets/{id}/links/{linkId}', { params: { path: { id, linkId } } })),
};
