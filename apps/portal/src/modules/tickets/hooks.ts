import { useInfiniteQuery, useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { useApi, useLiveConnected } from '@relaydesk/web-auth';
import { ApiError, type Schemas } from '@relaydesk/api-client';
import {
  ticketQueryKeys,
  ticketsApi,
  useAcceptTicket,
  useInvalidateTickets,
  useTicket as useSharedTicket,
  useTicketList as useSharedTicketList,
  useUpdateTicket as useSharedUpdateTicket,
  type ListTicketsQuery,
} from '@relaydesk/web-tickets';
import { queryKeys } from '../../query-keys';
import { portalTicketsApi } from './api';

/*
 * The portal's ticket hooks: the shared ones (@relaydesk/web-tickets) tuned for clients, and
 * the few only the portal has.
 */
export {
  useAddComment,
  useCategories,
  useCreateTicket,
  useDownloadAttachment,
  useTicketAttachments,
  useTicketTransitions,
  useTicketTypes,
  useUploadAttachment,
} from '@relaydesk/web-tickets';

/**
 * Clients wait for an answer: lists and the open ticket refresh by themselves, unhurriedly, and
 * only as a safety net while live updates flow.
 */
const REFRESH_MS = 30_000;
const SAFETY_NET_MS = 120_000;

function useRefreshInterval(): number {
  return useLiveConnected() ? SAFETY_NET_MS : REFRESH_MS;
}

export function useTicketList(query: Omit<ListTicketsQuery, 'cursor'>) {
  // While a new filter or search loads, keep showing the last list instead of a spinner.
  return useSharedTicketList(query, { refetchInterval: useRefreshInterval(), keepPrevious: true });
}

export function useTicket(number: number) {
  return useSharedTicket(number, {
    refetchInterval: useRefreshInterval(),
    // A 404 will not turn into a ticket by asking again; say "not found" at once.
    retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 1,
  });
}

/** A client reads the conversation page by page ("show older"), newest refreshing by itself. */
export function useTicketComments(id: string | undefined) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: ticketQueryKeys.tickets.comments(id ?? ''),
    queryFn: ({ pageParam }) => ticketsApi.comments(api, id!, { cursor: pageParam, limit: 100 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!id,
    refetchInterval: useRefreshInterval(),
  });
}

/** Accept (with a rating) or reject the solution of a resolved ticket. */
export function useAcceptance(id: string) {
  const api = useApi();
  const accept = useAcceptTicket();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (body: Schemas['AcceptanceDto']) => portalTicketsApi.acceptance(api, id, body),
    onSuccess: accept,
    // Also after a failure: a 409 means the ticket changed, and the page should show how.
    onError: () => invalidate(),
  });
}

/** Changes the client-editable custom fields of a ticket. */
export function useUpdateTicket(id: string) {
  return useSharedUpdateTicket(id, { refreshOnError: true });
}

/** The ticket's history as the client may see it, oldest first, page by page. */
export function useTicketHistory(id: string) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: ticketQueryKeys.tickets.history(id),
    queryFn: ({ pageParam }) =>
      portalTicketsApi.history(api, id, { cursor: pageParam, limit: 100 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: useRefreshInterval(),
  });
}

/** The client's projects; most clients have none, and then nothing about projects shows. */
export function useMyProjects() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.myProjects,
    queryFn: () => portalTicketsApi.myProjects(api),
    staleTime: 5 * 60_000,
  });
}

/** The client's counts (refreshed with the lists: live updates invalidate the same key). */
export function useTicketCounts() {
  const api = useApi();
  return useQuery({
    queryKey: ticketQueryKeys.tickets.counts,
    queryFn: () => portalTicketsApi.counts(api),
    refetchInterval: useRefreshInterval(),
  });
}

/** A 4xx will not change by asking again (404: the installation keeps work to its staff). */
const noRetryOn4xx = (failures: number, error: Error) =>
  !(error instanceof ApiError && error.status < 500) && failures < 1;

/**
 * Poll the work while the installation shows it; once it answered 404 (`null`: work kept to its
 * staff) asking again cannot change that until the page is reloaded, so stop.
 */
const untilHidden =
  (interval: number | false) =>
  (query: { state: { data: unknown } }): number | false =>
    query.state.data === null ? false : interval;

/** Under the ticket's detail key: a live event about the ticket refreshes its work too. */
const workKey = (number: number, id: string) =>
  [...ticketQueryKeys.tickets.detail(number), 'work', id] as const;

/**
 * The billed work on a ticket, when the installation lets clients see it: `null` when it does
 * not (the API's 404), so the page shows nothing of it.
 */
export function useTicketWork(ticket: { id: string; number: number }) {
  const api = useApi();
  return useQuery({
    queryKey: workKey(ticket.number, ticket.id),
    queryFn: () => workOrNull(api, ticket.id),
    retry: noRetryOn4xx,
    refetchInterval: untilHidden(useRefreshInterval()),
  });
}

/**
 * The billed work on each of some tickets (an equipment card's requests), ticket by ticket. The
 * first ticket's answer says whether the installation shows work to clients at all: only then
 * are the others asked (with it off, one 404 instead of one per listed ticket).
 */
export function useTicketsWork(tickets: { id: string; number: number }[]) {
  const api = useApi();
  const interval = useRefreshInterval();
  const options = (ticket: { id: string; number: number }) => ({
    queryKey: workKey(ticket.number, ticket.id),
    queryFn: () => workOrNull(api, ticket.id),
    retry: noRetryOn4xx,
    refetchInterval: untilHidden(interval),
  });
  const first = useQuery({
    ...options(tickets[0] ?? { id: '', number: 0 }),
    enabled: tickets.length > 0,
  });
  const shown = Array.isArray(first.data);
  return useQueries({
    queries: tickets.map((ticket) => ({ ...options(ticket), enabled: shown })),
  });
}

async function workOrNull(api: ReturnType<typeof useApi>, id: string) {
  try {
    return (await portalTicketsApi.work(api, id)).items;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
