import { createHash } from 'node:crypto';
import { AssignmentRulesEngine } from '../src/modules/assignment/assignment-rules.engine';
import { PasswordResets } from '../src/modules/auth/account-tokens/password-resets.service';
import { buildWorld, type World } from './support/personas';
import { createServiceAccountToken } from './support/service-token';
import { startTestApp, type TestApp } from './support/test-app';
import { TEST_PASSWORD } from './support/factory';

const BASE = '/api/v1/admin/service-accounts';

describe('API tokens and service accounts', () => {
  let t: TestApp;
  let w: World;
  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) =>
      t.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(path).set('Authorization', `Bearer ${token}`).send(body),
    delete: (path: string) => t.http().delete(path).set('Authorization', `Bearer ${token}`),
  });
  const admin = () => as(w.admin.token);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  /** A service account and one token through the admin API, as an admin would make them. */
  async function issue(
    account: { role?: string; groupIds?: string[]; canViewAll?: boolean } = {},
    token: { scopes?: string[]; expiresAt?: string | null } = {},
  ): Promise<{ accountId: string; tokenId: string; token: string; version: number }> {
    const created = await admin().post(BASE, { name: 'Monitoring', role: 'agent', ...account });
    expect(created.status).toBe(201);
    const res = await admin().post(`${BASE}/${created.body.id}/tokens`, {
      name: 'prod',
      scopes: ['tickets:read', 'tickets:write', 'comments:write'],
      ...token,
    });
    expect(res.status).toBe(201);
    return {
      accountId: created.body.id,
      tokenId: res.body.id,
      token: res.body.token,
      version: created.body.version,
    };
  }

  describe('admin endpoints', () => {
    it('creates an account and a token shown once, stored only as its SHA-256', async () => {
      const created = await admin().post(BASE, {
        name: 'Zabbix',
        description: 'Alerts from the plant',
        role: 'dispatcher',
        groupIds: [w.group.id],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'Zabbix',
        description: 'Alerts from the plant',
        role: 'dispatcher',
        groupIds: [w.group.id],
        canViewAll: false,
        active: true,
        activeTokens: 0,
      });
      const res = await admin().post(`${BASE}/${created.body.id}/tokens`, {
        name: 'prod',
        scopes: ['tickets:read'],
        expiresAt: '2027-01-01T00:00:00Z',
      });
      expect(res.status).toBe(201);
      const raw = res.body.token as string;
      expect(raw).toMatch(/^rd_[A-Za-z0-9_-]{43}$/);
      expect(res.body).toMatchObject({
        name: 'prod',
        scopes: ['tickets:read'],
        expiresAt: '2027-01-01T00:00:00.000Z',
        lastUsedAt: null,
        revokedAt: null,
      });

      const [row] = (await t.db.query('SELECT * FROM api_tokens WHERE id = $1', [
        res.body.id,
      ])) as Record<string, unknown>[];
      expect(row.token_hash).toBe(createHash('sha256').update(raw).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(raw.slice(3));
      // The creation was not kept by any other table either (no idempotency replay, no log table).
      const dump = (await t.db.query(
        `SELECT string_agg(to_jsonb(k)::text, '') AS all FROM idempotency_keys k`,
      )) as { all: string | null }[];
      expect(dump[0].all ?? '').not.toContain(raw.slice(3));

      const list = await admin().get(`${BASE}/${created.body.id}/tokens`);
      expect(list.status).toBe(200);
      expect(list.body).toHaveLength(1);
      expect(list.body[0]).not.toHaveProperty('token');
      expect(JSON.stringify(list.body)).not.toContain(raw.slice(3));
      expect((await admin().get(`${BASE}/${created.body.id}`)).body.activeTokens).toBe(1);
    });

    it('refuses bad input as problem+json, and non-admins', async () => {
      const { accountId } = await issue();
      const bad = await admin().post(BASE, { name: 'x', role: 'client' });
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      const group = await admin().post(BASE, {
        name: 'x',
        role: 'agent',
        groupIds: ['00000000-0000-4000-8000-000000000000'],
      });
      expect(group.status).toBe(422);
      expect(group.body.errors).toEqual([{ field: 'groupIds[0]', message: 'no such group' }]);
      const scope = await admin().post(`${BASE}/${accountId}/tokens`, {
        name: 'x',
        scopes: ['tickets:delete'],
      });
      expect(scope.status).toBe(400);
      const none = await admin().post(`${BASE}/${accountId}/tokens`, { name: 'x', scopes: [] });
      expect(none.status).toBe(400);
      const past = await admin().post(`${BASE}/${accountId}/tokens`, {
        name: 'x',
        scopes: ['tickets:read'],
        expiresAt: '2020-01-01T00:00:00Z',
      });
      expect(past.status).toBe(422);
      expect(past.body.errors).toEqual([{ field: 'expiresAt', message: 'must be in the future' }]);
      // A person is not a service account, whatever the id.
      expect((await admin().get(`${BASE}/${w.agent.id}`)).status).toBe(404);
      expect((await admin().get(`${BASE}/${w.agent.id}/tokens`)).status).toBe(404);
      expect(
        (await admin().patch(`${BASE}/${w.agent.id}`, { version: 1, active: false })).status,
      ).toBe(404);
      expect((await as(w.dispatcher.token).get(BASE)).status).toBe(403);
      expect((await as(w.agent.token).post(BASE, { name: 'x', role: 'agent' })).status).toBe(403);
    });

    it('lists service accounts apart from people, and marks them where people are shown', async () => {
      const { accountId } = await issue();
      const accounts = await admin().get(`${BASE}?limit=200`);
      expect(accounts.status).toBe(200);
      expect(accounts.body.items.map((a: { id: string }) => a.id)).toContain(accountId);
      expect(accounts.body.items.map((a: { id: string }) => a.id)).not.toContain(w.agent.id);
      const people = await admin().get('/api/v1/users?limit=200');
      expect(people.body.items.map((u: { id: string }) => u.id)).not.toContain(accountId);
      expect(people.body.items.map((u: { id: string }) => u.id)).toContain(w.agent.id);
      const only = await admin().get('/api/v1/users?limit=200&serviceAccount=true');
      expect(only.body.items.map((u: { id: string }) => u.id)).toContain(accountId);
      const one = await admin().get(`/api/v1/users/${accountId}`);
      expect(one.body.serviceAccount).toBe(true);
      // The users door cannot give it a password or make it a client.
      const patch = await admin().patch(`/api/v1/users/${accountId}`, {
        version: one.body.version,
        password: 'a long enough password 1',
      });
      expect(patch.status).toBe(422);
    });

    it('a service account cannot log in, nor ask for a password reset', async () => {
      const { accountId } = await issue();
      const [{ email }] = (await t.db.query('SELECT email FROM users WHERE id = $1', [
        accountId,
      ])) as { email: string }[];
      const login = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email, password: TEST_PASSWORD });
      expect(login.status).toBe(401);
      const asked = await t
        .http()
        .post('/api/v1/auth/password-reset-requests')
        .send({ email, app: 'agent' });
      expect(asked.status).toBe(202);
      await t.app.get(PasswordResets).settled();
      const tokens = (await t.db.query('SELECT 1 FROM account_tokens WHERE user_id = $1', [
        accountId,
      ])) as unknown[];
      expect(tokens).toHaveLength(0);
    });
  });

  describe('authentication and scopes', () => {
    it('works on the endpoints its scopes open, 403 naming the scope elsewhere', async () => {
      const { token } = await issue({ canViewAll: true }, { scopes: ['tickets:read'] });
      expect((await as(token).get('/api/v1/tickets')).status).toBe(200);
      const write = await as(token).post('/api/v1/tickets', { subject: 'x' });
      expect(write.status).toBe(403);
      expect(write.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(write.body).toMatchObject({ requiredScope: 'tickets:write' });
      expect(write.body.detail).toContain('tickets:write');
      expect((await as(token).get('/api/v1/users')).status).toBe(403);
      expect((await as(token).get(BASE)).status).toBe(403);
    });

    it('endpoints without a scope and the auth endpoints refuse tokens', async () => {
      const { token } = await issue({ role: 'admin' }, { scopes: ['admin'] });
      // admin holds every scope: directory and admin routes pass...
      expect((await as(token).get('/api/v1/users')).status).toBe(200);
      expect((await as(token).get(BASE)).status).toBe(200);
      // ...but what no scope covers stays closed.
      for (const res of [
        await as(token).get('/api/v1/me'),
        await as(token).post('/api/v1/auth/logout'),
        await as(token).post('/api/v1/me/password', {
          currentPassword: 'x',
          newPassword: 'a long enough password 1',
        }),
        await as(token).get('/api/v1/me/notifications'),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.detail).toBe('This endpoint cannot be called with an API token');
      }
    });

    it('the account’s role still decides: an agent account with the admin scope is no admin', async () => {
      const { token } = await issue({ role: 'agent' }, { scopes: ['admin'] });
      expect((await as(token).get(BASE)).status).toBe(403);
      expect((await as(token).post('/api/v1/groups', { name: 'x' })).status).toBe(403);
    });

    it('401 for an unknown, revoked or expired token, and for a deactivated account', async () => {
      expect((await as('rd_unknown').get('/api/v1/tickets')).status).toBe(401);
      const fake = `rd_${'A'.repeat(43)}`;
      const unknown = await as(fake).get('/api/v1/tickets');
      expect(unknown.status).toBe(401);
      expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);

      const revoked = await issue();
      expect((await as(revoked.token).get('/api/v1/tickets')).status).toBe(200);
      const del = await admin().delete(`${BASE}/${revoked.accountId}/tokens/${revoked.tokenId}`);
      expect(del.status).toBe(204);
      expect((await as(revoked.token).get('/api/v1/tickets')).status).toBe(401);
      const listed = await admin().get(`${BASE}/${revoked.accountId}/tokens`);
      expect(listed.body[0].revokedAt).not.toBeNull();
      expect((await admin().delete(`${BASE}/${w.agent.id}/tokens/${revoked.tokenId}`)).status).toBe(
        404,
      );

      const expiring = await issue(
        {},
        { expiresAt: new Date(t.clock.now().getTime() + 3600_000).toISOString() },
      );
      expect((await as(expiring.token).get('/api/v1/tickets')).status).toBe(200);
      t.clock.advance(3600_000);
      expect((await as(expiring.token).get('/api/v1/tickets')).status).toBe(401);

      const a = await issue();
      const other = await admin().post(`${BASE}/${a.accountId}/tokens`, {
        name: 'second',
        scopes: ['tickets:read'],
      });
      expect((await as(a.token).get('/api/v1/tickets')).status).toBe(200);
      const off = await admin().patch(`${BASE}/${a.accountId}`, {
        version: a.version,
        active: false,
      });
      expect(off.status).toBe(200);
      expect(off.body.active).toBe(false);
      // Every token of the account stops at once.
      expect((await as(a.token).get('/api/v1/tickets')).status).toBe(401);
      expect((await as(other.body.token as string).get('/api/v1/tickets')).status).toBe(401);
      const more = await admin().post(`${BASE}/${a.accountId}/tokens`, {
        name: 'x',
        scopes: ['tickets:read'],
      });
      expect(more.status).toBe(422);
      // Reactivated, its tokens that were never revoked work again.
      const on = await admin().patch(`${BASE}/${a.accountId}`, {
        version: off.body.version,
        active: true,
      });
      expect(on.status).toBe(200);
      expect((await as(a.token).get('/api/v1/tickets')).status).toBe(200);
      // A stale version is a 409, as for every versioned record.
      const stale = await admin().patch(`${BASE}/${a.accountId}`, {
        version: off.body.version,
        active: false,
      });
      expect(stale.status).toBe(409);
    });

    it('records the last use, writing it at most once a minute', async () => {
      const { token, tokenId } = await issue();
      const lastUsed = async () =>
        (
          (await t.db.query('SELECT last_used_at FROM api_tokens WHERE id = $1', [tokenId])) as {
            last_used_at: Date | null;
          }[]
        )[0].last_used_at;
      expect(await lastUsed()).toBeNull();
      const first = t.clock.now();
      await as(token).get('/api/v1/tickets');
      expect(await lastUsed()).toEqual(first);
      t.clock.advance(30_000);
      await as(token).get('/api/v1/tickets');
      expect(await lastUsed()).toEqual(first);
      t.clock.advance(30_000);
      await as(token).get('/api/v1/tickets');
      expect(await lastUsed()).toEqual(t.clock.now());
    });
  });

  describe('what the account sees and files', () => {
    it('an agent account sees only its groups’ tickets; another ticket is 404', async () => {
      const mine = await t.factory.ticket({ subject: 'In L1', groupId: w.group.id });
      // Agents also see unassigned tickets: this one is someone else's work.
      const theirs = await t.factory.ticket({
        subject: 'In L2',
        groupId: w.otherGroup.id,
        assigneeId: w.otherAgent.id,
      });
      const { token } = await issue({ role: 'agent', groupIds: [w.group.id] });
      const list = await as(token).get('/api/v1/tickets?limit=200');
      expect(list.status).toBe(200);
      const ids = list.body.items.map((x: { id: string }) => x.id);
      expect(ids).toContain(mine.id);
      expect(ids).not.toContain(theirs.id);
      expect((await as(token).get(`/api/v1/tickets/${mine.id}`)).status).toBe(200);
      const hidden = await as(token).get(`/api/v1/tickets/${theirs.id}`);
      expect(hidden.status).toBe(404);
      expect(
        (await as(token).post(`/api/v1/tickets/${theirs.id}/comments`, { body: 'x' })).status,
      ).toBe(404);
    });

    it('files tickets on channel api, and an assignment rule on channel api matches them', async () => {
      await t.db.query('DELETE FROM assignment_rules');
      t.app.get(AssignmentRulesEngine).invalidate();
      const rule = await admin().post('/api/v1/assignment-rules', {
        name: 'From other systems',
        conditions: { channels: ['api'] },
        actions: { priority: 'urgent' },
      });
      expect(rule.status).toBe(201);
      const { token } = await issue({ role: 'dispatcher', canViewAll: true });
      const created = await as(token).post('/api/v1/tickets', {
        subject: 'Pump 3 pressure low',
        description: 'From monitoring',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ channel: 'api', priority: 'urgent' });
      const comment = await as(token).post(`/api/v1/tickets/${created.body.id}/comments`, {
        body: 'Still low',
      });
      expect(comment.status).toBe(201);
      // The same request by a person is channel agent, and the rule leaves it alone.
      const byPerson = await as(w.dispatcher.token).post('/api/v1/tickets', { subject: 'By hand' });
      expect(byPerson.body).toMatchObject({ channel: 'agent' });
      expect(byPerson.body.priority).not.toBe('urgent');
      await t.db.query('DELETE FROM assignment_rules');
      t.app.get(AssignmentRulesEngine).invalidate();
    });

    it('is told nothing: no in-app notifications and no mail for a service account', async () => {
      const { token, accountId } = await issue({ role: 'agent', groupIds: [w.group.id] });
      await t.drainNotifications();
      const filed = await as(token).post('/api/v1/tickets', {
        subject: 'Filed by a robot',
        groupId: w.group.id,
      });
      expect(filed.status).toBe(201);
      const byPerson = await as(w.dispatcher.token).post('/api/v1/tickets', {
        subject: 'New in the robot’s group',
        groupId: w.group.id,
      });
      expect(byPerson.status).toBe(201);
      await t.drainNotifications();
      const count = async (table: string, userId: string) =>
        (
          (await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [
            userId,
          ])) as { n: number }[]
        )[0].n;
      // The fan-out ran: the human member of the group heard of the new tickets.
      expect(await count('notifications', w.agent.id)).toBeGreaterThan(0);
      expect(await count('notifications', accountId)).toBe(0);
      expect(await count('deliveries', accountId)).toBe(0);
    });

    it('is never auto-assigned by group distribution, nor offered as a watcher', async () => {
      const { accountId } = await createServiceAccountToken(t, { scopes: ['tickets:read'] });
      const group = await admin().post('/api/v1/groups', {
        name: 'Round robin with a robot',
        distribution: 'round_robin',
        memberIds: [accountId],
      });
      expect(group.status).toBe(201);
      const ticket = await as(w.dispatcher.token).post('/api/v1/tickets', {
        subject: 'Who takes it',
        groupId: group.body.id,
      });
      expect(ticket.status).toBe(201);
      expect(ticket.body.assigneeId).toBeNull();
      const candidates = await as(w.admin.token).get(
        `/api/v1/tickets/${ticket.body.id}/watchers/candidates`,
      );
      expect(candidates.status).toBe(200);
      expect(candidates.body.map((c: { id: string }) => c.id)).not.toContain(accountId);
    });
  });

  describe('channel as a list filter', () => {
    it('GET /tickets?channel=email,api lists tickets of those channels only', async () => {
      const { token } = await issue({ role: 'admin', canViewAll: true }, { scopes: ['admin'] });
      const viaApi = await as(token).post('/api/v1/tickets', { subject: 'Channel api' });
      const viaAgent = await as(w.admin.token).post('/api/v1/tickets', {
        subject: 'Channel agent',
      });
      const mail = await t.factory.ticket({ subject: 'Channel email' });
      await t.db.query(`UPDATE tickets SET channel = 'email' WHERE id = $1`, [mail.id]);
      const list = await as(w.admin.token).get('/api/v1/tickets?channel=email,api&limit=200');
      expect(list.status).toBe(200);
      const ids = list.body.items.map((x: { id: string }) => x.id);
      expect(ids).toEqual(expect.arrayContaining([viaApi.body.id, mail.id]));
      expect(ids).not.toContain(viaAgent.body.id);
      const channels = (await t.db.query(
        'SELECT DISTINCT channel FROM tickets WHERE id = ANY($1::uuid[]) ORDER BY channel',
        [ids],
      )) as { channel: string }[];
      expect(channels.map((c) => c.channel)).toEqual(['api', 'email']);
      const bad = await as(w.admin.token).get('/api/v1/tickets?channel=fax');
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    });
  });
});

describe('API tokens: rate limit across instances', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ apiTokenRateLimitPerMinute: 3 });
  });
  afterAll(() => t.close());

  it('counts per token in the database, with RateLimit headers and a 429 with Retry-After', async () => {
    const { token } = await createServiceAccountToken(t, {
      scopes: ['tickets:read'],
      canViewAll: true,
    });
    const { token: other } = await createServiceAccountToken(t, {
      scopes: ['tickets:read'],
      canViewAll: true,
    });
    const second = await t.secondInstance();
    const request = await import('supertest');
    const on = (i: number) =>
      (i % 2 === 0 ? t.http() : request.default(second.getHttpServer()))
        .get('/api/v1/tickets')
        .set('Authorization', `Bearer ${token}`);
    const seen: [number, string, string][] = [];
    for (let i = 0; i < 3; i++) {
      const res = await on(i);
      seen.push([res.status, res.headers['ratelimit-limit'], res.headers['ratelimit-remaining']]);
    }
    expect(seen).toEqual([
      [200, '3', '2'],
      [200, '3', '1'],
      [200, '3', '0'],
    ]);
    const over = await on(3);
    expect(over.status).toBe(429);
    expect(over.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(over.headers['ratelimit-reset'])).toBeGreaterThan(0);
    // Another token has its own budget.
    const fresh = await t.http().get('/api/v1/tickets').set('Authorization', `Bearer ${other}`);
    expect(fresh.status).toBe(200);
    // People are not counted against it.
    const person = await t.factory.user({ role: 'admin' });
    const personal = await t
      .http()
      .get('/api/v1/tickets')
      .set('Authorization', `Bearer ${await t.tokenFor(person.id)}`);
    expect(personal.status).toBe(200);
    expect(personal.headers['ratelimit-limit']).toBeUndefined();
    // The window ends by the clock.
    t.clock.advance(61_000);
    expect((await on(4)).status).toBe(200);
  });
});
