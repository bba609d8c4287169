import '@relaydesk/web-ui/app-styles';
import { QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { useOfflineQueryClient } from '@relaydesk/web-auth/offline-lists';
import { NotificationsHost } from '@relaydesk/web-ui/notifications';
import { AppRoutes } from './routes';

/** What opens offline: the ticket lists as last seen (docs/pwa.md). */
const isOfflineList = (key: QueryKey) => key[0] === 'tickets' && key[1] === 'list';
const createClient = () =>
  new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1 } } });

export default function PortalApp() {
  const queryClient = useOfflineQueryClient(createClient, isOfflineList);
  return (
    <QueryClientProvider client={queryClient}>
      <NotificationsHost />
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
