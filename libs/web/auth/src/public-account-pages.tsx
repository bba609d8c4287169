import type { ReactNode } from 'react';
import { publicAccountPage } from './account-paths';
import { ForgotPasswordPage } from './forgot-password-page';
import { SetPasswordPage } from './set-password-page';
import type { WebApp } from './session';

/**
 * The account pages that work without a session ("forgot password", the links of welcome and
 * reset mails) in front of everything else: `children` (the sign-in form or the app) otherwise.
 */
export function PublicAccountPages({ app, children }: { app: WebApp; children: ReactNode }) {
  switch (publicAccountPage(app, window.location.pathname)) {
    case 'forgot-password':
      return <ForgotPasswordPage app={app} />;
    case 'set-password':
      return <SetPasswordPage app={app} mode="welcome" />;
    case 'reset-password':
      return <SetPasswordPage app={app} mode="reset" />;
    default:
      return <>{children}</>;
  }
}
