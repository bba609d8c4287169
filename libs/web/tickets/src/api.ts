import { unwrap, type ApiClient, type paths, type Schemas } from '@relaydesk/api-client';

export type Ticket = Schemas['TicketDto'];
export type TicketSummary = Schemas['TicketSummaryDto'];
export type TicketPage = Schemas['TicketPageDto'];
export type Comment = Schemas['CommentDto'];
export type Attachment = Schemas['AttachmentDto'];
export type TransitionOption = Schemas['TransitionOptionDto'];
export type TicketType = Schemas['TicketTypeDto'];
export type Category = Schemas['CategoryDto'];
export type ListTicketsQuery = NonNullable<paths['/api/v1/tickets']['get']['parameters']['query']>;

/** The Idempotency-Key header when there is a key; writes without one are not deduplicated. */
const idempotency = (key?: string) => (key ? { 'Idempotency-Key': key } : {});

/**
 * One function per ticket endpoint both SPAs call; components never call the client directly.
 * Endpoints only one SPA uses stay in that SPA's `api` file.
 */
export const ticketsApi = {
  list: (api: ApiClient, query: ListTicketsQuery) =>
    unwrap(api.GET('/api/v1/tickets', { params: { query } })),
  byNumber: (api: ApiClient, number: number) =>
    unwrap(
      api.GET('/api/v1/tickets/by-number/{number}', {
        params: { path: { number } },
      }),
    ),
  create: (api: ApiClient, body: Schemas['CreateTicketDto'], idempotencyKey?: string) =>
    unwrap(api.POST('/api/v1/tickets', { body, params: { header: idempotency(idempotencyKey) } })),
  /** Staff change any field; a client sends only `customFields` (those they may edit) and `version`. */
  update: (api: ApiClient, id: string, body: Schemas['UpdateTicketDto']) =>
    unwrap(api.PATCH('/api/v1/tickets/{id}', { params: { path: { id } }, body })),
  transitions: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/tickets/{id}/transitions', { params: { path: { id } } })),
  transition: (api: ApiClient, id: string, body: Schemas['TransitionDto']) =>
    unwrap(api.POST('/api/v1/tickets/{id}/transitions', { params: { path: { id } }, body })),
  comments: (api: ApiClient, id: string, page: { cursor?: string; limit: number }) =>
    unwrap(
      api.GET('/api/v1/tickets/{id}/comments', {
        params: { path: { id }, query: { limit: page.limit, cursor: page.cursor } },
      }),
    ),
  addComment: (
    api: ApiClient,
    id: string,
    body: Schemas['CreateCommentDto'],
    idempotencyKey?: string,
  ) =>
    unwrap(
      api.POST('/api/v1/tickets/{id}/comments', {
        params: { path: { id }, header: idempotency(idempotencyKey) },
        body,
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
  categories: (api: ApiClient) => unwrap(api.GET('/api/v1/categories')),
};
