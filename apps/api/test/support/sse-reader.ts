/** One event as the SSE processing model dispatches it (comments and bare `id:`/`retry:` frames aside). */
export interface SseEvent {
  id: string;
  event: string;
  data: unknown;
}

/**
 * Reads a `text/event-stream` response over real HTTP with fetch (as the SPAs do: the token in a
 * header, never in the URL), and collects what comes, for tests to wait on.
 */
export class SseReader {
  readonly events: SseEvent[] = [];
  status = 0;
  headers: Headers | null = null;
  /** `retry:` and the last event id, as a browser would track them. */
  retry: number | null = null;
  lastEventId = '';
  comments = 0;
  ended = false;
  private waiters: { match: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  private endWaiters: (() => void)[] = [];
  private readonly abort = new AbortController();

  private constructor() {}

  static async open(
    url: string,
    token: string,
    headers: Record<string, string> = {},
  ): Promise<SseReader> {
    const reader = new SseReader();
    const res = await fetch(url, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream', ...headers },
      signal: reader.abort.signal,
    });
    reader.status = res.status;
    reader.headers = res.headers;
    if (res.ok && res.body) void reader.pump(res.body.getReader());
    else {
      reader.body = await res.text();
      reader.finish();
    }
    return reader;
  }

  /** The body of a non-200 answer. */
  body = '';

  /** The first event (already received or still to come) that `match` accepts. */
  next(match: (e: SseEvent) => boolean, timeoutMs = 10_000): Promise<SseEvent> {
    const seen = this.events.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no matching event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.push({
        match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      });
    });
  }

  /** Resolves when the server has ended the stream. */
  whenEnded(timeoutMs = 10_000): Promise<void> {
    if (this.ended) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the stream did not end')), timeoutMs);
      this.endWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  close(): void {
    this.abort.abort();
  }

  private async pump(body: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    let id = '';
    let event = '';
    let data: string[] = [];
    try {
      for (;;) {
        const { done, value } = await body.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let nl: number;
        while ((nl = buffer.search(/\r\n|\r|\n/)) !== -1) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + (buffer.startsWith('\r\n', nl) ? 2 : 1));
          if (line === '') {
            this.lastEventId = id;
            if (data.length > 0) {
              this.emit({ id, event: event || 'message', data: JSON.parse(data.join('\n')) });
            }
            event = '';
            data = [];
            continue;
          }
          if (line.startsWith(':')) {
            this.comments++;
            continue;
          }
          const colon = line.indexOf(':');
          const field = colon === -1 ? line : line.slice(0, colon);
          const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') id = value;
          else if (field === 'event') event = value;
          else if (field === 'data') data.push(value);
          else if (field === 'retry') this.retry = Number(value);
        }
      }
    } catch {
      // aborted by the test
    }
    this.finish();
  }

  private emit(e: SseEvent): void {
    this.events.push(e);
    const hit = this.waiters.filter((w) => w.match(e));
    this.waiters = this.waiters.filter((w) => !w.match(e));
    for (const w of hit) w.resolve(e);
  }

  private finish(): void {
    this.ended = true;
    for (const w of this.endWaiters.splice(0)) w();
  }
}
