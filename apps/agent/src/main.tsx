import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { AuthProvider, Session } from '@relaydesk/web-auth';
import { createI18n, UiProvider } from '@relaydesk/web-ui';
import { NotificationsHost } from '@relaydesk/web-ui/notifications';
import { featureStrings } from './i18n';
import { router } from './routes';

const i18n = createI18n(featureStrings);
const session = new Session('agent');
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: true } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <UiProvider>
        <NotificationsHost />
        <QueryClientProvider client={queryClient}>
          <AuthProvider session={session}>
            <RouterProvider router={router} />
          </AuthProvider>
        </QueryClientProvider>
      </UiProvider>
    </I18nextProvider>
  </StrictMode>,
);
