import '@relaydesk/web-ui/app-styles';
import { QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { useOfflineQueryClient } from '@relaydesk/web-auth/offline-lists';
import { NotificationsHost } from '@relaydesk/web-ui/notifications';
import { router } from './routes';

/** What opens offline: the ticket lists and the queue counts as last seen (docs/pwa.md). */
const isOfflineList = (key: QueryKey) =>
  key[0] === 'tickets' && (key[1] === 'list' || key[1] === 'counts');
const createClient = () =>
  new QueryClient({
    defaultOptions: { queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: true } },
  });

/** The workspace once a staff member is signed in: data layer, toasts and the routes. */
export default function AgentApp() {
  const queryClient = useOfflineQueryClient(createClient, isOfflineList);
  return (
    <QueryClientProvider client={queryClient}>
      <NotificationsHost />
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
