import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import type { Schemas } from '@relaydesk/api-client';
import { queryKeys } from '../../query-keys';
import { ticketsApi, type ListTicketsQuery } from './api';

/** How often lists and counts refresh by themselves, so new tickets appear without a reload. */
export const LIVE_REFRESH_MS = 10_000;

export function useTicketCounts() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.tickets.counts,
    queryFn: () => ticketsApi.counts(api),
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useTicketList(query: Omit<ListTicketsQuery, 'cursor'>) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.tickets.list(query),
    queryFn: ({ pageParam }) => ticketsApi.list(api, { ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useTicket(number: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.tickets.detail(number),
    queryFn: () => ticketsApi.byNumber(api, number),
    refetchInterval: LIVE_REFRESH_MS * 3,
  });
}

export function useTicketComments(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.tickets.comments(id ?? ''),
    queryFn: () => ticketsApi.comments(api, id!),
    enabled: !!id,
  });
}

export function useTicketHistory(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.tickets.history(id ?? ''),
    queryFn: () => ticketsApi.history(api, id!),
    enabled: !!id,
  });
}

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

export function useWorkflows() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.workflows,
    queryFn: () => ticketsApi.workflows(api),
    staleTime: 300_000,
  });
}

/** After any change to a ticket: everything about tickets may be stale (lists, counts, detail). */
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
      idempotencyKey?: string;
    }) => ticketsApi.create(api, body, idempotencyKey),
    onSuccess: invalidate,
  });
}

export function useUpdateTicket(id: string) {
  const api = useApi();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (body: Schemas['UpdateTicketDto']) => ticketsApi.update(api, id, body),
    onSuccess: invalidate,
  });
}

export function useTransition(id: string) {
  const api = useApi();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (body: Schemas['TransitionDto']) => ticketsApi.transition(api, id, body),
    onSuccess: invalidate,
  });
}

export function useTake(id: string) {
  const api = useApi();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (version?: number) => ticketsApi.take(api, id, version),
    onSuccess: invalidate,
  });
}

export function useAssign(id: string) {
  const api = useApi();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (body: Schemas['AssignmentDto']) => ticketsApi.assign(api, id, body),
    onSuccess: invalidate,
  });
}

export function useAddComment(id: string) {
  const api = useApi();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (body: Schemas['CreateCommentDto']) => ticketsApi.addComment(api, id, body),
    onSuccess: invalidate,
  });
}

export function useUpload(id: string) {
  const api = useApi();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: ({ file, commentId }: { file: File; commentId?: string }) =>
      ticketsApi.upload(api, id, file, commentId),
    onSuccess: invalidate,
  });
}
