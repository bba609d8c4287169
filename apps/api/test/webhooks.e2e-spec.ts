import { Webhook } from 'standardwebhooks';
import { DomainEvents } from '../src/common/events/domain-events';
import { DeliveryWorker } from '../src/modules/notifications/delivery/delivery-worker';
import { SatisfactionRated, SlaBreached, TicketUpdated } from '../src/modules/tickets';
import {
  WebhookDeliveryWorker,
  WebhookFeedWorker,
  WebhookLogPruner,
} from '../src/modules/webhooks';
import { postWebhook } from '../src/modules/webhooks/delivery/webhook-http-client';
import { HttpReceiver, type ReceivedRequest } from './support/http-receiver';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';

const PUBLIC_URL = 'https://help.example.test';

/**
 * Webhooks end to end on a real database, real HTTP receivers on the loopback and a real SMTP
 * server: events committed through the API are fed to endpoints by the feed worker and POSTed by
 * the delivery worker, which the tests run by hand (the scheduler is off) while moving the clock.
 * The app allows one loopback port (WEBHOOK_ALLOWED_HOSTS): `allowed`; `blocked` listens on
 * another port nobody allowed.
 */
describe('webhooks', () => {
  let t: TestApp;
  let allowed: HttpReceiver;
  let blocked: HttpReceiver;
  let sink: SmtpSink;
  let admin: { id: string; email: string };
  let adminAuth: string;
  let agentAuth: string;

  beforeAll(async () => {
    allowed = await HttpReceiver.start();
    blocked = await HttpReceiver.start();
    sink = await SmtpSink.start();
    const port = Number(new URL(allowed.url).port);
    t = await startTestApp({
      webhookAllowedHosts: [{ kind: 'cidr', cidr: '127.0.0.1/32', port }],
      webhookMaxAttempts: 3,
      webhookDisableAfterFailures: 2,
      webhookTimeoutMs: 2_000,
      mailDriver: 'smtp',
      smtpUrl: sink.url,
      smtpEndpoint: { host: '127.0.0.1', port: sink.port, secure: false, user: null },
      mailFrom: 'Relaydesk <support@help.example.test>',
      publicUrl: PUBLIC_URL,
    });
    // Standard Webhooks verifiers compare the timestamp with the real time.
    t.clock.set(new Date());
    admin = await t.factory.user({ role: 'admin' });
    adminAuth = `Bearer ${await t.tokenFor(admin.id)}`;
    const agent = await t.factory.user({ role: 'agent' });
    agentAuth = `Bearer ${await t.tokenFor(agent.id)}`;
  });
  afterAll(async () => {
    await t.close();
    await allowed.close();
    await blocked.close();
    await sink.stop();
  });
  beforeEach(async () => {
    allowed.requests.length = 0;
    blocked.requests.length = 0;
    allowed.answer = () => ({ status: 200, body: '{"ok":true}' });
    t.clock.set(new Date());
    // Each test starts with no endpoint and nothing pending from the one before.
    await t.db.query('DELETE FROM webhook_endpoints');
    await t.app.get(WebhookFeedWorker).drain();
  });

  const feed = () => t.app.get(WebhookFeedWorker).drain();
  /** Sends every due message; an error in a lane fails the test instead of being only logged. */
  const send = async () => {
    const worker = t.app.get(WebhookDeliveryWorker);
    while ((await worker.deliverOne()) !== null);
  };

  const createEndpoint = async (body: Record<string, unknown>) => {
    const res = await t
      .http()
      .post('/api/v1/admin/webhooks')
      .set('Authorization', adminAuth)
      .send({ events: ['ticket.created', 'comment.added'], ...body });
    expect(res.status).toBe(201);
    return res.body as { id: string; secret: string; version: number };
  };

  const createTicket = async (subject = 'Printer on fire') => {
    const res = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', adminAuth)
      .send({ subject });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: number };
  };

  const deliveries = (endpointId: string) =>
    t.db.query(
      `SELECT id, status, attempts, last_status_code, last_error, next_attempt_at
         FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY event_id`,
      [endpointId],
    ) as Promise<
      {
        id: string;
        status: string;
        attempts: number;
        last_status_code: number | null;
        last_error: string | null;
        next_attempt_at: Date;
      }[]
    >;

  const verify = (secret: string, r: ReceivedRequest) =>
    new Webhook(secret).verify(r.body, {
      'webhook-id': String(r.headers['webhook-id']),
      'webhook-timestamp': String(r.headers['webhook-timestamp']),
      'webhook-signature': String(r.headers['webhook-signature']),
    });

  it('delivers a signed Standard Webhooks message that the standardwebhooks package verifies', async () => {
    const endpoint = await createEndpoint({ url: `${allowed.url}/hooks?x=1` });
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const ticket = await createTicket('Signed subject');
    await feed();
    await send();
    expect(allowed.requests).toHaveLength(1);
    const [r] = allowed.requests;
    expect(r.method).toBe('POST');
    expect(r.url).toBe('/hooks?x=1');
    expect(r.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(r.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const payload = verify(endpoint.secret, r) as {
      type: string;
      timestamp: string;
      data: { ticket: { id: string; number: number; subject: string; status: string } };
    };
    expect(payload.type).toBe('ticket.created');
    expect(payload.data.ticket).toMatchObject({
      id: ticket.id,
      number: ticket.number,
      subject: 'Signed subject',
    });
    // Another secret does not verify it: the signature is real, not decoration.
    const other = await createEndpoint({ url: `${allowed.url}/other`, events: ['sla.breached'] });
    expect(() => verify(other.secret, r)).toThrow();
    // The secret is never shown again.
    const read = await t
      .http()
      .get(`/api/v1/admin/webhooks/${endpoint.id}`)
      .set('Authorization', adminAuth);
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain(endpoint.secret.slice(6));
    expect(read.body.lastDelivery).toMatchObject({ status: 'delivered', statusCode: 200 });
    // Stored sealed, not in clear.
    const [{ secret }] = (await t.db.query(`SELECT secret FROM webhook_endpoints WHERE id = $1`, [
      endpoint.id,
    ])) as { secret: string }[];
    expect(secret).not.toContain(endpoint.secret.slice(6));
  });

  it('retries after a 500 with backoff, then delivers; the log keeps both attempts', async () => {
    const endpoint = await createEndpoint({ url: allowed.url });
    let calls = 0;
    allowed.answer = () => (++calls === 1 ? { status: 500, body: 'boom' } : { status: 204 });
    await createTicket();
    await feed();
    await send();
    let [d] = await deliveries(endpoint.id);
    expect(d).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500 });
    expect(d.next_attempt_at.getTime() - t.clock.now().getTime()).toBe(30_000);
    // Not due yet: nothing is sent.
    await send();
    expect(allowed.requests).toHaveLength(1);
    t.clock.advance(30_000);
    t.clock.set(new Date(Math.max(t.clock.now().getTime(), Date.now())));
    await send();
    expect(allowed.requests).toHaveLength(2);
    [d] = await deliveries(endpoint.id);
    expect(d).toMatchObject({ status: 'delivered', attempts: 2, last_status_code: 204 });
    // The same webhook-id for both attempts, and the second verifies too.
    expect(allowed.requests[1].headers['webhook-id']).toBe(
      allowed.requests[0].headers['webhook-id'],
    );
    verify(endpoint.secret, allowed.requests[1]);
    const log = await t
      .http()
      .get(`/api/v1/admin/webhooks/${endpoint.id}/deliveries`)
      .set('Authorization', adminAuth);
    expect(log.status).toBe(200);
    expect(log.body.items[0]).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastStatusCode: 204,
    });
    const attempts = await t
      .http()
      .get(`/api/v1/admin/webhooks/${endpoint.id}/deliveries/${d.id}/attempts`)
      .set('Authorization', adminAuth);
    expect(attempts.body.map((a: { statusCode: number }) => a.statusCode)).toEqual([204, 500]);
    expect(attempts.body[1].responseExcerpt).toBe('boom');
  });

  it('caps the stored answer at 4 KB', async () => {
    const endpoint = await createEndpoint({ url: allowed.url });
    allowed.answer = () => ({ status: 400, body: 'x'.repeat(100_000) });
    await createTicket();
    await feed();
    await send();
    const [d] = await deliveries(endpoint.id);
    const [a] = (await t.db.query(
      `SELECT length(response_excerpt) AS n FROM webhook_attempts WHERE delivery_id = $1`,
      [d.id],
    )) as { n: number }[];
    expect(a.n).toBe(4096);
  });

  it('refuses 127.0.0.1 without the allow-list, and a name that resolves to a private address', async () => {
    // Plain http to a loopback port nobody allowed is refused when saved.
    const res = await t
      .http()
      .post('/api/v1/admin/webhooks')
      .set('Authorization', adminAuth)
      .send({ url: blocked.url, events: ['ticket.created'] });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    for (const url of ['https://10.0.0.5/x', 'https://169.254.169.254/latest', 'https://[::1]/']) {
      const r = await t
        .http()
        .post('/api/v1/admin/webhooks')
        .set('Authorization', adminAuth)
        .send({ url, events: ['ticket.created'] });
      expect(r.status).toBe(422);
    }
    // A name is resolved when the message goes out: localhost is loopback, refused at send time
    // (https, so the scheme passes and only the address decides).
    const port = new URL(blocked.url).port;
    const byName = await createEndpoint({ url: `https://localhost:${port}/` });
    await createTicket();
    await feed();
    await send();
    expect(blocked.requests).toHaveLength(0);
    const [d] = await deliveries(byName.id);
    expect(d.status).toBe('failed');
    expect(d.last_error).toMatch(/refused: localhost resolves to (127\.0\.0\.1|::1) \(loopback\)/);
  });

  it('refuses a redirect to a private address, and follows one to an allowed target', async () => {
    const endpoint = await createEndpoint({ url: `${allowed.url}/start` });
    allowed.answer = (r) =>
      r.url === '/start'
        ? { status: 307, headers: { Location: `${blocked.url}/inside` } }
        : { status: 200 };
    await createTicket();
    await feed();
    await send();
    expect(blocked.requests).toHaveLength(0);
    let [d] = await deliveries(endpoint.id);
    expect(d.status).toBe('failed');
    expect(d.last_error).toMatch(/^redirect 1 to 127\.0\.0\.1:\d+: refused: plain http/);

    allowed.requests.length = 0;
    allowed.answer = (r) =>
      r.url === '/start' ? { status: 302, headers: { Location: '/final' } } : { status: 200 };
    await createTicket();
    await feed();
    await send();
    expect(allowed.requests.map((r) => r.url)).toEqual(['/start', '/final']);
    [, d] = await deliveries(endpoint.id);
    expect(d.status).toBe('delivered');
  });

  it('connects to the address it checked (no second lookup), and gives up on a silent receiver', async () => {
    const port = Number(new URL(allowed.url).port);
    // The system resolver knows no "rebind.test": only the checked address can have been used.
    const pinned = await postWebhook(
      `http://rebind.test:${port}/pinned`,
      '{}',
      {},
      {
        allow: [{ kind: 'host', host: 'rebind.test', port }],
        timeoutMs: 2_000,
        resolve: async () => [{ address: '127.0.0.1', family: 4 }],
      },
    );
    expect(pinned).toMatchObject({ statusCode: 200, error: null });
    expect(allowed.requests.map((r) => [r.url, r.headers.host])).toEqual([
      ['/pinned', `rebind.test:${port}`],
    ]);
    allowed.answer = () => ({ hang: true });
    const silent = await postWebhook(
      `${allowed.url}/slow`,
      '{}',
      {},
      {
        allow: [{ kind: 'cidr', cidr: '127.0.0.1/32', port }],
        timeoutMs: 300,
      },
    );
    expect(silent).toMatchObject({ statusCode: null, error: 'no answer within 300 ms' });
    expect(silent.durationMs).toBeLessThan(2_000);
  });

  it('sends internal notes only to endpoints that chose them', async () => {
    const plain = await createEndpoint({ url: `${allowed.url}/plain`, events: ['comment.added'] });
    const staff = await createEndpoint({
      url: `${allowed.url}/staff`,
      events: ['comment.added'],
      includeInternalComments: true,
    });
    expect(plain).toMatchObject({ includeInternalComments: false });
    const ticket = await createTicket();
    for (const [body, internal] of [
      ['Public answer', false],
      ['Secret staff note', true],
    ] as const) {
      const r = await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/comments`)
        .set('Authorization', adminAuth)
        .send({ body, internal });
      expect(r.status).toBe(201);
    }
    await feed();
    await send();
    const bodies = (path: string) =>
      allowed.requests
        .filter((r) => r.url === path)
        .map(
          (r) => JSON.parse(r.body) as { data: { comment: { body: string; internal: boolean } } },
        );
    expect(bodies('/plain').map((b) => b.data.comment.body)).toEqual(['Public answer']);
    expect(
      allowed.requests
        .filter((r) => r.url === '/plain')
        .map((r) => r.body)
        .join(),
    ).not.toContain('Secret staff note');
    expect(bodies('/staff').map((b) => [b.data.comment.body, b.data.comment.internal])).toEqual([
      ['Public answer', false],
      ['Secret staff note', true],
    ]);
    verify(
      staff.secret,
      allowed.requests.find((r) => r.url === '/staff')!,
    );
  });

  it('leaves staff-only field changes out for endpoints that did not choose internal content', async () => {
    await createEndpoint({ url: `${allowed.url}/plain`, events: ['ticket.updated'] });
    await createEndpoint({
      url: `${allowed.url}/staff`,
      events: ['ticket.updated'],
      includeInternalComments: true,
    });
    const ticket = await createTicket();
    const change = (field: string, internal: boolean) => ({
      field,
      oldValue: 'a',
      newValue: 'b',
      internal,
    });
    await t.db.transaction((em) =>
      t.app
        .get(DomainEvents)
        .publish(
          em,
          new TicketUpdated(
            ticket.id,
            [change('subject', false), change('cost', true)],
            null,
            t.clock.now(),
          ),
          new TicketUpdated(ticket.id, [change('margin', true)], null, t.clock.now()),
        ),
    );
    await feed();
    await send();
    const fields = (path: string) =>
      allowed.requests
        .filter((r) => r.url === path)
        .map((r) =>
          (JSON.parse(r.body) as { data: { changes: { field: string }[] } }).data.changes.map(
            (c) => c.field,
          ),
        );
    expect(fields('/plain')).toEqual([['subject']]);
    expect(fields('/staff')).toEqual([['subject', 'cost'], ['margin']]);
  });

  it('sends status changes, assignments, SLA breaches and ratings with what each says', async () => {
    await createEndpoint({
      url: allowed.url,
      events: ['ticket.status_changed', 'ticket.assigned', 'sla.breached', 'rating.received'],
    });
    const ticket = await createTicket('Every kind');
    const read = async () =>
      (await t.http().get(`/api/v1/tickets/${ticket.id}`).set('Authorization', adminAuth)).body as {
        version: number;
        status: string;
      };
    const [next] = (
      await t.http().get(`/api/v1/tickets/${ticket.id}/transitions`).set('Authorization', adminAuth)
    ).body as { to: string }[];
    const before = await read();
    const moved = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/transitions`)
      .set('Authorization', adminAuth)
      .send({ to: next.to, version: before.version });
    expect(moved.status).toBe(200);
    const assigned = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/assignment`)
      .set('Authorization', adminAuth)
      .send({ version: (await read()).version, assigneeId: admin.id });
    expect(assigned.status).toBe(200);
    const dueAt = new Date(t.clock.now().getTime() - 60_000);
    await t.db.query(
      `INSERT INTO ticket_ratings (ticket_id, rating, comment, via) VALUES ($1, 4, 'Quick fix', 'portal')`,
      [ticket.id],
    );
    await t.db.transaction((em) =>
      t.app
        .get(DomainEvents)
        .publish(
          em,
          new SlaBreached(
            ticket.id,
            'resolution',
            dueAt,
            null,
            { assigneeId: admin.id, groupId: null },
            t.clock.now(),
          ),
          new SatisfactionRated(ticket.id, 4, true, null, t.clock.now()),
        ),
    );
    await feed();
    await send();
    const got = allowed.requests.map(
      (r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> },
    );
    expect(got.map((m) => m.type)).toEqual([
      'ticket.status_changed',
      'ticket.assigned',
      'sla.breached',
      'rating.received',
    ]);
    expect(got[0].data).toMatchObject({ from: before.status, to: next.to });
    expect(got[1].data).toMatchObject({
      assigneeId: admin.id,
      previous: { assigneeId: null },
      ticket: { assignee: { id: admin.id } },
    });
    expect(got[2].data).toMatchObject({ clock: 'resolution', dueAt: dueAt.toISOString() });
    expect(got[3].data).toMatchObject({ rating: 4, comment: 'Quick fix' });
    for (const m of got)
      expect(m.data).toMatchObject({ ticket: { id: ticket.id, number: ticket.number } });
  });

  it('is invisible to non-admins', async () => {
    const endpoint = await createEndpoint({ url: allowed.url });
    for (const [method, path] of [
      ['get', '/api/v1/admin/webhooks'],
      ['get', `/api/v1/admin/webhooks/${endpoint.id}`],
      ['post', `/api/v1/admin/webhooks/${endpoint.id}/secret-rotations`],
      ['get', `/api/v1/admin/webhooks/${endpoint.id}/deliveries`],
    ] as const) {
      const res = await t.http()[method](path).set('Authorization', agentAuth);
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain(allowed.url);
    }
    const anonymous = await t.http().get('/api/v1/admin/webhooks');
    expect(anonymous.status).toBe(401);
  });

  it('disables an endpoint after repeated failed messages and mails the admins', async () => {
    const endpoint = await createEndpoint({ url: `${allowed.url}/in?token=receiver-secret` });
    allowed.answer = () => ({ status: 503, body: 'down' });
    await createTicket('First');
    await createTicket('Second');
    await feed();
    // Three attempts per message (WEBHOOK_MAX_ATTEMPTS in this app), two messages in a row fail.
    for (let i = 0; i < 3; i++) {
      await send();
      t.clock.advance(3_600_000);
    }
    const rows = await deliveries(endpoint.id);
    expect(rows.map((r) => r.status)).toEqual(['failed', 'failed']);
    const read = await t
      .http()
      .get(`/api/v1/admin/webhooks/${endpoint.id}`)
      .set('Authorization', adminAuth);
    expect(read.body).toMatchObject({ active: false, consecutiveFailures: 2 });
    expect(read.body.disabledReason).toMatch(
      /2 messages failed in a row; last: the receiver answered 503/,
    );
    await t.app.get(DeliveryWorker).deliver();
    const mail = sink.received.find((m) => m.rcptTo.includes(admin.email));
    expect(mail?.parsed.subject).toBe('A webhook endpoint was disabled');
    expect(mail?.parsed.text).toContain(`${PUBLIC_URL}/agent/admin/webhooks`);
    expect(mail?.parsed.text).toContain('the receiver answered 503');
    expect(mail?.parsed.text).toContain(`${new URL(allowed.url).host}/in`);
    expect(mail?.raw).not.toContain('receiver-secret');
    // Disabled: a new event goes nowhere.
    allowed.requests.length = 0;
    allowed.answer = () => ({ status: 200 });
    await createTicket('Third');
    await feed();
    await send();
    expect(allowed.requests).toHaveLength(0);
    // Enabled again by an admin: the failure count starts afresh.
    const enabled = await t
      .http()
      .patch(`/api/v1/admin/webhooks/${endpoint.id}`)
      .set('Authorization', adminAuth)
      .send({ version: read.body.version, active: true });
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ active: true, consecutiveFailures: 0, disabledAt: null });
    // A stale version is a 409.
    const stale = await t
      .http()
      .patch(`/api/v1/admin/webhooks/${endpoint.id}`)
      .set('Authorization', adminAuth)
      .send({ version: read.body.version, description: 'x' });
    expect(stale.status).toBe(409);
  });

  it('delivers each event once with two instances feeding and sending at the same time', async () => {
    await createEndpoint({ url: allowed.url, events: ['ticket.created'] });
    const other = await t.secondInstance();
    for (let i = 0; i < 12; i++) await createTicket(`Busy ${i}`);
    await Promise.all([feed(), other.get(WebhookFeedWorker).drain(), feed()]);
    await Promise.all([send(), other.get(WebhookDeliveryWorker).deliver(), send()]);
    expect(allowed.requests).toHaveLength(12);
    const ids = new Set(allowed.requests.map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(12);
    const subjects = allowed.requests.map(
      (r) => (JSON.parse(r.body) as { data: { ticket: { subject: string } } }).data.ticket.subject,
    );
    expect(new Set(subjects).size).toBe(12);
    // The delivery log pages through them: newest first, each once.
    const [{ id: endpointId }] = (await t.db.query(`SELECT id FROM webhook_endpoints`)) as {
      id: string;
    }[];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await t
        .http()
        .get(`/api/v1/admin/webhooks/${endpointId}/deliveries`)
        .query({ limit: 5, ...(cursor ? { cursor } : {}) })
        .set('Authorization', adminAuth);
      expect(page.status).toBe(200);
      seen.push(...(page.body.items as { id: string }[]).map((d) => d.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });

  it('signs with both secrets for 24 h after a rotation, and both verify', async () => {
    const endpoint = await createEndpoint({ url: allowed.url });
    const rotated = await t
      .http()
      .post(`/api/v1/admin/webhooks/${endpoint.id}/secret-rotations`)
      .set('Authorization', adminAuth);
    expect(rotated.status).toBe(201);
    const next = rotated.body.secret as string;
    expect(next).not.toBe(endpoint.secret);
    await createTicket();
    await feed();
    await send();
    const [r] = allowed.requests;
    expect(String(r.headers['webhook-signature']).split(' ')).toHaveLength(2);
    verify(endpoint.secret, r);
    verify(next, r);
    // A day later only the new secret signs.
    t.clock.advance(24 * 3_600_000 + 1_000);
    const d = (await deliveries(endpoint.id))[0];
    const again = await t
      .http()
      .post(`/api/v1/admin/webhooks/${endpoint.id}/deliveries/${d.id}/redeliveries`)
      .set('Authorization', adminAuth);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'delivered', attempts: 2 });
    const second = allowed.requests[1];
    expect(second.headers['webhook-id']).toBe(r.headers['webhook-id']);
    expect(String(second.headers['webhook-signature']).split(' ')).toHaveLength(1);
    t.clock.set(new Date());
  });

  it('prunes finished messages after 30 days, never a pending one', async () => {
    const endpoint = await createEndpoint({ url: allowed.url });
    const insert = async (status: string, ageDays: number) =>
      (
        (await t.db.query(
          `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, body, status,
                                           next_attempt_at, created_at)
           VALUES ($1, nextval('event_log_id_seq'), 'ticket.created', '{}', $2, $3, $3)
           RETURNING id`,
          [endpoint.id, status, new Date(t.clock.now().getTime() - ageDays * 86_400_000)],
        )) as { id: string }[]
      )[0].id;
    const oldDelivered = await insert('delivered', 31);
    const oldFailed = await insert('failed', 31);
    const oldPending = await insert('pending', 31);
    const recent = await insert('delivered', 29);
    await t.db.query(
      `INSERT INTO webhook_attempts (delivery_id, attempted_at, duration_ms) VALUES ($1, now(), 1)`,
      [oldDelivered],
    );
    await t.app.get(WebhookLogPruner).prune();
    const left = (await t.db.query(`SELECT id FROM webhook_deliveries WHERE endpoint_id = $1`, [
      endpoint.id,
    ])) as { id: string }[];
    expect(left.map((r) => r.id).sort()).toEqual([oldPending, recent].sort());
    expect(left.map((r) => r.id)).not.toContain(oldFailed);
    const [{ n }] = (await t.db.query(
      `SELECT count(*)::int AS n FROM webhook_attempts WHERE delivery_id = $1`,
      [oldDelivered],
    )) as { n: number }[];
    expect(n).toBe(0);
  });

  it('answers bad input with problem+json', async () => {
    for (const body of [
      { url: allowed.url, events: ['ticket.exploded'] },
      { url: allowed.url, events: 'ticket.created' },
      { url: allowed.url, events: ['ticket.created'], secret: 'mine' },
      { url: 'x'.repeat(3000), events: ['ticket.created'] },
    ]) {
      const res = await t
        .http()
        .post('/api/v1/admin/webhooks')
        .set('Authorization', adminAuth)
        .send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const notUrl = await t
      .http()
      .post('/api/v1/admin/webhooks')
      .set('Authorization', adminAuth)
      .send({ url: 'not a url', events: [] });
    expect(notUrl.status).toBe(422);
    const missing = await t
      .http()
      .get('/api/v1/admin/webhooks/00000000-0000-4000-8000-000000000000')
      .set('Authorization', adminAuth);
    expect(missing.status).toBe(404);
  });
});
