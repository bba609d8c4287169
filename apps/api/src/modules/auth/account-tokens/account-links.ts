import type { MailAudience } from '../../notifications/index.js';
import type { WebApp } from '../refresh-cookie.js';

/** The pages of the SPAs that take an account-mail token (from the URL fragment). */
export type AccountPage = 'set-password' | 'reset-password' | 'confirm-email';

/** Where the API serves each SPA (common/http/spa-hosting.ts): the workspace under /agent, the portal at the root. */
const APP_BASE: Record<WebApp, string> = { agent: '/agent', portal: '' };

/**
 * A link for a mail: built from PUBLIC_URL, never from the request's Host. The token goes in the
 * fragment, which browsers never send to a server: it cannot reach an access log, a proxy or a
 * Referer header; the page reads it and POSTs it.
 */
export function accountLink(publicUrl: string, app: WebApp, page: AccountPage, token: string) {
  return `${publicUrl}${APP_BASE[app]}/${page}#token=${token}`;
}

/** Clients use the portal; staff the workspace (or the portal, when that is where they asked from). */
export function appFor(role: string, asked?: WebApp): WebApp {
  if (role === 'client') return 'portal';
  return asked ?? 'agent';
}

export function audienceOf(role: string): MailAudience {
  return role === 'client' ? 'client' : 'staff';
}
