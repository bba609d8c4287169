import { useCallback } from 'react';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import type { Schemas } from '@relaydesk/api-client';
import { ticketQueryKeys as keys } from './query-keys';
import { ticketsApi, type ListTicketsQuery, type Ticket, type TicketPage } from './api';

/*
 * The React Query hooks both SPAs use, one per query or mutation. Where the apps differ (how
 * often a screen refreshes, whether a failed write refreshes the ticket), the difference is an
 * option the app passes. The type parameters let the staff app read its fuller view of a ticket
 * (every staff-only field present) through the same hooks.
 */

export interface ListOptions {
  /** How often the list refreshes by itself. */
  refetchInterval?: number;
  /** While a new filter or search loads, keep showing the last list instead of a spinner. */
  keepPrevious?: boolean;
}

export function useTicketList<TPage extends TicketPage = TicketPage>(
  query: Omit<ListTicketsQuery, 'cursor'>,
  { refetchInterval, keepPrevious }: ListOptions = {},
) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: keys.tickets.list(query),
    queryFn: ({ pageParam }) =>
      ticketsApi.list(api, { ...query, cursor: pageParam }) as Promise<TPage>,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval,
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
}

export interface TicketOptions {
  refetchInterval?: number;
  /** React Query's retry rule; its default (three retries) when left out. */
  retry?: UseQueryOptions['retry'];
}

export function useTicket<T extends Ticket = Ticket>(
  number: number,
  { refetchInterval, retry }: TicketOptions = {},
) {
  const api = useApi();
  return useQuery({
    queryKey: keys.tickets.detail(number),
    queryFn: () => ticketsApi.byNumber(api, number) as Promise<T>,
    enabled: Number.isInteger(number) && number > 0,
    refetchInterval,
    ...(retry === undefined ? {} : { retry }),
  });
}

/**
 * Reads a list whole, page after page (for what a ticket page shows all of: its comments,
 * history, files); the pages are large, so this is one request for almost every ticket.
 */
export async function allPages<T>(
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

/** Keyed by version as well: which transitions are offered depends on the ticket's status. */
export function useTicketTransitions(id: string | undefined, version: number | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...keys.tickets.transitions(id ?? ''), version],
    queryFn: () => ticketsApi.transitions(api, id!),
    enabled: !!id,
  });
}

export function useTicketAttachments(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: keys.tickets.attachments(id ?? ''),
    queryFn: () => allPages((cursor) => ticketsApi.attachments(api, id!, cursor)),
    enabled: !!id,
  });
}

export function useTicketTypes() {
  const api = useApi();
  return useQuery({
    queryKey: keys.ticketTypes,
    queryFn: () => ticketsApi.types(api),
    staleTime: 300_000,
  });
}

/**
 * The categories the caller may file under, flat: top-level ones each followed by their
 * subcategories (a client gets the public ones only).
 */
export function useCategories() {
  const api = useApi();
  return useQuery({
    queryKey: keys.categories,
    queryFn: () => ticketsApi.categories(api),
    staleTime: 300_000,
  });
}

/** After any change to a ticket: everything about tickets may be stale (lists, counts, detail). */
export function useInvalidateTickets() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: keys.tickets.all }), [client]);
}

/**
 * For writes that answer with the changed ticket: show it at once (so its old buttons cannot be
 * clicked and the next write carries the new version even before the refetch lands), then
 * refresh the rest.
 */
export function useAcceptTicket() {
  const client = useQueryClient();
  const invalidate = useInvalidateTickets();
  return useCallback(
    (ticket: Ticket) => {
      client.setQueryData(keys.tickets.detail(ticket.number), ticket);
      return invalidate();
    },
    [client, invalidate],
  );
}

export interface TicketWriteOptions {
  /**
   * Refresh tickets after a failed write too: a 409 means the ticket changed, and the page
   * should show how.
   */
  refreshOnError?: boolean;
}

/** A write that answers with the changed ticket, accepted as `useAcceptTicket` says. */
function useTicketWrite<T extends Ticket, V>(
  write: (variables: V) => Promise<unknown>,
  { refreshOnError }: TicketWriteOptions,
) {
  const accept = useAcceptTicket();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (variables: V) => write(variables) as Promise<T>,
    onSuccess: accept,
    ...(refreshOnError ? { onError: () => invalidate() } : {}),
  });
}

export function useCreateTicket<T extends Ticket = Ticket>() {
  const api = useApi();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: ({
      body,
      idempotencyKey,
    }: {
      body: Schemas['CreateTicketDto'];
      idempotencyKey?: string;
    }) => ticketsApi.create(api, body, idempotencyKey) as Promise<T>,
    onSuccess: invalidate,
  });
}

export function useUpdateTicket<T extends Ticket = Ticket>(
  id: string,
  options: TicketWriteOptions = {},
) {
  const api = useApi();
  return useTicketWrite<T, Schemas['UpdateTicketDto']>(
    (body) => ticketsApi.update(api, id, body),
    options,
  );
}

export function useTransition<T extends Ticket = Ticket>(
  id: string,
  options: TicketWriteOptions = {},
) {
  const api = useApi();
  return useTicketWrite<T, Schemas['TransitionDto']>(
    (body) => ticketsApi.transition(api, id, body),
    options,
  );
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
      idempotencyKey?: string;
    }) => ticketsApi.addComment(api, id, body, idempotencyKey),
    onSuccess: invalidate,
  });
}

/** Takes the ticket per call: a new-ticket form uploads right after creating the ticket. */
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
