import { TEST_PASSWORD } from './support/factory';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * What the portal's profile page does for a client (issue 16, item 11), through the endpoints
 * it calls: name and language, password change (other sessions end, this one stays), sign out
 * everywhere (every session ends, the portal's refresh cookie included), and nothing that is
 * not the client's own to change.
 */
describe('a client manages their own profile', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const client = async () => {
    const org = await t.factory.organization('Profile Org');
    return t.factory.user({ role: 'client', organizationId: org.id, locale: 'en' });
  };
  const login = (email: string, password = TEST_PASSWORD, app?: 'portal') =>
    t
      .http()
      .post('/api/v1/auth/login')
      .send({ email, password, ...(app ? { app } : {}) });
  const bearer = (res: { body: { accessToken: string } }) => `Bearer ${res.body.accessToken}`;
  const meStatus = async (auth: string) =>
    (await t.http().get('/api/v1/me').set('Authorization', auth)).status;
  const portalCookie = (res: { headers: Record<string, unknown> }) => {
    const all = (res.headers['set-cookie'] as string[] | undefined) ?? [];
    return all.find((c) => c.startsWith('rd_refresh_portal='))!.split(';')[0];
  };
  const refreshWith = (cookie: string) =>
    t.http().post('/api/v1/auth/refresh').set('Cookie', cookie).send({ app: 'portal' });

  it('changes name and language, and nothing that is the desk’s to set', async () => {
    const u = await client();
    const session = await login(u.email);
    const ok = await t
      .http()
      .patch('/api/v1/me')
      .set('Authorization', bearer(session))
      .send({ name: 'Jana Dvořáková', locale: 'cs' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: 'Jana Dvořáková', locale: 'cs', role: 'client' });
    const [row] = await t.db.query('SELECT name, locale, role FROM users WHERE id = $1', [u.id]);
    expect(row).toEqual({ name: 'Jana Dvořáková', locale: 'cs', role: 'client' });
    for (const body of [
      { role: 'admin' },
      { organizationId: null },
      { email: 'other@example.com' },
      { canViewOrganizationTickets: true },
      { name: '' },
    ]) {
      const bad = await t
        .http()
        .patch('/api/v1/me')
        .set('Authorization', bearer(session))
        .send(body);
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const [after] = await t.db.query(
      'SELECT name, role, organization_id FROM users WHERE id = $1',
      [u.id],
    );
    expect(after).toMatchObject({ name: 'Jana Dvořáková', role: 'client' });
    expect(after.organization_id).not.toBeNull();
  });

  it('changes the password: a wrong current one is 422 on its field; then other sessions end and this one stays', async () => {
    const u = await client();
    const here = await login(u.email);
    const other = await login(u.email);
    const portal = await login(u.email, TEST_PASSWORD, 'portal');
    const wrong = await t
      .http()
      .post('/api/v1/me/password')
      .set('Authorization', bearer(here))
      .send({ currentPassword: 'not-it', newPassword: 'a-new-secret-1' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors.map((e: { field: string }) => e.field)).toEqual(['currentPassword']);
    expect(await meStatus(bearer(other))).toBe(200);

    const changed = await t
      .http()
      .post('/api/v1/me/password')
      .set('Authorization', bearer(here))
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'a-new-secret-1' });
    expect(changed.status).toBe(204);
    expect(await meStatus(bearer(here))).toBe(200);
    expect(await meStatus(bearer(other))).toBe(401);
    expect((await refreshWith(portalCookie(portal))).status).toBe(401);
    expect((await login(u.email)).status).toBe(401);
    expect((await login(u.email, 'a-new-secret-1')).status).toBe(200);
  });

  it('signs out everywhere: every session of the client ends, the portal cookie too, and no one else’s', async () => {
    const u = await client();
    const neighbour = await client();
    const here = await login(u.email, TEST_PASSWORD, 'portal');
    const phone = await login(u.email, TEST_PASSWORD, 'portal');
    const script = await login(u.email);
    const theirs = await login(neighbour.email);

    const out = await t.http().delete('/api/v1/me/sessions').set('Authorization', bearer(here));
    expect(out.status).toBe(204);
    for (const s of [here, phone, script]) expect(await meStatus(bearer(s))).toBe(401);
    expect((await refreshWith(portalCookie(phone))).status).toBe(401);
    expect(
      (await t.http().post('/api/v1/auth/refresh').send({ refreshToken: script.body.refreshToken }))
        .status,
    ).toBe(401);
    expect(await meStatus(bearer(theirs))).toBe(200);
    expect((await login(u.email)).status).toBe(200);
  });
});
