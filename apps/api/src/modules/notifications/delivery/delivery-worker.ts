import { Injectable, Logger, Optional, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ACCOUNT_MAIL_KINDS,
  NOTIFICATION_KINDS,
  type Locale,
  type NotificationKind,
} from '@relaydesk/contracts';
import {
  httpConfig,
  InjectConfig,
  mailConfig,
  schedulingConfig,
  type HttpConfig,
  type MailConfig,
  type SchedulingConfig,
} from '../../../config/config-namespaces.js';
import { sql } from '../../../common/database/sql.js';
import { EventLogListener } from '../../../common/events/event-log-listener.js';
import { ScheduledLoop, type LoopSummary } from '../../../common/scheduling/scheduled-loop.js';
import { Clock } from '../../../common/time/clock.js';
import { UnsubscribeTokens } from '../preferences/unsubscribe-token.js';
import { SmsGateway } from '../sms/sms-gateway.js';
import { renderMail, renderSms, type MailData, type MailKind } from '../templates/index.js';
import { DELIVERIES_CHANNEL } from './delivery-wakeup.js';
import { MailSettings } from './mail/mail-settings.js';
import {
  automaticHeaders,
  subjectWithNumber,
  ticketThreadId,
  unsubscribeHeaders,
} from './mail/mail-headers.js';
import { MailTransport } from './mail/mail-transport.js';
import { classifySmtpError, type SendFailure } from './mail/smtp-failure.js';
import { VerpAddresses } from './mail/verp-address.js';
import { ReplyAddresses } from './mail/reply-address.js';
import { suppressionReason } from './recipient-access.js';
import { expired, retryDelayMs } from './retry-policy.js';

/** Rows one tick handles at most, so a shutdown waits for a bounded tick; the next starts at once. */
const MAX_PER_TICK = 500;
const ACCOUNT_KINDS: readonly string[] = ACCOUNT_MAIL_KINDS;
const NOTIFICATION_KIND_SET: ReadonlySet<string> = new Set(NOTIFICATION_KINDS);

interface DueRow {
  id: string;
  channel: 'email' | 'sms';
  kind: string;
  user_id: string | null;
  address: string;
  locale: string;
  ticket_id: string | null;
  data: Record<string, unknown>;
  automatic: boolean;
  attempts: number;
  created_at: Date;
  message_id: string | null;
}

type Outcome =
  | { readonly status: 'sent'; readonly messageId: string | null }
  | { readonly status: 'suppressed'; readonly reason: string }
  | { readonly status: 'failed'; readonly error: string }
  | {
      readonly status: 'retry';
      readonly error: string;
      readonly nextAttemptAt: Date;
      /** Our relay is down: stop claiming rows this tick. */
      readonly outage: boolean;
    };

/** `<ticket-<ticketId>.d<deliveryId>.<random>@<domain>>` (account mails: `<account.d…>`), in SQL. */
const MESSAGE_ID_SQL = (domainParam: string) =>
  `'<' || COALESCE('ticket-' || ticket_id::text, 'account') || '.d' || id::text || '.' ||
   substr(md5(random()::text || clock_timestamp()::text), 1, 12) || '@' || ${domainParam} || '>'`;

/**
 * Sends the `deliveries` outbox: e-mail through MailTransport, SMS through the SmsGateway.
 *
 * Exactly once: each send happens inside the transaction that claimed its row (`FOR UPDATE SKIP
 * LOCKED`), and the row is marked in that same transaction before it commits. Another worker, in
 * this or any other instance, skips a locked row, and a row lock cannot time out while its
 * connection lives; so, short of a crash, no message goes out twice. Concurrency is bounded by
 * MAIL_CONCURRENCY lanes, each holding one pooled connection while it sends.
 *
 * The crash window, honestly: if the SMTP server has accepted a message (250 after DATA) and the
 * process dies, or its database connection breaks, or the COMMIT fails, before that commit, the
 * row is still `pending` and is sent again later. The resend carries the same Message-ID (it is
 * assigned and committed before the first attempt), so a mailbox that de-duplicates by Message-ID
 * shows it once. The same holds when the connection to the SMTP server breaks after the message
 * went out but before its reply came back: SMTP cannot tell whether it was accepted, so it is
 * retried. A server-side `idle_in_transaction_session_timeout` shorter than an SMTP send
 * (SMTP_TIMEOUT_SECONDS) would open the same window: keep it longer, or off.
 */
@Injectable()
export class DeliveryWorker implements OnModuleInit {
  private readonly logger = new Logger(DeliveryWorker.name);
  /** A wake-up arrived while a tick ran: run another when it ends. */
  private rerun = false;
  private waking = false;
  /** The tick in progress in this instance, if any. */
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    @InjectConfig(mailConfig) private readonly config: MailConfig,
    @InjectConfig(httpConfig) private readonly http: HttpConfig,
    @InjectConfig(schedulingConfig) private readonly scheduling: SchedulingConfig,
    private readonly settings: MailSettings,
    private readonly transport: MailTransport,
    private readonly verp: VerpAddresses,
    private readonly replyAddresses: ReplyAddresses,
    private readonly unsubscribe: UnsubscribeTokens,
    private readonly listener: EventLogListener,
    @Optional() private readonly sms?: SmsGateway,
  ) {}

  onModuleInit(): void {
    if (!this.sms) {
      this.logger.warn('No SMS gateway is provided: SMS deliveries stay pending until one is');
    }
    // Tests run the loop by hand; a LISTEN wake-up would race them.
    if (!this.scheduling.schedulerEnabled) return;
    this.listener.onChannel(DELIVERIES_CHANNEL, () => this.wake());
    // NOTIFYs sent while the LISTEN connection was down are lost: look at the table instead.
    this.listener.onReconnect(() => this.wake());
  }

  /** Sends what is due now, until nothing is, with a NOTIFY arriving meanwhile honoured. */
  wake(): void {
    this.rerun = true;
    if (this.waking) return;
    this.waking = true;
    void (async () => {
      try {
        while (this.rerun) {
          this.rerun = false;
          // A tick already running may have passed the new rows by: let it end, then go again
          // (a second tick would be skipped while it runs).
          if (this.running) await this.running;
          await this.deliver();
        }
      } finally {
        this.waking = false;
      }
    })();
  }

  /** One round: every due row (up to MAX_PER_TICK), MAIL_CONCURRENCY at a time. */
  @ScheduledLoop('mail-delivery', 5_000)
  async deliver(): Promise<LoopSummary> {
    let finished = (): void => undefined;
    this.running = new Promise((resolve) => (finished = resolve));
    try {
      return await this.deliverDue();
    } finally {
      this.running = null;
      finished();
    }
  }

  private async deliverDue(): Promise<LoopSummary> {
    await this.assignMessageIds();
    const tally: Record<Outcome['status'], number> = {
      sent: 0,
      suppressed: 0,
      failed: 0,
      retry: 0,
    };
    const state = { claimed: 0, outage: null as string | null };
    const lanes = Array.from({ length: this.config.mailConcurrency }, async () => {
      while (state.outage === null && state.claimed < MAX_PER_TICK) {
        state.claimed++;
        const outcome = await this.deliverOne();
        if (outcome === null) return;
        tally[outcome.status]++;
        if (outcome.status === 'retry' && outcome.outage) state.outage = outcome.error;
      }
    });
    const results = await Promise.allSettled(lanes);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    if (state.claimed >= MAX_PER_TICK && this.scheduling.schedulerEnabled) this.wake();
    const total = tally.sent + tally.suppressed + tally.failed + tally.retry;
    if (total === 0) return null;
    const outage = state.outage ? `; relay unavailable: ${state.outage}` : '';
    return (
      `deliveries: ${tally.sent} sent, ${tally.failed} failed, ${tally.suppressed} suppressed, ` +
      `${tally.retry} to retry${outage}`
    );
  }

  /**
   * Gives due e-mail rows their Message-ID in a commit of its own, before any attempt: a resend
   * after a crash then repeats the id instead of making a new one. Rows a lane holds are skipped.
   */
  private async assignMessageIds(): Promise<void> {
    await this.db.query(
      `UPDATE deliveries SET message_id = ${MESSAGE_ID_SQL('$2')}
        WHERE id IN (SELECT id FROM deliveries
                      WHERE status = 'pending' AND next_attempt_at <= $1
                        AND channel = 'email' AND message_id IS NULL
                      ORDER BY next_attempt_at, id
                      LIMIT ${MAX_PER_TICK}
                      FOR UPDATE SKIP LOCKED)`,
      [this.clock.now(), this.settings.domain],
    );
  }

  /** Claims, sends and marks one due row in one transaction; null when none is due. */
  private async deliverOne(): Promise<Outcome | null> {
    const qr = this.db.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      const now = this.clock.now();
      const rows = (await qr.query(
        `SELECT id, channel, kind, user_id, address, locale, ticket_id, data, automatic, attempts,
                created_at, message_id
           FROM deliveries
          WHERE status = 'pending' AND next_attempt_at <= $1 AND ($2 OR channel = 'email')
          ORDER BY next_attempt_at, id
          LIMIT 1
          FOR UPDATE SKIP LOCKED`,
        [now, this.sms !== undefined],
      )) as DueRow[];
      const row = rows[0];
      if (!row) {
        await qr.commitTransaction();
        return null;
      }
      const outcome = await this.attempt(qr.manager, row, now);
      await this.record(qr.manager, row, outcome, this.clock.now());
      await qr.commitTransaction();
      if (outcome.status === 'failed') {
        this.logger.warn(
          `delivery ${row.id} (${row.channel} ${row.kind}) failed: ${outcome.error}`,
        );
      }
      return outcome;
    } catch (e) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await qr.release();
    }
  }

  private async attempt(em: EntityManager, row: DueRow, now: Date): Promise<Outcome> {
    const reason = await suppressionReason(
      em,
      { userId: row.user_id, ticketId: row.ticket_id, kind: row.kind },
      now,
    );
    if (reason) return { status: 'suppressed', reason };
    if (row.channel === 'sms') return this.sendSms(row, now);
    const limited = (await this.rateLimited(em, row, now)) ?? (await this.ackLimited(em, row, now));
    if (limited) return { status: 'suppressed', reason: limited };
    return this.sendMail(em, row, now);
  }

  /**
   * RFC 3834 §2: one acknowledgement per sender per 24 hours for tickets filed by mail or by the
   * public web form, so that a sender (or someone typing a stranger's address into the form, the
   * e-mail-bomb relay) filing repeatedly gets one automatic answer, not one per ticket. Portal
   * and agent filings keep theirs.
   */
  private async ackLimited(em: EntityManager, row: DueRow, now: Date): Promise<string | null> {
    if (row.kind !== 'ticket_acknowledged' || row.ticket_id === null) return null;
    const [hit] = (await em.query(
      `SELECT 1 FROM tickets t
        WHERE t.id = $1 AND t.channel IN ('email', 'web_form')
          AND EXISTS (SELECT 1 FROM deliveries d
                       WHERE d.address = $2 AND d.channel = 'email' AND d.kind = 'ticket_acknowledged'
                         AND d.status = 'sent' AND d.sent_at > $3)`,
      [row.ticket_id, row.address, new Date(now.getTime() - 24 * 3_600_000)],
    )) as unknown[];
    return hit ? 'an acknowledgement went to this address in the last 24 hours' : null;
  }

  /**
   * RFC 3834: at most MAIL_RATE_LIMIT_PER_HOUR (clients; MAIL_STAFF_RATE_LIMIT_PER_HOUR for
   * staff) automatic mails per recipient address per hour,
   * counted from the rows sent to that address. The advisory lock makes two workers (any
   * instance) count one address one after the other, so the limit holds exactly. Account mails
   * are exempt: a person asked for them, and their own throttles guard them.
   */
  private async rateLimited(em: EntityManager, row: DueRow, now: Date): Promise<string | null> {
    if (!row.automatic || ACCOUNT_KINDS.includes(row.kind)) return null;
    await em.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('relaydesk:mail-rate:' || $1, 0))`,
      [row.address],
    );
    const [{ n }] = (await em.query(
      `SELECT count(*)::int AS n FROM deliveries
        WHERE address = $1 AND channel = 'email' AND automatic AND status = 'sent' AND sent_at > $2`,
      [row.address, new Date(now.getTime() - 3_600_000)],
    )) as { n: number }[];
    // Mail for staff (a ticket mail to the desk, a deputyship) has a limit of its own.
    const staff = (row.data as { audience?: unknown }).audience !== 'client';
    const limit = staff ? this.config.mailStaffRateLimitPerHour : this.config.mailRateLimitPerHour;
    return n >= limit
      ? `rate limit: ${n} automatic mails to this address in the last hour (limit ${limit})`
      : null;
  }

  private async sendMail(em: EntityManager, row: DueRow, now: Date): Promise<Outcome> {
    const domain = this.settings.domain;
    const data = row.data as unknown as MailData;
    const ticket = (row.data as { ticket?: { number?: unknown } }).ticket;
    const ticketNumber = typeof ticket?.number === 'number' ? ticket.number : null;
    const unsubscribeUrl =
      row.user_id !== null && NOTIFICATION_KIND_SET.has(row.kind)
        ? `${this.http.publicUrl}/api/v1/unsubscribe/${this.unsubscribe.create({
            userId: row.user_id,
            kind: row.kind as NotificationKind,
          })}`
        : null;
    let rendered;
    try {
      rendered = renderMail(row.kind as MailKind, row.locale as Locale, data, {
        publicUrl: this.http.publicUrl,
        unsubscribeUrl,
      });
    } catch (e) {
      return { status: 'failed', error: `cannot render the mail: ${errorText(e)}` };
    }
    let messageId = row.message_id;
    if (messageId === null) {
      const [assigned] = await sql<{ message_id: string }>(
        em,
        `UPDATE deliveries SET message_id = ${MESSAGE_ID_SQL('$2')} WHERE id = $1 RETURNING message_id`,
        [row.id, domain],
      );
      messageId = assigned.message_id;
    }
    const thread = row.ticket_id ? ticketThreadId(row.ticket_id, domain) : null;
    try {
      await this.transport.send({
        deliveryId: row.id,
        to: row.address,
        envelopeFrom: this.verp.address(row.id, domain),
        subject: subjectWithNumber(rendered.subject, ticketNumber),
        text: rendered.text,
        html: rendered.html,
        messageId,
        inReplyTo: thread,
        references: thread ? [thread] : [],
        // A reply to the per-ticket address threads even without References or [#number].
        replyTo: ticketNumber !== null ? this.replyAddresses.forTicket(ticketNumber) : null,
        headers: {
          ...automaticHeaders(row.automatic, row.kind),
          ...unsubscribeHeaders(unsubscribeUrl),
        },
      });
    } catch (e) {
      return this.afterFailure(row, classifySmtpError(e), now);
    }
    return { status: 'sent', messageId };
  }

  private async sendSms(row: DueRow, now: Date): Promise<Outcome> {
    const gateway = this.sms!;
    let text: string;
    try {
      text = renderSms(row.kind as MailKind, row.locale as Locale, row.data as unknown as MailData);
    } catch (e) {
      return { status: 'failed', error: `cannot render the SMS: ${errorText(e)}` };
    }
    let result;
    try {
      result = await gateway.send(row.address, text);
    } catch (e) {
      result = { ok: false as const, permanent: false, error: errorText(e) };
    }
    if (result.ok) return { status: 'sent', messageId: null };
    const failure: SendFailure = {
      class: result.permanent ? 'permanent' : 'recipient',
      message: result.error.slice(0, 500),
    };
    return this.afterFailure(row, failure, now);
  }

  private afterFailure(row: DueRow, failure: SendFailure, now: Date): Outcome {
    if (failure.class === 'permanent') return { status: 'failed', error: failure.message };
    const attempts = row.attempts + 1;
    // An outage of ours never expires a row: nothing is wrong with the message.
    if (failure.class === 'recipient' && expired(new Date(row.created_at), now, this.config)) {
      return {
        status: 'failed',
        error: `gave up after ${attempts} attempts over ${this.config.mailRetryMaxAgeHours} h: ${failure.message}`,
      };
    }
    return {
      status: 'retry',
      error: failure.message,
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, this.config)),
      outage: failure.class === 'outage',
    };
  }

  private async record(em: EntityManager, row: DueRow, outcome: Outcome, now: Date): Promise<void> {
    switch (outcome.status) {
      case 'sent':
        await em.query(
          `UPDATE deliveries SET status = 'sent', attempts = attempts + 1, sent_at = $2,
                  last_error = NULL, message_id = COALESCE($3, message_id), data = ${FORGET_LINKS}
            WHERE id = $1`,
          [row.id, now, outcome.messageId],
        );
        return;
      case 'suppressed':
        await em.query(
          `UPDATE deliveries SET status = 'suppressed', last_error = $2, data = ${FORGET_LINKS}
            WHERE id = $1`,
          [row.id, outcome.reason],
        );
        return;
      case 'failed':
        await em.query(
          `UPDATE deliveries SET status = 'failed', attempts = attempts + 1, last_error = $2,
                  data = ${FORGET_LINKS}
            WHERE id = $1`,
          [row.id, outcome.error],
        );
        return;
      case 'retry':
        await em.query(
          `UPDATE deliveries SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3
            WHERE id = $1`,
          [row.id, outcome.error, outcome.nextAttemptAt],
        );
        return;
    }
  }
}

/**
 * Once a row is final its links that act without a sign-in (the rating link, a password-set or
 * reset link, an e-mail confirmation) are dropped from `data`: they were only kept to render the
 * mail, and a database dump or backup must not hold working ones.
 */
const FORGET_LINKS = `data - 'ratingUrl' - 'actionUrl'`;

function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 500);
}
