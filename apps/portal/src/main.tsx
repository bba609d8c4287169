import { lazy, StrictMode, Suspense, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
import {
  AuthProvider,
  LoginPage,
  PublicAccountPages,
  RequireAuth,
  Session,
} from '@relaydesk/web-auth';
import {
  ConnectivityBanner,
  createI18n,
  PageLoader,
  registerServiceWorker,
  UiProvider,
} from '@relaydesk/web-ui';
import { APP_NAMESPACES, portalStrings, SIGN_IN_NAMESPACES } from './i18n';

// The sign-in form's strings, in the user's language only; the rest come with the app.
const i18n = createI18n(portalStrings, SIGN_IN_NAMESPACES);

// The first load is the sign-in form: router, data layer and pages arrive after sign-in,
// in parallel with nothing the user is waiting for (and with the pages' strings).
const PortalApp = lazy(() =>
  Promise.all([import('./portal-app'), i18n.loadNamespaces(APP_NAMESPACES)]).then(([app]) => app),
);

// The public web form (/form, /form/confirm): no session, and the only page other sites may frame.
const WebFormApp = lazy(() =>
  Promise.all([import('./modules/web-form/web-form-app'), i18n.loadNamespaces(['webForm'])]).then(
    ([app]) => app,
  ),
);
const isWebForm = /^\/form(\/|$)/.test(window.location.pathname);

// The public knowledge base (/kb): shown instead of the sign-in form to a reader who is not
// signed in; a signed-in one gets the portal's own KB pages at the same paths.
const PublicKbApp = lazy(() =>
  Promise.all([import('./modules/knowledge-base/public-kb-app'), i18n.loadNamespaces(['kb'])]).then(
    ([app]) => app,
  ),
);
const isKb = /^\/kb(\/|$)/.test(window.location.pathname);

function PortalLogin() {
  const { t } = useTranslation('layout');
  return <LoginPage title={t('portal')} />;
}

/**
 * On /kb, someone not signed in reads the public KB; its "Sign in" shows the form right there,
 * so after signing in they are on the same page, now the portal's own.
 */
function PublicKbOrLogin() {
  const [signingIn, setSigningIn] = useState(false);
  return signingIn ? <PortalLogin /> : <PublicKbApp onSignIn={() => setSigningIn(true)} />;
}
// Not for the web form: a framed page may not touch storage, which the session reads.
const session = isWebForm ? null : new Session('portal');
// Installable and openable offline (docs/pwa.md); not the framed web form, which the worker
// leaves alone; `npm run dev` has no built worker.
if (import.meta.env.PROD && !isWebForm) registerServiceWorker(import.meta.env.BASE_URL);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <UiProvider>
        {isWebForm ? (
          <Suspense fallback={<PageLoader fullHeight />}>
            <WebFormApp />
          </Suspense>
        ) : (
          <AuthProvider session={session!}>
            <ConnectivityBanner />
            {/* Also waits for the strings: no raw keys flash before they arrive. */}
            <Suspense fallback={<PageLoader fullHeight />}>
              <PublicAccountPages app="portal">
                <RequireAuth login={isKb ? <PublicKbOrLogin /> : <PortalLogin />}>
                  <PortalApp />
                </RequireAuth>
              </PublicAccountPages>
            </Suspense>
          </AuthProvider>
        )}
      </UiProvider>
    </I18nextProvider>
  </StrictMode>,
);
