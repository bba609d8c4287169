import { unwrap, type ApiClient, type paths, type Schemas } from '@relaydesk/api-client';

export type CannedResponse = Schemas['CannedResponseDto'];
export type CannedResponseInput = Schemas['CreateCannedResponseDto'];
export type CannedResponseUpdate = Schemas['UpdateCannedResponseDto'];
export type RenderedCannedResponse = Schemas['RenderedCannedResponseDto'];
export type CannedResponsesQuery = NonNullable<
  paths['/api/v1/canned-responses']['get']['parameters']['query']
>;

/** Canned responses: one function per endpoint. */
export const cannedResponsesApi = {
  list: (api: ApiClient, query: CannedResponsesQuery) =>
    unwrap(api.GET('/api/v1/canned-responses', { params: { query } })),
  create: (api: ApiClient, body: CannedResponseInput) =>
    unwrap(api.POST('/api/v1/canned-responses', { body })),
  update: (api: ApiClient, id: string, body: CannedResponseUpdate) =>
    unwrap(api.PATCH('/api/v1/canned-responses/{id}', { params: { path: { id } }, body })),
  remove: (api: ApiClient, id: string) =>
    unwrap(api.DELETE('/api/v1/canned-responses/{id}', { params: { path: { id } } })),
  /** The picker's list for a ticket, best fitting first. */
  forTicket: (api: ApiClient, ticketId: string, q: string) =>
    unwrap(
      api.GET('/api/v1/tickets/{id}/canned-responses', {
        params: { path: { id: ticketId }, query: { q: q || undefined, limit: 30 } },
      }),
    ),
  render: (api: ApiClient, ticketId: string, cannedId: string) =>
    unwrap(
      api.POST('/api/v1/tickets/{id}/canned-responses/{cannedId}/render', {
        params: { path: { id: ticketId, cannedId } },
      }),
    ),
};
