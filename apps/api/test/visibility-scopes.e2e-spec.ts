import type { AddressInfo } from 'node:net';
import type { VisibilityScope } from '@relaydesk/contracts';
import { EventLogListener } from '../src/common/events/event-log-listener';
import { startTestApp, type TestApp } from './support/test-app';
import { TEST_PASSWORD } from './support/factory';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { SseReader, type SseEvent } from './support/sse-reader';

interface Fixture {
  id: string;
  requesterId: string | null;
  assigneeId: string | null;
  groupId: string | null;
  createdById: string;
  projectId: string | null;
}

/** One agent per scope; whatever a user's scope, their own work is the same kind of tickets. */
interface Cast {
  own: Persona;
  groups: Persona;
  department: Persona;
  all: Persona;
  /** No scope of their own: the installation default. */
  byDefault: Persona;
  /** Staff of a department below the head's (the department scope takes the whole tree). */
  childMember: Persona;
  project: { id: string };
}

const DAY = '2026-03-10';

/**
 * Issue 16, item 9: a visibility scope per agent (own / groups / department / all), a default for
 * everyone without one, and the option that unassigned tickets reach only their group. Each
 * persona is held against an independent statement of what its scope includes (docs/visibility.md)
 * on every read path: list, search, counts, the agent calendar's queries, detail (404) and the
 * notifications it is sent.
 */
describe('visibility scopes', () => {
  let t: TestApp;
  let w: World;
  let c: Cast;
  const fixtures: Fixture[] = [];

  const api = (p: Persona) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', bearer(p)),
    put: (path: string, body: object) =>
      t.http().put(`/api/v1${path}`).set('Authorization', bearer(p)).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/v1${path}`).set('Authorization', bearer(p)).send(body),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).set('Authorization', bearer(p)).send(body),
  });

  const settings = async (change: {
    defaultScope?: VisibilityScope;
    unassignedGroupOnly?: boolean;
  }) => {
    const current = await api(w.admin).get('/admin/visibility-settings');
    expect(current.status).toBe(200);
    const res = await api(w.admin).put('/admin/visibility-settings', {
      version: current.body.version,
      ...change,
    });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const f = t.factory;
    const persona = async (seed: Parameters<typeof f.user>[0]): Promise<Persona> => {
      const u = await f.user(seed);
      return { id: u.id, email: u.email, token: await t.tokenFor(u.id) };
    };
    const child = await f.department('Service, night shift', null, w.department.id);
    c = {
      // In the group and the department like the others: only the scope sets them apart.
      own: await persona({ name: 'Own', visibilityScope: 'own', departmentId: w.department.id }),
      groups: await persona({ name: 'Groups', visibilityScope: 'groups' }),
      department: await persona({
        name: 'Department',
        visibilityScope: 'department',
        departmentId: w.department.id,
      }),
      all: await persona({ name: 'All', visibilityScope: 'all' }),
      byDefault: await persona({ name: 'Default' }),
      childMember: await persona({ name: 'Night', departmentId: child.id }),
      project: { id: '' },
    };
    for (const p of [c.own, c.groups, c.department, c.byDefault]) {
      await t.db.query('INSERT INTO group_members (group_id, user_id) VALUES ($1, $2)', [
        w.group.id,
        p.id,
      ]);
    }
    const [project] = (await t.db.query(
      `INSERT INTO projects (name, manager_id) VALUES ('Greenhouse 7', $1) RETURNING id`,
      [w.otherAgent.id],
    )) as { id: string }[];
    c.project = project;
    await t.db.query('INSERT INTO project_members (project_id, user_id) VALUES ($1, $2)', [
      project.id,
      c.own.id,
    ]);

    const requesters = [w.clientA.id, w.departmentMember.id, c.childMember.id, c.own.id, null];
    const assignees = [null, c.own.id, w.otherAgent.id, w.departmentMember.id, c.childMember.id];
    const groups = [null, w.group.id, w.otherGroup.id];
    let i = 0;
    for (const requesterId of requesters)
      for (const assigneeId of assignees)
        for (const groupId of groups) {
          i++;
          const createdById = i % 11 === 0 ? c.own.id : w.dispatcher.id;
          const projectId = i % 13 === 0 ? project.id : null;
          const ticket = await f.ticket({
            subject: `scopeword ${i}`,
            requesterId,
            organizationId: requesterId === w.clientA.id ? w.orgA.id : null,
            assigneeId,
            groupId,
            createdById,
          });
          fixtures.push({
            id: ticket.id,
            requesterId,
            assigneeId,
            groupId,
            createdById,
            projectId,
          });
        }
    // All on one calendar day, by due date and by creation.
    await t.db.query(
      `UPDATE tickets SET project_id = x.project_id, created_at = $2, due_at = $3, effective_due_at = $3
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, project_id uuid) WHERE tickets.id = x.id`,
      [
        JSON.stringify(fixtures.map((x) => ({ id: x.id, project_id: x.projectId }))),
        `${DAY}T08:00:00Z`,
        `${DAY}T15:00:00Z`,
      ],
    );
  });
  afterAll(() => t.close());

  const deptTree = () =>
    new Set([
      w.departmentHead.id,
      w.departmentMember.id,
      c.own.id,
      c.childMember.id,
      c.department.id,
    ]);

  /** What each scope includes, written independently of the SQL (docs/visibility.md). */
  const includes = (
    scope: VisibilityScope,
    me: Persona,
    unassignedGroupOnly = false,
  ): ((x: Fixture) => boolean) => {
    const own = (x: Fixture) =>
      x.assigneeId === me.id ||
      x.createdById === me.id ||
      x.requesterId === me.id ||
      (x.projectId !== null && me.id === c.own.id);
    const groups = (x: Fixture) =>
      own(x) || (!unassignedGroupOnly && x.assigneeId === null) || x.groupId === w.group.id;
    const department = (x: Fixture) =>
      groups(x) ||
      (x.requesterId !== null && deptTree().has(x.requesterId)) ||
      (x.assigneeId !== null && deptTree().has(x.assigneeId));
    return { own, groups, department, all: () => true }[scope];
  };

  const listAll = async (p: Persona, query = ''): Promise<string[]> => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api(p).get(
        `/tickets?limit=200${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      const page = res.body as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    return seen.sort();
  };

  /** List, search, counts and both of the agent calendar's queries, against the rule. */
  const expectSees = async (p: Persona, rule: (x: Fixture) => boolean) => {
    const expected = fixtures
      .filter(rule)
      .map((x) => x.id)
      .sort();
    const from = `${DAY}T00:00:00Z`;
    const to = `${DAY}T23:59:59Z`;
    expect(await listAll(p)).toEqual(expected);
    expect(await listAll(p, '&q=scopeword')).toEqual(expected);
    expect(await listAll(p, `&view=all&dueFrom=${from}&dueTo=${to}`)).toEqual(expected);
    expect(await listAll(p, `&view=all&createdFrom=${from}&createdTo=${to}`)).toEqual(expected);
    const counts = await api(p).get('/tickets/counts');
    expect(counts.body.open).toBe(expected.length);
    return expected;
  };

  it.each(['own', 'groups', 'department', 'all'] as const)(
    'an agent in scope %s lists, finds, counts and calendars exactly what the scope includes',
    async (scope) => {
      const expected = await expectSees(c[scope], includes(scope, c[scope]));
      // The scopes differ on these fixtures, so each assertion above could fail.
      expect(expected.length).toBeGreaterThan(0);
      if (scope !== 'all') expect(expected.length).toBeLessThan(fixtures.length);
    },
  );

  it('the scopes nest: own within groups within department within all', () => {
    const sizes = (['own', 'groups', 'department', 'all'] as const).map(
      (s) => fixtures.filter(includes(s, c.department)).length,
    );
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(new Set(sizes).size).toBe(4);
  });

  it('an agent in scope own gets 404 from every ticket endpoint for all the rest', async () => {
    const rule = includes('own', c.own);
    const hidden = fixtures.filter((x) => !rule(x));
    const visible = fixtures.filter(rule).slice(0, 5);
    for (const x of hidden) {
      for (const path of [
        `/tickets/${x.id}`,
        `/tickets/${x.id}/comments`,
        `/tickets/${x.id}/history`,
      ]) {
        const res = await api(c.own).get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
      }
    }
    for (const x of visible) {
      expect((await api(c.own).get(`/tickets/${x.id}`)).status).toBe(200);
    }
    expect(visible.length).toBeGreaterThan(0);
  });

  it('a department scope takes the department below too, and 404s outside it', async () => {
    const rule = includes('department', c.department);
    const night = fixtures.find(
      (x) =>
        x.requesterId === c.childMember.id &&
        x.assigneeId === w.otherAgent.id &&
        x.groupId === w.otherGroup.id,
    )!;
    expect(rule(night)).toBe(true);
    expect((await api(c.department).get(`/tickets/${night.id}`)).status).toBe(200);
    expect((await api(c.groups).get(`/tickets/${night.id}`)).status).toBe(404);
    const outside = fixtures.find(
      (x) =>
        x.requesterId === w.clientA.id &&
        x.assigneeId === w.otherAgent.id &&
        x.groupId === w.otherGroup.id,
    )!;
    expect((await api(c.department).get(`/tickets/${outside.id}`)).status).toBe(404);
    expect((await api(c.all).get(`/tickets/${outside.id}`)).status).toBe(200);
  });

  it('the installation default holds for agents without a scope, and /me says which is in force', async () => {
    const me = async () => (await api(c.byDefault).get('/me')).body;
    expect(await me()).toMatchObject({
      visibilityScope: null,
      effectiveVisibilityScope: 'groups',
      canViewAll: false,
    });
    await expectSees(c.byDefault, includes('groups', c.byDefault));
    try {
      await settings({ defaultScope: 'own' });
      await expectSees(c.byDefault, includes('own', c.byDefault));
      // A user's own scope is not the default's business.
      await expectSees(c.department, includes('department', c.department));
      await settings({ defaultScope: 'all' });
      await expectSees(c.byDefault, () => true);
      expect(await me()).toMatchObject({ effectiveVisibilityScope: 'all', canViewAll: true });
      // Wherever the SPA gets its user from, "sees every ticket" is the scope in force.
      expect((await api(w.admin).get(`/users/${c.byDefault.id}`)).body).toMatchObject({
        visibilityScope: null,
        canViewAll: true,
      });
      const login = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: c.byDefault.email, password: TEST_PASSWORD });
      expect(login.body.user).toMatchObject({ visibilityScope: null, canViewAll: true });
      // Admins and dispatchers see all whatever the default; the admin's own form stays null.
      await settings({ defaultScope: 'own' });
      await expectSees(w.dispatcher, () => true);
      expect((await api(w.dispatcher).get('/me')).body.effectiveVisibilityScope).toBe('all');
    } finally {
      await settings({ defaultScope: 'groups' });
    }
  });

  it('/me and the signed-in user say canViewAll exactly when the rule shows every ticket (review F8)', async () => {
    const who: [string, Persona, boolean][] = [
      ['admin', w.admin, true],
      ['dispatcher', w.dispatcher, true],
      ['agent own', c.own, false],
      ['agent groups', c.groups, false],
      ['agent department', c.department, false],
      ['agent all', c.all, true],
      ['agent by default (groups)', c.byDefault, false],
      ['client', w.clientA, false],
    ];
    for (const [label, p, expected] of who) {
      const seen = new Set(await listAll(p));
      // The truth: the list (THE rule) holds every ticket or not.
      expect({ label, all: fixtures.every((x) => seen.has(x.id)) }).toEqual({
        label,
        all: expected,
      });
      const me = await api(p).get('/me');
      expect({ label, canViewAll: me.body.canViewAll }).toEqual({ label, canViewAll: expected });
      // The SPAs keep the user of the login (and of each refresh): the agent calendar offers
      // "all tickets" by its canViewAll.
      const login = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: p.email, password: TEST_PASSWORD });
      expect(login.status).toBe(200);
      expect({ label, canViewAll: login.body.user.canViewAll }).toEqual({
        label,
        canViewAll: expected,
      });
    }
    // The users API keeps its stored-scope meaning: a dispatcher's own scope is not `all`.
    expect((await api(w.admin).get(`/users/${w.dispatcher.id}`)).body.canViewAll).toBe(false);
  });

  it('a restricted API token stays restricted when the default becomes all', async () => {
    const outside = fixtures.find(
      (x) =>
        x.requesterId === w.clientA.id &&
        x.assigneeId === w.otherAgent.id &&
        x.groupId === w.otherGroup.id,
    )!;
    const created = await api(w.admin).post('/admin/service-accounts', {
      name: 'Restricted monitoring',
      role: 'agent',
      groupIds: [w.group.id],
      canViewAll: false,
    });
    expect(created.status).toBe(201);
    expect(created.body.canViewAll).toBe(false);
    const issued = await api(w.admin).post(`/admin/service-accounts/${created.body.id}/tokens`, {
      name: 'prod',
      scopes: ['tickets:read'],
    });
    expect(issued.status).toBe(201);
    const asToken = (path: string) =>
      t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${issued.body.token}`);
    expect((await asToken(`/tickets/${outside.id}`)).status).toBe(404);
    try {
      await settings({ defaultScope: 'all' });
      expect((await asToken(`/tickets/${outside.id}`)).status).toBe(404);
      // The admin API says what the token gets: not every ticket.
      const read = await api(w.admin).get(`/admin/service-accounts/${created.body.id}`);
      expect(read.body.canViewAll).toBe(false);
    } finally {
      await settings({ defaultScope: 'groups' });
    }
  });

  it('with unassigned tickets for their group only, no agent sees another group’s unassigned ticket', async () => {
    try {
      await settings({ unassignedGroupOnly: true });
      for (const scope of ['groups', 'department'] as const) {
        await expectSees(c[scope], includes(scope, c[scope], true));
      }
      await expectSees(c.byDefault, includes('groups', c.byDefault, true));
      await expectSees(c.all, () => true);
      await expectSees(w.dispatcher, () => true);
      const elsewhere = fixtures.find(
        (x) =>
          x.assigneeId === null && x.groupId === w.otherGroup.id && x.requesterId === w.clientA.id,
      )!;
      expect((await api(c.groups).get(`/tickets/${elsewhere.id}`)).status).toBe(404);
      expect((await api(w.otherAgent).get(`/tickets/${elsewhere.id}`)).status).toBe(200);
    } finally {
      await settings({ unassignedGroupOnly: false });
    }
    const elsewhere = fixtures.find((x) => x.assigneeId === null && x.groupId === w.otherGroup.id)!;
    expect((await api(c.groups).get(`/tickets/${elsewhere.id}`)).status).toBe(200);
  });

  it('notifications follow the scope: a new group ticket is not news to a group member in scope own', async () => {
    await t.drainNotifications();
    const res = await api(w.dispatcher).post('/tickets', {
      subject: 'Pump station 2 is leaking',
      groupId: w.group.id,
    });
    expect(res.status).toBe(201);
    await t.drainNotifications();
    const told = (await t.db.query(
      `SELECT DISTINCT user_id FROM notifications WHERE ticket_id = $1`,
      [res.body.id],
    )) as { user_id: string }[];
    const mailed = (await t.db.query(
      `SELECT DISTINCT user_id FROM deliveries WHERE ticket_id = $1`,
      [res.body.id],
    )) as { user_id: string }[];
    const ids = (rows: { user_id: string }[]) => rows.map((r) => r.user_id).sort();
    const members = [w.agent.id, c.groups.id, c.department.id, c.byDefault.id].sort();
    expect(ids(told)).toEqual(members);
    expect(ids(mailed)).toEqual(members);
    // Once it is theirs, they hear of it.
    const assigned = await api(w.dispatcher).post(`/tickets/${res.body.id}/assignment`, {
      assigneeId: c.own.id,
      version: res.body.version,
    });
    expect(assigned.status).toBe(200);
    await t.drainNotifications();
    const now = (await t.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE ticket_id = $1 AND user_id = $2`,
      [res.body.id, c.own.id],
    )) as { n: number }[];
    expect(now[0].n).toBeGreaterThan(0);
    // One more fixture for the tests after this one, on the fixtures' day.
    await t.db.query(
      `UPDATE tickets SET created_at = $2, due_at = $3, effective_due_at = $3, subject = 'scopeword pump'
        WHERE id = $1`,
      [res.body.id, `${DAY}T08:00:00Z`, `${DAY}T15:00:00Z`],
    );
    fixtures.push({
      id: res.body.id,
      requesterId: null,
      assigneeId: c.own.id,
      groupId: w.group.id,
      createdById: w.dispatcher.id,
      projectId: null,
    });
  });

  describe('the scope on the user', () => {
    it('is read and written through the users API; the deprecated canViewAll maps to all', async () => {
      const u = await t.factory.user({ role: 'agent' });
      const read = async () => (await api(w.admin).get(`/users/${u.id}`)).body;
      expect(await read()).toMatchObject({ visibilityScope: null, canViewAll: false });
      let res = await api(w.admin).patch(`/users/${u.id}`, {
        version: (await read()).version,
        visibilityScope: 'department',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ visibilityScope: 'department', canViewAll: false });
      // false leaves a narrower scope alone ...
      res = await api(w.admin).patch(`/users/${u.id}`, {
        version: res.body.version,
        canViewAll: false,
      });
      expect(res.body.visibilityScope).toBe('department');
      res = await api(w.admin).patch(`/users/${u.id}`, {
        version: res.body.version,
        canViewAll: true,
      });
      expect(res.body).toMatchObject({ visibilityScope: 'all', canViewAll: true });
      // ... and takes `all` back to the default.
      res = await api(w.admin).patch(`/users/${u.id}`, {
        version: res.body.version,
        canViewAll: false,
      });
      expect(res.body).toMatchObject({ visibilityScope: null, canViewAll: false });
      const created = await api(w.admin).post('/users', {
        email: 'scoped@example.test',
        name: 'Scoped',
        role: 'agent',
        visibilityScope: 'own',
      });
      expect(created.status).toBe(201);
      expect(created.body.visibilityScope).toBe('own');
    });

    it('refuses a scope that does not exist (400) and one on a client (422); a client keeps none', async () => {
      const agent = await t.factory.user({ role: 'agent', visibilityScope: 'all' });
      const version = async (id: string) => (await api(w.admin).get(`/users/${id}`)).body.version;
      const bad = await api(w.admin).patch(`/users/${agent.id}`, {
        version: await version(agent.id),
        visibilityScope: 'everything',
      });
      expect(bad.status).toBe(400);
      const client = await api(w.admin).patch(`/users/${w.clientB.id}`, {
        version: await version(w.clientB.id),
        visibilityScope: 'all',
      });
      expect(client.status).toBe(422);
      expect(client.body.errors).toEqual([
        { field: 'visibilityScope', message: 'only staff users have a visibility scope' },
      ]);
      const demoted = await api(w.admin).patch(`/users/${agent.id}`, {
        version: await version(agent.id),
        role: 'client',
        organizationId: w.orgB.id,
        departmentId: null,
      });
      expect(demoted.status).toBe(200);
      expect(demoted.body).toMatchObject({ visibilityScope: null, canViewAll: false });
    });

    it('takes effect on the user’s next request', async () => {
      const u = await t.factory.user({ role: 'agent', visibilityScope: 'all' });
      const p: Persona = { id: u.id, email: u.email, token: await t.tokenFor(u.id) };
      await expectSees(p, () => true);
      const version = (await api(w.admin).get(`/users/${u.id}`)).body.version;
      const res = await api(w.admin).patch(`/users/${u.id}`, { version, visibilityScope: 'own' });
      expect(res.status).toBe(200);
      await expectSees(p, includes('own', p));
    });
  });

  it('settings: a stale version is a 409, an unknown scope a 400, agents a 403', async () => {
    const current = (await api(w.admin).get('/admin/visibility-settings')).body;
    expect(current).toMatchObject({ defaultScope: 'groups', unassignedGroupOnly: false });
    const stale = await api(w.admin).put('/admin/visibility-settings', {
      version: current.version - 1,
      defaultScope: 'all',
    });
    expect(stale.status).toBe(409);
    const bad = await api(w.admin).put('/admin/visibility-settings', {
      version: current.version,
      defaultScope: 'nobody',
    });
    expect(bad.status).toBe(400);
    expect((await api(c.all).get('/admin/visibility-settings')).status).toBe(403);
    expect((await api(w.admin).get('/admin/visibility-settings')).body.defaultScope).toBe('groups');
  });

  // Last: it files tickets that the list checks above do not expect.
  it('live events follow the scope: a group member in scope own hears of her own ticket only', async () => {
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    await t.app.get(EventLogListener).ready();
    const url = `http://127.0.0.1:${port}/api/v1/me/events`;
    const streams: SseReader[] = [];
    try {
      const open = async (p: Persona) => {
        const s = await SseReader.open(url, p.token);
        streams.push(s);
        expect(s.status).toBe(200);
        // The stream is registered once its first frame (retry + id) has come.
        const started = Date.now();
        while (s.retry === null && Date.now() - started < 10_000) {
          await new Promise((r) => setTimeout(r, 10));
        }
        expect(s.retry).not.toBeNull();
        return s;
      };
      const own = await open(c.own);
      const groups = await open(c.groups);
      const about = (id: string) => (e: SseEvent) =>
        e.event === 'ticket' && (e.data as { ticketId: string }).ticketId === id;
      const file = async (body: object) => {
        const res = await api(w.dispatcher).post('/tickets', { subject: 'Live scope', ...body });
        expect(res.status).toBe(201);
        return res.body as { id: string };
      };
      const unassigned = await file({ groupId: w.group.id });
      await groups.next(about(unassigned.id));
      // Events come in commit order: once she hears of the later one, the earlier was not for her.
      const hers = await file({ groupId: w.group.id, assigneeId: c.own.id });
      await own.next(about(hers.id));
      expect(own.events.filter(about(unassigned.id))).toEqual([]);
    } finally {
      for (const s of streams) s.close();
    }
  });
});
