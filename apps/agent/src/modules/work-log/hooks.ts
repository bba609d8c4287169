import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import {
  workLogApi,
  type BillingItemInput,
  type BillingItemUpdate,
  type WorkEntryInput,
  type WorkEntryUpdate,
  type WorkReportQuery,
} from './api';

export function useTicketWork(ticketId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.workLog.ticket(ticketId),
    queryFn: () => workLogApi.forTicket(api, ticketId),
  });
}

export function useBillingItems(active?: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.workLog.items(active),
    queryFn: () => workLogApi.billingItems(api, active),
  });
}

export function useWorkTimer() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.workLog.timer, queryFn: () => workLogApi.timer(api) });
}

export function useWorkReport(query: WorkReportQuery) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.workLog.report(query),
    queryFn: () => workLogApi.report(api, query),
    placeholderData: keepPreviousData,
  });
}

/** The report read page by page (Load more): entries accumulate, totals are the first page's. */
export function useWorkReportPages(query: Omit<WorkReportQuery, 'cursor'>) {
  const api = useApi();
  const pages = useInfiniteQuery({
    queryKey: queryKeys.workLog.report({ ...query, pages: true }),
    queryFn: ({ pageParam }) => workLogApi.report(api, { ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const first = pages.data?.pages[0];
  return {
    ...pages,
    items: pages.data?.pages.flatMap((p) => p.items) ?? [],
    totals: first?.totals,
    groups: first?.groups ?? [],
  };
}

export function useWorkUsage(contractId: string | null | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.workLog.usage(contractId ?? ''),
    queryFn: () => workLogApi.usage(api, contractId!),
    enabled: !!contractId,
  });
}

/** Any entry written changes the ticket's list, the totals, the report and the usage. */
function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.workLog.all });
}

export function useSaveWorkEntry(ticketId: string) {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (a: { id?: string; create?: WorkEntryInput; update?: WorkEntryUpdate }) =>
      a.id ? workLogApi.update(api, a.id, a.update!) : workLogApi.create(api, ticketId, a.create!),
    onSuccess: invalidate,
  });
}

export function useDeleteWorkEntry() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => workLogApi.remove(api, id),
    onSuccess: invalidate,
  });
}

export function useStartTimer() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (ticketId: string) => workLogApi.startTimer(api, ticketId),
    onSettled: invalidate,
  });
}

export function useStopTimer() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => workLogApi.stopTimer(api), onSettled: invalidate });
}

export function useSaveBillingItem() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (a: { id?: string; create?: BillingItemInput; update?: BillingItemUpdate }) =>
      a.id ? workLogApi.updateItem(api, a.id, a.update!) : workLogApi.createItem(api, a.create!),
    onSuccess: invalidate,
  });
}
