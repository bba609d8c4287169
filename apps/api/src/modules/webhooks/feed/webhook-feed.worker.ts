import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { sql } from '../../../common/database/sql.js';
import { EventLogListener } from '../../../common/events/event-log-listener.js';
import { ScheduledLoop, type LoopSummary } from '../../../common/scheduling/scheduled-loop.js';
import { Clock } from '../../../common/time/clock.js';
import {
  InjectConfig,
  schedulingConfig,
  type SchedulingConfig,
} from '../../../config/config-namespaces.js';
import { WEBHOOKS_CHANNEL } from '../delivery/webhook-wakeup.js';
import { buildMessage, WEBHOOK_KIND_OF_EVENT, type FeedEvent } from './webhook-payload.js';

const BATCH = 100;
/** Failed feeds of one event before it is set aside (its error stays on the row). */
export const MAX_FEED_ATTEMPTS = 5;
const WAKE_DEBOUNCE_MS = 50;
/** One feeder at a time across instances (pg_try_advisory_xact_lock key). */
const FEED_LOCK = 'relaydesk:webhook-feed';

interface EndpointRow {
  id: string;
  events: string[];
  include_internal_comments: boolean;
}

export interface FeedResult {
  events: number;
  messages: number;
  failed: number;
}

/**
 * Turns committed domain events (event_log) into webhook messages: one `webhook_deliveries` row
 * per event and active endpoint that subscribed to its kind, the body built now from the event
 * and the ticket, then `webhooks_at` marks the event done, all in one transaction per batch.
 *
 * Exactly once with several instances: a batch runs under a transaction-scoped advisory lock, so
 * one instance feeds at a time (another that wakes meanwhile finds the lock taken and leaves it
 * the work; the holder goes round again when woken), and the marker commits with the messages.
 * The unique (event, endpoint) index is the second guard. Rows are not claimed with SKIP LOCKED
 * as the fan-out does: the fan-out holds the same rows for its own batches, and skipping them
 * would delay their messages until the next tick and send them out of order; waiting for its
 * short transaction keeps the order of events.
 *
 * Runs every few seconds, and within WAKE_DEBOUNCE_MS of a commit (the events NOTIFY).
 */
@Injectable()
export class WebhookFeedWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookFeedWorker.name);
  private unsubscribe: (() => void)[] = [];
  private wakeTimer: NodeJS.Timeout | null = null;
  private dirty = false;

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly listener: EventLogListener,
    @InjectConfig(schedulingConfig) private readonly scheduling: SchedulingConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.scheduling.schedulerEnabled) return;
    this.unsubscribe = [
      this.listener.onEvent(() => this.wake()),
      this.listener.onReconnect(() => this.wake()),
    ];
  }

  onModuleDestroy(): void {
    for (const u of this.unsubscribe) u();
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
  }

  @ScheduledLoop('webhook-feed', 3_000)
  async tick(): Promise<LoopSummary> {
    const r = await this.drain();
    if (r.events === 0 && r.failed === 0) return null;
    return `Fed ${r.events} event(s) to webhooks: ${r.messages} message(s)${r.failed ? `, ${r.failed} failed` : ''}`;
  }

  /** Feeds everything pending now; returns at once when another instance is feeding. */
  async drain(): Promise<FeedResult> {
    const total: FeedResult = { events: 0, messages: 0, failed: 0 };
    const failed = new Set<string>();
    for (;;) {
      this.dirty = false;
      const r = await this.db.transaction((em) => this.batch(em, failed));
      if (r === null) return total;
      total.events += r.events;
      total.messages += r.messages;
      total.failed += r.failed;
      if (r.claimed === 0 || (r.claimed < BATCH && !this.dirty)) return total;
    }
  }

  private wake(): void {
    this.dirty = true;
    if (this.wakeTimer) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      void this.tick();
    }, WAKE_DEBOUNCE_MS);
    this.wakeTimer.unref();
  }

  private async batch(
    em: EntityManager,
    failed: Set<string>,
  ): Promise<(FeedResult & { claimed: number }) | null> {
    const [{ locked }] = await sql<{ locked: boolean }>(
      em,
      `SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`,
      [FEED_LOCK],
    );
    if (!locked) return null;
    const events = await sql<FeedEvent>(
      em,
      `SELECT id::text, name, ticket_id, actor_id, payload, created_at, webhook_attempts
         FROM event_log
        WHERE webhooks_at IS NULL AND NOT (id = ANY($1::bigint[]))
        ORDER BY id
        LIMIT $2`,
      [[...failed], BATCH],
    );
    const result = { claimed: events.length, events: 0, messages: 0, failed: 0 };
    if (events.length === 0) return result;
    const endpoints = await sql<EndpointRow>(
      em,
      `SELECT id, events, include_internal_comments FROM webhook_endpoints WHERE active`,
    );
    const now = this.clock.now();
    const done: string[] = [];
    for (const event of events) {
      await em.query('SAVEPOINT webhook_feed_event');
      try {
        result.messages += await this.feed(em, event, endpoints, now);
        await em.query('RELEASE SAVEPOINT webhook_feed_event');
        done.push(event.id);
        result.events++;
      } catch (e) {
        await em.query('ROLLBACK TO SAVEPOINT webhook_feed_event');
        failed.add(event.id);
        result.failed++;
        await this.recordFailure(em, event, e, now);
      }
    }
    if (done.length > 0) {
      await em.query(`UPDATE event_log SET webhooks_at = $2 WHERE id = ANY($1::bigint[])`, [
        done,
        now,
      ]);
    }
    if (result.messages > 0) await em.query(`SELECT pg_notify('${WEBHOOKS_CHANNEL}', '')`);
    return result;
  }

  private async feed(
    em: EntityManager,
    event: FeedEvent,
    endpoints: EndpointRow[],
    now: Date,
  ): Promise<number> {
    const type = WEBHOOK_KIND_OF_EVENT[event.name];
    if (!type) return 0;
    const subscribed = endpoints.filter((e) => e.events.includes(type));
    if (subscribed.length === 0) return 0;
    const message = await buildMessage(em, event, type);
    if (!message) return 0;
    const ids: string[] = [];
    const bodies: string[] = [];
    for (const endpoint of subscribed) {
      const body = endpoint.include_internal_comments ? message.fullBody : message.publicBody;
      if (body === null) continue; // internal only, and this endpoint did not choose it
      ids.push(endpoint.id);
      bodies.push(body);
    }
    if (ids.length === 0) return 0;
    const inserted = await sql<{ id: string }>(
      em,
      `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, ticket_id, body,
                                       next_attempt_at, created_at)
       SELECT endpoint_id, $3, $4, $5, body, $6, $6
         FROM unnest($1::uuid[], $2::text[]) AS x(endpoint_id, body)
       ON CONFLICT (event_id, endpoint_id) DO NOTHING
       RETURNING id`,
      [ids, bodies, event.id, type, event.ticket_id, now],
    );
    return inserted.length;
  }

  private async recordFailure(
    em: EntityManager,
    event: FeedEvent,
    e: unknown,
    now: Date,
  ): Promise<void> {
    const attempts = event.webhook_attempts + 1;
    const message = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
    const setAside = attempts >= MAX_FEED_ATTEMPTS;
    await em.query(
      `UPDATE event_log SET webhook_attempts = $2, webhook_error = $3,
              webhooks_at = CASE WHEN $4 THEN $5::timestamptz END
        WHERE id = $1`,
      [event.id, attempts, message, setAside, now],
    );
    const what = `Webhook feed of event ${event.id} (${event.name}) failed, attempt ${attempts}/${MAX_FEED_ATTEMPTS}`;
    if (setAside) this.logger.error(`${what}; set aside: ${message}`);
    else this.logger.warn(`${what}; will retry: ${message}`);
  }
}
