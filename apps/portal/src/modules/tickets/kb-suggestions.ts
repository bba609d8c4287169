import { useMutation, useQuery } from '@tanstack/react-query';
import { unwrap, type ApiClient, type Schemas } from '@relaydesk/api-client';
import { useApi } from '@relaydesk/web-auth';
import { useInvalidateTickets } from '@relaydesk/web-tickets';

export type TicketKbSuggestions = Schemas['TicketKbSuggestionsDto'];

const kbSuggestionsApi = {
  list: (api: ApiClient, id: string) =>
    unwrap(api.GET('/api/v1/tickets/{id}/kb-suggestions', { params: { path: { id } } })),
  solve: (api: ApiClient, id: string, body: Schemas['TicketKbSolutionDto']) =>
    unwrap(api.POST('/api/v1/tickets/{id}/kb-solutions', { params: { path: { id } }, body })),
};

/** Under the tickets' key: whatever refreshes the ticket refreshes its suggestions too. */
const key = (id: string) => ['tickets', 'kb-suggestions', id] as const;

/** The articles the automatic answer offered for this ticket, as the client may read them now. */
export function useTicketKbSuggestions(id: string, enabled: boolean) {
  const api = useApi();
  return useQuery({ queryKey: key(id), queryFn: () => kbSuggestionsApi.list(api, id), enabled });
}

/** "This solved my problem": closes the ticket with the article (the workflow's own move). */
export function useSolveWithArticle(id: string) {
  const api = useApi();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (body: Schemas['TicketKbSolutionDto']) => kbSuggestionsApi.solve(api, id, body),
    // Also after a failure: a 409 means the ticket moved meanwhile, and the page should show how.
    onSettled: () => invalidate(),
  });
}
