import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Locale } from '@relaydesk/contracts';
import { SecretBox } from '../../../common/crypto/secret-box.js';
import { sql } from '../../../common/database/sql.js';
import { ConflictError, NotFoundError } from '../../../common/errors/domain-errors.js';
import { EventLogListener } from '../../../common/events/event-log-listener.js';
import { ScheduledLoop, type LoopSummary } from '../../../common/scheduling/scheduled-loop.js';
import { Clock } from '../../../common/time/clock.js';
import {
  httpConfig,
  InjectConfig,
  schedulingConfig,
  webhooksConfig,
  type HttpConfig,
  type SchedulingConfig,
  type WebhooksConfig,
} from '../../../config/config-namespaces.js';
import { AccountMailOutbox } from '../../notifications/index.js';
import { secretContext } from '../webhook-endpoints.service.js';
import { retryDelayMs } from './retry-schedule.js';
import { postWebhook, type PostResult } from './webhook-http-client.js';
import { messageId, signatureHeader } from './webhook-signature.js';
import { WEBHOOKS_CHANNEL } from './webhook-wakeup.js';

/** Messages one tick sends at most, so a shutdown waits for a bounded tick. */
const MAX_PER_TICK = 500;

interface DueRow {
  id: string;
  endpoint_id: string;
  body: string;
  status: string;
  attempts: number;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
}

export type AttemptOutcome = 'delivered' | 'retry' | 'failed';

/**
 * Sends the `webhook_deliveries` outbox. A message is claimed with FOR UPDATE SKIP LOCKED and
 * sent inside the transaction that claimed it, its attempt and new state written before the
 * commit: another worker, in this or any instance, skips a row being sent, so short of a crash
 * between the receiver's answer and the commit (then it is sent again with the same webhook-id,
 * which receivers de-duplicate by), each message is POSTed once per attempt.
 *
 * A 2xx is delivered; anything else is retried with exponential backoff (retry-schedule.ts) up to
 * WEBHOOK_MAX_ATTEMPTS, then failed; a target the SSRF guard refuses fails at once (retrying
 * would not change the answer). WEBHOOK_DISABLE_AFTER_FAILURES failed messages in a row disable
 * the endpoint and mail every admin, in the same transaction.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  private rerun = false;
  private waking = false;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly secrets: SecretBox,
    private readonly mails: AccountMailOutbox,
    private readonly listener: EventLogListener,
    @InjectConfig(webhooksConfig) private readonly config: WebhooksConfig,
    @InjectConfig(httpConfig) private readonly http: HttpConfig,
    @InjectConfig(schedulingConfig) private readonly scheduling: SchedulingConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Tests run the loop by hand; a LISTEN wake-up would race them.
    if (!this.scheduling.schedulerEnabled) return;
    this.listener.onChannel(WEBHOOKS_CHANNEL, () => this.wake());
    this.listener.onReconnect(() => this.wake());
  }

  wake(): void {
    this.rerun = true;
    if (this.waking) return;
    this.waking = true;
    void (async () => {
      try {
        while (this.rerun) {
          this.rerun = false;
          if (this.running) await this.running;
          await this.deliver();
        }
      } finally {
        this.waking = false;
      }
    })();
  }

  /** One round: every due message (up to MAX_PER_TICK), WEBHOOK_CONCURRENCY at a time. */
  @ScheduledLoop('webhook-delivery', 5_000)
  async deliver(): Promise<LoopSummary> {
    let finished = (): void => undefined;
    this.running = new Promise((resolve) => (finished = resolve));
    try {
      const tally: Record<AttemptOutcome, number> = { delivered: 0, retry: 0, failed: 0 };
      let claimed = 0;
      const lanes = Array.from({ length: this.config.webhookConcurrency }, async () => {
        while (claimed < MAX_PER_TICK) {
          claimed++;
          const outcome = await this.deliverOne();
          if (outcome === null) return;
          tally[outcome]++;
        }
      });
      await Promise.all(lanes);
      const total = tally.delivered + tally.retry + tally.failed;
      return total === 0
        ? null
        : `Webhooks: ${tally.delivered} delivered, ${tally.retry} to retry, ${tally.failed} failed`;
    } finally {
      this.running = null;
      finished();
    }
  }

  /** Claims and sends one due message; null when none is due (or all are held elsewhere). */
  async deliverOne(): Promise<AttemptOutcome | null> {
    return this.db.transaction(async (em) => {
      const [row] = await sql<DueRow>(
        em,
        `${DUE_SELECT}
          WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND e.active
          ORDER BY d.next_attempt_at, d.event_id
          LIMIT 1
          FOR UPDATE OF d SKIP LOCKED`,
        [this.clock.now()],
      );
      if (!row) return null;
      return this.attempt(em, row, false);
    });
  }

  /**
   * An admin's redelivery: one more attempt of the message now, with the same webhook-id and
   * body, whatever its state (a failed one stays failed if it fails again; a pending one keeps
   * its schedule). 409 while a worker is sending it.
   */
  async redeliver(endpointId: string, deliveryId: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const [exists] = await sql<{ id: string }>(
        em,
        `SELECT id FROM webhook_deliveries WHERE id = $1 AND endpoint_id = $2`,
        [deliveryId, endpointId],
      );
      if (!exists) throw new NotFoundError('Webhook delivery');
      const [row] = await sql<DueRow>(
        em,
        `${DUE_SELECT} WHERE d.id = $1 FOR UPDATE OF d SKIP LOCKED`,
        [deliveryId],
      );
      if (!row) throw new ConflictError('This message is being sent right now; try again shortly');
      await this.attempt(em, row, true);
    });
  }

  private async attempt(em: EntityManager, row: DueRow, manual: boolean): Promise<AttemptOutcome> {
    const now = this.clock.now();
    const result = await this.post(row, now);
    const attempts = row.attempts + 1;
    let outcome: AttemptOutcome;
    if (result.error === null) outcome = 'delivered';
    else if (manual) outcome = row.status === 'pending' ? 'retry' : 'failed';
    else if (result.refused || attempts >= this.config.webhookMaxAttempts) outcome = 'failed';
    else outcome = 'retry';
    await em.query(
      `INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, duration_ms,
                                     response_excerpt, error, manual)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.id, now, result.statusCode, result.durationMs, result.excerpt, result.error, manual],
    );
    // A manual attempt of a pending message leaves its schedule as it was.
    const next =
      outcome === 'retry' && !manual ? new Date(now.getTime() + retryDelayMs(attempts)) : null;
    await em.query(
      `UPDATE webhook_deliveries
          SET status = $2::varchar, attempts = $3, last_status_code = $4, last_error = $5,
              last_attempt_at = $6, delivered_at = CASE WHEN $2::varchar = 'delivered' THEN $6::timestamptz END,
              next_attempt_at = coalesce($7::timestamptz, next_attempt_at)
        WHERE id = $1`,
      [
        row.id,
        outcome === 'retry' ? 'pending' : outcome,
        attempts,
        result.statusCode,
        result.error,
        now,
        next,
      ],
    );
    if (outcome === 'delivered') {
      await em.query(
        `UPDATE webhook_endpoints SET consecutive_failures = 0
          WHERE id = $1 AND consecutive_failures <> 0`,
        [row.endpoint_id],
      );
    } else if (outcome === 'failed' && !manual) {
      await this.countFailure(em, row, result, now);
    }
    if (outcome === 'failed') {
      this.logger.warn(
        `webhook message ${row.id} to endpoint ${row.endpoint_id} failed: ${result.error}`,
      );
    }
    return outcome;
  }

  private async post(row: DueRow, now: Date): Promise<PostResult> {
    let secrets: string[];
    try {
      secrets = [this.secrets.open(row.secret, secretContext(row.endpoint_id))];
      if (
        row.previous_secret &&
        row.previous_secret_expires_at &&
        row.previous_secret_expires_at > now
      ) {
        secrets.push(this.secrets.open(row.previous_secret, secretContext(row.endpoint_id)));
      }
    } catch (e) {
      return {
        statusCode: null,
        durationMs: 0,
        excerpt: null,
        error: (e as Error).message,
        refused: true,
      };
    }
    const id = messageId(row.id);
    const timestamp = Math.floor(now.getTime() / 1000);
    return postWebhook(
      row.url,
      row.body,
      {
        'webhook-id': id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signatureHeader(secrets, id, timestamp, row.body),
      },
      { allow: this.config.webhookAllowedHosts, timeoutMs: this.config.webhookTimeoutMs },
    );
  }

  /** One more failed message in a row; at the limit the endpoint is disabled and admins mailed. */
  private async countFailure(
    em: EntityManager,
    row: DueRow,
    result: PostResult,
    now: Date,
  ): Promise<void> {
    const [endpoint] = await sql<{
      consecutive_failures: number;
      active: boolean;
      url: string;
      description: string;
    }>(
      em,
      `UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1
        WHERE id = $1 RETURNING consecutive_failures, active, url, description`,
      [row.endpoint_id],
    );
    if (
      !endpoint?.active ||
      endpoint.consecutive_failures < this.config.webhookDisableAfterFailures
    ) {
      return;
    }
    const reason = `${endpoint.consecutive_failures} messages failed in a row; last: ${result.error}`;
    await em.query(
      `UPDATE webhook_endpoints
          SET active = false, disabled_at = $2, disabled_reason = $3, updated_at = $2,
              version = version + 1
        WHERE id = $1`,
      [row.endpoint_id, now, reason],
    );
    this.logger.error(`webhook endpoint ${row.endpoint_id} disabled: ${reason}`);
    const admins = await sql<{ id: string; email: string; name: string; locale: Locale }>(
      em,
      `SELECT id, email, name, locale FROM users
        WHERE role = 'admin' AND active AND NOT service_account ORDER BY id`,
    );
    const actionUrl = `${this.http.publicUrl.replace(/\/+$/, '')}/agent/admin/webhooks`;
    for (const admin of admins) {
      await this.mails.enqueue(em, {
        kind: 'webhook_disabled',
        userId: admin.id,
        address: admin.email,
        locale: admin.locale,
        data: {
          name: admin.name,
          actionUrl,
          endpointUrl: withoutQuery(endpoint.url),
          description: endpoint.description,
          failures: endpoint.consecutive_failures,
          lastError: result.error,
          disabledAt: now.toISOString(),
          audience: 'staff',
        },
      });
    }
  }
}

const DUE_SELECT = `
  SELECT d.id, d.endpoint_id, d.body, d.status, d.attempts, e.url, e.secret, e.previous_secret,
         e.previous_secret_expires_at
    FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id`;

/** A receiver may carry a credential in its query string: the mail names the endpoint without it. */
function withoutQuery(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return url;
  }
}
