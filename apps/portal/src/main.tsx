import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Center, Loader } from '@mantine/core';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { AuthProvider, LoginPage, RequireAuth, Session } from '@relaydesk/web-auth';
import { createI18n, UiProvider } from '@relaydesk/web-ui';
import { featureStrings } from './i18n';

// The first load is the sign-in form: router, data layer and pages arrive after sign-in,
// in parallel with nothing the user is waiting for.
const PortalApp = lazy(() => import('./portal-app'));

const i18n = createI18n(featureStrings);

function PortalLogin() {
  const { t } = useTranslation('layout');
  return <LoginPage title={t('portal')} />;
}
const session = new Session('portal');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <UiProvider>
        <AuthProvider session={session}>
          <RequireAuth login={<PortalLogin />}>
            <Suspense
              fallback={
                <Center h="100vh">
                  <Loader role="status" aria-label="Loading" />
                </Center>
              }
            >
              <PortalApp />
            </Suspense>
          </RequireAuth>
        </AuthProvider>
      </UiProvider>
    </I18nextProvider>
  </StrictMode>,
);
