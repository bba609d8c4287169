import { startTestApp, type TestApp } from './support/test-app';
import { TEST_PASSWORD } from './support/factory';

/**
 * A reload while the SPA's refresh is in flight: the API rotated the cookie, the browser never
 * stored the answer and sends the used value again. Within the grace window that is a retry,
 * not theft; everything else about reuse detection stays as strict as before.
 */
describe('auth: refresh-token reuse grace (reload during a refresh)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ refreshReuseGraceSeconds: 30 });
  });
  afterAll(() => t.close());

  const setCookie = (res: { headers: Record<string, unknown> }) => {
    const all = (res.headers['set-cookie'] as string[] | undefined) ?? [];
    const c = all.find((h) => h.startsWith('rd_refresh_agent='));
    return c?.slice('rd_refresh_agent='.length).split(';')[0];
  };
  const signIn = async () => {
    const u = await t.factory.user();
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: u.email, password: TEST_PASSWORD, app: 'agent' });
    expect(res.status).toBe(200);
    return setCookie(res)!;
  };
  /** The SPA's refresh: only the cookie, named by the app. */
  const refresh = async (cookie: string) => {
    const res = await t
      .http()
      .post('/api/v1/auth/refresh')
      .set('Cookie', `rd_refresh_agent=${cookie}`)
      .send({ app: 'agent' });
    return { status: res.status, cookie: setCookie(res), accessToken: res.body.accessToken };
  };
  const meStatus = async (accessToken: string) =>
    (await t.http().get('/api/v1/me').set('Authorization', `Bearer ${accessToken}`)).status;
  const second = 1000;

  it('the previous cookie within the window gets a valid new pair, and the session goes on', async () => {
    const c0 = await signIn();
    const lost = await refresh(c0);
    expect(lost.status).toBe(200);
    // The reload, a few seconds later, with the cookie the browser still has.
    t.clock.advance(5 * second);
    const retried = await refresh(c0);
    expect(retried.status).toBe(200);
    expect(retried.cookie).toBeDefined();
    expect([c0, lost.cookie]).not.toContain(retried.cookie);
    expect(await meStatus(retried.accessToken)).toBe(200);
    // The session goes on: the new cookie rotates as usual.
    const next = await refresh(retried.cookie!);
    expect(next.status).toBe(200);
    expect(await meStatus(next.accessToken)).toBe(200);
    expect((await refresh(next.cookie!)).status).toBe(200);
  });

  it('reloading twice within the window from the first use still works', async () => {
    const c0 = await signIn();
    expect((await refresh(c0)).status).toBe(200);
    t.clock.advance(10 * second);
    expect((await refresh(c0)).status).toBe(200);
    t.clock.advance(10 * second);
    const third = await refresh(c0);
    expect(third.status).toBe(200);
    expect(await meStatus(third.accessToken)).toBe(200);
    // The window counts from the first use and does not slide with the retries.
    t.clock.advance(11 * second);
    expect((await refresh(c0)).status).toBe(401);
    expect(await meStatus(third.accessToken)).toBe(401);
  });

  it('outside the window a used cookie is reuse: the session is revoked', async () => {
    const c0 = await signIn();
    const r1 = await refresh(c0);
    expect(r1.status).toBe(200);
    t.clock.advance(30 * second);
    expect((await refresh(c0)).status).toBe(401);
    expect((await refresh(r1.cookie!)).status).toBe(401);
    expect(await meStatus(r1.accessToken)).toBe(401);
    const [session] = (await t.db.query(
      `SELECT s.revoked_reason FROM auth_sessions s JOIN refresh_tokens r ON r.session_id = s.id
        WHERE r.id = $1`,
      [c0.split('.')[0]],
    )) as { revoked_reason: string }[];
    expect(session.revoked_reason).toBe('refresh_reuse');
  });

  it('only the immediately previous cookie: once its successor was used, it is reuse', async () => {
    const c0 = await signIn();
    const r1 = await refresh(c0);
    const r2 = await refresh(r1.cookie!);
    expect(r2.status).toBe(200);
    t.clock.advance(1 * second);
    expect((await refresh(c0)).status).toBe(401);
    expect((await refresh(r2.cookie!)).status).toBe(401);
    expect(await meStatus(r2.accessToken)).toBe(401);
  });

  it('a replay that won the retry is caught when the real successor comes back', async () => {
    // A thief replays the old cookie within the window and gets a pair; the owner's rotated
    // cookie was consumed by that retry, so the owner's next refresh is reuse and ends both.
    const c0 = await signIn();
    const owner = await refresh(c0);
    const thief = await refresh(c0);
    expect(thief.status).toBe(200);
    expect((await refresh(owner.cookie!)).status).toBe(401);
    expect(await meStatus(thief.accessToken)).toBe(401);
    expect((await refresh(thief.cookie!)).status).toBe(401);
  });

  it('the refresh token of an API client gets the same grace', async () => {
    const u = await t.factory.user();
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: u.email, password: TEST_PASSWORD });
    const body = (token: string) =>
      t.http().post('/api/v1/auth/refresh').send({ refreshToken: token });
    expect((await body(login.body.refreshToken)).status).toBe(200);
    const again = await body(login.body.refreshToken);
    expect(again.status).toBe(200);
    expect(await meStatus(again.body.accessToken)).toBe(200);
  });
});

describe('auth: refresh-token reuse grace turned off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ refreshReuseGraceSeconds: 0 });
  });
  afterAll(() => t.close());

  it('REFRESH_REUSE_GRACE_SECONDS=0: the used token at once is reuse', async () => {
    const u = await t.factory.user();
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: u.email, password: TEST_PASSWORD });
    const body = (token: string) =>
      t.http().post('/api/v1/auth/refresh').send({ refreshToken: token });
    const r1 = await body(login.body.refreshToken);
    expect(r1.status).toBe(200);
    expect((await body(login.body.refreshToken)).status).toBe(401);
    expect((await body(r1.body.refreshToken)).status).toBe(401);
  });
});
