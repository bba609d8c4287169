import { useEffect, useState } from 'react';
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import { useAuth } from '../auth-context';
import type { Session } from '../session';

/** The first page of an infinite list, or the data as it is: what is worth keeping offline. */
function firstPage(data: unknown): unknown {
  const infinite = data as InfiniteData<unknown, unknown> | undefined;
  if (infinite && Array.isArray(infinite.pages) && Array.isArray(infinite.pageParams)) {
    return { pages: infinite.pages.slice(0, 1), pageParams: infinite.pageParams.slice(0, 1) };
  }
  return data;
}

/** Puts the lists saved for offline use into a new QueryClient, as fetched when they were saved. */
function restore(client: QueryClient, session: Session): QueryClient {
  for (const list of session.offlineLists) {
    client.setQueryData(list.key as QueryKey, list.data, { updatedAt: list.savedAt });
  }
  return client;
}

/**
 * The app's QueryClient, which keeps the last-seen version of the queries `isList` picks (the
 * ticket lists, the queue counts) for the next offline start, and starts with them when the
 * session resumed offline. Only successful fetches are kept (not data the app set by hand), and
 * only the first page of a list.
 */
export function useOfflineQueryClient(
  create: () => QueryClient,
  isList: (key: QueryKey) => boolean,
): QueryClient {
  const { session } = useAuth();
  const [client] = useState(() => restore(create(), session));
  useEffect(
    () =>
      client.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'success' || event.action.manual)
          return;
        const { queryKey, state } = event.query;
        if (!isList(queryKey)) return;
        void session.offline.keepList({
          key: queryKey,
          data: firstPage(state.data),
          savedAt: state.dataUpdatedAt,
        });
      }),
    [client, session, isList],
  );
  return client;
}
