import { randomUUID } from 'node:crypto';
import { BASE_URL, DEMO_PASSWORD } from './browser';

/**
 * A signed-in API session for setting up data quickly and for checking what the API really
 * returns to a user (the browser shows only what the SPA chooses to render). Shapes are the
 * ones in openapi.json; only the fields the tests read are typed.
 */
export interface ApiUser {
  id: string;
  name: string;
  email: string;
  role: string;
  locale: string;
}

export interface ApiTicket {
  id: string;
  number: number;
  subject: string;
  status: string;
  statusCategory: string;
  version: number;
  assigneeId: string | null;
  postponedUntil: string | null;
}

export interface ApiComment {
  id: string;
  body: string;
  internal: boolean;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  user: ApiUser;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} → ${status}: ${body}`);
  }
}

/** POST /auth/login. Every call opens a separate session (its own refresh token). */
export async function login(email: string, password = DEMO_PASSWORD): Promise<TokenPair> {
  const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const text = await res.text();
  if (!res.ok) throw new ApiError(res.status, text, `login ${email}`);
  return JSON.parse(text) as TokenPair;
}

export type WebApp = 'agent' | 'portal';

export interface RefreshCookie {
  name: string;
  value: string;
  path: string;
}

/**
 * POST /auth/login as one of the web apps does it: the refresh token comes back only as that
 * app's HttpOnly cookie, never in the body.
 */
export async function loginAsApp(
  email: string,
  app: WebApp,
  password = DEMO_PASSWORD,
): Promise<{ user: ApiUser; cookie: RefreshCookie }> {
  const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, app }),
  });
  const text = await res.text();
  if (!res.ok) throw new ApiError(res.status, text, `login ${email} (${app})`);
  const [header] = res.headers.getSetCookie();
  const match = header ? /^([^=]+)=([^;]*);.*Path=([^;]+)/i.exec(header) : null;
  if (!match) throw new Error(`login ${email} (${app}) set no refresh cookie: ${header}`);
  return {
    user: (JSON.parse(text) as { user: ApiUser }).user,
    cookie: { name: match[1], value: match[2], path: match[3] },
  };
}

export class ApiSession {
  constructor(
    readonly user: ApiUser,
    private readonly accessToken: string,
  ) {}

  static async as(email: string): Promise<ApiSession> {
    const pair = await login(email);
    return new ApiSession(pair.user, pair.accessToken);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.accessToken}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method === 'POST') headers['idempotency-key'] = randomUUID();
    const res = await fetch(`${BASE_URL}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new ApiError(res.status, text, `${method} ${path} as ${this.user.email}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body ?? {});
  }

  ticket(number: number): Promise<ApiTicket> {
    return this.get<ApiTicket>(`/tickets/by-number/${number}`);
  }

  createTicket(subject: string, description = ''): Promise<ApiTicket> {
    return this.post<ApiTicket>('/tickets', { subject, description });
  }

  /** Every comment the API gives this user on the ticket (all pages). */
  async comments(ticketId: string): Promise<ApiComment[]> {
    const all: ApiComment[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await this.get<{ items: ApiComment[]; nextCursor?: string | null }>(
        `/tickets/${ticketId}/comments${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }

  transitions(ticketId: string): Promise<{ to: string }[]> {
    return this.get<{ to: string }[]>(`/tickets/${ticketId}/transitions`);
  }

  /** Moves the ticket, reading its current version first. */
  async transition(
    number: number,
    to: string,
    extra: { postponeUntil?: string; comment?: string } = {},
  ): Promise<ApiTicket> {
    const t = await this.ticket(number);
    return this.post<ApiTicket>(`/tickets/${t.id}/transitions`, {
      to,
      version: t.version,
      ...extra,
    });
  }

  async take(number: number): Promise<ApiTicket> {
    const t = await this.ticket(number);
    return this.post<ApiTicket>(`/tickets/${t.id}/take`, { version: t.version });
  }
}

/** A subject nobody else has, so reruns on the same database never find an older ticket. */
export function uniqueText(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
