import { startTestApp, type TestApp } from './support/test-app';
import { TEST_PASSWORD } from './support/factory';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      loginMaxAttemptsPerAccount: 5,
      loginMaxAttemptsPerIp: 1000,
      trustProxy: 1,
    });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, ip = '10.0.0.1') =>
    t.http().post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  it('logs in case-insensitively and returns a token pair and the user', async () => {
    const u = await t.factory.user({ email: 'Mixed.Case@Example.test', role: 'agent' });
    const res = await login('mixed.case@EXAMPLE.test', TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: u.id, role: 'agent' });
    expect(res.body.user.passwordHash).toBeUndefined();
    const me = await t
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: u.id, email: 'Mixed.Case@Example.test' });
    expect(me.body.permissions).toContain('tickets.take');
  });

  it('answers unknown e-mail and wrong password the same way', async () => {
    await t.factory.user({ email: 'known@example.test' });
    const unknown = await login('nobody@example.test', 'whatever-password', '10.0.0.2');
    const wrong = await login('known@example.test', 'wrong-password', '10.0.0.2');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('refuses inactive users even with the right password', async () => {
    const u = await t.factory.user({ active: false });
    expect((await login(u.email, TEST_PASSWORD, '10.0.0.3')).status).toBe(401);
  });

  it('rotates refresh tokens and revokes the family when a used one comes back', async () => {
    const u = await t.factory.user();
    const first = await login(u.email, TEST_PASSWORD, '10.0.0.4');
    const r1 = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.body.refreshToken });
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toBe(first.body.refreshToken);

    // The first token again, after the reuse grace: reuse. The whole session dies, including
    // the rotated token.
    t.clock.advance((t.config.refreshReuseGraceSeconds + 1) * 1000);
    const reuse = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.body.refreshToken });
    expect(reuse.status).toBe(401);
    const afterReuse = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: r1.body.refreshToken });
    expect(afterReuse.status).toBe(401);
    const me = await t
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${r1.body.accessToken}`);
    expect(me.status).toBe(401);
  });

  it('logout ends the access token and the refresh token', async () => {
    const u = await t.factory.user();
    const s = await login(u.email, TEST_PASSWORD, '10.0.0.5');
    const auth = `Bearer ${s.body.accessToken}`;
    expect((await t.http().post('/api/v1/auth/logout').set('Authorization', auth)).status).toBe(
      204,
    );
    expect((await t.http().get('/api/v1/me').set('Authorization', auth)).status).toBe(401);
    const r = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: s.body.refreshToken });
    expect(r.status).toBe(401);
  });

  it('deactivation and demotion take effect on the very next request', async () => {
    const u = await t.factory.user({ role: 'dispatcher' });
    const token = await t.tokenFor(u.id);
    const auth = `Bearer ${token}`;
    expect((await t.http().get('/api/v1/me').set('Authorization', auth)).body.role).toBe(
      'dispatcher',
    );
    await t.db.query(`UPDATE users SET role = 'agent' WHERE id = $1`, [u.id]);
    expect((await t.http().get('/api/v1/me').set('Authorization', auth)).body.role).toBe('agent');
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [u.id]);
    expect((await t.http().get('/api/v1/me').set('Authorization', auth)).status).toBe(401);
  });

  it('changes the password: old one stops working, other sessions end, this one stays', async () => {
    const u = await t.factory.user();
    const a = await login(u.email, TEST_PASSWORD, '10.0.0.6');
    const b = await login(u.email, TEST_PASSWORD, '10.0.0.6');
    const wrong = await t
      .http()
      .post('/api/v1/me/password')
      .set('Authorization', `Bearer ${a.body.accessToken}`)
      .send({ currentPassword: 'not-it', newPassword: 'a new password 1' });
    expect(wrong.status).toBe(422);
    const ok = await t
      .http()
      .post('/api/v1/me/password')
      .set('Authorization', `Bearer ${a.body.accessToken}`)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'a new password 1' });
    expect(ok.status).toBe(204);
    expect(
      (await t.http().get('/api/v1/me').set('Authorization', `Bearer ${a.body.accessToken}`))
        .status,
    ).toBe(200);
    expect(
      (await t.http().get('/api/v1/me').set('Authorization', `Bearer ${b.body.accessToken}`))
        .status,
    ).toBe(401);
    expect((await login(u.email, TEST_PASSWORD, '10.0.0.6')).status).toBe(401);
    expect((await login(u.email, 'a new password 1', '10.0.0.6')).status).toBe(200);
  });

  it('answers 429 after repeated failures on one account, even when they arrive in parallel', async () => {
    const u = await t.factory.user();
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(u.email, `wrong-${i}`, `10.1.0.${i}`)),
    );
    const statuses = attempts.map((r) => r.status);
    // The limit is 5 per account: at most 5 attempts get a password check, the rest 429.
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    const limited = attempts.find((r) => r.status === 429)!;
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password is refused while the account is limited.
    expect((await login(u.email, TEST_PASSWORD, '10.2.0.1')).status).toBe(429);
    // After the window the account may try again.
    t.clock.advance(t.config.loginWindowSeconds * 1000 + 1000);
    expect((await login(u.email, TEST_PASSWORD, '10.2.0.1')).status).toBe(200);
  });

  it('updates own profile and refuses null for required fields', async () => {
    const u = await t.factory.user();
    const auth = `Bearer ${await t.tokenFor(u.id)}`;
    const ok = await t
      .http()
      .patch('/api/v1/me')
      .set('Authorization', auth)
      .send({ locale: 'cs', name: 'Jana Nováková' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ locale: 'cs', name: 'Jana Nováková', version: 2 });
    for (const body of [{ name: null }, { locale: null }, { locale: 'de' }, { role: 'admin' }]) {
      const bad = await t.http().patch('/api/v1/me').set('Authorization', auth).send(body);
      expect(bad.status).toBe(400);
    }
    const me = await t.http().get('/api/v1/me').set('Authorization', auth);
    expect(me.body).toMatchObject({ locale: 'cs', name: 'Jana Nováková', role: 'agent' });
  });

  it('answers 401 problem+json for a missing or forged token', async () => {
    const none = await t.http().get('/api/v1/me');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ status: 401, title: 'Unauthorized' });
    const forged = await t.http().get('/api/v1/me').set('Authorization', 'Bearer abc.def.ghi');
    expect(forged.status).toBe(401);
  });
});

describe('auth: per-IP login limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      loginMaxAttemptsPerAccount: 100,
      loginMaxAttemptsPerIp: 4,
      trustProxy: 1,
    });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, ip: string) =>
    t.http().post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  it('limits failures from one address across many accounts, and leaves other addresses alone', async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => t.factory.user()));
    const results = await Promise.all(users.map((u) => login(u.email, 'wrong', '192.0.2.7')));
    expect(results.map((r) => r.status).sort()).toEqual([401, 401, 401, 401, 429, 429]);
    // The right password from the limited address is refused too; another address is fine.
    expect((await login(users[0].email, TEST_PASSWORD, '192.0.2.7')).status).toBe(429);
    expect((await login(users[0].email, TEST_PASSWORD, '192.0.2.8')).status).toBe(200);
  });

  it('does not count successful logins against the address', async () => {
    const u = await t.factory.user();
    for (let i = 0; i < 8; i++) {
      expect((await login(u.email, TEST_PASSWORD, '192.0.2.9')).status).toBe(200);
    }
  });
});

describe('auth: token lifetimes by the injectable clock', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      accessTokenTtlSeconds: 900,
      refreshTokenTtlSeconds: 86400,
      sessionMaxAgeDays: 3,
    });
  });
  afterAll(() => t.close());

  const login = async (email: string) => {
    const res = await t.http().post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    return res.body as { accessToken: string; refreshToken: string };
  };
  const me = (token: string) => t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);
  const refresh = (refreshToken: string) =>
    t.http().post('/api/v1/auth/refresh').send({ refreshToken });

  it('an access token works until its expiry and not a second after', async () => {
    const u = await t.factory.user();
    const s = await login(u.email);
    t.clock.advance(900_000 - 1000);
    expect((await me(s.accessToken)).status).toBe(200);
    t.clock.advance(1000);
    const expired = await me(s.accessToken);
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toMatch(/expired/);
  });

  it('a refresh token works until its expiry and not after', async () => {
    const u = await t.factory.user();
    const a = await login(u.email);
    t.clock.advance(86_400_000 - 1000);
    expect((await refresh(a.refreshToken)).status).toBe(200);
    const b = await login(u.email);
    t.clock.advance(86_400_000);
    const late = await refresh(b.refreshToken);
    expect(late.status).toBe(401);
    expect(late.body.detail).toMatch(/expired/);
  });

  it('a session ends at its absolute lifetime however recently it was rotated', async () => {
    const u = await t.factory.user();
    let pair = await login(u.email);
    // Rotate twice a day for just under three days: every refresh succeeds.
    for (let i = 0; i < 5; i++) {
      t.clock.advance(12 * 3600_000);
      const r = await refresh(pair.refreshToken);
      expect(r.status).toBe(200);
      pair = r.body;
    }
    t.clock.advance(12 * 3600_000 - 1000);
    const last = await refresh(pair.refreshToken);
    expect(last.status).toBe(200);
    pair = last.body;
    // Three days after the login: the fresh refresh token is refused, and the session is over.
    t.clock.advance(1000);
    const over = await refresh(pair.refreshToken);
    expect(over.status).toBe(401);
    expect(over.body.detail).toMatch(/maximum age/);
    const [{ revoked_reason: reason }] = await t.db.query(
      'SELECT revoked_reason FROM auth_sessions WHERE user_id = $1',
      [u.id],
    );
    expect(reason).toBe('max_age');
  });

  it('an access token issued near the end of the session ends with it', async () => {
    const u = await t.factory.user();
    let pair = await login(u.email);
    for (let i = 0; i < 5; i++) {
      t.clock.advance(12 * 3600_000);
      pair = (await refresh(pair.refreshToken)).body;
    }
    t.clock.advance(12 * 3600_000 - 300_000); // five minutes before the session's end
    const r = await refresh(pair.refreshToken);
    expect(r.status).toBe(200);
    expect(r.body.expiresIn).toBe(300);
    pair = r.body;
    t.clock.advance(299_000);
    expect((await me(pair.accessToken)).status).toBe(200);
    t.clock.advance(1000);
    expect((await me(pair.accessToken)).status).toBe(401);
  });
  it('never issues a refresh token that outlives its session', async () => {
    const u = await t.factory.user();
    const maxAge = (res: { headers: Record<string, unknown> }) =>
      Number(/Max-Age=(\d+)/.exec((res.headers['set-cookie'] as string[])[0])?.[1]);
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: u.email, password: TEST_PASSWORD, app: 'agent' });
    expect(maxAge(login)).toBe(86400);
    let cookie = (login.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    let last = login;
    // Two and a half days of rotation: the session (3 days) has half a day left.
    for (let i = 0; i < 5; i++) {
      t.clock.advance(12 * 3600_000);
      last = await t
        .http()
        .post('/api/v1/auth/refresh')
        .set('Cookie', cookie)
        .send({ app: 'agent' });
      expect(last.status).toBe(200);
      cookie = (last.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    }
    expect(maxAge(last)).toBe(12 * 3600);
    const [{ expires_at: expiresAt }] = await t.db.query(
      `SELECT t.expires_at FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id
        WHERE s.user_id = $1 ORDER BY t.created_at DESC LIMIT 1`,
      [u.id],
    );
    expect(new Date(expiresAt).getTime()).toBe(t.clock.now().getTime() + 12 * 3600_000);
  });
});

describe('auth: refresh cookies of the web apps', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ trustProxy: 1 });
  });
  afterAll(() => t.close());

  const loginAs = (email: string, app?: 'agent' | 'portal', proto = 'http') =>
    t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-Proto', proto)
      .send({ email, password: TEST_PASSWORD, ...(app ? { app } : {}) });
  const setCookies = (res: { headers: Record<string, unknown> }): string[] =>
    (res.headers['set-cookie'] as string[] | undefined) ?? [];
  const cookieValue = (res: { headers: Record<string, unknown> }, name: string) => {
    const c = setCookies(res).find((h) => h.startsWith(`${name}=`));
    return c ? c.slice(name.length + 1).split(';')[0] : undefined;
  };
  const attributes = (header: string) =>
    header
      .split(';')
      .slice(1)
      .map((a) => a.trim().toLowerCase());

  it('sets an HttpOnly SameSite=Strict cookie on the auth path, and keeps the token out of the body', async () => {
    const u = await t.factory.user();
    const res = await loginAs(u.email, 'agent');
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.refreshToken).toBeUndefined();
    const [header] = setCookies(res);
    expect(header).toMatch(/^rd_refresh_agent=[0-9a-f-]{36}\.[\w-]+;/);
    const attrs = attributes(header);
    expect(attrs).toEqual(
      expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api/v1/auth']),
    );
    expect(attrs.find((a) => a.startsWith('max-age='))).toBe(
      `max-age=${t.config.refreshTokenTtlSeconds}`,
    );
    // Served over plain http: a Secure cookie would never come back.
    expect(attrs).not.toContain('secure');
  });

  it('marks the cookie Secure when the request came over https (through the trusted proxy)', async () => {
    const u = await t.factory.user();
    const res = await loginAs(u.email, 'portal', 'https');
    const [header] = setCookies(res);
    expect(header).toMatch(/^rd_refresh_portal=/);
    expect(attributes(header)).toContain('secure');
  });

  it('API clients (no app) get the refresh token in the body and no cookie', async () => {
    const u = await t.factory.user();
    const res = await loginAs(u.email);
    expect(res.body.refreshToken).toEqual(expect.any(String));
    expect(setCookies(res)).toEqual([]);
  });

  it('rotates through the cookie: the old cookie value is refused and revokes the session', async () => {
    const u = await t.factory.user();
    const login = await loginAs(u.email, 'agent');
    const first = cookieValue(login, 'rd_refresh_agent')!;
    const refresh = (value: string) =>
      t
        .http()
        .post('/api/v1/auth/refresh')
        .set('Cookie', `other=1; rd_refresh_agent=${value}`)
        .send({ app: 'agent' });
    const r1 = await refresh(first);
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).toBeUndefined();
    const second = cookieValue(r1, 'rd_refresh_agent')!;
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(
      (await t.http().get('/api/v1/me').set('Authorization', `Bearer ${r1.body.accessToken}`))
        .status,
    ).toBe(200);

    t.clock.advance((t.config.refreshReuseGraceSeconds + 1) * 1000);
    const reuse = await refresh(first);
    expect(reuse.status).toBe(401);
    // The dead cookie is cleared with the 401.
    expect(setCookies(reuse)[0]).toMatch(/^rd_refresh_agent=;.*Expires=Thu, 01 Jan 1970/);
    expect((await refresh(second)).status).toBe(401);
  });

  it('keeps the apps apart: each reads only its own cookie', async () => {
    const u = await t.factory.user({ role: 'agent' });
    const agent = await loginAs(u.email, 'agent');
    const portal = await loginAs(u.email, 'portal');
    const agentCookie = `rd_refresh_agent=${cookieValue(agent, 'rd_refresh_agent')}`;
    const portalCookie = `rd_refresh_portal=${cookieValue(portal, 'rd_refresh_portal')}`;
    const both = `${agentCookie}; ${portalCookie}`;
    // The portal's refresh with only the agent's cookie finds nothing.
    const none = await t
      .http()
      .post('/api/v1/auth/refresh')
      .set('Cookie', agentCookie)
      .send({ app: 'portal' });
    expect(none.status).toBe(401);
    // With both cookies, each app rotates its own session and sets only its own cookie.
    const p = await t
      .http()
      .post('/api/v1/auth/refresh')
      .set('Cookie', both)
      .send({ app: 'portal' });
    expect(p.status).toBe(200);
    expect(setCookies(p).map((c) => c.split('=')[0])).toEqual(['rd_refresh_portal']);
    const a = await t
      .http()
      .post('/api/v1/auth/refresh')
      .set('Cookie', both)
      .send({ app: 'agent' });
    expect(a.status).toBe(200);
    expect(setCookies(a).map((c) => c.split('=')[0])).toEqual(['rd_refresh_agent']);
    // Signing out of the portal leaves the agent app signed in.
    const out = await t
      .http()
      .post('/api/v1/auth/logout')
      .set('Authorization', `Bearer ${p.body.accessToken}`)
      .send({ app: 'portal' });
    expect(out.status).toBe(204);
    expect(setCookies(out)[0]).toMatch(/^rd_refresh_portal=;.*Path=\/api\/v1\/auth/);
    expect(
      (await t.http().get('/api/v1/me').set('Authorization', `Bearer ${a.body.accessToken}`))
        .status,
    ).toBe(200);
  });

  it('reads the cookie only for a JSON body that names the app', async () => {
    const u = await t.factory.user();
    const cookie = `rd_refresh_agent=${cookieValue(await loginAs(u.email, 'agent'), 'rd_refresh_agent')}`;
    // What a cross-site form could send: not JSON, so no app, so the cookie is not used.
    const form = await t
      .http()
      .post('/api/v1/auth/refresh')
      .set('Cookie', cookie)
      .type('form')
      .send('app=agent');
    expect(form.status).toBe(400);
    const empty = await t.http().post('/api/v1/auth/refresh').set('Cookie', cookie).send({});
    expect(empty.status).toBe(400);
    const json = await t
      .http()
      .post('/api/v1/auth/refresh')
      .set('Cookie', cookie)
      .send({ app: 'agent' });
    expect(json.status).toBe(200);
  });

  it('sign out everywhere ends every session: access and refresh, body and cookie', async () => {
    const u = await t.factory.user();
    const here = await loginAs(u.email, 'agent');
    const other = await loginAs(u.email, 'portal');
    const api = await loginAs(u.email);
    const someoneElse = await loginAs((await t.factory.user()).email);
    const bearer = (res: { body: { accessToken: string } }) => `Bearer ${res.body.accessToken}`;

    const out = await t.http().delete('/api/v1/me/sessions').set('Authorization', bearer(here));
    expect(out.status).toBe(204);

    for (const s of [here, other, api]) {
      expect((await t.http().get('/api/v1/me').set('Authorization', bearer(s))).status).toBe(401);
    }
    const portalRefresh = await t
      .http()
      .post('/api/v1/auth/refresh')
      .set('Cookie', `rd_refresh_portal=${cookieValue(other, 'rd_refresh_portal')}`)
      .send({ app: 'portal' });
    expect(portalRefresh.status).toBe(401);
    const apiRefresh = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: api.body.refreshToken });
    expect(apiRefresh.status).toBe(401);
    // Another user's session is untouched.
    expect(
      (await t.http().get('/api/v1/me').set('Authorization', bearer(someoneElse))).status,
    ).toBe(200);
    // And the user can sign in again.
    expect((await loginAs(u.email, 'agent')).status).toBe(200);
  });
});

describe('auth: refresh cookie without a trusted proxy', () => {
  // A test app of its own: passport keeps one strategy per process, so two apps cannot overlap.
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ trustProxy: false });
  });
  afterAll(() => t.close());

  it('does not take X-Forwarded-Proto for https', async () => {
    const u = await t.factory.user();
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ email: u.email, password: TEST_PASSWORD, app: 'portal' });
    expect(res.status).toBe(200);
    const [header] = res.headers['set-cookie'] as unknown as string[];
    expect(header).toMatch(/^rd_refresh_portal=.*HttpOnly/);
    expect(header).not.toMatch(/Secure/i);
  });
});

describe('auth: password checks are throttled like login', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      loginMaxAttemptsPerAccount: 3,
      loginMaxAttemptsPerIp: 1000,
      trustProxy: 1,
    });
  });
  afterAll(() => t.close());

  const change = (token: string, currentPassword: string, ip = '198.51.100.1') =>
    t
      .http()
      .post('/api/v1/me/password')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Forwarded-For', ip)
      .send({ currentPassword, newPassword: 'another long password' });

  it('answers 429 with Retry-After to guesses at the current password', async () => {
    const u = await t.factory.user();
    const token = await t.tokenFor(u.id);
    const guesses = await Promise.all(
      Array.from({ length: 5 }, (_, i) => change(token, `guess-${i}`, `198.51.100.${i + 10}`)),
    );
    expect(guesses.map((r) => r.status).sort()).toEqual([422, 422, 422, 429, 429]);
    const limited = guesses.find((r) => r.status === 429)!;
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits, and so does a login to the same account.
    expect((await change(token, TEST_PASSWORD)).status).toBe(429);
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: u.email, password: TEST_PASSWORD });
    expect(login.status).toBe(429);
    t.clock.advance(t.config.loginWindowSeconds * 1000 + 1000);
    expect((await change(token, TEST_PASSWORD)).status).toBe(204);
  });
});
