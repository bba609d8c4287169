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
import { EventNotices, type EventRow } from './event-notices.js';
import { FanOutWriter } from './fan-out-writer.js';

/** Events per transaction. */
const BATCH = 100;
/** Failed fan-outs of one event before it is set aside (its error stays on the row). */
export const MAX_FAN_OUT_ATTEMPTS = 5;
/** Commits that come close together are drained together. */
const WAKE_DEBOUNCE_MS = 50;
/** The channel a user's new in-app notifications are announced on; the payload is their id. */
export const NOTIFICATIONS_CHANNEL = 'relaydesk_notifications';

export interface DrainResult {
  events: number;
  notifications: number;
  deliveries: number;
  failed: number;
}

/**
 * Turns committed domain events (event_log) into in-app notifications and deliveries. Each batch
 * is one transaction: claim the oldest unprocessed rows (FOR UPDATE SKIP LOCKED, so several
 * instances share the queue and each row is fanned out once), compute the recipients as they are
 * now, write the rows, announce each notified user, mark the events done. Recipients are computed
 * here rather than in the transaction of the change so that a change costs one INSERT, and so
 * that whoever was deactivated or lost access meanwhile is not told.
 *
 * Runs every few seconds as a scheduled loop, and within WAKE_DEBOUNCE_MS of every commit
 * (EventLogListener's NOTIFY), so mail leaves at once without polling hard.
 */
@Injectable()
export class FanOutWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(FanOutWorker.name);
  private unsubscribe: (() => void)[] = [];
  private wakeTimer: NodeJS.Timeout | null = null;
  /** Set by a wake-up while a drain runs: the drain goes round once more. */
  private dirty = false;

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly notices: EventNotices,
    private readonly writer: FanOutWriter,
    private readonly listener: EventLogListener,
    @InjectConfig(schedulingConfig) private readonly scheduling: SchedulingConfig,
  ) {}

  /** With the scheduler off (tests), fan-out runs only when called: `drain()` or `tick()`. */
  onApplicationBootstrap(): void {
    if (!this.scheduling.schedulerEnabled) return;
    this.unsubscribe = [this.follow()];
  }

  /**
   * Fans out within WAKE_DEBOUNCE_MS of every committed event until the returned function is
   * called (the scheduler's own start, and `npm run bench` measuring create with fan-out on).
   */
  follow(): () => void {
    const subscriptions = [
      this.listener.onEvent(() => this.wake()),
      // Events committed while the connection was down announced nothing.
      this.listener.onReconnect(() => this.wake()),
    ];
    return () => {
      for (const unsubscribe of subscriptions) unsubscribe();
    };
  }

  onModuleDestroy(): void {
    for (const u of this.unsubscribe) u();
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
  }

  @ScheduledLoop('notification-fan-out', 3_000)
  async tick(): Promise<LoopSummary> {
    const r = await this.drain();
    if (r.events === 0 && r.failed === 0) return null;
    return `Fanned out ${r.events} event(s): ${r.notifications} notification(s), ${r.deliveries} deliveries${r.failed ? `, ${r.failed} failed` : ''}`;
  }

  /** Fans out everything pending now; what another instance holds is left to it. */
  async drain(): Promise<DrainResult> {
    const total: DrainResult = { events: 0, notifications: 0, deliveries: 0, failed: 0 };
    // An event that failed is not tried again in the same drain: its attempts measure ticks.
    const failed = new Set<string>();
    for (;;) {
      this.dirty = false;
      const r = await this.db.transaction((em) => this.batch(em, failed));
      total.events += r.events;
      total.notifications += r.notifications;
      total.deliveries += r.deliveries;
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
  ): Promise<DrainResult & { claimed: number }> {
    const rows = await sql<EventRow>(
      em,
      `SELECT id::text, name, ticket_id, actor_id, payload, created_at, fan_out_attempts
         FROM event_log
        WHERE fanned_out_at IS NULL AND NOT (id = ANY($1::bigint[]))
        ORDER BY id
        LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [[...failed], BATCH],
    );
    const result = { claimed: rows.length, events: 0, notifications: 0, deliveries: 0, failed: 0 };
    const now = this.clock.now();
    const done: string[] = [];
    const notified = new Set<string>();
    for (const row of rows) {
      // One event's failure undoes its own rows only, never the batch's.
      await em.query('SAVEPOINT fan_out_event');
      try {
        const r = await this.writer.write(em, row, await this.notices.plan(em, row));
        await em.query('RELEASE SAVEPOINT fan_out_event');
        done.push(row.id);
        r.notifiedUserIds.forEach((id) => notified.add(id));
        result.events++;
        result.notifications += r.notifications;
        result.deliveries += r.deliveries;
      } catch (e) {
        await em.query('ROLLBACK TO SAVEPOINT fan_out_event');
        failed.add(row.id);
        result.failed++;
        await this.recordFailure(em, row, e, now);
      }
    }
    if (done.length > 0) {
      await em.query(`UPDATE event_log SET fanned_out_at = $2 WHERE id = ANY($1::bigint[])`, [
        done,
        now,
      ]);
    }
    if (notified.size > 0) {
      await em.query(
        `SELECT pg_notify('${NOTIFICATIONS_CHANNEL}', u) FROM unnest($1::text[]) AS u`,
        [[...notified]],
      );
    }
    return result;
  }

  private async recordFailure(
    em: EntityManager,
    row: EventRow,
    e: unknown,
    now: Date,
  ): Promise<void> {
    const attempts = row.fan_out_attempts + 1;
    const message = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
    const setAside = attempts >= MAX_FAN_OUT_ATTEMPTS;
    await em.query(
      `UPDATE event_log SET fan_out_attempts = $2, fan_out_error = $3,
              fanned_out_at = CASE WHEN $4 THEN $5::timestamptz END
        WHERE id = $1`,
      [row.id, attempts, message, setAside, now],
    );
    const what = `Fan-out of event ${row.id} (${row.name}) failed, attempt ${attempts}/${MAX_FAN_OUT_ATTEMPTS}`;
    if (setAside) this.logger.error(`${what}; set aside: ${message}`);
    else this.logger.warn(`${what}; will retry: ${message}`);
  }
}
