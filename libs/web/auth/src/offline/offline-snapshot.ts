import type { SessionUser, WebApp } from '../session';

/** One list as it was last seen: its React Query key, its first page, when it was fetched. */
export interface SavedList {
  key: readonly unknown[];
  data: unknown;
  savedAt: number;
}

const STORE = 'snapshot';
const USER = 'user';
const LIST = 'list ';
const SIGNED_OUT = 'signed-out-offline';
/** Enough for the queues and filters someone switches between; searches must not pile up. */
const MAX_LISTS = 20;

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

/**
 * What an SPA shows when it is opened offline: the signed-in user (their profile, never a token:
 * the access token lives in memory and the refresh token in an HttpOnly cookie) and the first
 * page of the ticket lists they last saw. In IndexedDB (one database per app), written as lists
 * load, deleted on sign-out, when the API refuses the session, and when someone else signs in.
 * Every call swallows storage errors (private mode, quota): offline lists are a convenience.
 */
export class OfflineSnapshot {
  private db: Promise<IDBDatabase | null> | null = null;

  constructor(private readonly app: WebApp) {}

  async readUser(): Promise<SessionUser | null> {
    return (await this.run('readonly', (s) => done(s.get(USER)))) ?? null;
  }

  async readLists(): Promise<SavedList[]> {
    const all = await this.run('readonly', async (s) => {
      const [keys, values] = await Promise.all([done(s.getAllKeys()), done(s.getAll())]);
      return values.filter((_, i) => String(keys[i]).startsWith(LIST)) as SavedList[];
    });
    return all ?? [];
  }

  /** Keeps the signed-in user; a different user than the one stored starts with no lists. */
  async keepUser(user: SessionUser): Promise<void> {
    await this.run('readwrite', async (s) => {
      const stored = (await done(s.get(USER))) as SessionUser | undefined;
      if (stored && stored.id !== user.id) await done(s.clear());
      await done(s.put(user, USER));
    });
  }

  async keepList(list: SavedList): Promise<void> {
    await this.run('readwrite', async (s) => {
      // Only for the user stored: a late response must not outlive a sign-out.
      if (!(await done(s.get(USER)))) return;
      await done(s.put(list, `${LIST}${JSON.stringify(list.key)}`));
      const keys = (await done(s.getAllKeys())).filter((k) => String(k).startsWith(LIST));
      if (keys.length <= MAX_LISTS) return;
      const lists = await Promise.all(keys.map((k) => done(s.get(k)) as Promise<SavedList>));
      const oldest = keys
        .map((k, i) => ({ k, savedAt: lists[i]?.savedAt ?? 0 }))
        .sort((a, b) => a.savedAt - b.savedAt)
        .slice(0, keys.length - MAX_LISTS);
      for (const { k } of oldest) await done(s.delete(k));
    });
  }

  /**
   * Deletes everything. `signedOutOffline`: the user signed out while the API was out of reach,
   * so the session's refresh cookie still works; the next start ends it (`takeSignedOutOffline`).
   */
  async clear(signedOutOffline = false): Promise<void> {
    await this.run('readwrite', async (s) => {
      await done(s.clear());
      if (signedOutOffline) await done(s.put(true, SIGNED_OUT));
    });
  }

  /** Whether a sign-out is still owed to the API; forgets it. */
  async takeSignedOutOffline(): Promise<boolean> {
    const owed = await this.run('readwrite', async (s) => {
      const value = (await done(s.get(SIGNED_OUT))) === true;
      if (value) await done(s.delete(SIGNED_OUT));
      return value;
    });
    return owed === true;
  }

  private open(): Promise<IDBDatabase | null> {
    this.db ??= new Promise((resolve) => {
      if (typeof indexedDB === 'undefined') return resolve(null);
      try {
        const request = indexedDB.open(`relaydesk-offline-${this.app}`, 1);
        request.onupgradeneeded = () => request.result.createObjectStore(STORE);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(null);
      } catch {
        resolve(null);
      }
    });
    return this.db;
  }

  private async run<T>(
    mode: IDBTransactionMode,
    work: (store: IDBObjectStore) => Promise<T>,
  ): Promise<T | null> {
    try {
      const db = await this.open();
      if (!db) return null;
      const tx = db.transaction(STORE, mode);
      const committed = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB aborted'));
      });
      const result = await work(tx.objectStore(STORE));
      await committed;
      return result;
    } catch {
      return null;
    }
  }
}
