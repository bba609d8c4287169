import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';

export type KbDraftFromTicket = Schemas['KbDraftFromTicketDto'];
export type KbReplySuggestion = Schemas['KbReplySuggestionDto'];

/** The knowledge base on a ticket page: one function per endpoint. */
export const kbTicketApi = {
  /** "Publish to knowledge base": a draft from the resolved or closed ticket. */
  draftFromTicket: (
    api: ApiClient,
    ticketId: string,
    body: KbDraftFromTicket,
    idempotencyKey: string,
  ) =>
    unwrap(
      api.POST('/api/v1/tickets/{id}/kb-articles', {
        params: { path: { id: ticketId }, header: { 'Idempotency-Key': idempotencyKey } },
        body,
      }),
    ),
  /** Articles for a reply: the ticket's matches, or a search when `q` has words. */
  replySuggestions: (api: ApiClient, ticketId: string, q: string) =>
    unwrap(
      api.GET('/api/v1/tickets/{id}/kb-reply-suggestions', {
        params: { path: { id: ticketId }, query: { q: q || undefined, limit: 5 } },
      }),
    ),
};
