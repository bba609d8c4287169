import { Writable } from 'node:stream';
import { pino } from 'pino';
import { redactUrl } from '../src/common/logging/redact';
import { startTestApp, type TestApp } from './support/test-app';
import { bearer, buildWorld, type World } from './support/personas';
import { createServiceAccountToken } from './support/service-token';

/** Addresses that carry a credential, and credential headers, never reach a log line. */
describe('log redaction', () => {
  let t: TestApp;
  let w: World;
  const lines: string[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    t = await startTestApp({ logLevel: 'info' }, pino({ level: 'info' }, sink));
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('logs calendar-feed downloads and rating visits without their tokens', async () => {
    const feed = await t
      .http()
      .post('/api/v1/me/calendar-feed')
      .set('Authorization', bearer(w.agent));
    expect(feed.status).toBe(201);
    const feedToken = /feeds\/(.+)\.ics$/.exec(feed.body.path as string)![1];

    const ticket = await t.factory.ticket({
      status: 'resolved',
      requesterId: w.clientA.id,
      organizationId: w.orgA.id,
    });
    const link = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/rating-links`)
      .set('Authorization', bearer(w.dispatcher));
    expect(link.status).toBe(201);
    const ratingPath = new URL(link.body.url as string, 'http://x').pathname;
    const ratingToken = ratingPath.split('/').pop()!;

    lines.length = 0;
    expect((await t.http().get(feed.body.path as string)).status).toBe(200);
    expect((await t.http().get(`${feed.body.path}?token=${feedToken}`)).status).toBe(200);
    expect((await t.http().get(ratingPath).set('Accept', 'text/html')).status).toBe(200);
    await t
      .http()
      .post(ratingPath)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .set('Cookie', 'rd_refresh_agent=cookie-secret-value')
      .send('rating=5');
    await t
      .http()
      .get('/api/v1/tickets?secret=query-secret-value')
      .set('Authorization', bearer(w.agent));
    await t.http().get('/api/v1/me').set('Authorization', 'Bearer not-a-real-token-value');

    const log = lines.join('');
    // The requests were logged, so an absent token means it was redacted, not skipped.
    expect(log).toMatch(/calendar-feeds\/\[redacted\]\.ics/);
    expect(log).toMatch(/public\/ratings\/\[redacted\]/);
    for (const secret of [
      feedToken,
      ratingToken,
      ratingToken.split('.')[0],
      'cookie-secret-value',
      'query-secret-value',
      'not-a-real-token-value',
      w.agent.token,
    ]) {
      expect(log).not.toContain(secret);
    }
  });

  it('writes one JSON line per request: id (echoed), method, redacted URL, status, time, user', async () => {
    lines.length = 0;
    const mine = await t
      .http()
      .get('/api/v1/tickets?limit=1&session=query-session-value')
      .set('Authorization', bearer(w.agent))
      .set('X-Request-Id', 'trace-4711.a');
    const odd = await t.http().get('/api/v1/me').set('X-Request-Id', 'spaces are not an id');
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: w.agent.email, password: 'body-password-value' });
    // An unknown query parameter is a 400, after authentication: the line still names the user.
    expect([mine.status, odd.status, login.status]).toEqual([400, 401, 401]);
    expect(mine.headers['x-request-id']).toBe('trace-4711.a');
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    const entries = lines
      .join('')
      .split('\n')
      .filter(Boolean)
      .map(
        (l) =>
          JSON.parse(l) as {
            req?: { id: string };
            res?: object;
            responseTime?: unknown;
            userId?: string;
          },
      )
      .filter((e) => e.req && e.res);
    expect(entries).toHaveLength(3);
    const [a, b, c] = entries;
    expect(a).toMatchObject({
      req: { id: 'trace-4711.a', method: 'GET', url: '/api/v1/tickets?limit=1&session=[redacted]' },
      res: { statusCode: 400 },
      userId: w.agent.id,
    });
    expect(typeof a.responseTime).toBe('number');
    expect(b).toMatchObject({ req: { id: odd.headers['x-request-id'] }, res: { statusCode: 401 } });
    expect(b.userId).toBeUndefined();
    expect(c).toMatchObject({ req: { method: 'POST', url: '/api/v1/auth/login' } });
    expect(lines.join('')).not.toContain('body-password-value');
    expect(lines.join('')).not.toContain('query-session-value');
  });

  it('logs API token requests under the service account, never the rd_ token', async () => {
    const { token, accountId } = await createServiceAccountToken(t, {
      scopes: ['tickets:read'],
      canViewAll: true,
    });
    lines.length = 0;
    const ok = await t
      .http()
      .get('/api/v1/tickets?limit=1')
      .set('Authorization', `Bearer ${token}`);
    expect(ok.status).toBe(200);
    // A client that also puts it in the address, under any parameter name, is not logged either.
    await t.http().get(`/api/v1/tickets?q=${token}`).set('Authorization', `Bearer ${token}`);
    await t.http().get(`/api/v1/tickets/${token}`).set('Authorization', `Bearer ${token}`);
    const log = lines.join('');
    expect(log).toContain(accountId);
    expect(log).not.toContain(token.slice(3));
  });

  it.each([
    [
      '/api/v1/calendar-feeds/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-ABCDE.ics',
      '/api/v1/calendar-feeds/[redacted].ics',
    ],
    ['/api/v1/public/ratings/eyJ0IjoiMSJ9.c2ln', '/api/v1/public/ratings/[redacted]'],
    // Shorter than any real token, so only the unsubscribe rule (not the long-segment one) hides it.
    ['/api/v1/unsubscribe/dXNlcjpraW5k.c2ln', '/api/v1/unsubscribe/[redacted]'],
    [
      '/api/v1/tickets?q=pump&token=abc&api_key=x',
      '/api/v1/tickets?q=pump&token=[redacted]&api_key=[redacted]',
    ],
    ['/x/0123456789abcdef0123456789abcdef0123/y', '/x/[redacted]/y'],
    [
      '/api/v1/tickets?q=rd_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-ABCDE&limit=5',
      '/api/v1/tickets?q=[redacted]&limit=5',
    ],
    [
      '/api/v1/tickets/0b6f2a52-6a61-4f1e-9bde-4c7c1c0d1a11',
      '/api/v1/tickets/0b6f2a52-6a61-4f1e-9bde-4c7c1c0d1a11',
    ],
  ])('redacts %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
