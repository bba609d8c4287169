import type { WebApp } from './session';

/** The pages reached from account mails and the sign-in form, open without a session. */
export type PublicAccountPage = 'forgot-password' | 'set-password' | 'reset-password';

/** Where the API serves each app (apps/api/src/common/http/spa-hosting.ts). */
const APP_BASE: Record<WebApp, string> = { agent: '/agent', portal: '' };

export const appHome = (app: WebApp) => `${APP_BASE[app]}/`;
export const accountPath = (app: WebApp, page: PublicAccountPage) => `${APP_BASE[app]}/${page}`;

/** The public account page this address is, if any. */
export function publicAccountPage(app: WebApp, pathname: string): PublicAccountPage | null {
  const pages: PublicAccountPage[] = ['forgot-password', 'set-password', 'reset-password'];
  return pages.find((page) => pathname.replace(/\/+$/, '') === accountPath(app, page)) ?? null;
}

let captured: string | null = null;

/**
 * The token of an account-mail link: it travels in the fragment (`#token=…`), which the browser
 * never sends to a server. Once read it is taken out of the address bar, so it stays neither on
 * screen nor in the history; it is kept for this page load (a second render asks again).
 */
export function takeFragmentToken(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (token) {
    captured = token;
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', pathname + search);
  }
  return token ?? captured;
}
