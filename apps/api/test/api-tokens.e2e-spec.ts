import { buildWorld, type World } from './support/personas';
import { createServiceAccountToken } from './support/service-token';
import { startTestApp, type TestApp } from './support/test-app';

describe('API tokens', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('a token with tickets:read lists tickets; without a scope the endpoint refuses it', async () => {
    const { token } = await createServiceAccountToken(t, {
      scopes: ['tickets:read'],
      canViewAll: true,
    });
    const ok = await t.http().get('/api/v1/tickets').set('Authorization', `Bearer ${token}`);
    expect(ok.status).toBe(200);
    const denied = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${token}`)
      .send({ subject: 'x', description: 'y' });
    expect(denied.status).toBe(403);
    expect(denied.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(denied.body.detail).toContain('tickets:write');
    const unknown = await t.http().get('/api/v1/tickets').set('Authorization', 'Bearer rd_nope');
    expect(unknown.status).toBe(401);
    void w;
  });
});
