import { RateLimitSweep } from '../src/common/http/throttling/postgres-throttler.storage';
import { startTestApp, type TestApp } from './support/test-app';
import request from 'supertest';

/**
 * The per-address limits of the public endpoints that have no account to count against
 * (token refresh, rating-link submissions), counted in PostgreSQL so that every API instance
 * sees the same count. The login and password limits are in auth.e2e-spec.ts.
 */
describe('rate limits of the public endpoints', () => {
  let t: TestApp;
  const WINDOW_SECONDS = 60;
  beforeAll(async () => {
    t = await startTestApp({
      trustProxy: 1,
      refreshMaxPerIp: 3,
      ratingMaxPerIp: 2,
      rateLimitWindowSeconds: WINDOW_SECONDS,
    });
  });
  afterAll(() => t.close());

  const refresh = (ip: string, server = t.app.getHttpServer()) =>
    request(server)
      .post('/api/v1/auth/refresh')
      .set('X-Forwarded-For', ip)
      .send({ refreshToken: `${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}.nope` });
  const headers = (res: { headers: Record<string, string> }) => [
    res.headers['ratelimit-limit'],
    res.headers['ratelimit-remaining'],
  ];

  it('refuses the fourth refresh from one address in a window, with the standard headers', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await refresh('192.0.2.10'));
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 429]);
    expect(answers.map(headers)).toEqual([
      ['3', '2'],
      ['3', '1'],
      ['3', '0'],
      ['3', '0'],
    ]);
    const limited = answers[3];
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.body).toMatchObject({ status: 429 });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(Number(limited.headers['ratelimit-reset'])).toBeLessThanOrEqual(WINDOW_SECONDS);
    // Another client (as the trusted proxy reports it) has its own budget.
    expect((await refresh('192.0.2.11')).status).toBe(401);
    // A new window starts when the application's clock says so.
    t.clock.advance(WINDOW_SECONDS * 1000);
    expect((await refresh('192.0.2.10')).status).toBe(401);
  });

  it('holds the limit across API instances sharing the database', async () => {
    const other = (await t.secondInstance()).getHttpServer();
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await refresh('192.0.2.20', i % 2 ? other : t.app.getHttpServer())).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('counts parallel requests exactly', async () => {
    const statuses = (await Promise.all(Array.from({ length: 8 }, () => refresh('192.0.2.30'))))
      .map((r) => r.status)
      .sort();
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it('limits rating-link submissions per address, not the page itself', async () => {
    const token = 'x'.repeat(40);
    const rate = () =>
      t
        .http()
        .post(`/api/v1/public/ratings/${token}`)
        .set('X-Forwarded-For', '192.0.2.40')
        .send({ rating: 5 });
    expect([(await rate()).status, (await rate()).status, (await rate()).status]).toEqual([
      404, 404, 429,
    ]);
    const page = await t
      .http()
      .get(`/api/v1/public/ratings/${token}`)
      .set('X-Forwarded-For', '192.0.2.40')
      .set('Accept', 'application/json');
    expect(page.status).toBe(404);
    expect(page.headers['ratelimit-limit']).toBeUndefined();
  });

  it('sweeps counters whose window has ended, and only those', async () => {
    await refresh('192.0.2.50');
    t.clock.advance(WINDOW_SECONDS * 1000);
    await refresh('192.0.2.51');
    const keys = async () =>
      (
        (await t.db.query(
          `SELECT key FROM rate_limit_counters WHERE key LIKE '192.0.2.5%' ORDER BY key`,
        )) as { key: string }[]
      ).map((r) => r.key);
    expect(await keys()).toEqual(['192.0.2.50', '192.0.2.51']);
    await t.app.get(RateLimitSweep).tick();
    expect(await keys()).toEqual(['192.0.2.51']);
  });
});
