import { startTestApp, type TestApp } from './support/test-app';

/**
 * The per-address login limit cannot be dodged by sending a new X-Forwarded-For with every guess:
 * the header is believed only from proxies the operator named (TRUST_PROXY), never by default.
 */
describe.each([
  ['the default (no proxy trusted)', false as const],
  ['a proxy list that does not include the caller', ['10.9.8.7']],
])('login limit per address with %s', (_name, trustProxy) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      trustProxy,
      loginMaxAttemptsPerIp: 5,
      loginMaxAttemptsPerAccount: 1000,
    });
  });
  afterAll(() => t.close());

  it('counts guesses from one connection address whatever X-Forwarded-For says', async () => {
    const known = await t.factory.user();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      // Known and unknown e-mails alternate: both count against the address.
      const email = i % 2 === 0 ? known.email : `nobody-${i}@example.com`;
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i + 1}`)
        .send({ email, password: 'wrong password' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });
});

describe('login limit per address behind one trusted proxy hop', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ trustProxy: 1, loginMaxAttemptsPerIp: 3 });
  });
  afterAll(() => t.close());

  it('takes the client address the proxy reports, and limits each client on its own', async () => {
    const attempt = (ip: string) =>
      t
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ email: 'nobody@example.com', password: 'wrong password' });
    const first = [];
    for (let i = 0; i < 4; i++) first.push((await attempt('198.51.100.7')).status);
    expect(first).toEqual([401, 401, 401, 429]);
    // A client the proxy reports as another address is not held back by the first one.
    expect((await attempt('198.51.100.8')).status).toBe(401);
    // With one hop trusted, only the entry the proxy appended counts, not what the client wrote.
    expect((await attempt('1.2.3.4, 198.51.100.7')).status).toBe(429);
  });
});
