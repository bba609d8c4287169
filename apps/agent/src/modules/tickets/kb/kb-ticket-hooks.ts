import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { kbApi, kbQueryKeys } from '@relaydesk/web-kb';
import { queryKeys } from '../../../query-keys';
import { kbTicketApi, type KbDraftFromTicket } from './kb-ticket-api';

export function useKbReplySuggestions(ticketId: string, q: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.kbTicket.replySuggestions(ticketId, q),
    queryFn: () => kbTicketApi.replySuggestions(api, ticketId, q),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The draft is new news for the KB lists and for the ticket's history line. */
export function useDraftFromTicket(ticketId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: { body: KbDraftFromTicket; key: string }) =>
      kbTicketApi.draftFromTicket(api, ticketId, a.body, a.key),
    onSuccess: (article) => {
      client.setQueryData(kbQueryKeys.article('signed-in', article.id), article);
      void client.invalidateQueries({ queryKey: kbQueryKeys.all });
      void client.invalidateQueries({ queryKey: queryKeys.tickets.history(ticketId) });
    },
  });
}

/** An article's Markdown for "Insert text" (staff get the source), read once when asked. */
export function useFetchKbArticle() {
  const api = useApi();
  const client = useQueryClient();
  return (id: string) =>
    client.fetchQuery({
      queryKey: kbQueryKeys.article('signed-in', id),
      queryFn: () => kbApi.article(api, 'signed-in', id),
    });
}
