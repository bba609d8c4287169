import type { Session, WebApp } from '../session';
import { LiveStream, type LiveEvent } from './live-stream';

type Message =
  { kind: 'event'; event: LiveEvent } | { kind: 'status'; connected: boolean } | { kind: 'hello' };

/**
 * The live events of one signed-in user in this browser, for one app: ONE stream shared by all
 * of the app's tabs. The tab that holds a Web Lock reads the stream and passes each event to the
 * others over a BroadcastChannel; when it closes, the lock passes to another tab, which resumes
 * from the last id it heard. Without Web Locks (plain http off localhost) every tab reads its
 * own stream (the server keeps at most five per user).
 */
export class LiveEvents {
  private stream: LiveStream | null = null;
  private channel: BroadcastChannel | null = null;
  private readonly stopping = new AbortController();
  private lastEventId = '';
  /** Whether the leader's stream is up, as this tab last heard (or set, when it leads). */
  private connectedNow = false;

  constructor(
    private readonly session: Session,
    private readonly app: WebApp,
    private readonly userId: string,
    private readonly onEvent: (event: LiveEvent) => void,
    private readonly onConnected: (connected: boolean) => void,
  ) {}

  start(): void {
    const name = `relaydesk-live-${this.app}-${this.userId}`;
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (locks && typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(name);
      this.channel.onmessage = (m: MessageEvent<Message>) => this.fromLeader(m.data);
      this.post({ kind: 'hello' });
      locks
        .request(name, { signal: this.stopping.signal }, () => this.lead())
        .catch(() => undefined); // aborted while waiting for the lock
    } else {
      void this.lead();
    }
  }

  stop(): void {
    this.stopping.abort();
    this.stream?.stop();
    this.channel?.close();
    this.onConnected(false);
  }

  /** Holds the lock (and the stream) until this tab stops. */
  private lead(): Promise<void> {
    if (this.stopping.signal.aborted) return Promise.resolve();
    this.stream = new LiveStream({
      fetch: (url, init) => this.session.fetchWithToken(url, init),
      lastEventId: this.lastEventId,
      onEvent: (event) => {
        this.post({ kind: 'event', event });
        this.onEvent(event);
      },
      onConnected: (connected) => {
        this.post({ kind: 'status', connected });
        this.onConnected(connected);
      },
    });
    this.stream.start();
    return new Promise((resolve) =>
      this.stopping.signal.addEventListener('abort', () => resolve()),
    );
  }

  private fromLeader(m: Message): void {
    if (m.kind === 'hello') {
      // A new tab: tell it whether the stream is up.
      if (this.stream) this.post({ kind: 'status', connected: this.connectedNow });
      return;
    }
    if (m.kind === 'status') {
      this.connectedNow = m.connected;
      this.onConnected(m.connected);
      return;
    }
    if (m.event.id && (!this.lastEventId || BigInt(m.event.id) > BigInt(this.lastEventId))) {
      this.lastEventId = m.event.id;
    }
    this.onEvent(m.event);
  }

  private post(m: Message): void {
    if (m.kind === 'status') this.connectedNow = m.connected;
    this.channel?.postMessage(m);
  }
}
