import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { ApiError, type Schemas } from '@relaydesk/api-client';
import { queryKeys } from '../../query-keys';
import { ticketsApi, type ListTicketsQuery } from './api';

/** Clients wait for an answer: lists and the open ticket refresh by themselves, unhurriedly. */
const REFRESH_MS = 30_000;

export function useTicketList(query: Omit<ListTicketsQuery, 'cursor'>) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.tickets.list(query),
    queryFn: ({ pageParam }) => ticketsApi.list(api, { ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: REFRESH_MS,
    // While a new filter or search loads, keep showing the last list instead of a spinner.
    placeholderData: keepPreviousData,
  });
}

export function useTicket(number: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.tickets.detail(number),
    queryFn: () => ticketsApi.byNumber(api, number),
    enabled: Number.isInteger(number) && number > 0,
    // A 404 will not turn into a ticket by asking again; say "not found" at once.
    retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 1,
    refetchInterval: REFRESH_MS,
  });
}

export function useTicketComments(id: string | undefined) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.tickets.comments(id ?? ''),
    queryFn: ({ pageParam }) => ticketsApi.comments(api, id!, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!id,
    refetchInterval: REFRESH_MS,
  });
}

/** Keyed by version as well: what a client may do depends on the ticket's current status. */
export function useTicketTransitions(id: string | undefined, version: number | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.tickets.transitions(id ?? ''), version],
    queryFn: () => ticketsApi.transitions(api, id!),
    enabled: !!id,
  });
}

export function useTicketAttachments(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.tickets.attachments(id ?? ''),
    queryFn: () => ticketsApi.attachments(api, id!),
    enabled: !!id,
  });
}

export function useTicketTypes() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.ticketTypes,
    queryFn: () => ticketsApi.types(api),
    staleTime: 300_000,
  });
}

/** The public categories a client may file under (two levels, parents first). */
export function useCategories() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.categories,
    queryFn: () => ticketsApi.categories(api),
    staleTime: 300_000,
  });
}

/** Accept (with a rating) or reject the solution of a resolved ticket. */
export function useAcceptance(id: string) {
  const api = useApi();
  const client = useQueryClient();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (body: Schemas['AcceptanceDto']) => ticketsApi.acceptance(api, id, body),
    onSuccess: (ticket) => client.setQueryData(queryKeys.tickets.detail(ticket.number), ticket),
    onSettled: invalidate,
  });
}

/** After any change to a ticket, lists and its detail may be stale. */
function useInvalidateTickets() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.tickets.all });
}

export function useCreateTicket() {
  const api = useApi();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: ({
      body,
      idempotencyKey,
    }: {
      body: Schemas['CreateTicketDto'];
      idempotencyKey: string;
    }) => ticketsApi.create(api, body, idempotencyKey),
    onSuccess: invalidate,
  });
}

/** Changes the client-editable custom fields of a ticket. */
export function useUpdateTicket(id: string) {
  const api = useApi();
  const client = useQueryClient();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (body: Schemas['UpdateTicketDto']) => ticketsApi.update(api, id, body),
    onSuccess: (ticket) => client.setQueryData(queryKeys.tickets.detail(ticket.number), ticket),
    onSettled: invalidate,
  });
}

export function useTransition(id: string) {
  const api = useApi();
  const client = useQueryClient();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (body: Schemas['TransitionDto']) => ticketsApi.transition(api, id, body),
    // The answer is the changed ticket: show it at once, so its old buttons cannot be clicked.
    onSuccess: (ticket) => client.setQueryData(queryKeys.tickets.detail(ticket.number), ticket),
    // Also after a failure: a 409 means the ticket changed, and the page should show how.
    onSettled: invalidate,
  });
}

export function useAddComment(id: string) {
  const api = useApi();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: ({
      body,
      idempotencyKey,
    }: {
      body: Schemas['CreateCommentDto'];
      idempotencyKey: string;
    }) => ticketsApi.addComment(api, id, body, idempotencyKey),
    onSuccess: invalidate,
  });
}

/** Takes the ticket id per call: the new-ticket form uploads right after creating one. */
export function useUpload() {
  const api = useApi();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: ({ ticketId, file }: { ticketId: string; file: File }) =>
      ticketsApi.upload(api, ticketId, file),
    onSuccess: invalidate,
  });
}

export function useDownload() {
  const api = useApi();
  return useMutation({
    mutationFn: (attachmentId: string) => ticketsApi.download(api, attachmentId),
  });
}
