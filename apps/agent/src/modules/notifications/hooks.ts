import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi, useLiveConnected } from '@relaydesk/web-auth';
import { queryKeys } from '../../query-keys';
import type { Schemas } from '@relaydesk/api-client';
import { notificationsApi } from './api';

/**
 * The bell polls this cheap count (rarely while the live stream pushes it); the list itself
 * loads only when the bell is opened.
 */
export const UNREAD_POLL_MS = 30_000;
const UNREAD_SAFETY_NET_MS = 300_000;
const PAGE_SIZE = 20;

export function useUnreadCount() {
  const api = useApi();
  const live = useLiveConnected();
  return useQuery({
    queryKey: queryKeys.notifications.unreadCount,
    queryFn: () => notificationsApi.unreadCount(api),
    refetchInterval: live ? UNREAD_SAFETY_NET_MS : UNREAD_POLL_MS,
    staleTime: UNREAD_POLL_MS / 2,
  });
}

/** Newest first, page after page ("load more"); read afresh each time the bell opens. */
export function useNotificationPages() {
  const api = useApi();
  const client = useQueryClient();
  return useInfiniteQuery({
    queryKey: queryKeys.notifications.list,
    queryFn: async ({ pageParam }) => {
      const page = await notificationsApi.list(api, {
        limit: PAGE_SIZE,
        ...(pageParam ? { cursor: pageParam } : {}),
      });
      // The list is fresher than the polled badge: bring the count up to date with it.
      if (!pageParam) {
        void client.invalidateQueries({ queryKey: queryKeys.notifications.unreadCount });
      }
      return page;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });
}

function useInvalidateNotifications() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.notifications.all });
}

export function useMarkRead() {
  const api = useApi();
  const invalidate = useInvalidateNotifications();
  return useMutation({
    mutationFn: (id: string) => notificationsApi.markRead(api, id),
    onSuccess: invalidate,
  });
}

export function useMarkAllRead() {
  const api = useApi();
  const client = useQueryClient();
  const invalidate = useInvalidateNotifications();
  return useMutation({
    mutationFn: () => notificationsApi.markAllRead(api),
    onSuccess: (count) => {
      client.setQueryData(queryKeys.notifications.unreadCount, count);
      return invalidate();
    },
  });
}

/** The installation's defaults per kind and channel (admins). */
export function useNotificationDefaults() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.notifications.defaults,
    queryFn: () => notificationsApi.defaults(api),
  });
}

export function useUpdateNotificationDefaults() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['UpdateNotificationDefaultsDto']) =>
      notificationsApi.updateDefaults(api, body),
    onSuccess: (defaults) => client.setQueryData(queryKeys.notifications.defaults, defaults),
  });
}
