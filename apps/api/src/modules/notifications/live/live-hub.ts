import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { AuthUserSource } from '../../../common/auth/auth-user-source.js';
import { ServiceUnavailableError } from '../../../common/errors/domain-errors.js';
import { Clock } from '../../../common/time/clock.js';
import { NotificationsService } from '../notifications.service.js';
import {
  EventLogListener,
  type CommittedEvent,
} from '../../../common/events/event-log-listener.js';
import { NOTIFICATIONS_CHANNEL } from '../fan-out/fan-out.worker.js';
import { hears, LiveEventReader, ticketEventData } from './live-event-reader.js';
import type { SseConnection } from './sse-connection.js';

/** Streams one user may hold open on one instance; a new one beyond this closes their oldest. */
export const MAX_STREAMS_PER_USER = 5;
/** Streams one instance serves; beyond it new ones get 503 and try again (another instance). */
export const MAX_STREAMS_PER_INSTANCE = 2000;
/** A comment this often: proxies cut idle responses (nginx after 60 s by default). */
export const HEARTBEAT_MS = 25_000;

/** Sessions re-read in parallel on each heartbeat (the pool serves requests too). */
const RELOADS_AT_ONCE = 4;
/** setTimeout's limit (about 24.8 days); a longer-lived token is left to the tick. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The open live streams of this instance, and what reaches them. Every instance hears every
 * event through its LISTEN connection; each one asks the database once per event which of its
 * connected users may see the ticket now, and writes to those. Work is done one event at a time,
 * in the order the NOTIFYs arrived (commit order).
 */
@Injectable()
export class LiveHub implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('LiveUpdates');
  private readonly byUser = new Map<string, SseConnection[]>();
  private count = 0;
  private queue: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private readonly stops: (() => void)[] = [];
  private shuttingDown = false;

  constructor(
    private readonly feed: EventLogListener,
    private readonly reader: LiveEventReader,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly users: AuthUserSource,
  ) {}

  onModuleInit(): void {
    this.stops.push(
      this.feed.onEvent((e) => this.enqueue(() => this.dispatch(e))),
      this.feed.onChannel(NOTIFICATIONS_CHANNEL, (userId) => this.enqueue(() => this.bell(userId))),
      // NOTIFYs sent while the LISTEN connection was down are lost: every client refetches.
      this.feed.onReconnect(() => this.enqueue(() => this.resetAll())),
    );
    this.timer = setInterval(() => {
      this.tick().catch((e: unknown) =>
        this.logger.warn(`live tick failed: ${(e as Error).message}`),
      );
    }, HEARTBEAT_MS);
    this.timer.unref();
  }

  /** Streams open on this instance (for tests and a future metrics endpoint). */
  get size(): number {
    return this.count;
  }

  /**
   * Takes a new stream. Throws 503 when this instance is full (the client retries, through the
   * balancer perhaps elsewhere); closes the user's oldest stream when they have too many.
   */
  add(conn: SseConnection): void {
    if (this.shuttingDown || this.count >= MAX_STREAMS_PER_INSTANCE) {
      throw new ServiceUnavailableError('Too many live streams on this instance', 30);
    }
    const list = this.byUser.get(conn.user.id) ?? [];
    list.push(conn);
    this.byUser.set(conn.user.id, list);
    this.count++;
    conn.onClose(() => this.remove(conn));
    // Exact to the second, by the Clock; the tick catches the rest (and moved test clocks).
    const ms = conn.expiresAt - this.clock.now().getTime();
    if (ms < MAX_TIMER_MS) {
      const timer = setTimeout(() => conn.close('expired'), Math.max(0, ms));
      timer.unref();
      conn.onClose(() => clearTimeout(timer));
    }
    while (list.length > MAX_STREAMS_PER_USER) list[0].close('replaced');
  }

  /**
   * Heartbeats, and who each stream's user is now: every session is loaded as a request would
   * load it, so a change of groups, deputyships or organization-wide view counts from the next
   * event on, and a stream whose session was revoked (logout, "sign out everywhere", a password
   * reset) or whose user was deactivated ends. A stream whose access token expired (by the
   * Clock) ends too. Runs every HEARTBEAT_MS; tests call it.
   */
  async tick(): Promise<void> {
    const now = this.clock.now().getTime();
    const bySession = new Map<string, SseConnection[]>();
    for (const c of [...this.byUser.values()].flat()) {
      if (c.expiresAt <= now) {
        c.close('expired');
        continue;
      }
      const list = bySession.get(c.user.sessionId) ?? [];
      list.push(c);
      bySession.set(c.user.sessionId, list);
    }
    const sessions = [...bySession.values()];
    for (let i = 0; i < sessions.length; i += RELOADS_AT_ONCE) {
      await Promise.all(sessions.slice(i, i + RELOADS_AT_ONCE).map((s) => this.reload(s)));
    }
  }

  private async reload(connections: SseConnection[]): Promise<void> {
    const { id, sessionId } = connections[0].user;
    let fresh;
    try {
      fresh = await this.users.load(id, sessionId);
    } catch (e) {
      // The database is away: keep the streams (they carry nothing meanwhile), try next time.
      this.logger.warn(`live stream user not reloaded: ${(e as Error).message}`);
      for (const c of connections) c.heartbeat();
      return;
    }
    for (const c of connections) {
      if (!fresh) {
        c.close('session_ended');
        continue;
      }
      c.user = fresh;
      c.heartbeat();
    }
  }

  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
    if (this.timer) clearInterval(this.timer);
    for (const stop of this.stops.splice(0)) stop();
    for (const c of [...this.byUser.values()].flat()) c.close('shutdown');
  }

  /** Queues work behind what came before it: events reach clients in the order they committed. */
  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch((e: unknown) => {
      this.logger.warn(`live update not delivered: ${(e as Error).message}`);
    });
  }

  private async resetAll(): Promise<void> {
    for (const c of [...this.byUser.values()].flat()) c.send('reset', {});
  }

  private async dispatch(e: CommittedEvent): Promise<void> {
    if (this.count === 0 || e.ticketId === null) return;
    const connections = [...this.byUser.values()].flat();
    // One user may have streams opened at different times: the newest view of them decides.
    const users = new Map(connections.map((c) => [c.user.id, c.user]));
    const found = await this.reader.forUsers(e.id, [...users.values()]);
    if (!found) return;
    const { event, visibleTo } = found;
    const data = ticketEventData(event);
    for (const c of connections) {
      if (c.closed || !visibleTo.has(c.user.id)) continue;
      if (!hears(c.user, event)) continue;
      c.send('ticket', data, event.id);
    }
  }

  private async bell(userId: string): Promise<void> {
    const connections = (this.byUser.get(userId) ?? []).filter((c) => !c.closed);
    if (connections.length === 0) return;
    const newest = connections[connections.length - 1];
    const { unread } = await this.notifications.unreadCount(newest.user);
    for (const c of connections) c.send('notification', { unread });
  }

  private remove(conn: SseConnection): void {
    const list = this.byUser.get(conn.user.id);
    if (!list) return;
    const i = list.indexOf(conn);
    if (i === -1) return;
    list.splice(i, 1);
    this.count--;
    if (list.length === 0) this.byUser.delete(conn.user.id);
  }
}
