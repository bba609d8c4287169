import type { DataSource } from 'typeorm';
import { preparedSql, usePreparedStatements } from '../src/common/database/sql';
import { startTestApp, type TestApp } from './support/test-app';
import { bearer, buildWorld, type World } from './support/personas';

type Named = { id: string; name: unknown } | null;
interface Item {
  id: string;
  type: { id: string; key: string; name: unknown } | null;
  organization: Named;
  requester: Named;
  assignee: Named;
  group: Named;
  sla: Record<string, unknown>;
  status: string;
  statusName: unknown;
}
/** One ticket (GET /tickets/{id}) also names its category, project and SLA policy. */
interface Detail extends Item {
  category: { id: string; name: unknown; parentId: string | null } | null;
  project: Named;
  sla: { policy: Named };
}

/** The references a list row names (TicketSummaryDto). */
const REFS = ['type', 'organization', 'requester', 'assignee', 'group'];
const refsOf = (i: Item) => ({
  ...Object.fromEntries(REFS.map((k) => [k, i[k as keyof Item]])),
  statusName: i.statusName,
});

describe('names of referenced rows in ticket lists', () => {
  let t: TestApp;
  let w: World;
  let full: { id: string };
  let sameRefs: { id: string };
  let bare: { id: string };
  let ref: { categoryId: string; parentCategoryId: string; projectId: string; policyId: string };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const one = async (text: string, params: unknown[]) =>
      ((await t.db.query(text, params)) as { id: string }[])[0].id;
    const parentCategoryId = await one(
      `INSERT INTO categories (name) VALUES ('{"en":"Hardware","cs":"Hardware"}') RETURNING id`,
      [],
    );
    const categoryId = await one(
      `INSERT INTO categories (name, parent_id) VALUES ('{"en":"Printers","ru":"Принтеры"}', $1) RETURNING id`,
      [parentCategoryId],
    );
    const projectId = await one(
      `INSERT INTO projects (name, manager_id) VALUES ('Rollout Brno', $1) RETURNING id`,
      [w.agent.id],
    );
    const calendarId = await one(
      `INSERT INTO sla_calendars (name, time_zone, week) VALUES ('Prague office', 'Europe/Prague', '[]') RETURNING id`,
      [],
    );
    const policyId = await one(
      `INSERT INTO sla_policies (name, calendar_id) VALUES ('Gold support', $1) RETURNING id`,
      [calendarId],
    );
    ref = { categoryId, parentCategoryId, projectId, policyId };

    const f = t.factory;
    const withRefs = async () => {
      const tk = await f.ticket({
        typeKey: 'microclimate',
        organizationId: w.orgA.id,
        requesterId: w.clientA.id,
        assigneeId: w.agent.id,
        groupId: w.group.id,
      });
      await t.db.query(
        'UPDATE tickets SET category_id = $2, project_id = $3, sla_policy_id = $4 WHERE id = $1',
        [tk.id, categoryId, projectId, policyId],
      );
      return tk;
    };
    full = await withRefs();
    sameRefs = await withRefs();
    bare = await f.ticket({});
    await t.db.query('UPDATE tickets SET type_id = NULL WHERE id = $1', [bare.id]);
  });
  afterAll(() => t.close());

  const list = async (token: string): Promise<Item[]> => {
    const res = await t.http().get('/api/v1/tickets?limit=100').set('Authorization', token);
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const detail = async (token: string, id: string): Promise<Detail> => {
    const res = await t.http().get(`/api/v1/tickets/${id}`).set('Authorization', token);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('a page carries the same names as the ticket itself, for every kind of reference', async () => {
    const items = await list(bearer(w.admin));
    const item = items.find((i) => i.id === full.id)!;
    expect(refsOf(item)).toEqual(refsOf(await detail(bearer(w.admin), full.id)));
    expect(item.organization).toEqual({ id: w.orgA.id, name: 'Org A' });
    // A list row leaves out what only the ticket page shows; the ticket names it.
    for (const key of ['category', 'project', 'description']) expect(item).not.toHaveProperty(key);
    expect(item.sla).not.toHaveProperty('policy');
    const one = await detail(bearer(w.admin), full.id);
    expect(one.category).toEqual({
      id: ref.categoryId,
      name: { en: 'Printers', ru: 'Принтеры' },
      parentId: ref.parentCategoryId,
    });
    expect(one.project).toEqual({ id: ref.projectId, name: 'Rollout Brno' });
    expect(one.sla.policy).toEqual({ id: ref.policyId, name: 'Gold support' });
    expect(item.type?.key).toBe('microclimate');
    expect(item.requester?.name).toEqual(expect.any(String));
    expect(item.requester?.name).not.toBe('');
    expect(item.assignee?.name).not.toBe(item.requester?.name);

    // Two tickets sharing every reference get the same names; one without any gets nulls.
    const twin = items.find((i) => i.id === sameRefs.id)!;
    expect(refsOf(twin)).toEqual(refsOf(item));
    const none = items.find((i) => i.id === bare.id)!;
    expect(refsOf(none)).toEqual({
      type: null,
      organization: null,
      requester: null,
      assignee: null,
      group: null,
      statusName: item.statusName,
    });
    expect(item.statusName).toEqual({ en: 'Open', ru: expect.any(String), cs: expect.any(String) });
  });

  it('a filtered page (names read by a second statement) names rows as the plain page does', async () => {
    const plain = (await list(bearer(w.admin))).find((i) => i.id === full.id)!;
    const res = await t
      .http()
      .get(`/api/v1/tickets?limit=100&organizationId=${w.orgA.id}`)
      .set('Authorization', bearer(w.admin));
    expect(res.status).toBe(200);
    const filtered = (res.body.items as Item[]).find((i) => i.id === full.id)!;
    expect(refsOf(filtered)).toEqual(refsOf(plain));
  });

  it('the plain page keeps its order in every sort while it reads the names with it', async () => {
    for (const sort of ['number:asc', 'number:desc', 'createdAt:asc', 'updatedAt:asc']) {
      const res = await t
        .http()
        .get(`/api/v1/tickets?limit=100&sort=${sort}`)
        .set('Authorization', bearer(w.admin));
      expect(res.status).toBe(200);
      const [field, dir] = sort.split(':') as ['number' | 'createdAt' | 'updatedAt', string];
      const keys = (res.body.items as Record<string, unknown>[]).map((i) =>
        field === 'number' ? Number(i.number) : Date.parse(String(i[field])),
      );
      expect(keys.length).toBeGreaterThan(2);
      const sorted = [...keys].sort((a, b) => (dir === 'asc' ? a - b : b - a));
      expect(keys).toEqual(sorted);
    }
  });

  it('a renamed organization shows its new name on the next page', async () => {
    await t.db.query(`UPDATE organizations SET name = 'Org A (renamed)' WHERE id = $1`, [
      w.orgA.id,
    ]);
    try {
      const item = (await list(bearer(w.admin))).find((i) => i.id === full.id)!;
      expect(item.organization).toEqual({ id: w.orgA.id, name: 'Org A (renamed)' });
    } finally {
      await t.db.query(`UPDATE organizations SET name = 'Org A' WHERE id = $1`, [w.orgA.id]);
    }
  });

  it('tickets name their status as the workflow does, also after an admin renames it', async () => {
    const renamed = { en: 'Queued', ru: 'В очереди', cs: 'Ve frontě' };
    const ofTicket = 'tk.id = $1 AND ws.workflow_id = tk.workflow_id AND ws.key = tk.status';
    const [{ name: original }] = (await t.db.query(
      `SELECT ws.name FROM workflow_statuses ws JOIN tickets tk ON ${ofTicket}`,
      [full.id],
    )) as { name: unknown }[];
    const rename = (name: unknown) =>
      t.db.query(`UPDATE workflow_statuses ws SET name = $2 FROM tickets tk WHERE ${ofTicket}`, [
        full.id,
        name,
      ]);
    await rename(renamed);
    try {
      const item = (await list(bearer(w.admin))).find((i) => i.id === full.id)!;
      expect(item.status).toBe('open');
      expect(item.statusName).toEqual(renamed);
      expect((await detail(bearer(w.clientA), full.id)).statusName).toEqual(renamed);
      const created = await t
        .http()
        .post('/api/v1/tickets')
        .set('Authorization', bearer(w.agent))
        .send({ subject: 'Thermostat offline', typeId: item.type!.id });
      expect(created.status).toBe(201);
      expect(created.body.statusName).toEqual(renamed);
    } finally {
      await rename(original);
    }
  });

  it("a client's page names the same rows as the client's own view of the ticket", async () => {
    const items = await list(bearer(w.clientA));
    const item = items.find((i) => i.id === full.id)!;
    expect(refsOf(item)).toEqual(refsOf(await detail(bearer(w.clientA), full.id)));
  });
});

describe('prepared statements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    usePreparedStatements(true);
    await t.close();
  });

  // A statement that reports which prepared statements its own connection holds.
  const own = (db: DataSource) =>
    preparedSql<{ name: string }>(
      db,
      `SELECT name FROM pg_prepared_statements WHERE name LIKE 'rd\\_%' AND statement LIKE '%relaydesk-probe%'`,
    );

  it('runs a hot statement as a named prepared statement, once per text', async () => {
    const first = await own(t.db);
    expect(first).toHaveLength(1);
    expect(first[0].name).toMatch(/^rd_[0-9a-f]{24}$/);
    // Many calls across the pool reuse that one name (a second PREPARE would fail).
    const again = await Promise.all(Array.from({ length: 30 }, () => own(t.db)));
    for (const rows of again) expect(rows).toEqual(first);
  });

  it('runs statements unnamed when DATABASE_PREPARED_STATEMENTS=false', async () => {
    usePreparedStatements(false);
    const text = `SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%relaydesk-probe-2%'`;
    expect(await preparedSql<{ n: number }>(t.db, text)).toEqual([{ n: 0 }]);
    usePreparedStatements(true);
    expect(await preparedSql<{ n: number }>(t.db, text)).toEqual([{ n: 1 }]);
  });

  it('the API answers the same with prepared statements off', async () => {
    usePreparedStatements(false);
    const f = t.factory;
    const agent = await f.user({ role: 'agent' });
    const token = `Bearer ${await t.tokenFor(agent.id)}`;
    const created = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', token)
      .send({ subject: 'Printer jams', description: 'Tiskárna se zasekává' });
    expect(created.status).toBe(201);
    expect(created.body.subject).toBe('Printer jams');
    const page = await t
      .http()
      .get('/api/v1/tickets?view=created_by_me')
      .set('Authorization', token);
    expect(page.status).toBe(200);
    expect(page.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
  });
});
