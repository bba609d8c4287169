import '@relaydesk/web-ui/app-styles';
import { useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { NotificationsHost } from '@relaydesk/web-ui/notifications';
import { router } from './routes';

/** The workspace once a staff member is signed in: data layer, toasts and the routes. */
export default function AgentApp() {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: true } },
      }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <NotificationsHost />
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
