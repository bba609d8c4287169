import { ApiError, createApiClient, type ApiClient, type Schemas } from '@relaydesk/api-client';

export type SessionUser = Schemas['UserDto'];

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

type Listener = (user: SessionUser | null) => void;

/**
 * Holds the tokens for one SPA and gives it an API client that sends the access token,
 * refreshes it once when the API answers 401 (single-flight: parallel requests share one
 * refresh) and logs out when the refresh fails. The refresh token is kept in localStorage so
 * a session survives a reload; the access token lives in memory only.
 */
export class Session {
  private tokens: Tokens | null = null;
  private user: SessionUser | null = null;
  private refreshing: Promise<boolean> | null = null;
  private readonly listeners = new Set<Listener>();
  readonly api: ApiClient;
  private readonly bare: ApiClient;

  constructor(private readonly storageKey: string) {
    this.bare = createApiClient();
    this.api = createApiClient({ fetch: (request) => this.authorizedFetch(request) });
  }

  get currentUser(): SessionUser | null {
    return this.user;
  }

  get accessToken(): string | null {
    return this.tokens?.accessToken ?? null;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** On start: resume the stored session if its refresh token still works. */
  async resume(): Promise<SessionUser | null> {
    const refreshToken = localStorage.getItem(this.storageKey);
    if (!refreshToken) return null;
    this.tokens = { accessToken: '', refreshToken };
    return (await this.refresh()) ? this.user : null;
  }

  async login(email: string, password: string): Promise<SessionUser> {
    const { data, error, response } = await this.bare.POST('/api/v1/auth/login', {
      body: { email, password },
    });
    if (!response.ok || !data) throw new ApiError(error as never);
    this.accept(data);
    return data.user;
  }

  async logout(): Promise<void> {
    if (this.tokens?.accessToken) {
      await this.api.POST('/api/v1/auth/logout').catch(() => undefined);
    }
    this.clear();
  }

  /** Replaces the user after the profile changed (e.g. the language). */
  setUser(user: SessionUser): void {
    this.user = user;
    this.emit();
  }

  private accept(data: { accessToken: string; refreshToken: string; user: SessionUser }): void {
    this.tokens = { accessToken: data.accessToken, refreshToken: data.refreshToken };
    this.user = data.user;
    localStorage.setItem(this.storageKey, data.refreshToken);
    this.emit();
  }

  private clear(): void {
    this.tokens = null;
    this.user = null;
    localStorage.removeItem(this.storageKey);
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l(this.user);
  }

  private refresh(): Promise<boolean> {
    this.refreshing ??= (async () => {
      const refreshToken = this.tokens?.refreshToken;
      if (!refreshToken) return false;
      try {
        const { data, response } = await this.bare.POST('/api/v1/auth/refresh', {
          body: { refreshToken },
        });
        if (!response.ok || !data) {
          this.clear();
          return false;
        }
        this.accept(data);
        return true;
      } catch {
        return false;
      }
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async authorizedFetch(request: Request): Promise<Response> {
    const retry = request.clone();
    const send = (r: Request) => {
      if (this.tokens?.accessToken)
        r.headers.set('Authorization', `Bearer ${this.tokens.accessToken}`);
      return fetch(r);
    };
    const response = await send(request);
    if (response.status !== 401 || !this.tokens) return response;
    if (await this.refresh()) return send(retry);
    return response;
  }
}
