import { SseParser } from './sse-parser';

/** An event of the live stream, its data parsed. */
export interface LiveEvent {
  type: string;
  /** The event id (`ticket` events); '' for the others. */
  id: string;
  data: unknown;
}

export interface LiveStreamOptions {
  /** fetch with the session's Bearer token (refreshed on a 401). */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  onEvent: (event: LiveEvent) => void;
  onConnected: (connected: boolean) => void;
  /** Where to resume after a page-level handover (another tab held the stream). */
  lastEventId?: string;
  url?: string;
}

export const LIVE_EVENTS_URL = '/api/v1/me/events';
const MAX_BACKOFF_MS = 60_000;
/** Another stream of ours was opened elsewhere and this one was closed for it: come back slowly. */
const REPLACED_BACKOFF_MS = 60_000;
/** Ids seen recently: a reconnect replays a window before the last id on purpose. */
const SEEN_IDS = 500;

/**
 * Reads GET /api/v1/me/events with fetch and a streaming reader (EventSource cannot send the
 * Authorization header, and a token must never go into a URL), and keeps it open: reconnects
 * with Last-Event-ID after the server's `retry` delay, backing off exponentially (with jitter)
 * while it keeps failing; stops for good when the session has ended.
 */
export class LiveStream {
  private readonly abort = new AbortController();
  private readonly seen = new Set<string>();
  private lastEventId: string;
  private retryMs = 3000;
  private failures = 0;

  constructor(private readonly options: LiveStreamOptions) {
    this.lastEventId = options.lastEventId ?? '';
  }

  get resumeId(): string {
    return this.lastEventId;
  }

  start(): void {
    void this.run();
  }

  stop(): void {
    this.abort.abort();
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let wait: number | 'stop';
      try {
        wait = await this.once();
      } catch {
        wait = this.backoff();
      }
      this.options.onConnected(false);
      if (wait === 'stop' || this.stopped) return;
      await sleep(wait, this.abort.signal);
    }
  }

  /** One connection, until it ends; says how long to wait before the next. */
  private async once(): Promise<number | 'stop'> {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId;
    const res = await this.options.fetch(this.options.url ?? LIVE_EVENTS_URL, {
      headers,
      signal: this.abort.signal,
      cache: 'no-store',
    });
    // Still 401 after the session tried to refresh: signed out.
    if (res.status === 401) return 'stop';
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      return this.backoff(Number(res.headers.get('Retry-After')) * 1000 || 0);
    }
    const parser = new SseParser();
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let closedFor: string | null = null;
    let open = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!open) {
        open = true;
        this.failures = 0;
        this.options.onConnected(true);
      }
      for (const m of parser.push(value)) {
        const event: LiveEvent = { type: m.type, id: m.lastEventId, data: parse(m.data) };
        if (event.type === 'closed') {
          closedFor = (event.data as { reason?: string } | null)?.reason ?? '';
          continue;
        }
        if (event.type === 'ticket' && this.isRepeat(event.id)) continue;
        this.options.onEvent(event);
      }
      if (parser.retryMs !== null) this.retryMs = parser.retryMs;
      if (parser.lastEventId) this.resumeFrom(parser.lastEventId);
    }
    if (closedFor === 'session_ended') return 'stop';
    if (closedFor === 'replaced') return REPLACED_BACKOFF_MS;
    // The token expired or the instance is going away: come back now (with a fresh token).
    return closedFor ? jitter(500) : this.backoff();
  }

  private isRepeat(id: string): boolean {
    if (!id) return false;
    if (this.seen.has(id)) return true;
    this.seen.add(id);
    if (this.seen.size > SEEN_IDS) this.seen.delete(this.seen.values().next().value!);
    return false;
  }

  /** Ids arrive in commit order, not always ascending: resume after the highest seen. */
  private resumeFrom(id: string): void {
    if (!/^\d+$/.test(id)) return;
    if (!this.lastEventId || BigInt(id) > BigInt(this.lastEventId)) this.lastEventId = id;
  }

  private backoff(atLeast = 0): number {
    this.failures++;
    const ms = Math.min(MAX_BACKOFF_MS, this.retryMs * 2 ** (this.failures - 1));
    return Math.max(atLeast, jitter(ms));
  }
}

function jitter(ms: number): number {
  return Math.round(ms * (0.5 + Math.random() / 2));
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
