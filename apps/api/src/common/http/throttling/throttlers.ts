import type { ThrottlerGetTrackerFunction } from '@nestjs/throttler';
import type { Request } from 'express';
import type { RateLimitConfig } from '../../../config/config-namespaces.js';

/**
 * The named limits of the public endpoints. A route opts in with @RateLimited(...names); each
 * name counts per client key in PostgresThrottlerStorage, shared by every route that uses it
 * (login and the password change draw on the same budgets).
 */
export const THROTTLERS = {
  /** Password checks per client address (login, password change); a success gives its hit back. */
  login: 'login',
  /** Password checks per account, from any address; a success clears it. */
  account: 'login-account',
  /** Token refreshes per client address. */
  refresh: 'refresh',
  /** Rating-link submissions per client address. */
  rating: 'rating',
  /** "Forgot password" requests per client address. */
  passwordResetIp: 'password-reset-ip',
  /** "Forgot password" requests per e-mail address asked about, whether it has an account or not. */
  passwordResetAddress: 'password-reset-address',
  /** Uses of account-mail links (set a password, confirm an e-mail) per client address. */
  accountToken: 'account-token',
  /** One-click unsubscribe submissions per client address. */
  unsubscribe: 'unsubscribe',
} as const;

export type ThrottlerName = (typeof THROTTLERS)[keyof typeof THROTTLERS];

/**
 * The client key: Express's req.ip, which follows X-Forwarded-For only through the proxies
 * TRUST_PROXY names, so a client cannot pick a fresh address per request.
 */
export function clientAddress(req: Request): string {
  return req.ip ?? 'unknown';
}

/** The account a password check is for: the login's e-mail, or the caller's own. */
export function accountOf(req: Request): string | null {
  const user = req.user as { email?: unknown } | undefined;
  if (typeof user?.email === 'string') return user.email.toLowerCase();
  const email = (req.body as { email?: unknown } | undefined)?.email;
  // A missing or odd e-mail is a 400 from validation; it has no account to count against.
  return typeof email === 'string' && email.trim() !== '' ? email.trim().toLowerCase() : null;
}

/**
 * The address a "forgot password" request asks about, as typed (lower-cased): counted whether or
 * not it has an account, so the limit itself tells nothing about which addresses exist.
 */
export function requestedAddress(req: Request): string | null {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' && email.trim() !== '' ? email.trim().toLowerCase() : null;
}

export interface ThrottlerDefinition {
  name: ThrottlerName;
  limit: number;
  ttl: number;
  getTracker: ThrottlerGetTrackerFunction;
}

/** The limits, from the rate-limit config namespace (windows in ms, as the throttler wants). */
export function throttlerDefinitions(config: RateLimitConfig): ThrottlerDefinition[] {
  const loginWindow = config.loginWindowSeconds * 1000;
  const window = config.rateLimitWindowSeconds * 1000;
  const resetWindow = config.passwordResetWindowSeconds * 1000;
  return [
    {
      name: THROTTLERS.login,
      limit: config.loginMaxAttemptsPerIp,
      ttl: loginWindow,
      getTracker: (req) => clientAddress(req as Request),
    },
    {
      name: THROTTLERS.account,
      limit: config.loginMaxAttemptsPerAccount,
      ttl: loginWindow,
      getTracker: (req) => accountOf(req as Request) ?? '',
    },
    {
      name: THROTTLERS.refresh,
      limit: config.refreshMaxPerIp,
      ttl: window,
      getTracker: (req) => clientAddress(req as Request),
    },
    {
      name: THROTTLERS.rating,
      limit: config.ratingMaxPerIp,
      ttl: window,
      getTracker: (req) => clientAddress(req as Request),
    },
    {
      name: THROTTLERS.passwordResetIp,
      limit: config.passwordResetMaxPerIp,
      ttl: resetWindow,
      getTracker: (req) => clientAddress(req as Request),
    },
    {
      name: THROTTLERS.passwordResetAddress,
      limit: config.passwordResetMaxPerAddress,
      ttl: resetWindow,
      getTracker: (req) => requestedAddress(req as Request) ?? '',
    },
    {
      name: THROTTLERS.accountToken,
      limit: config.accountTokenMaxPerIp,
      ttl: resetWindow,
      getTracker: (req) => clientAddress(req as Request),
    },
    {
      name: THROTTLERS.unsubscribe,
      limit: config.unsubscribeMaxPerIp,
      ttl: window,
      getTracker: (req) => clientAddress(req as Request),
    },
  ];
}
