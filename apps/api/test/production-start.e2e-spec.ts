import { DEMO_PASSWORD } from '../src/database/seeds/demo-data';
import { accountsOnDemoPassword, seedOnFirstStart } from '../src/database/seeds/seed-on-start';
import { PasswordService } from '../src/modules/directory/password.service';
import { startTestApp, type TestApp } from './support/test-app';

/** A production installation is not a demo: no demo seed by surprise, no bench route. */
describe('production start', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('does not mount the bench route unless asked', async () => {
    const res = await t.http().post('/api/bench/baseline').send({ subject: 'x' });
    expect(res.status).toBe(404);
    expect((await t.http().get('/api/bench/page')).status).toBe(404);
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM tickets WHERE subject = 'x'`))[0].n,
    ).toBe(0);
  });

  it('names the demo accounts still on the demo password, and only those', async () => {
    expect(await accountsOnDemoPassword(t.db)).toEqual([]);
    await seedOnFirstStart(t.db, { ...t.config, demoData: true });
    const open = await accountsOnDemoPassword(t.db);
    expect(open).toContain('admin@relaydesk.local');
    const before = open.length;
    await t.db.query(`UPDATE users SET password_hash = $1 WHERE email = 'admin@relaydesk.local'`, [
      await new PasswordService().hash(`not ${DEMO_PASSWORD} anymore`),
    ]);
    await t.db.query(`UPDATE users SET active = false WHERE email = $1`, [
      open.find((e) => e !== 'admin@relaydesk.local'),
    ]);
    const after = await accountsOnDemoPassword(t.db);
    expect(after).not.toContain('admin@relaydesk.local');
    expect(after).toHaveLength(before - 2);
  });

  it('seeds no demo data when an admin is named, unless RELAYDESK_DEMO says so', async () => {
    const named = await startTestApp();
    try {
      const { loadConfig } = await import('../src/config/app-config');
      const config = loadConfig({
        DATABASE_URL: named.config.databaseUrl,
        RELAYDESK_ADMIN_EMAIL: 'boss@example.com',
        RELAYDESK_ADMIN_PASSWORD: 'a long password',
      });
      const result = await seedOnFirstStart(named.db, config);
      expect(result.logins).toEqual([]);
      const users = (await named.db.query('SELECT email, role FROM users')) as unknown[];
      expect(users).toEqual([{ email: 'boss@example.com', role: 'admin' }]);
    } finally {
      await named.close();
    }
  });
});

describe('bench routes when switched on', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ benchRoutes: true });
  });
  afterAll(() => t.close());

  it('mounts the baseline route', async () => {
    expect((await t.http().post('/api/bench/baseline').send({ subject: 'b' })).status).toBe(201);
  });

  it("mounts the bare page: the open queue's first 51 rows in the queue's order, without sign-in", async () => {
    for (const subject of ['p1', 'p2']) {
      expect((await t.http().post('/api/bench/baseline').send({ subject })).status).toBe(201);
    }
    const res = await t.http().get('/api/bench/page');
    expect(res.status).toBe(200);
    const items = res.body.items as { id: string; status_category: string; updated_at: string }[];
    const [{ n }] = (await t.db.query(
      `SELECT count(*)::int AS n FROM tickets WHERE status_category NOT IN ('closed', 'canceled')`,
    )) as { n: number }[];
    expect(n).toBeGreaterThan(0);
    expect(items).toHaveLength(Math.min(n, 51));
    expect(items.every((i) => !['closed', 'canceled'].includes(i.status_category))).toBe(true);
    const times = items.map((i) => Date.parse(i.updated_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
