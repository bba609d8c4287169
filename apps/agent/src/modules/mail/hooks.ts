import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import { mailApi, type DeliveryStatus } from './api';

/** The ticket's deliveries, newest first; "load more" for a long-lived ticket. */
export function useTicketDeliveries(ticketId: string) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.mail.ticket(ticketId),
    queryFn: ({ pageParam }) => mailApi.ticketDeliveries(api, ticketId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Mail goes out seconds after the change: look again while the page stays open.
    refetchInterval: 60_000,
  });
}

export function useMailSettings() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.mail.settings, queryFn: () => mailApi.settings(api) });
}

export function useAdminDeliveries(status: DeliveryStatus) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.mail.admin(status),
    queryFn: ({ pageParam }) =>
      mailApi.adminDeliveries(api, {
        status,
        limit: 50,
        ...(pageParam ? { cursor: pageParam } : {}),
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
