import type { Request, Response } from 'express';

/** The browser apps; each keeps its own session in its own cookie. */
export const WEB_APPS = ['agent', 'portal'] as const;
export type WebApp = (typeof WEB_APPS)[number];

export const REFRESH_COOKIE: Record<WebApp, string> = {
  agent: 'rd_refresh_agent',
  portal: 'rd_refresh_portal',
};

/**
 * Only the auth endpoints ever see the refresh cookie; the rest of the API (and every static
 * file) never receives it.
 */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

/**
 * Why a cookie and not localStorage: a script injected into the page (XSS) can read storage,
 * not an HttpOnly cookie. Why this is safe against CSRF without a token:
 * - SameSite=Strict: the browser never attaches it to a request started by another site;
 * - Path=/api/v1/auth: it travels only to login, refresh and logout;
 * - refresh and logout use it only when the JSON body names the app, and only JSON bodies are
 *   parsed: a cross-site form cannot send application/json, and a cross-site fetch that does is
 *   preflighted, which CORS refuses (and the cookie would not be sent anyway: credentials off).
 * Secure follows req.secure (which honours TRUST_PROXY and X-Forwarded-Proto): installations
 * on plain http inside a company network still work.
 */
export function setRefreshCookie(
  req: Request,
  res: Response,
  app: WebApp,
  token: string,
  expiresAt: Date,
  now: Date,
): void {
  res.cookie(REFRESH_COOKIE[app], token, {
    ...cookieOptions(req),
    maxAge: Math.max(expiresAt.getTime() - now.getTime(), 0),
  });
}

export function clearRefreshCookie(req: Request, res: Response, app: WebApp): void {
  res.clearCookie(REFRESH_COOKIE[app], cookieOptions(req));
}

/** The attributes a browser matches a cookie by: clearing must name the same ones as setting. */
function cookieOptions(req: Request) {
  return {
    httpOnly: true,
    secure: req.secure,
    sameSite: 'strict' as const,
    path: REFRESH_COOKIE_PATH,
  };
}

/** The refresh token in the app's cookie, if any (the API has no cookie parser). */
export function readRefreshCookie(req: Request, app: WebApp): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  const name = REFRESH_COOKIE[app];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value) || null;
    } catch {
      return null;
    }
  }
  return null;
}
