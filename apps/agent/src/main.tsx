import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Center, Loader } from '@mantine/core';
import { I18nextProvider, useTranslation } from 'react-i18next';
import {
  AuthProvider,
  LoginPage,
  RequireAuth,
  Session,
  type SessionUser,
} from '@relaydesk/web-auth';
import { createI18n, UiProvider } from '@relaydesk/web-ui';
import { layoutStrings } from './modules/layout/i18n';

// The first load is the sign-in form: router, data layer and screens arrive after sign-in.
const AgentApp = lazy(() => import('./agent-app'));

// The sign-in form needs the layout's strings only; the workspace registers the rest.
const i18n = createI18n({ layout: layoutStrings });
const session = new Session('agent');

/** The workspace is for staff: a client who signs in here is refused (and signed out). */
const isStaff = (u: SessionUser) => u.role !== 'client';

function AgentLogin() {
  const { t } = useTranslation(['layout', 'common']);
  return (
    <LoginPage
      title={t('layout:workspace')}
      accept={isStaff}
      refusedMessage={t('common:login.staffOnly')}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <UiProvider>
        <AuthProvider session={session}>
          <RequireAuth accept={isStaff} login={<AgentLogin />}>
            <Suspense
              fallback={
                <Center h="100vh">
                  <Loader role="status" aria-label="Loading" />
                </Center>
              }
            >
              <AgentApp />
            </Suspense>
          </RequireAuth>
        </AuthProvider>
      </UiProvider>
    </I18nextProvider>
  </StrictMode>,
);
