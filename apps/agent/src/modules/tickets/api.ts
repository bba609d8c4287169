import { unwrap, type ApiClient, type paths, type Schemas } from '@relaydesk/api-client';

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
export type Comment = Schemas['CommentDto'];
export type TicketEvent = Schemas['TicketEventDto'];
export type TransitionOption = Schemas['TransitionOptionDto'];
export type TicketType = Schemas['TicketTypeDto'];
export type Attachment = Schemas['AttachmentDto'];
export type TicketLink = Schemas['TicketLinkDto'];
export type Category = Schemas['CategoryDto'];
export type ListTicketsQuery = NonNullable<paths['/api/v1/tickets']['get']['parameters']['query']>;

/** One function per endpoint; components never call the client directly. */
export const ticketsApi = {
  list: (api: ApiClient, query: ListTicketsQuery) =>
    unwrap(api.GET('/api/v1/tickets', { params: { query } })) as Promise<TicketPage>,
  counts: (api: ApiClient) => unwrap(api.GET('/api/v1/tickets/counts')) as Promise<TicketCounts>,
  byNumber: (api: ApiClient, number: number) =>
    unwrap(
      api.GET('/api/v1/tickets/by-number/{number}', {
        params: { path: { number } },
      }),
    ) as Promise<Ticket>,
  create: (api: ApiClient, body: Schemas['CreateTicketDto'], idempotencyKey?: string) =>
    unwrap(
      api.POST('/api/v1/tickets', {
        body,
        params: { header: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {} },
      } as never),
    ) as Promise<Ticket>,
  update: (api: ApiClient, id: string, body: Schemas['UpdateTicketDto']) =>
    unwrap(
      api.PATCH('/api/v1/tickets/{id}', { params: { path: { id } }, body }),
    ) as Promise<Ticket>,
  transitions: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/tickets/{id}/transitions', { params: { path: { id } } })),
  transition: (api: ApiClient, id: string, body: Schemas['TransitionDto']) =>
    unwrap(
      api.POST('/api/v1/tickets/{id}/transitions', { params: { path: { id } }, body }),
    ) as Promise<Ticket>,
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
  comments: (api: ApiClient, id: string, cursor?: string) =>
    unwrap(
      api.GET('/api/v1/tickets/{id}/comments', {
        params: { path: { id }, query: { limit: 200, cursor } },
      }),
    ),
  addComment: (api: ApiClient, id: string, body: Schemas['CreateCommentDto']) =>
    unwrap(api.POST('/api/v1/tickets/{id}/comments', { params: { path: { id } }, body })),
  history: (api: ApiClient, id: string, cursor?: string) =>
    unwrap(
      api.GET('/api/v1/tickets/{id}/history', {
        params: { path: { id }, query: { limit: 200, cursor } },
      }),
    ),
  attachments: (api: ApiClient, id: string, cursor?: string) =>
    unwrap(
      api.GET('/api/v1/tickets/{id}/attachments', {
        params: { path: { id }, query: { limit: 200, cursor } },
      }),
    ),
  upload: (api: ApiClient, id: string, file: File, commentId?: string) => {
    const form = new FormData();
    form.append('file', file);
    if (commentId) form.append('commentId', commentId);
    return unwrap(
      api.POST('/api/v1/tickets/{id}/attachments', {
        params: { path: { id } },
        body: form as never,
        bodySerializer: (b: unknown) => b as FormData,
      }),
    ) as Promise<Attachment>;
  },
  /** The file's bytes, fetched through the authorized client (the token never goes in a URL). */
  download: (api: ApiClient, attachmentId: string) =>
    unwrap(
      api.GET('/api/v1/attachments/{id}/content', {
        params: { path: { id: attachmentId } },
        parseAs: 'blob',
      }),
    ) as Promise<Blob>,
  types: (api: ApiClient) => unwrap(api.GET('/api/v1/ticket-types')),
  workflows: (api: ApiClient) => unwrap(api.GET('/api/v1/workflows')),
  links: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/tickets/{id}/links', { params: { path: { id } } })),
  addLink: (api: ApiClient, id: string, body: Schemas['CreateTicketLinkDto']) =>
    unwrap(api.POST('/api/v1/tickets/{id}/links', { params: { path: { id } }, body })),
  removeLink: (api: ApiClient, id: string, linkId: string) =>
    unwrap(api.DELETE('/api/v1/tickets/{id}/links/{linkId}', { params: { path: { id, linkId } } })),
  categories: (api: ApiClient) => unwrap(api.GET('/api/v1/categories')),
};
