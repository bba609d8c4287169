import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import {
  cannedResponsesApi,
  type CannedResponseInput,
  type CannedResponsesQuery,
  type CannedResponseUpdate,
} from './api';

export function useCannedResponses(query: CannedResponsesQuery) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.cannedResponses.list(query),
    queryFn: () => cannedResponsesApi.list(api, query),
    placeholderData: keepPreviousData,
  });
}

export function useTicketCannedResponses(ticketId: string, q: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.cannedResponses.forTicket(ticketId, q),
    queryFn: () => cannedResponsesApi.forTicket(api, ticketId, q),
    enabled,
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.cannedResponses.all });
}

export function useSaveCannedResponse() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (a: {
      id?: string;
      create?: CannedResponseInput;
      update?: CannedResponseUpdate;
    }) =>
      a.id
        ? cannedResponsesApi.update(api, a.id, a.update!)
        : cannedResponsesApi.create(api, a.create!),
    onSuccess: invalidate,
  });
}

export function useDeleteCannedResponse() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => cannedResponsesApi.remove(api, id),
    onSuccess: invalidate,
  });
}

/** Fills a template for the ticket (and counts the use); the composer inserts the result. */
export function useRenderCannedResponse(ticketId: string) {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (cannedId: string) => cannedResponsesApi.render(api, ticketId, cannedId),
    onSuccess: invalidate,
  });
}
