import { startTestApp, type TestApp } from './support/test-app';
import { TEST_PASSWORD } from './support/factory';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      loginMaxAttemptsPerAccount: 5,
      loginMaxAttemptsPerIp: 1000,
      trustProxy: true,
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

    // The first token again: reuse. The whole session dies, including the rotated token.
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
      trustProxy: true,
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
