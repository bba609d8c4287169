import { useCallback } from 'react';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import type { Schemas } from '@relaydesk/api-client';
import { queryKeys } from '../../query-keys';
import { ticketsApi, type ListTicketsQuery, type Ticket } from './api';
import { projectsApi } from '../projects/api';

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
    enabled: Number.isInteger(number) && number > 0,
    refetchInterval: LIVE_REFRESH_MS * 3,
  });
}

/**
 * A ticket's comments, history and files are read whole (the ticket page shows all of them),
 * page after page; the pages are large, so this is one request for almost every ticket.
 */
async function allPages<T>(
  page: (cursor?: string) => Promise<{ items: T[]; nextCursor?: string | null }>,
): Promise<{ items: T[]; nextCursor: null }> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.nextCursor ?? undefined;
  } while (cursor);
  return { items, nextCursor: null };
}

export function useTicketComments(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.tickets.comments(id ?? ''),
    queryFn: () => allPages((cursor) => ticketsApi.comments(api, id!, cursor)),
    enabled: !!id,
  });
}

export function useTicketHistory(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.tickets.history(id ?? ''),
    queryFn: () => allPages((cursor) => ticketsApi.history(api, id!, cursor)),
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
    queryFn: () => allPages((cursor) => ticketsApi.attachments(api, id!, cursor)),
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

/** All categories (flat: top-level ones each followed by their subcategories). */
export function useCategories() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.categories,
    queryFn: () => ticketsApi.categories(api),
    staleTime: 300_000,
  });
}

/** Active projects, searched by name on the server. */
export function useProjects(q: string | undefined, enabled = true) {
  const api = useApi();
  const query = { active: true, limit: 50, ...(q ? { q } : {}) };
  return useQuery({
    queryKey: queryKeys.projects.list(query),
    queryFn: () => projectsApi.list(api, query),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}

/** Tickets matching a number or words, for pickers (duplicate of, links). */
export function useTicketSearch(q: string | undefined, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.tickets.search(q ?? ''),
    queryFn: () =>
      ticketsApi.list(api, { ...(q ? { q } : { view: 'recent' }), limit: 20 } as ListTicketsQuery),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTicketLinks(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.tickets.links(id ?? ''),
    queryFn: () => ticketsApi.links(api, id!),
    enabled: !!id,
  });
}

export function useAddLink(id: string) {
  const api = useApi();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (body: Schemas['CreateTicketLinkDto']) => ticketsApi.addLink(api, id, body),
    onSuccess: invalidate,
  });
}

export function useRemoveLink(id: string) {
  const api = useApi();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (linkId: string) => ticketsApi.removeLink(api, id, linkId),
    onSuccess: invalidate,
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
export function useInvalidateTickets() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: queryKeys.tickets.all }), [client]);
}

/**
 * For writes that answer with the changed ticket: show it at once (so the next write carries
 * the new version even before the refetch lands), then refresh the rest.
 */
function useAcceptTicket() {
  const client = useQueryClient();
  const invalidate = useInvalidateTickets();
  return (ticket: Ticket) => {
    client.setQueryData(queryKeys.tickets.detail(ticket.number), ticket);
    return invalidate();
  };
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
  const accept = useAcceptTicket();
  return useMutation({
    mutationFn: (body: Schemas['UpdateTicketDto']) => ticketsApi.update(api, id, body),
    onSuccess: accept,
  });
}

/** Escalate to the next support level; the answer's ticket is null when the caller lost sight of it. */
export function useEscalate(id: string) {
  const api = useApi();
  const accept = useAcceptTicket();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (body: Schemas['EscalateTicketDto']) => ticketsApi.escalate(api, id, body),
    onSuccess: (result) => (result.ticket ? accept(result.ticket) : invalidate()),
  });
}

export function useTransition(id: string) {
  const api = useApi();
  const accept = useAcceptTicket();
  return useMutation({
    mutationFn: (body: Schemas['TransitionDto']) => ticketsApi.transition(api, id, body),
    onSuccess: accept,
  });
}

export function useTake(id: string) {
  const api = useApi();
  const accept = useAcceptTicket();
  return useMutation({
    mutationFn: (version?: number) => ticketsApi.take(api, id, version),
    onSuccess: accept,
  });
}

export function useAssign(id: string) {
  const api = useApi();
  const accept = useAcceptTicket();
  return useMutation({
    mutationFn: (body: Schemas['AssignmentDto']) => ticketsApi.assign(api, id, body),
    onSuccess: accept,
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

/** Uploads to a ticket chosen at call time (e.g. the one just created). */
export function useUploadAttachment() {
  const api = useApi();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: ({
      ticketId,
      file,
      commentId,
    }: {
      ticketId: string;
      file: File;
      commentId?: string;
    }) => ticketsApi.upload(api, ticketId, file, commentId),
    onSuccess: invalidate,
  });
}

/** Fetches an attachment's bytes; the caller saves them (see `saveBlob`). */
export function useDownloadAttachment() {
  const api = useApi();
  return useMutation({
    mutationFn: (attachmentId: string) => ticketsApi.download(api, attachmentId),
  });
}
