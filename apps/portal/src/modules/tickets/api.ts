import { unwrap, type ApiClient, type paths, type Schemas } from '@relaydesk/api-client';

export type Ticket = Schemas['TicketDto'];
export type TicketSummary = Schemas['TicketSummaryDto'];
export type Comment = Schemas['CommentDto'];
export type Attachment = Schemas['AttachmentDto'];
export type TransitionOption = Schemas['TransitionOptionDto'];
export type TicketType = Schemas['TicketTypeDto'];
export type Category = Schemas['CategoryDto'];
export type Priority = Ticket['priority'];
export type ListTicketsQuery = NonNullable<paths['/api/v1/tickets']['get']['parameters']['query']>;

/** One function per endpoint the portal uses; components never call the client directly. */
export const ticketsApi = {
  list: (api: ApiClient, query: ListTicketsQuery) =>
    unwrap(api.GET('/api/v1/tickets', { params: { query } })),
  byNumber: (api: ApiClient, number: number) =>
    unwrap(
      api.GET('/api/v1/tickets/by-number/{number}', {
        params: { path: { number } },
      }),
    ),
  create: (api: ApiClient, body: Schemas['CreateTicketDto'], idempotencyKey: string) =>
    unwrap(
      api.POST('/api/v1/tickets', {
        body,
        params: { header: { 'Idempotency-Key': idempotencyKey } },
      }),
    ),
  /** A client sends only `customFields` (the fields their form lets them edit) and `version`. */
  update: (api: ApiClient, id: string, body: Schemas['UpdateTicketDto']) =>
    unwrap(api.PATCH('/api/v1/tickets/{id}', { params: { path: { id } }, body })),
  transitions: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/tickets/{id}/transitions', { params: { path: { id } } })),
  transition: (api: ApiClient, id: string, body: Schemas['TransitionDto']) =>
    unwrap(api.POST('/api/v1/tickets/{id}/transitions', { params: { path: { id } }, body })),
  comments: (api: ApiClient, id: string, cursor?: string) =>
    unwrap(
      api.GET('/api/v1/tickets/{id}/comments', {
        params: { path: { id }, query: { limit: 100, cursor } },
      }),
    ),
  addComment: (
    api: ApiClient,
    id: string,
    body: Schemas['CreateCommentDto'],
    idempotencyKey: string,
  ) =>
    unwrap(
      api.POST('/api/v1/tickets/{id}/comments', {
        params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
        body,
      }),
    ),
  attachments: (api: ApiClient, id: string) =>
    unwrap(
      api.GET('/api/v1/tickets/{id}/attachments', {
        params: { path: { id }, query: { limit: 200 } },
      }),
    ),
  upload: (api: ApiClient, id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return unwrap(
      api.POST('/api/v1/tickets/{id}/attachments', {
        params: { path: { id } },
        body: form as never,
        bodySerializer: (b: unknown) => b as FormData,
      }),
    ) as Promise<Attachment>;
  },
  /** The file itself; sent with the bearer token, so no token ever ends up in a URL. */
  download: (api: ApiClient, id: string) =>
    unwrap(
      api.GET('/api/v1/attachments/{id}/content', {
        params: { path: { id } },
        parseAs: 'blob',
      }),
    ) as Promise<Blob>,
  types: (api: ApiClient) => unwrap(api.GET('/api/v1/ticket-types')),
  categories: (api: ApiClient) => unwrap(api.GET('/api/v1/categories')),
  acceptance: (api: ApiClient, id: string, body: Schemas['AcceptanceDto']) =>
    unwrap(api.POST('/api/v1/tickets/{id}/acceptance', { params: { path: { id } }, body })),
};
