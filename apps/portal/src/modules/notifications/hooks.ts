import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import { notificationsApi } from './api';

/** The bell polls this cheap count; the list loads only when the bell is opened. */
export const UNREAD_POLL_MS = 30_000;
const PAGE_SIZE = 20;

export function useUnreadCount() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.notifications.unreadCount,
    queryFn: () => notificationsApi.unreadCount(api),
    refetchInterval: UNREAD_POLL_MS,
    staleTime: UNREAD_POLL_MS / 2,
  });
}

/** Newest first, page after page; read afresh each time the bell opens. */
export function useNotificationPages(enabled: boolean) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.notifications.list,
    queryFn: ({ pageParam }) =>
      notificationsApi.list(api, { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
    enabled,
  });
}

export function useMarkRead() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => notificationsApi.markRead(api, id),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.notifications.all }),
  });
}

export function useMarkAllRead() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => notificationsApi.markAllRead(api),
    onSuccess: (count) => {
      client.setQueryData(queryKeys.notifications.unreadCount, count);
      return client.invalidateQueries({ queryKey: queryKeys.notifications.all });
    },
  });
}
