import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { SchedulerRegistry } from '@nestjs/schedule';
import { simpleParser } from 'mailparser';
import { pino } from 'pino';
import { EventLogListener } from '../src/common/events/event-log-listener';
import type { AppConfig } from '../src/config/app-config';
import { wakeDeliveryWorkers } from '../src/modules/notifications/delivery/delivery-wakeup';
import { DeliveryWorker } from '../src/modules/notifications/delivery/delivery-worker';
import { VerpAddresses } from '../src/modules/notifications/delivery/mail/verp-address';
import { AccountMailOutbox, ReplyAddresses } from '../src/modules/notifications/index';
import { UnsubscribeTokens } from '../src/modules/notifications/preferences/unsubscribe-token';
import { renderMail } from '../src/modules/notifications/templates/index';
import { freePort, SmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';

const DOMAIN = 'helpdesk.test';
const FROM = 'Relaydesk Support <support@helpdesk.test>';

function mailOverrides(port: number, more: Partial<AppConfig> = {}): Partial<AppConfig> {
  return {
    mailDriver: 'smtp',
    smtpUrl: `smtp://127.0.0.1:${port}`,
    smtpEndpoint: { host: '127.0.0.1', port, secure: false, user: null },
    mailFrom: FROM,
    mailDomain: null,
    mailConcurrency: 3,
    mailRateLimitPerHour: 3,
    mailStaffRateLimitPerHour: 5,
    mailRetryBaseSeconds: 30,
    mailRetryMaxDelaySeconds: 600,
    mailRetryMaxAgeHours: 72,
    smtpTimeoutSeconds: 5,
    ...more,
  };
}

interface TicketRef {
  id: string;
  number: number;
}

/** What the fan-out writes for a staff recipient (TicketMailBase). */
function ticketData(ticket: TicketRef, subject = 'Printer on fire') {
  return {
    ticket: {
      id: ticket.id,
      number: ticket.number,
      subject,
      priority: 'normal',
      statusName: 'Open',
    },
    audience: 'staff',
    actorName: null,
    timeZone: 'UTC',
  };
}

interface QueuedRow {
  kind?: string;
  userId?: string | null;
  address: string;
  ticket?: TicketRef | null;
  data?: Record<string, unknown>;
  automatic?: boolean;
  channel?: 'email' | 'sms';
}

/** A deliveries row as the fan-out writes it: due now by the application's clock. */
async function queue(t: TestApp, row: QueuedRow): Promise<string> {
  const ticket = row.ticket ?? null;
  const [{ id }] = (await t.db.query(
    `INSERT INTO deliveries (channel, kind, user_id, address, locale, ticket_id, data, automatic,
                             next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4, 'en', $5, $6::jsonb, $7, $8, $8) RETURNING id`,
    [
      row.channel ?? 'email',
      row.kind ?? 'ticket_reopened',
      row.userId ?? null,
      row.address,
      ticket?.id ?? null,
      JSON.stringify(row.data ?? (ticket ? ticketData(ticket) : {})),
      row.automatic ?? true,
      t.clock.now(),
    ],
  )) as { id: string }[];
  return id;
}

interface DeliveryRow {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  message_id: string | null;
  next_attempt_at: Date;
  sent_at: Date | null;
}

async function delivery(t: TestApp, id: string): Promise<DeliveryRow> {
  const [row] = (await t.db.query(
    `SELECT id, status, attempts, last_error, message_id, next_attempt_at, sent_at
       FROM deliveries WHERE id = $1`,
    [id],
  )) as DeliveryRow[];
  return row;
}

/** A header as sent (unfolded), or undefined: mailparser rewrites some (List-*) into objects. */
function header(
  mail: { parsed: { headerLines: readonly { key: string; line: string }[] } },
  name: string,
): string | undefined {
  const found = mail.parsed.headerLines.find((h) => h.key === name.toLowerCase());
  return found?.line
    .slice(found.line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

// First in the file: nestjs-pino keeps one root logger per process, the first app's, and this
// test reads what the app logs.
describe('mail delivery with the log driver', () => {
  const dataDir = `/tmp/relaydesk-mail-log-${process.env.JEST_WORKER_ID ?? '0'}`;
  const lines: string[] = [];
  let t: TestApp;

  beforeAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    const out = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    t = await startTestApp(
      { mailDriver: 'log', smtpUrl: null, smtpEndpoint: null, mailFrom: FROM, dataDir },
      pino({ level: 'info' }, out),
    );
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes each message as an .eml file and logs one line without the body', async () => {
    const ticket = await t.factory.ticket({ subject: 'Heating is off' });
    const data = {
      ...ticketData(ticket, 'Heating is off'),
      category: 'resolved',
      question: null,
      ratingUrl: 'http://localhost:3000/api/v1/public/ratings/SECRET-RATING-TOKEN',
      acceptance: true,
    };
    const id = await queue(t, {
      kind: 'status_changed',
      address: 'reader@customer.test',
      ticket,
      data,
    });
    await t.app.get(DeliveryWorker).deliver();

    const files = readdirSync(join(dataDir, 'mail'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`-d${id}\\.eml$`));
    const parsed = await simpleParser(readFileSync(join(dataDir, 'mail', files[0])));
    const expected = renderMail('status_changed', 'en', data as never, {
      publicUrl: 'http://localhost:3000',
      unsubscribeUrl: null,
    });
    expect(parsed.text?.trim()).toBe(expected.text.trim());
    expect(parsed.messageId).toBe((await delivery(t, id)).message_id);
    expect((await delivery(t, id)).status).toBe('sent');

    const logged = lines.filter((l) => l.includes('mail written'));
    expect(logged).toHaveLength(1);
    const line = JSON.parse(logged[0]) as Record<string, unknown>;
    expect(line).toMatchObject({
      to: 'reader@customer.test',
      subject: expect.stringContaining(`[#${ticket.number}]`),
      file: join(dataDir, 'mail', files[0]),
    });
    const all = lines.join('\n');
    expect(all).not.toContain('SECRET-RATING-TOKEN');
    // Sent: the working link is gone from the stored row (a dump must not hold it).
    const [stored] = (await t.db.query('SELECT data FROM deliveries WHERE id = $1', [id])) as {
      data: Record<string, unknown>;
    }[];
    expect(stored.data).toMatchObject({ category: 'resolved', acceptance: true });
    expect(JSON.stringify(stored.data)).not.toContain('SECRET-RATING-TOKEN');
    for (const textLine of expected.text.split('\n').filter((l) => l.trim().length > 12)) {
      expect(all).not.toContain(textLine.trim());
    }
  });
});

describe('mail delivery (real SMTP server)', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let worker: DeliveryWorker;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp(mailOverrides(sink.port));
    worker = t.app.get(DeliveryWorker);
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });
  beforeEach(() => {
    sink.received.length = 0;
    sink.reject.clear();
    sink.dataDelayMs = 0;
    sink.beforeAccept = null;
  });

  it('threads two mails of one ticket, with our Message-IDs, [#number], VERP and one-click unsubscribe', async () => {
    const admin = await t.factory.user({ role: 'admin', email: 'ada@customer.test' });
    const ticket = await t.factory.ticket({ subject: 'Printer on fire' });
    const first = await queue(t, { userId: admin.id, address: admin.email, ticket });
    const second = await queue(t, {
      kind: 'comment_public',
      userId: admin.id,
      address: admin.email,
      ticket,
      automatic: false,
      data: { ...ticketData(ticket), commentId: ticket.id, authorName: 'Bob', body: 'On it.' },
    });

    await worker.deliver();

    const mails = sink.to(admin.email);
    expect(mails).toHaveLength(2);
    const thread = `<ticket-${ticket.id}@${DOMAIN}>`;
    const verp = t.app.get(VerpAddresses);
    const tokens = t.app.get(UnsubscribeTokens);
    for (const [id, kind] of [
      [first, 'ticket_reopened'],
      [second, 'comment_public'],
    ] as const) {
      const row = await delivery(t, id);
      expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
      expect(row.sent_at).toEqual(t.clock.now());
      expect(row.message_id).toMatch(
        new RegExp(`^<ticket-${ticket.id}\\.d${id}\\.[0-9a-f]{12}@helpdesk\\.test>$`),
      );
      const mail = mails.find((m) => m.parsed.messageId === row.message_id)!;
      expect(mail).toBeDefined();
      expect(mail.parsed.inReplyTo).toBe(thread);
      expect([mail.parsed.references].flat()).toEqual([thread]);
      expect(mail.parsed.subject).toContain(`[#${ticket.number}]`);
      expect(mail.parsed.from?.value).toEqual([
        { name: 'Relaydesk Support', address: 'support@helpdesk.test' },
      ]);
      // Replies go to the ticket's signed address: they thread even without References.
      const replyTo = mail.parsed.replyTo?.value[0].address ?? '';
      expect(replyTo).toMatch(/^support\+t\d+-[0-9a-f]{16}@helpdesk\.test$/);
      expect(t.app.get(ReplyAddresses).ticketNumber(replyTo)).toBe(ticket.number);
      expect(mail.parsed.text).toBeTruthy();
      expect(mail.parsed.html).toBeTruthy();
      // The envelope sender names the row, signed; the From header stays MAIL_FROM.
      expect(mail.envelopeFrom).toMatch(
        new RegExp(`^bounces\\+${id}-[0-9a-f]{16}@helpdesk\\.test$`),
      );
      expect(verp.deliveryId(mail.envelopeFrom)).toBe(id);
      expect(verp.deliveryId(mail.envelopeFrom.replace(/-[0-9a-f]/, '-0'))).not.toBe(id);
      const unsubscribe = header(mail, 'List-Unsubscribe') ?? '';
      const token = new RegExp('^<http://localhost:3000/api/v1/unsubscribe/([^>]+)>$').exec(
        unsubscribe,
      )?.[1];
      expect(tokens.verify(token ?? '')).toEqual({ userId: admin.id, kind });
      expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    }
  });

  it('marks automatic mail for RFC 3834 and leaves a person’s reply unmarked', async () => {
    const admin = await t.factory.user({ role: 'admin' });
    const ticket = await t.factory.ticket();
    const auto = await queue(t, { userId: admin.id, address: admin.email, ticket });
    const personal = await queue(t, {
      userId: admin.id,
      address: admin.email,
      ticket,
      automatic: false,
    });
    await worker.deliver();
    const byId = async (id: string) => {
      const { message_id } = await delivery(t, id);
      return sink.received.find((m) => m.parsed.messageId === message_id)!;
    };
    const a = await byId(auto);
    expect(header(a, 'Auto-Submitted')).toBe('auto-generated');
    expect(header(a, 'X-Auto-Response-Suppress')).toBe('All');
    expect(header(a, 'Precedence')).toBe('bulk');
    const p = await byId(personal);
    expect(p).toBeDefined();
    for (const name of ['Auto-Submitted', 'X-Auto-Response-Suppress', 'Precedence']) {
      expect(header(p, name)).toBeUndefined();
    }
  });

  it('sends account mails without unsubscribe link or ticket thread', async () => {
    const user = await t.factory.user({ role: 'client' });
    const id = await t.db.transaction((em) =>
      t.app.get(AccountMailOutbox).enqueue(em, {
        kind: 'password_reset',
        userId: user.id,
        address: user.email,
        locale: 'en',
        data: {
          name: 'Cleo',
          actionUrl: 'http://localhost:3000/reset#secret',
          expiresAt: '2026-03-02T10:00:00Z',
          audience: 'client',
        },
      }),
    );
    await worker.deliver();
    const [mail] = sink.to(user.email);
    const row = await delivery(t, id);
    expect(row.status).toBe('sent');
    expect(mail.parsed.messageId).toBe(row.message_id);
    expect(row.message_id).toMatch(
      new RegExp(`^<account\\.d${id}\\.[0-9a-f]{12}@helpdesk\\.test>$`),
    );
    expect(mail.parsed.inReplyTo).toBeUndefined();
    expect(header(mail, 'List-Unsubscribe')).toBeUndefined();
    expect(header(mail, 'Auto-Submitted')).toBe('auto-generated');
    expect(mail.parsed.text).toContain('http://localhost:3000/reset#secret');
    const [stored] = (await t.db.query('SELECT data FROM deliveries WHERE id = $1', [id])) as {
      data: Record<string, unknown>;
    }[];
    expect(stored.data).toEqual({
      name: 'Cleo',
      expiresAt: '2026-03-02T10:00:00Z',
      audience: 'client',
    });
  });

  it('records a 550 for one recipient as failed with the reply, and sends the others', async () => {
    const ticket = await t.factory.ticket();
    sink.reject.set('nobody@customer.test', [550, '5.1.1 No such user here']);
    const bad = await queue(t, { address: 'nobody@customer.test', ticket });
    const good = await queue(t, { address: 'somebody@customer.test', ticket });
    await worker.deliver();
    expect(await delivery(t, bad)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await delivery(t, bad)).last_error).toMatch(/^550 5\.1\.1 No such user here/);
    expect(await delivery(t, good)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(sink.to('somebody@customer.test')).toHaveLength(1);
    // Failed stays failed: nothing is retried.
    t.clock.advance(86_400_000);
    await worker.deliver();
    expect(await delivery(t, bad)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('retries a 4xx with backoff, and gives the recipient up after the maximum age', async () => {
    const ticket = await t.factory.ticket();
    sink.reject.set('full@customer.test', [452, '4.2.2 Mailbox full']);
    const id = await queue(t, { address: 'full@customer.test', ticket });
    await worker.deliver();
    const first = await delivery(t, id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    expect(first.last_error).toMatch(/^452 4\.2\.2 Mailbox full/);
    const wait = first.next_attempt_at.getTime() - t.clock.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(15_000);
    expect(wait).toBeLessThanOrEqual(30_000);
    t.clock.advance(wait);
    await worker.deliver();
    const second = await delivery(t, id);
    expect(second.attempts).toBe(2);
    const wait2 = second.next_attempt_at.getTime() - t.clock.now().getTime();
    expect(wait2).toBeGreaterThanOrEqual(30_000);
    expect(wait2).toBeLessThanOrEqual(60_000);
    t.clock.advance(72 * 3_600_000);
    await worker.deliver();
    const last = await delivery(t, id);
    expect(last).toMatchObject({ status: 'failed', attempts: 3 });
    expect(last.last_error).toMatch(/^gave up after 3 attempts over 72 h: 452/);
  });

  it('loses nothing in an outage and sends each mail exactly once afterwards', async () => {
    const ticket = await t.factory.ticket();
    const ids = [
      await queue(t, { address: 'o1@customer.test', ticket }),
      await queue(t, { address: 'o2@customer.test', ticket }),
      await queue(t, { address: 'o3@customer.test', ticket }),
    ];
    await sink.stop();
    try {
      // Each tick stops at the first refused connection; keep ticking until every row has waited.
      for (let i = 0; i < 6; i++) await worker.deliver();
      for (const id of ids) {
        const row = await delivery(t, id);
        expect(row).toMatchObject({ status: 'pending', attempts: 1 });
        expect(row.last_error).toMatch(/ECONNREFUSED/);
        expect(row.next_attempt_at.getTime()).toBeGreaterThan(t.clock.now().getTime());
      }
      // Days of outage: nothing expires, attempts go on with capped backoff.
      for (let hour = 0; hour < 100; hour += 10) {
        t.clock.advance(10 * 3_600_000);
        for (let i = 0; i < 3; i++) await worker.deliver();
      }
      for (const id of ids) expect((await delivery(t, id)).status).toBe('pending');
    } finally {
      await sink.listen();
    }
    // Still waiting for the backoff, then each mail once.
    await worker.deliver();
    t.clock.advance(600_000);
    await worker.deliver();
    await worker.deliver();
    for (const [i, id] of ids.entries()) {
      const row = await delivery(t, id);
      expect(row.status).toBe('sent');
      const got = sink.to(`o${i + 1}@customer.test`);
      expect(got).toHaveLength(1);
      expect(got[0].parsed.messageId).toBe(row.message_id);
    }
  });

  it('sends every mail once with two API instances draining at the same time', async () => {
    const other = await t.secondInstance();
    const ticket = await t.factory.ticket();
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      ids.push(await queue(t, { address: `pair${i}@customer.test`, ticket }));
    }
    sink.dataDelayMs = 15;
    await Promise.all([worker.deliver(), other.get(DeliveryWorker).deliver(), worker.deliver()]);
    await Promise.all([worker.deliver(), other.get(DeliveryWorker).deliver()]);
    const ids2 = sink.received.map((m) => m.parsed.messageId);
    expect(new Set(ids2).size).toBe(ids2.length);
    expect(sink.received).toHaveLength(24);
    for (let i = 0; i < 24; i++) expect(sink.to(`pair${i}@customer.test`)).toHaveLength(1);
    const rows = (await t.db.query(
      `SELECT count(*)::int AS n FROM deliveries WHERE id = ANY($1) AND status = 'sent' AND attempts = 1`,
      [ids],
    )) as { n: number }[];
    expect(rows[0].n).toBe(24);
  });

  it('resends with the same Message-ID when the row could not be marked after the server took it', async () => {
    const ticket = await t.factory.ticket();
    const id = await queue(t, { address: 'crash@customer.test', ticket });
    // The crash window: the server has the message, and the sending transaction dies before
    // its commit (here: its connection is killed while it waits for the 250).
    sink.beforeAccept = async () => {
      sink.beforeAccept = null;
      await t.db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'idle in transaction'
            AND pid <> pg_backend_pid()`,
      );
    };
    await worker.deliver();
    const afterCrash = await delivery(t, id);
    expect(afterCrash.status).toBe('pending');
    expect(sink.to('crash@customer.test')).toHaveLength(1);
    await worker.deliver();
    const copies = sink.to('crash@customer.test');
    expect(copies).toHaveLength(2);
    expect(copies[1].parsed.messageId).toBe(copies[0].parsed.messageId);
    expect(await delivery(t, id)).toMatchObject({
      status: 'sent',
      message_id: copies[0].parsed.messageId,
    });
  });

  it('limits automatic mail per recipient address per hour, not per user', async () => {
    const ticket = await t.factory.ticket();
    const address = 'storm@customer.test';
    const forClient = { ...ticketData(ticket), audience: 'client' };
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await queue(t, { address, ticket, data: forClient }));
    const personal = await queue(t, { address, ticket, automatic: false, data: forClient });
    const elsewhere = await queue(t, { address: 'calm@customer.test', ticket, data: forClient });
    // Staff mail has its own, higher limit (5 here): a busy agent hears of every assignment.
    const desk: string[] = [];
    for (let i = 0; i < 6; i++)
      desk.push(await queue(t, { address: 'desk@helpdesk.test', ticket }));
    await worker.deliver();
    const statuses = await Promise.all(ids.map(async (id) => (await delivery(t, id)).status));
    expect(statuses.filter((s) => s === 'sent')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'suppressed')).toHaveLength(2);
    const suppressed = await delivery(t, ids[statuses.indexOf('suppressed')]);
    expect(suppressed.last_error).toMatch(/^rate limit: 3 automatic mails to this address/);
    expect((await delivery(t, personal)).status).toBe('sent');
    expect((await delivery(t, elsewhere)).status).toBe('sent');
    expect(sink.to(address)).toHaveLength(4);
    const deskStatuses = await Promise.all(desk.map(async (id) => (await delivery(t, id)).status));
    expect(deskStatuses.filter((s) => s === 'sent')).toHaveLength(5);
    expect(deskStatuses.filter((s) => s === 'suppressed')).toHaveLength(1);
    // An hour later the address may get mail again.
    t.clock.advance(3_600_000 + 1000);
    const later = await queue(t, { address, ticket, data: forClient });
    await worker.deliver();
    expect((await delivery(t, later)).status).toBe('sent');
  });

  it('suppresses mail to a user deactivated meanwhile, or who may no longer see the ticket', async () => {
    const org = await t.factory.organization();
    const client = await t.factory.user({ role: 'client', organizationId: org.id });
    const gone = await t.factory.user({ role: 'agent' });
    const own = await t.factory.ticket({ requesterId: client.id, organizationId: org.id });
    const foreign = await t.factory.ticket();
    const seen = await queue(t, { userId: client.id, address: client.email, ticket: own });
    const unseen = await queue(t, { userId: client.id, address: client.email, ticket: foreign });
    const internal = await queue(t, {
      kind: 'comment_internal',
      userId: client.id,
      address: client.email,
      ticket: own,
      data: { ...ticketData(own), commentId: own.id, authorName: 'Bob', body: 'secret' },
    });
    const deactivated = await queue(t, { userId: gone.id, address: gone.email, ticket: own });
    await t.db.query('UPDATE users SET active = false WHERE id = $1', [gone.id]);
    await worker.deliver();
    expect((await delivery(t, seen)).status).toBe('sent');
    expect(await delivery(t, unseen)).toMatchObject({
      status: 'suppressed',
      last_error: 'recipient may no longer see the ticket',
    });
    expect(await delivery(t, internal)).toMatchObject({
      status: 'suppressed',
      last_error: 'an internal note never goes to a client',
    });
    expect(await delivery(t, deactivated)).toMatchObject({
      status: 'suppressed',
      last_error: 'recipient is deactivated or deleted',
    });
    expect(sink.to(client.email)).toHaveLength(1);
    expect(sink.to(gone.email)).toHaveLength(0);
  });
  it('shows a ticket’s deliveries to staff who see it; 404 for clients and staff who do not', async () => {
    const org = await t.factory.organization();
    const client = await t.factory.user({ role: 'client', organizationId: org.id });
    const agent = await t.factory.user({ role: 'agent' });
    const outsider = await t.factory.user({ role: 'agent' });
    const ticket = await t.factory.ticket({
      requesterId: client.id,
      organizationId: org.id,
      assigneeId: agent.id,
    });
    sink.reject.set('bounced@customer.test', [550, '5.1.1 Gone away']);
    const sent = await queue(t, { userId: client.id, address: client.email, ticket });
    const failed = await queue(t, { address: 'bounced@customer.test', ticket });
    await worker.deliver();
    const get = async (userId: string, path: string) =>
      t
        .http()
        .get(path)
        .set('Authorization', `Bearer ${await t.tokenFor(userId)}`);
    const path = `/api/v1/tickets/${ticket.id}/deliveries`;

    const res = await get(agent.id, path);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items.map((d: { id: string }) => d.id)).toEqual([failed, sent]);
    expect(res.body.items[0]).toMatchObject({
      channel: 'email',
      kind: 'ticket_reopened',
      recipient: 'bounced@customer.test',
      recipientName: null,
      status: 'failed',
      attempts: 1,
      sentAt: null,
      nextAttemptAt: null,
      ticket: { id: ticket.id, number: ticket.number },
    });
    expect(res.body.items[0].lastError).toMatch(/^550 5\.1\.1 Gone away/);
    expect(res.body.items[1]).toMatchObject({
      recipient: client.email,
      status: 'sent',
      lastError: null,
      sentAt: t.clock.now().toISOString(),
    });
    expect(res.body.items[1]).not.toHaveProperty('data');

    const first = await get(agent.id, `${path}?limit=1`);
    expect(first.body.items.map((d: { id: string }) => d.id)).toEqual([failed]);
    const next = await get(agent.id, `${path}?limit=1&cursor=${first.body.nextCursor}`);
    expect(next.body.items.map((d: { id: string }) => d.id)).toEqual([sent]);
    expect(next.body.nextCursor).toBeNull();
    expect((await get(agent.id, `${path}?cursor=bm9wZQ`)).status).toBe(400);

    expect((await get(client.id, path)).status).toBe(404);
    expect((await get(outsider.id, path)).status).toBe(404);
    const missing = await get(
      agent.id,
      '/api/v1/tickets/00000000-0000-4000-8000-000000000000/deliveries',
    );
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('shows admins the mail settings in force and the failed deliveries; nobody else', async () => {
    const admin = await t.factory.user({ role: 'admin' });
    const dispatcher = await t.factory.user({ role: 'dispatcher' });
    const ticket = await t.factory.ticket();
    sink.reject.set('dead@customer.test', [550, '5.1.1 Dead']);
    const failed = await queue(t, { address: 'dead@customer.test', ticket });
    await worker.deliver();
    const as = async (userId: string, path: string) =>
      t
        .http()
        .get(path)
        .set('Authorization', `Bearer ${await t.tokenFor(userId)}`);

    const mail = await as(admin.id, '/api/v1/admin/mail');
    expect(mail.status).toBe(200);
    expect(mail.body).toMatchObject({
      driver: 'smtp',
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      user: null,
      from: FROM,
      domain: DOMAIN,
      replyTo: null,
      dkim: false,
      rateLimitPerHour: 3,
      logDirectory: null,
    });
    const [{ n }] = (await t.db.query(
      `SELECT count(*)::int AS n FROM deliveries WHERE status = 'failed'`,
    )) as { n: number }[];
    expect(mail.body.counts.failed).toBe(n);

    const list = await as(admin.id, '/api/v1/admin/deliveries');
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ id: failed, status: 'failed' });
    expect(list.body.items.every((d: { status: string }) => d.status === 'failed')).toBe(true);
    const suppressed = await as(admin.id, '/api/v1/admin/deliveries?status=suppressed');
    expect(suppressed.body.items.every((d: { status: string }) => d.status === 'suppressed')).toBe(
      true,
    );
    expect((await as(admin.id, '/api/v1/admin/deliveries?status=lost')).status).toBe(400);
    expect((await as(dispatcher.id, '/api/v1/admin/mail')).status).toBe(403);
    expect((await as(dispatcher.id, '/api/v1/admin/deliveries')).status).toBe(403);
  });
});

describe('mail delivery against a port where nothing listens at first', () => {
  it('keeps the row pending (attempts, backoff) until the server comes', async () => {
    const port = await freePort();
    const t = await startTestApp(mailOverrides(port));
    try {
      const ticket = await t.factory.ticket();
      const id = await queue(t, { address: 'late@customer.test', ticket });
      await t.app.get(DeliveryWorker).deliver();
      expect(await delivery(t, id)).toMatchObject({ status: 'pending', attempts: 1 });
      const sink = await SmtpSink.start(port);
      try {
        t.clock.advance(30_000);
        await t.app.get(DeliveryWorker).deliver();
        expect(await delivery(t, id)).toMatchObject({ status: 'sent', attempts: 2 });
        expect(sink.to('late@customer.test')).toHaveLength(1);
      } finally {
        await t.close();
        await sink.stop();
      }
    } catch (e) {
      await t.close().catch(() => undefined);
      throw e;
    }
  });
});

describe('mail delivery woken by NOTIFY (scheduler on)', () => {
  it('sends a row as soon as the transaction that queued it commits, with no tick to do it', async () => {
    const sink = await SmtpSink.start();
    const t = await startTestApp({ ...mailOverrides(sink.port), schedulerEnabled: true });
    try {
      // Its 5 s loop taken away, only the NOTIFY can send the row: what arrives proves the
      // wake-up however busy the machine (a deadline against the loop's first tick would not).
      const registry = t.app.get(SchedulerRegistry);
      expect(registry.getIntervals()).toContain('mail-delivery');
      registry.deleteInterval('mail-delivery');
      await t.app.get(EventLogListener).ready();
      const ticket = await t.factory.ticket();
      const id = await t.db.transaction(async (em) => {
        const [row] = (await em.query(
          `INSERT INTO deliveries (channel, kind, address, locale, ticket_id, data, next_attempt_at, created_at)
           VALUES ('email', 'ticket_reopened', 'woken@customer.test', 'en', $1, $2::jsonb, $3, $3)
           RETURNING id`,
          [ticket.id, JSON.stringify(ticketData(ticket)), t.clock.now()],
        )) as { id: string }[];
        await wakeDeliveryWorkers(em);
        return row.id;
      });
      for (const until = Date.now() + 20_000; Date.now() < until;) {
        if (sink.to('woken@customer.test').length > 0) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(sink.to('woken@customer.test')).toHaveLength(1);
      // The worker marks the row sent after the SMTP server accepted it: on a busy machine the
      // sink can see the mail a moment before that commit.
      let row = await delivery(t, id);
      for (const until = Date.now() + 10_000; row.status !== 'sent' && Date.now() < until;) {
        await new Promise((r) => setTimeout(r, 25));
        row = await delivery(t, id);
      }
      expect(row.status).toBe('sent');
    } finally {
      await t.close();
      await sink.stop();
    }
  });
});

describe('mail delivery with DKIM', () => {
  it('signs every mail for the configured domain and selector, and says so to admins', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const sink = await SmtpSink.start();
    const t = await startTestApp(
      mailOverrides(sink.port, {
        mailDkim: {
          domain: 'helpdesk.test',
          selector: 'rd2026',
          privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        },
      }),
    );
    try {
      const ticket = await t.factory.ticket();
      await queue(t, { address: 'signed@customer.test', ticket });
      await t.app.get(DeliveryWorker).deliver();
      const [mail] = sink.to('signed@customer.test');
      const signature = header(mail, 'DKIM-Signature') ?? '';
      expect(signature).toMatch(/(^|;\s*)d=helpdesk\.test;/);
      expect(signature).toMatch(/(^|;\s*)s=rd2026;/);
      expect(signature).toMatch(/(^|;\s*)a=rsa-sha256;/);
      const admin = await t.factory.user({ role: 'admin' });
      const res = await t
        .http()
        .get('/api/v1/admin/mail')
        .set('Authorization', `Bearer ${await t.tokenFor(admin.id)}`);
      expect(res.body).toMatchObject({
        dkim: true,
        dkimDomain: 'helpdesk.test',
        dkimSelector: 'rd2026',
      });
      expect(JSON.stringify(res.body)).not.toContain('PRIVATE KEY');
    } finally {
      await t.close();
      await sink.stop();
    }
  });
});
