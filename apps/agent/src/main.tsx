import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Center, Loader } from '@mantine/core';
import { I18nextProvider, useTranslation } from 'react-i18next';
import {
  AuthProvider,
  LoginPage,
  PublicAccountPages,
  RequireAuth,
  Session,
  type SessionUser,
} from '@relaydesk/web-auth';
import {
  ConnectivityBanner,
  createI18n,
  registerServiceWorker,
  UiProvider,
} from '@relaydesk/web-ui';
import { agentStrings, SIGN_IN_NAMESPACES, WORKSPACE_NAMESPACES } from './i18n';

// The sign-in form's strings, in the user's language only; the workspace fetches the rest.
const i18n = createI18n(agentStrings, SIGN_IN_NAMESPACES);

// The first load is the sign-in form: router, data layer and screens arrive after sign-in,
// the workspace's strings in parallel with its chunk.
const AgentApp = lazy(() =>
  Promise.all([import('./agent-app'), i18n.loadNamespaces(WORKSPACE_NAMESPACES)]).then(
    ([app]) => app,
  ),
);
const session = new Session('agent');
// Installable and openable offline (docs/pwa.md); `npm run dev` has no built worker.
if (import.meta.env.PROD) registerServiceWorker(import.meta.env.BASE_URL);

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
        <ConnectivityBanner />
        <AuthProvider session={session}>
          {/* Also waits for the strings: no raw keys flash before they arrive. */}
          <Suspense
            fallback={
              <Center h="100vh">
                <Loader role="status" aria-label="Loading" />
              </Center>
            }
          >
            <PublicAccountPages app="agent">
              <RequireAuth accept={isStaff} login={<AgentLogin />}>
                <AgentApp />
              </RequireAuth>
            </PublicAccountPages>
          </Suspense>
        </AuthProvider>
      </UiProvider>
    </I18nextProvider>
  </StrictMode>,
);
