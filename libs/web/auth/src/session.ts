import { ApiError, createApiClient, type ApiClient, type Schemas } from '@relaydesk/api-client';
import { OfflineSnapshot, type SavedList } from './offline/offline-snapshot';

export type SessionUser = Schemas['UserDto'];

/** Which web app this is: the API keeps each app's refresh token in a cookie of its own. */
export type WebApp = NonNullable<Schemas['LoginDto']['app']>;

type Listener = (user: SessionUser | null) => void;

/**
 * Holds the session of one SPA and gives it an API client that sends the access token,
 * refreshes it once when the API answers 401 (single-flight: parallel requests share one
 * refresh) and logs out when the refresh fails.
 *
 * Nothing about the session is stored where page scripts can read it: the access token lives in
 * memory only, and the refresh token in an HttpOnly cookie the API sets for this app (sent only
 * to /api/v1/auth). After a reload the SPA asks for a new access token with that cookie.
 *
 * Opened without a network, the SPA shows the user and lists it last saw (`offlineLists`, kept
 * in IndexedDB by `OfflineSnapshot`, no token among them) until the API can be asked again: the
 * first request then gets a 401, the refresh cookie is tried, and the session either goes on or
 * ends (and the snapshot with it). See docs/pwa.md.
 */
export class Session {
  private accessTokenValue: string | null = null;
  private user: SessionUser | null = null;
  private refreshing: Promise<boolean> | null = null;
  private readonly listeners = new Set<Listener>();
  private unreachable = false;
  private offlineListsValue: SavedList[] = [];
  readonly offline: OfflineSnapshot;
  readonly api: ApiClient;
  private readonly bare: ApiClient;

  constructor(readonly app: WebApp) {
    this.offline = new OfflineSnapshot(app);
    this.bare = createApiClient();
    this.api = createApiClient({ fetch: (request) => this.authorizedFetch(request) });
    // Versions before the cookie kept the refresh token in localStorage: do not leave it there.
    if (typeof localStorage !== 'undefined') localStorage.removeItem(`relaydesk.${app}.refresh`);
  }

  get currentUser(): SessionUser | null {
    return this.user;
  }

  get accessToken(): string | null {
    return this.accessTokenValue;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The lists saved for offline use, loaded when the session resumed without a network. */
  get offlineLists(): readonly SavedList[] {
    return this.offlineListsValue;
  }

  /**
   * On start: resume the session if this app's refresh cookie still works; when the device is
   * offline, the user of the offline snapshot (if any) with its lists.
   */
  async resume(): Promise<SessionUser | null> {
    if (await this.refresh()) {
      // Signed out while offline (no token to tell the API with): tell it now.
      if (!(await this.offline.takeSignedOutOffline())) return this.user;
      await this.logout();
      return null;
    }
    // Only when the device itself is offline: with a network but no answer (the server down),
    // queries would fail rather than wait, and nothing would say why the lists are old.
    if (!this.unreachable || typeof navigator === 'undefined' || navigator.onLine) return null;
    const user = await this.offline.readUser();
    if (!user) return null;
    this.offlineListsValue = await this.offline.readLists();
    this.user = user;
    this.emit();
    return user;
  }

  async login(email: string, password: string): Promise<SessionUser> {
    const { data, error, response } = await this.bare.POST('/api/v1/auth/login', {
      body: { email, password, app: this.app },
    });
    if (!response.ok || !data) throw new ApiError(error as never);
    this.accept(data);
    return data.user;
  }

  async logout(): Promise<void> {
    // Offline (no access token after an offline start, or no answer) the API cannot be told now,
    // and the refresh cookie would resume the session on the next start: that start ends it.
    const told =
      this.accessTokenValue !== null &&
      (await this.api.POST('/api/v1/auth/logout', { body: { app: this.app } }).then(
        ({ response }) => response.ok,
        () => false,
      ));
    this.clear(!told);
  }

  /** Ends every session of the user (other browsers and apps too), then this one locally. */
  async signOutEverywhere(): Promise<void> {
    const { error, response } = await this.api.DELETE('/api/v1/me/sessions');
    if (!response.ok) throw new ApiError(error as never);
    this.clear();
  }

  /** Replaces the user after the profile changed (e.g. the language). */
  setUser(user: SessionUser): void {
    this.user = user;
    void this.offline.keepUser(user);
    this.emit();
  }

  /**
   * fetch with this session's access token, refreshed once on a 401, for what the generated
   * client cannot read: the live event stream. The token goes in the header, never in the URL.
   */
  fetchWithToken(url: string, init: RequestInit = {}): Promise<Response> {
    return this.authorizedFetch(new Request(url, init));
  }

  private accept(data: { accessToken: string; user: SessionUser }): void {
    this.accessTokenValue = data.accessToken;
    this.user = data.user;
    void this.offline.keepUser(data.user);
    this.emit();
  }

  private clear(signedOutOffline = false): void {
    this.accessTokenValue = null;
    this.user = null;
    this.offlineListsValue = [];
    void this.offline.clear(signedOutOffline);
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l(this.user);
  }

  private refresh(): Promise<boolean> {
    this.refreshing ??= this.oneTabAtATime(async () => {
      try {
        // The refresh token is the HttpOnly cookie; `app` says which one (and, being JSON, that
        // this is no cross-site form post).
        const { data, response } = await this.bare.POST('/api/v1/auth/refresh', {
          body: { app: this.app },
        });
        this.unreachable = false;
        if (!response.ok || !data) {
          this.clear();
          return false;
        }
        this.accept(data);
        return true;
      } catch {
        // No answer at all (offline, server down): the session may still be good.
        this.unreachable = true;
        return false;
      }
    }).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /**
   * The tabs of one app share its cookie. Refreshing in two tabs at once would present the same
   * refresh token twice, which the API takes for a stolen token and ends the session. A Web Lock
   * lets one tab rotate at a time; the next one then sends the rotated cookie. (Web Locks need a
   * secure context: over plain http, tabs refresh unguarded, as before.)
   */
  private oneTabAtATime<T>(work: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    return locks ? locks.request(`relaydesk-refresh-${this.app}`, work) : work();
  }

  private async authorizedFetch(request: Request): Promise<Response> {
    const retry = request.clone();
    const send = (r: Request) => {
      if (this.accessTokenValue) r.headers.set('Authorization', `Bearer ${this.accessTokenValue}`);
      return fetch(r);
    };
    const response = await send(request);
    if (response.status !== 401 || !this.user) return response;
    if (await this.refresh()) return send(retry);
    return response;
  }
}
