import { lazy, Suspense, type ReactNode } from 'react';
import { publicAccountPage } from './account-paths';
import type { WebApp } from './session';

// Loaded only when the address is one of them: every visitor downloads the sign-in form, few
// ever open these, and the first screen has a size budget (scripts/check-bundle-size.mjs).
const ForgotPasswordPage = lazy(() =>
  import('./forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })),
);
const SetPasswordPage = lazy(() =>
  import('./set-password-page').then((m) => ({ default: m.SetPasswordPage })),
);

/**
 * The account pages that work without a session ("forgot password", the links of welcome and
 * reset mails) in front of everything else: `children` (the sign-in form or the app) otherwise.
 */
export function PublicAccountPages({ app, children }: { app: WebApp; children: ReactNode }) {
  const page = publicAccountPage(app, window.location.pathname);
  if (page === null) return <>{children}</>;
  return (
    <Suspense fallback={null}>
      {page === 'forgot-password' && <ForgotPasswordPage app={app} />}
      {page === 'set-password' && <SetPasswordPage app={app} mode="welcome" />}
      {page === 'reset-password' && <SetPasswordPage app={app} mode="reset" />}
    </Suspense>
  );
}
