import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Client } from 'pg';
import { pino } from 'pino';
import request from 'supertest';
import { DataSource, type QueryRunner } from 'typeorm';
import { ProblemType } from '@relaydesk/contracts';
import { loadConfig, type AppConfig } from '../src/config/app-config';
import { createApp } from '../src/create-app';
import { createDataSource } from '../src/database/data-source';
import { runMigrations } from '../src/database/run-migrations';
import { DeputyExpiryService } from '../src/modules/deputies/deputy-expiry.service';
import { SlaSweepService } from '../src/modules/tickets/ticket-sla-sweep.service';
import { RatingLinkService } from '../src/modules/tickets/satisfaction/rating-link.service';
import { TicketTimersService } from '../src/modules/tickets/ticket-timers.service';
import { Factory } from './support/factory';
import { FakeClock } from './support/fake-clock';
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres';
import { TEST_JWT_SECRET } from './support/test-app';

/**
 * The database goes away under a running API and comes back: the API answers 503 problem+json
 * with Retry-After meanwhile (never a 500, never a 2xx for a write that did not commit), its
 * readiness says so while liveness stays up, timed work keeps ticking, and everything recovers
 * without restarting the API. The PostgreSQL here is a cluster of this file's own: stopping
 * the shared test server would break every other test file running in parallel.
 */

const POOL_SIZE = 4;
const CONNECT_TIMEOUT_MS = 1000;

interface LogLine {
  level: number;
  msg: string;
  context?: string;
  /** The request the line was written for (nestjs-pino binds it), if any. */
  requestId?: string;
}

interface Answer {
  kind: 'read' | 'create';
  subject?: string;
  sentAt: number;
  answeredAt: number;
  status: number;
  contentType: string;
  retryAfter: string | undefined;
  requestId: string;
  body: Record<string, unknown>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, condition: () => boolean, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function expectServiceUnavailable(res: {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}) {
  expect(res.status).toBe(503);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(res.body).toMatchObject({
    type: ProblemType.ServiceUnavailable,
    title: 'Service unavailable',
    status: 503,
  });
  // No SQL, stack or address of the database leaks out.
  expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|terminat|\bat \w+ \(/i);
}

describe('database outage', () => {
  let pg: PrivatePostgres;
  let app: NestExpressApplication;
  let db: DataSource;
  let config: AppConfig;
  const clock = new FakeClock();
  let clientToken: string;
  let clientEmail: string;
  const logs: LogLine[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    pg = await startPrivatePostgres();
    const admin = new Client({ connectionString: pg.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE relaydesk');
    await admin.end();
    const migrator = createDataSource(pg.urlFor('relaydesk'), 1);
    await migrator.initialize();
    await runMigrations(migrator);
    await migrator.destroy();

    config = loadConfig(
      {},
      {
        databaseUrl: pg.urlFor('relaydesk'),
        jwtSecret: TEST_JWT_SECRET,
        // On, so the real interval handlers exist; their timers are removed below and the test
        // calls tick() itself.
        schedulerEnabled: true,
        demoData: false,
        loginMaxAttemptsPerIp: 100000,
        logLevel: 'info',
        dataDir: `/tmp/relaydesk-test-data-outage-${process.env.JEST_WORKER_ID ?? '0'}`,
        databasePoolSize: POOL_SIZE,
        databaseConnectTimeoutMs: CONNECT_TIMEOUT_MS,
      },
    );
    const logger = pino(
      { level: 'info' },
      {
        write: (line: string) => {
          const entry = JSON.parse(line) as Partial<LogLine> & { req?: { id?: string } };
          logs.push({
            level: entry.level ?? 0,
            msg: String(entry.msg ?? ''),
            context: entry.context,
            requestId: entry.req?.id,
          });
        },
      },
    );
    app = await createApp({ config, clock, logger });
    const registry = app.get(SchedulerRegistry);
    for (const name of registry.getIntervals()) registry.deleteInterval(name);
    db = app.get(DataSource);

    const factory = new Factory(db);
    const org = await factory.organization('Outage Org');
    const client = await factory.user({ role: 'client', organizationId: org.id });
    clientEmail = client.email;
    const [{ id: sid }] = (await db.query(
      'INSERT INTO auth_sessions (user_id) VALUES ($1) RETURNING id',
      [client.id],
    )) as { id: string }[];
    clientToken = await app
      .get(JwtService)
      .signAsync(
        { sub: client.id, sid },
        { secret: TEST_JWT_SECRET, expiresIn: 3600, algorithm: 'HS256' },
      );
  }, 60_000);

  afterAll(async () => {
    await pg?.start().catch(() => undefined);
    await app?.close();
    await pg?.close();
    process.off('unhandledRejection', onUnhandled);
  }, 60_000);

  afterEach(async () => {
    // A failed test must not leave the next one without a database.
    await pg.start();
  });

  it('answers 503 problem+json with Retry-After while the database is down, and recovers without a restart', async () => {
    const answers: Answer[] = [];
    let running = true;
    let sequence = 0;
    const worker = async () => {
      while (running) {
        const n = ++sequence;
        const kind = n % 2 === 0 ? 'create' : 'read';
        const subject = kind === 'create' ? `Outage stream ${n}` : undefined;
        const sentAt = Date.now();
        const res =
          kind === 'create'
            ? await http()
                .post('/api/v1/tickets')
                .set('Authorization', `Bearer ${clientToken}`)
                .send({ subject })
            : await http()
                .get('/api/v1/tickets?limit=5')
                .set('Authorization', `Bearer ${clientToken}`);
        answers.push({
          kind,
          subject,
          sentAt,
          answeredAt: Date.now(),
          status: res.status,
          contentType: String(res.headers['content-type'] ?? ''),
          retryAfter: res.headers['retry-after'] as string | undefined,
          requestId: String(res.headers['x-request-id']),
          body: res.body as Record<string, unknown>,
        });
        await sleep(5);
      }
    };
    const workers = [worker(), worker(), worker()];
    const stopWorkers = async () => {
      running = false;
      await Promise.all(workers);
    };
    const okCreates = () => answers.filter((a) => a.kind === 'create' && a.status === 201).length;

    let downAt = 0;
    let upAt = 0;
    try {
      await waitFor('creates before the outage', () => okCreates() >= 5);
      await pg.stop();
      downAt = Date.now();
      await waitFor(
        'reads and creates during the outage',
        () =>
          answers.filter((a) => a.sentAt >= downAt && a.kind === 'read').length >= 5 &&
          answers.filter((a) => a.sentAt >= downAt && a.kind === 'create').length >= 5,
      );

      // Checked while the database is still down.
      const live = await http().get('/api/health/live');
      expect(live.status).toBe(200);
      expect(live.body).toEqual({ status: 'ok' });
      expectServiceUnavailable(await http().get('/api/health/ready'));
      expectServiceUnavailable(await http().get('/api/health'));
      // The access token is valid, but the session cannot be checked: 503, never 401.
      expectServiceUnavailable(
        await http().get('/api/v1/me').set('Authorization', `Bearer ${clientToken}`),
      );
      expectServiceUnavailable(
        await http()
          .post('/api/v1/auth/login')
          .send({ email: clientEmail, password: 'whatever-password' }),
      );

      // The rating page of an e-mailed link is HTML for people, not problem+json; still 503.
      const token = app
        .get(RatingLinkService)
        .create(randomUUID(), randomUUID(), new Date(clock.now().getTime() + 86_400_000));
      const page = await http().get(`/api/v1/public/ratings/${token}`).set('Accept', 'text/html');
      expect(page.status).toBe(503);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);

      upAt = Date.now();
      await pg.start();
      await waitFor(
        'creates after the database came back',
        () =>
          answers.filter((a) => a.sentAt > upAt && a.kind === 'create' && a.status === 201)
            .length >= 5,
      );
    } finally {
      await stopWorkers();
    }

    const ready = await http().get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', database: 'up', migrations: 'applied' });
    expect((await http().get('/api/health')).status).toBe(200);

    // Only success or "come back later", for reads and writes alike; never a 500.
    expect(answers.filter((a) => ![200, 201, 503].includes(a.status))).toEqual([]);
    const unavailable = answers.filter((a) => a.status === 503);
    expect(unavailable.some((a) => a.kind === 'read')).toBe(true);
    expect(unavailable.some((a) => a.kind === 'create')).toBe(true);
    for (const a of unavailable) {
      expect(a.contentType).toMatch(/^application\/problem\+json/);
      expect(Number(a.retryAfter)).toBeGreaterThan(0);
      expect(a.body).toMatchObject({ type: ProblemType.ServiceUnavailable, status: 503 });
    }
    // Everything sent and answered while the server was down is a 503.
    const whileDown = answers.filter((a) => a.sentAt >= downAt && a.answeredAt <= upAt);
    expect(whileDown.length).toBeGreaterThanOrEqual(10);
    expect(whileDown.filter((a) => a.status !== 503)).toEqual([]);

    // Every create that answered 201 is committed, once.
    const created = answers.filter((a) => a.kind === 'create' && a.status === 201);
    const rows = (await db.query(
      `SELECT subject, count(*)::int AS n FROM tickets WHERE subject LIKE 'Outage stream %' GROUP BY subject`,
    )) as { subject: string; n: number }[];
    const stored = new Map(rows.map((r) => [r.subject, r.n]));
    expect(created.filter((a) => stored.get(a.subject!) !== 1)).toEqual([]);
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);

    // The outage is reported in a line now and then, not a stack per request.
    const reports = logs.filter((l) => l.msg.startsWith('Database unavailable'));
    expect(reports.length).toBeGreaterThanOrEqual(1);
    expect(reports.length).toBeLessThan(unavailable.length);
    // Written while serving a request, a line names it: the id its 503 carried in X-Request-Id.
    const unavailableIds = new Set(unavailable.map((a) => a.requestId));
    expect(reports.filter((r) => !unavailableIds.has(r.requestId!))).toEqual([]);
    expect(unhandled).toEqual([]);
  }, 60_000);

  it('keeps the timed jobs ticking through the outage; they resume by themselves', async () => {
    const timers = app.get(TicketTimersService);
    const sla = app.get(SlaSweepService);
    const deputies = app.get(DeputyExpiryService);
    // A ticket the timer sweep has to look at: due, with no timer left, so a sweep that runs
    // clears its next_timer_at.
    const [ticket] = (await db.query(
      `INSERT INTO tickets (subject, status, status_category, workflow_id, type_id, channel, next_timer_at)
       SELECT 'Timer through outage', 'open', 'open', tt.workflow_id, tt.id, 'agent', $1
         FROM ticket_types tt ORDER BY tt.key LIMIT 1
       RETURNING id`,
      [new Date(clock.now().getTime() - 86_400_000)],
    )) as { id: string }[];
    const timerLines = () =>
      logs.filter((l) => l.context === 'TicketTimersService' || /ticket-timers/.test(l.msg));
    const before = timerLines().length;

    await pg.stop();
    // A failed tick resolves (to no summary): nothing rejects out of an interval.
    for (let i = 0; i < 3; i++) {
      await expect(timers.tick()).resolves.toBeNull();
      await expect(sla.tick()).resolves.toBeNull();
      await expect(deputies.tick()).resolves.toBeNull();
    }
    // Three failed ticks, one concise line (no stack).
    const duringOutage = timerLines().slice(before);
    expect(duringOutage).toHaveLength(1);
    expect(duringOutage[0].msg).toMatch(/^ticket-timers tick failed, will retry: /);
    expect(duringOutage[0].msg).not.toMatch(/\n\s+at /);

    await pg.start();
    await timers.tick();
    const [after] = (await db.query('SELECT next_timer_at FROM tickets WHERE id = $1', [
      ticket.id,
    ])) as { next_timer_at: Date | null }[];
    expect(after.next_timer_at).toBeNull();
    expect(
      timerLines()
        .slice(before)
        .map((l) => l.msg),
    ).toContain('ticket-timers resumed after 3 failed tick(s)');
    await expect(sla.tick()).resolves.toBeNull();
    await expect(deputies.tick()).resolves.toBeNull();
    expect(unhandled).toEqual([]);
  }, 60_000);

  it('answers 503 in about the connect timeout when every pooled connection is taken', async () => {
    const held: QueryRunner[] = [];
    try {
      for (let i = 0; i < POOL_SIZE; i++) {
        const runner = db.createQueryRunner();
        await runner.connect();
        await runner.startTransaction();
        held.push(runner);
      }
      const started = Date.now();
      const res = await http()
        .get('/api/v1/tickets?limit=5')
        .set('Authorization', `Bearer ${clientToken}`)
        .timeout(CONNECT_TIMEOUT_MS * 5);
      expectServiceUnavailable(res);
      expect(Date.now() - started).toBeLessThan(CONNECT_TIMEOUT_MS * 3);
      const create = await http()
        .post('/api/v1/tickets')
        .set('Authorization', `Bearer ${clientToken}`)
        .send({ subject: 'Pool exhausted' })
        .timeout(CONNECT_TIMEOUT_MS * 5);
      expectServiceUnavailable(create);
      expect((await http().get('/api/health/live')).status).toBe(200);
    } finally {
      for (const runner of held) {
        await runner.rollbackTransaction();
        await runner.release();
      }
    }
    const res = await http()
      .get('/api/v1/tickets?limit=5')
      .set('Authorization', `Bearer ${clientToken}`);
    expect(res.status).toBe(200);
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM tickets WHERE subject = 'Pool exhausted'`,
    )) as { n: number }[];
    expect(n).toBe(0);
  }, 60_000);
});
