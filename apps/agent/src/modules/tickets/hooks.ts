import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useApi, useLiveConnected } from '@relaydesk/web-auth';
import type { Schemas } from '@relaydesk/api-client';
import {
  allPages,
  ticketsApi,
  useAcceptTicket,
  useCreateTicket as useSharedCreateTicket,
  useInvalidateTickets,
  useTicket as useSharedTicket,
  useTicketList as useSharedTicketList,
  useTransition as useSharedTransition,
  useUpdateTicket as useSharedUpdateTicket,
} from '@relaydesk/web-tickets';
import { queryKeys } from '../../query-keys';
import { staffTicketsApi, type ListTicketsQuery, type Ticket, type TicketPage } from './api';
import { projectsApi } from '../projects/api';

/*
 * The staff app's ticket hooks: the shared ones (@relaydesk/web-tickets) read as staff see
 * tickets (every field), and the ones only staff have.
 */
export {
  useAddComment,
  useCategories,
  useDownloadAttachment,
  useInvalidateTickets,
  useTicketAttachments,
  useTicketTransitions,
  useTicketTypes,
  useUploadAttachment,
} from '@relaydesk/web-tickets';

/** How often lists and counts refresh by themselves while live updates are down. */
export const LIVE_REFRESH_MS = 10_000;
/** While live updates flow they refresh what changes; polling stays as a rare safety net. */
export const SAFETY_NET_MS = 120_000;

/** `ms` while the live stream is down, the safety net while it is up. */
export function useRefreshInterval(ms: number): number {
  return useLiveConnected() ? Math.max(ms, SAFETY_NET_MS) : ms;
}

export function useTicketCounts() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.tickets.counts,
    queryFn: () => staffTicketsApi.counts(api),
    refetchInterval: useRefreshInterval(LIVE_REFRESH_MS),
  });
}

export function useTicketList(query: Omit<ListTicketsQuery, 'cursor'>) {
  return useSharedTicketList<TicketPage>(query, {
    refetchInterval: useRefreshInterval(LIVE_REFRESH_MS),
  });
}

export function useTicket(number: number) {
  return useSharedTicket<Ticket>(number, {
    refetchInterval: useRefreshInterval(LIVE_REFRESH_MS * 3),
  });
}

/** The ticket page shows every comment (internal ones too), read whole. */
export function useTicketComments(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.tickets.comments(id ?? ''),
    queryFn: () => allPages((cursor) => ticketsApi.comments(api, id!, { cursor, limit: 200 })),
    enabled: !!id,
  });
}

export function useTicketHistory(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.tickets.history(id ?? ''),
    queryFn: () => allPages((cursor) => staffTicketsApi.history(api, id!, cursor)),
    enabled: !!id,
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
      ticketsApi.list(api, {
        ...(q ? { q } : { view: 'recent' }),
        limit: 20,
      } as ListTicketsQuery) as Promise<TicketPage>,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTicketLinks(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.tickets.links(id ?? ''),
    queryFn: () => staffTicketsApi.links(api, id!),
    enabled: !!id,
  });
}

export function useAddLink(id: string) {
  const api = useApi();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (body: Schemas['CreateTicketLinkDto']) => staffTicketsApi.addLink(api, id, body),
    onSuccess: invalidate,
  });
}

export function useRemoveLink(id: string) {
  const api = useApi();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (linkId: string) => staffTicketsApi.removeLink(api, id, linkId),
    onSuccess: invalidate,
  });
}

export function useWorkflows() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.workflows,
    queryFn: () => staffTicketsApi.workflows(api),
    staleTime: 300_000,
  });
}

export function useCreateTicket() {
  return useSharedCreateTicket<Ticket>();
}

export function useUpdateTicket(id: string) {
  return useSharedUpdateTicket<Ticket>(id);
}

export function useTransition(id: string) {
  return useSharedTransition<Ticket>(id);
}

/** Escalate to the next support level; the answer's ticket is null when the caller lost sight of it. */
export function useEscalate(id: string) {
  const api = useApi();
  const accept = useAcceptTicket();
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (body: Schemas['EscalateTicketDto']) => staffTicketsApi.escalate(api, id, body),
    onSuccess: (result) => (result.ticket ? accept(result.ticket) : invalidate()),
  });
}

export function useTake(id: string) {
  const api = useApi();
  const accept = useAcceptTicket();
  return useMutation({
    mutationFn: (version?: number) => staffTicketsApi.take(api, id, version),
    onSuccess: accept,
  });
}

export function useAssign(id: string) {
  const api = useApi();
  const accept = useAcceptTicket();
  return useMutation({
    mutationFn: (body: Schemas['AssignmentDto']) => staffTicketsApi.assign(api, id, body),
    onSuccess: accept,
  });
}
