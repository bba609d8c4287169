import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import {
  databaseConfig,
  InjectConfig,
  type DatabaseConfig,
} from '../../config/config-namespaces.js';

/** What the NOTIFY of a committed event says (the row itself is in `event_log`). */
export interface CommittedEvent {
  readonly id: string;
  readonly name: string;
  readonly ticketId: string | null;
}

/** Must match EVENTS_CHANNEL in domain-events.ts (not imported: that file imports this one). */
const EVENTS_CHANNEL = 'relaydesk_events';
/** A channel is an identifier we choose in code; anything else is a bug, not input. */
const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;

/**
 * This instance's ear on PostgreSQL's LISTEN/NOTIFY: ONE dedicated connection (not from the
 * pool: a pooled connection is handed to others and would drop its LISTENs), opened when the
 * first consumer subscribes. PostgreSQL delivers a NOTIFY only when its transaction commits,
 * so `onEvent` hears of committed events only, from every instance.
 *
 * NOTIFY is a wake-up call, not a queue: whatever is sent while the connection is down is lost.
 * The connection comes back on its own (backoff up to 30 s, one log line when it is lost and one
 * when it is back), and then `onReconnect` hooks run so each consumer catches up by reading its
 * table (event_log by id, its own outbox) instead of trusting it heard everything.
 */
@Injectable()
export class EventLogListener implements OnApplicationShutdown {
  private readonly logger = new Logger(EventLogListener.name);
  private readonly channels = new Map<string, Set<(payload: string) => void>>();
  private readonly reconnectHooks = new Set<() => void>();
  private client: pg.Client | null = null;
  /** Channels the current connection LISTENs on. */
  private listened = new Set<string>();
  private connecting = false;
  private closed = false;
  /** True once a connection was ever made: the next one is a reconnect. */
  private everConnected = false;
  private outageSince: Date | null = null;
  private retry: { timer: NodeJS.Timeout; wake: () => void } | null = null;
  private waiters: (() => void)[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(@InjectConfig(databaseConfig) private readonly config: DatabaseConfig) {}

  /** Every committed domain event, from any instance. Returns the unsubscribe function. */
  onEvent(cb: (e: CommittedEvent) => void): () => void {
    return this.onChannel(EVENTS_CHANNEL, (payload) => {
      const e = parseEvent(payload);
      if (e) cb(e);
    });
  }

  /** Every NOTIFY on `channel` (a lower-case identifier), from any instance. */
  onChannel(channel: string, cb: (payload: string) => void): () => void {
    if (!CHANNEL_NAME.test(channel)) throw new Error(`Invalid LISTEN channel "${channel}"`);
    let callbacks = this.channels.get(channel);
    if (!callbacks) {
      callbacks = new Set();
      this.channels.set(channel, callbacks);
    }
    callbacks.add(cb);
    this.start();
    this.serially(() => this.syncListens());
    return () => {
      callbacks.delete(cb);
    };
  }

  /** Runs after the connection came back from an outage: catch up on what was missed. */
  onReconnect(cb: () => void): () => void {
    this.reconnectHooks.add(cb);
    return () => {
      this.reconnectHooks.delete(cb);
    };
  }

  /**
   * Resolves once the connection LISTENs on every channel subscribed so far: a NOTIFY committed
   * after that reaches the callbacks. Waits through an outage.
   */
  ready(): Promise<void> {
    if (this.channels.size === 0 || this.closed || this.isListeningToAll()) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.retry) {
      clearTimeout(this.retry.timer);
      this.retry.wake();
    }
    this.wakeWaiters();
    const client = this.client;
    this.client = null;
    await this.queue;
    if (client) await client.end().catch(() => undefined);
  }

  private isListeningToAll(): boolean {
    if (!this.client) return false;
    for (const channel of this.channels.keys()) if (!this.listened.has(channel)) return false;
    return true;
  }

  /** LISTEN commands go one at a time on the one connection. */
  private serially(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch(() => undefined);
  }

  private async syncListens(): Promise<void> {
    const client = this.client;
    if (!client) return;
    for (const channel of this.channels.keys()) {
      if (this.listened.has(channel)) continue;
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      if (client === this.client) this.listened.add(channel);
    }
    if (client === this.client && this.isListeningToAll()) this.wakeWaiters();
  }

  private wakeWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private start(): void {
    if (this.closed || this.connecting || this.client) return;
    this.connecting = true;
    void this.connectUntilUp().finally(() => {
      this.connecting = false;
    });
  }

  private async connectUntilUp(): Promise<void> {
    for (let attempt = 1; !this.closed; attempt++) {
      try {
        await this.connect();
        return;
      } catch (e) {
        if (this.closed) return;
        if (!this.outageSince) {
          this.outageSince = new Date();
          this.logger.warn(
            `Cannot LISTEN for events (${e instanceof Error ? e.message : String(e)}); retrying with backoff`,
          );
        }
        await this.sleep(Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempt - 1)));
      }
    }
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.config.databaseUrl,
      connectionTimeoutMillis: this.config.databaseConnectTimeoutMs,
      application_name: 'relaydesk-listen',
      // A database host that vanishes without closing the socket is noticed too.
      keepAlive: true,
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', (m) => this.dispatch(m.channel, m.payload ?? ''));
    try {
      await client.connect();
      const channels = [...this.channels.keys()];
      for (const channel of channels) {
        await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      }
      if (this.closed) throw new Error('shutting down');
      this.client = client;
      this.listened = new Set(channels);
    } catch (e) {
      await client.end().catch(() => undefined);
      throw e;
    }
    const reconnect = this.everConnected;
    this.everConnected = true;
    if (this.outageSince) {
      this.logger.log(`Listening for events again (down since ${this.outageSince.toISOString()})`);
      this.outageSince = null;
    }
    // Channels subscribed while this connection was being made.
    this.serially(() => this.syncListens());
    if (reconnect) {
      for (const hook of this.reconnectHooks) {
        try {
          hook();
        } catch (e) {
          this.logger.error(`A reconnect hook failed: ${e instanceof Error ? e.message : e}`);
        }
      }
    }
  }

  private lost(client: pg.Client): void {
    if (client !== this.client) return;
    this.client = null;
    this.listened = new Set();
    if (this.closed) return;
    this.outageSince = new Date();
    this.logger.warn('Lost the LISTEN connection; reconnecting with backoff');
    client.end().catch(() => undefined);
    this.start();
  }

  private dispatch(channel: string, payload: string): void {
    for (const cb of this.channels.get(channel) ?? []) {
      try {
        cb(payload);
      } catch (e) {
        this.logger.error(`A ${channel} consumer failed: ${e instanceof Error ? e.message : e}`);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.retry = null;
        resolve();
      }, ms);
      timer.unref();
      this.retry = { timer, wake: resolve };
    });
  }
}

/** `<id>|<name>|<ticketId or empty>`, as domain-events.ts sends it. */
export function parseEvent(payload: string): CommittedEvent | null {
  const [id, name, ticketId] = payload.split('|');
  if (!id || !/^\d+$/.test(id) || !name) return null;
  return { id, name, ticketId: ticketId ? ticketId : null };
}
