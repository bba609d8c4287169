import { randomBytes } from 'node:crypto';
import { startTestApp, type TestApp } from './support/test-app';

const uniq = () => randomBytes(4).toString('hex');
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

interface Caller {
  get: (url: string) => ReturnType<ReturnType<TestApp['http']>['get']>;
  post: (url: string, body: object) => ReturnType<ReturnType<TestApp['http']>['post']>;
  patch: (url: string, body: object) => ReturnType<ReturnType<TestApp['http']>['patch']>;
}

function callerFor(t: TestApp, token: string): Caller {
  const auth = `Bearer ${token}`;
  return {
    get: (url) => t.http().get(`/api/v1${url}`).set('Authorization', auth),
    post: (url, body) => t.http().post(`/api/v1${url}`).set('Authorization', auth).send(body),
    patch: (url, body) => t.http().patch(`/api/v1${url}`).set('Authorization', auth).send(body),
  };
}

async function login(t: TestApp, role: 'admin' | 'dispatcher' | 'agent', extra = {}) {
  const user = await t.factory.user({ role, ...extra });
  return { user, as: callerFor(t, await t.tokenFor(user.id)) };
}

interface Listed {
  id: string;
  name: string;
}

/** Follows nextCursor until the end, failing if the walk does not terminate. */
async function walk(caller: Caller, url: string): Promise<{ pages: number; items: Listed[] }> {
  const items: Listed[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res = await caller.get(cursor ? `${url}${sep}cursor=${encodeURIComponent(cursor)}` : url);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    pages += 1;
    if (pages > 50) throw new Error('pagination does not end');
  } while (cursor);
  return { pages, items };
}

describe('directory', () => {
  let t: TestApp;
  let admin: Caller;
  let adminId: string;
  let dispatcher: Caller;
  let agent: Caller;
  let agentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const a = await login(t, 'admin');
    admin = a.as;
    adminId = a.user.id;
    dispatcher = (await login(t, 'dispatcher')).as;
    const ag = await login(t, 'agent');
    agent = ag.as;
    agentId = ag.user.id;
  });
  afterAll(() => t.close());

  describe('organizations', () => {
    it('creates, reads, lists and updates an organization', async () => {
      t.clock.set('2026-03-02T09:00:00Z');
      const created = await admin.post('/organizations', {
        name: 'Acme Cooling',
        taxId: 'CZ12345678',
        address: 'Main St 1',
        phone: '+420 111 222 333',
        email: 'office@acme.test',
        notes: 'Key account',
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'Acme Cooling',
        taxId: 'CZ12345678',
        address: 'Main St 1',
        phone: '+420 111 222 333',
        email: 'office@acme.test',
        notes: 'Key account',
        active: true,
        mailDomains: [],
        version: 1,
        createdAt: '2026-03-02T09:00:00.000Z',
        updatedAt: '2026-03-02T09:00:00.000Z',
      });
      const id = created.body.id as string;

      const read = await admin.get(`/organizations/${id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);

      t.clock.set('2026-03-02T10:30:00Z');
      const patched = await admin.patch(`/organizations/${id}`, {
        version: 1,
        name: 'Acme Cooling Ltd',
        notes: null,
        active: false,
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        id,
        name: 'Acme Cooling Ltd',
        taxId: 'CZ12345678',
        notes: null,
        active: false,
        version: 2,
        createdAt: '2026-03-02T09:00:00.000Z',
        updatedAt: '2026-03-02T10:30:00.000Z',
      });
      expect((await admin.get(`/organizations/${id}`)).body).toEqual(patched.body);

      const inactive = await admin.get('/organizations?active=false&q=Acme%20Cooling');
      expect(inactive.body.items.map((o: { id: string }) => o.id)).toEqual([id]);
      const active = await admin.get('/organizations?active=true&q=Acme%20Cooling');
      expect(active.body.items).toEqual([]);
    });

    it('walks every row once across keyset pages, ties on name broken by id', async () => {
      const tag = uniq();
      // Three rows share a name, so a page boundary falls between equal names.
      const names = ['A', 'B', 'B', 'B', 'C', 'D', 'E'].map((n) => `Pager ${tag} ${n}`);
      const ids: string[] = [];
      for (const name of [...names].reverse()) {
        const res = await admin.post('/organizations', { name });
        expect(res.status).toBe(201);
        ids.push(res.body.id);
      }
      const { pages, items } = await walk(admin, `/organizations?q=${tag}&limit=3`);
      expect(pages).toBe(3);
      const seen = items.map((o: { id: string }) => o.id);
      expect(new Set(seen).size).toBe(7);
      expect([...seen].sort()).toEqual([...ids].sort());
      expect(items.map((o: { name: string }) => o.name)).toEqual(names);
      const tied = items.filter((o: { name: string }) => o.name.endsWith(' B'));
      expect(tied.map((o: { id: string }) => o.id)).toEqual(
        tied.map((o: { id: string }) => o.id).sort(),
      );
    });

    it('searches name, tax id and e-mail case-insensitively, with % taken literally', async () => {
      const tag = uniq();
      const byName = await admin.post('/organizations', { name: `Frost ${tag} Service` });
      const byTax = await admin.post('/organizations', { name: 'Other', taxId: `TAX-${tag}-X` });
      const byEmail = await admin.post('/organizations', {
        name: 'Third',
        email: `desk-${tag}@frost.test`,
      });
      const idsFor = async (q: string) =>
        (await admin.get(`/organizations?q=${encodeURIComponent(q)}`)).body.items
          .map((o: { id: string }) => o.id)
          .sort();

      expect(await idsFor(`FROST ${tag.toUpperCase()}`)).toEqual([byName.body.id]);
      expect(await idsFor(`tax-${tag}`)).toEqual([byTax.body.id]);
      expect(await idsFor(`DESK-${tag}`)).toEqual([byEmail.body.id]);
      expect(await idsFor(tag)).toEqual([byName.body.id, byTax.body.id, byEmail.body.id].sort());
      expect(await idsFor('%')).toEqual([]);
    });

    it('refuses a stale version with 409 and the current version, and changes nothing', async () => {
      const created = await admin.post('/organizations', { name: `Stale ${uniq()}` });
      const id = created.body.id as string;
      expect((await admin.patch(`/organizations/${id}`, { version: 1, phone: '1' })).status).toBe(
        200,
      );
      const stale = await admin.patch(`/organizations/${id}`, { version: 1, name: 'Overwritten' });
      expect(stale.status).toBe(409);
      expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(stale.body).toMatchObject({ status: 409, currentVersion: 2 });
      const after = await admin.get(`/organizations/${id}`);
      expect(after.body).toMatchObject({ name: created.body.name, phone: '1', version: 2 });
    });

    it('answers 404 for unknown and malformed ids, on read and write', async () => {
      expect((await admin.get(`/organizations/${MISSING_ID}`)).status).toBe(404);
      expect((await admin.get('/organizations/not-a-uuid')).status).toBe(404);
      expect((await admin.patch(`/organizations/${MISSING_ID}`, { version: 1 })).status).toBe(404);
    });

    it('rejects unknown fields, bad values, null names and bad cursors with 400 problem+json', async () => {
      const unknown = await admin.post('/organizations', { name: 'X', color: 'red' });
      expect(unknown.status).toBe(400);
      expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(unknown.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'color' })]),
      );
      expect((await admin.post('/organizations', { name: '' })).status).toBe(400);
      expect((await admin.post('/organizations', { name: 'x'.repeat(201) })).status).toBe(400);
      expect((await admin.post('/organizations', { name: 'X', email: 'nope' })).status).toBe(400);
      const created = await admin.post('/organizations', { name: `Nullname ${uniq()}` });
      const nullName = await admin.patch(`/organizations/${created.body.id}`, {
        version: 1,
        name: null,
      });
      expect(nullName.status).toBe(400);
      expect((await admin.patch(`/organizations/${created.body.id}`, {})).status).toBe(400);
      const badCursor = await admin.get('/organizations?cursor=garbage');
      expect(badCursor.status).toBe(400);
      expect(badCursor.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
      expect((await admin.get('/organizations?limit=201')).status).toBe(400);
      expect((await admin.get('/organizations?active=maybe')).status).toBe(400);
    });

    it('lets dispatchers manage organizations, and agents only read them', async () => {
      const byDispatcher = await dispatcher.post('/organizations', { name: `Disp ${uniq()}` });
      expect(byDispatcher.status).toBe(201);
      expect((await agent.post('/organizations', { name: 'Nope' })).status).toBe(403);
      expect(
        (await agent.patch(`/organizations/${byDispatcher.body.id}`, { version: 1, name: 'N' }))
          .status,
      ).toBe(403);
      expect((await agent.get(`/organizations/${byDispatcher.body.id}`)).status).toBe(200);
      expect((await agent.get('/organizations')).body.items.length).toBeGreaterThan(1);
    });

    it('shows a client contact only their own organization', async () => {
      const own = await t.factory.organization();
      const other = await t.factory.organization();
      const client = await t.factory.user({ role: 'client', organizationId: own.id });
      const as = callerFor(t, await t.tokenFor(client.id));

      const list = await as.get('/organizations');
      expect(list.status).toBe(200);
      expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([own.id]);
      expect(list.body.nextCursor).toBeNull();
      expect((await as.get(`/organizations/${own.id}`)).status).toBe(200);
      const foreign = await as.get(`/organizations/${other.id}`);
      expect(foreign.status).toBe(404);
      expect((await as.post('/organizations', { name: 'Mine' })).status).toBe(403);
      expect((await as.patch(`/organizations/${own.id}`, { version: 1, name: 'X' })).status).toBe(
        403,
      );
    });
  });

  describe('departments', () => {
    it('creates, reads and updates a department; head must be active staff', async () => {
      const parent = await admin.post('/departments', { name: `Service ${uniq()}` });
      expect(parent.status).toBe(201);
      const child = await admin.post('/departments', {
        name: `Field team ${uniq()}`,
        parentId: parent.body.id,
        headId: agentId,
      });
      expect(child.status).toBe(201);
      expect(child.body).toMatchObject({
        parentId: parent.body.id,
        headId: agentId,
        active: true,
        version: 1,
      });
      expect((await agent.get(`/departments/${child.body.id}`)).body).toEqual(child.body);
      const children = await agent.get(`/departments?parentId=${parent.body.id}`);
      expect(children.body.items.map((d: { id: string }) => d.id)).toEqual([child.body.id]);

      const org = await t.factory.organization();
      const client = await t.factory.user({ role: 'client', organizationId: org.id });
      const inactive = await t.factory.user({ role: 'agent', active: false });
      for (const headId of [client.id, inactive.id, MISSING_ID]) {
        const res = await admin.patch(`/departments/${child.body.id}`, { version: 1, headId });
        expect(res.status).toBe(422);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'headId' })]);
      }
      const missingParent = await admin.post('/departments', { name: 'X', parentId: MISSING_ID });
      expect(missingParent.status).toBe(422);

      const moved = await admin.patch(`/departments/${child.body.id}`, {
        version: 1,
        parentId: null,
        headId: null,
        name: 'Renamed',
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({
        parentId: null,
        headId: null,
        name: 'Renamed',
        version: 2,
      });
    });

    it('refuses a parent that is the department itself or lies below it', async () => {
      const root = await admin.post('/departments', { name: `Root ${uniq()}` });
      const mid = await admin.post('/departments', { name: 'Mid', parentId: root.body.id });
      const leaf = await admin.post('/departments', { name: 'Leaf', parentId: mid.body.id });

      const self = await admin.patch(`/departments/${root.body.id}`, {
        version: 1,
        parentId: root.body.id,
      });
      expect(self.status).toBe(422);
      expect(self.body.errors).toEqual([expect.objectContaining({ field: 'parentId' })]);
      const grandchild = await admin.patch(`/departments/${root.body.id}`, {
        version: 1,
        parentId: leaf.body.id,
      });
      expect(grandchild.status).toBe(422);
      expect((await admin.get(`/departments/${root.body.id}`)).body).toMatchObject({
        parentId: null,
        version: 1,
      });

      // Moving a leaf under a sibling branch is fine.
      const other = await admin.post('/departments', { name: 'Other' });
      const ok = await admin.patch(`/departments/${leaf.body.id}`, {
        version: 1,
        parentId: other.body.id,
      });
      expect(ok.status).toBe(200);
    });

    it('is admin-only to manage, staff-only to read', async () => {
      const d = await admin.post('/departments', { name: `Perm ${uniq()}` });
      expect((await dispatcher.post('/departments', { name: 'X' })).status).toBe(403);
      expect((await dispatcher.patch(`/departments/${d.body.id}`, { version: 1 })).status).toBe(
        403,
      );
      expect((await dispatcher.get('/departments')).status).toBe(200);
      const org = await t.factory.organization();
      const client = await t.factory.user({ role: 'client', organizationId: org.id });
      const as = callerFor(t, await t.tokenFor(client.id));
      expect((await as.get('/departments')).status).toBe(403);
      expect((await as.get(`/departments/${d.body.id}`)).status).toBe(403);
    });
  });

  describe('groups', () => {
    it('creates a group with members and replaces the member set on update', async () => {
      const [a, b, c] = await Promise.all([
        t.factory.user({ role: 'agent' }),
        t.factory.user({ role: 'agent' }),
        t.factory.user({ role: 'dispatcher' }),
      ]);
      const created = await admin.post('/groups', {
        name: `L1 ${uniq()}`,
        description: 'First line',
        leadId: c.id,
        memberIds: [a.id, b.id],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ leadId: c.id, description: 'First line', version: 1 });
      expect([...created.body.memberIds].sort()).toEqual([a.id, b.id].sort());
      const id = created.body.id as string;

      const replaced = await admin.patch(`/groups/${id}`, { version: 1, memberIds: [b.id, c.id] });
      expect(replaced.status).toBe(200);
      expect([...replaced.body.memberIds].sort()).toEqual([b.id, c.id].sort());
      expect(replaced.body.version).toBe(2);
      expect((await agent.get(`/groups/${id}`)).body.memberIds.sort()).toEqual([b.id, c.id].sort());
      expect((await agent.get(`/users/${a.id}`)).body.groupIds).toEqual([]);
      expect((await agent.get(`/users/${b.id}`)).body.groupIds).toEqual([id]);

      const byMember = await agent.get(`/groups?memberId=${c.id}`);
      expect(byMember.body.items.map((g: { id: string }) => g.id)).toEqual([id]);
      const members = await agent.get(`/users?groupId=${id}`);
      expect(members.body.items.map((u: { id: string }) => u.id).sort()).toEqual(
        [b.id, c.id].sort(),
      );

      // A PATCH without memberIds leaves the members alone; an empty array removes them all.
      const renamed = await admin.patch(`/groups/${id}`, { version: 2, name: 'Renamed' });
      expect(renamed.body.memberIds.sort()).toEqual([b.id, c.id].sort());
      const emptied = await admin.patch(`/groups/${id}`, { version: 3, memberIds: [] });
      expect(emptied.body.memberIds).toEqual([]);
    });

    it('refuses non-staff and unknown members with one error each, changing nothing', async () => {
      const member = await t.factory.user({ role: 'agent' });
      const org = await t.factory.organization();
      const client = await t.factory.user({ role: 'client', organizationId: org.id });
      const created = await admin.post('/groups', {
        name: `G ${uniq()}`,
        memberIds: [member.id],
      });
      const id = created.body.id as string;

      const bad = await admin.patch(`/groups/${id}`, {
        version: 1,
        name: 'Should not stick',
        memberIds: [member.id, client.id, MISSING_ID],
      });
      expect(bad.status).toBe(422);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(bad.body.errors).toHaveLength(2);
      expect(bad.body.errors.map((e: { message: string }) => e.message).join(' ')).toEqual(
        expect.stringContaining(client.id),
      );
      expect(bad.body.errors.map((e: { message: string }) => e.message).join(' ')).toEqual(
        expect.stringContaining(MISSING_ID),
      );
      expect((await admin.get(`/groups/${id}`)).body).toMatchObject({
        name: created.body.name,
        memberIds: [member.id],
        version: 1,
      });

      const onCreate = await admin.post('/groups', { name: 'X', memberIds: [client.id] });
      expect(onCreate.status).toBe(422);
      const lead = await admin.post('/groups', { name: 'X', leadId: client.id });
      expect(lead.status).toBe(422);
      expect((await admin.post('/groups', { name: 'X', memberIds: ['nope'] })).status).toBe(400);
      expect(
        (await admin.post('/groups', { name: 'X', memberIds: [member.id, member.id] })).status,
      ).toBe(400);
    });

    it('is admin-only to manage, staff-only to read', async () => {
      expect((await dispatcher.post('/groups', { name: 'X' })).status).toBe(403);
      expect((await agent.get('/groups')).status).toBe(200);
      const org = await t.factory.organization();
      const client = await t.factory.user({ role: 'client', organizationId: org.id });
      expect((await callerFor(t, await t.tokenFor(client.id)).get('/groups')).status).toBe(403);
    });
  });

  describe('versioned writes (TypeORM repositories with @VersionColumn)', () => {
    const records = (): { path: string; table: string; body: () => object; rename: object }[] => [
      {
        path: '/organizations',
        table: 'organizations',
        body: () => ({ name: `Versioned ${uniq()}` }),
        rename: { name: `Renamed ${uniq()}` },
      },
      {
        path: '/departments',
        table: 'departments',
        body: () => ({ name: `Versioned ${uniq()}` }),
        rename: { name: `Renamed ${uniq()}` },
      },
      {
        path: '/groups',
        table: 'groups',
        body: () => ({ name: `Versioned ${uniq()}` }),
        rename: { name: `Renamed ${uniq()}` },
      },
      {
        path: '/projects',
        table: 'projects',
        body: () => ({ name: `Versioned ${uniq()}`, managerId: agentId }),
        rename: { name: `Renamed ${uniq()}` },
      },
      {
        path: '/categories',
        table: 'categories',
        body: () => ({ name: { en: `Versioned ${uniq()}` } }),
        rename: { name: { en: `Renamed ${uniq()}` } },
      },
    ];

    it('bumps the version on every accepted write, takes updated_at from the clock, 409s a stale one and 404s a missing one', async () => {
      for (const r of records()) {
        const updatedAt = async (id: string) => {
          const [row] = (await t.db.query(`SELECT updated_at FROM ${r.table} WHERE id = $1`, [
            id,
          ])) as { updated_at: Date }[];
          return row.updated_at.toISOString();
        };
        t.clock.set('2026-04-01T08:00:00Z');
        const created = await admin.post(r.path, r.body());
        expect([r.path, created.status, created.body.version]).toEqual([r.path, 201, 1]);
        const id = created.body.id as string;

        // Nothing changes and the clock has not moved: still a write, as before.
        const touched = await admin.patch(`${r.path}/${id}`, { version: 1 });
        expect([r.path, touched.status, touched.body.version]).toEqual([r.path, 200, 2]);
        expect(await updatedAt(id)).toBe('2026-04-01T08:00:00.000Z');

        t.clock.set('2026-04-01T09:15:00Z');
        const renamed = await admin.patch(`${r.path}/${id}`, { version: 2, ...r.rename });
        expect([r.path, renamed.status, renamed.body.version]).toEqual([r.path, 200, 3]);
        expect(renamed.body.name).toEqual((r.rename as { name: unknown }).name);
        expect(await updatedAt(id)).toBe('2026-04-01T09:15:00.000Z');

        const stale = await admin.patch(`${r.path}/${id}`, { version: 2, ...r.body() });
        expect([r.path, stale.status]).toEqual([r.path, 409]);
        expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(stale.body).toMatchObject({ status: 409, currentVersion: 3 });

        const missing = await admin.patch(`${r.path}/${MISSING_ID}`, { version: 1 });
        expect([r.path, missing.status]).toEqual([r.path, 404]);
      }
    });
  });

  describe('users', () => {
    it('creates a user with a password that works, never showing the hash', async () => {
      const dept = await t.factory.department();
      const email = `new.agent.${uniq()}@example.test`;
      const created = await admin.post('/users', {
        email,
        name: 'New Agent',
        phone: '+1 555 010 4477',
        locale: 'cs',
        role: 'agent',
        departmentId: dept.id,
        canViewAll: true,
        password: 'a-long-password',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        email,
        name: 'New Agent',
        phone: '+15550104477',
        smsOptIn: false,
        locale: 'cs',
        role: 'agent',
        organizationId: null,
        departmentId: dept.id,
        canViewAll: true,
        canViewOrganizationTickets: false,
        active: true,
        groupIds: [],
        version: 1,
      });
      expect(JSON.stringify(created.body)).not.toMatch(/password|argon/i);
      const [{ password_hash: hash }] = await t.db.query(
        'SELECT password_hash FROM users WHERE id = $1',
        [created.body.id],
      );
      expect(hash).toMatch(/^\$argon2id\$/);

      const session = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email, password: 'a-long-password' });
      expect(session.status).toBe(200);
      expect(session.body.user.id).toBe(created.body.id);

      const read = await agent.get(`/users/${created.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);
      expect(
        (
          await admin.post('/users', {
            email: 'x@y.test',
            name: 'X',
            role: 'agent',
            password: 'short',
          })
        ).status,
      ).toBe(400);
    });

    it('refuses a duplicate e-mail in any case with 409', async () => {
      const email = `Dup.${uniq()}@Example.test`;
      expect((await admin.post('/users', { email, name: 'One', role: 'agent' })).status).toBe(201);
      const dup = await admin.post('/users', {
        email: email.toLowerCase(),
        name: 'Two',
        role: 'agent',
      });
      expect(dup.status).toBe(409);
      expect(dup.headers['content-type']).toMatch(/application\/problem\+json/);
      const other = await admin.post('/users', {
        email: `other.${uniq()}@example.test`,
        name: 'Three',
        role: 'agent',
      });
      const renamed = await admin.patch(`/users/${other.body.id}`, {
        version: 1,
        email: email.toUpperCase(),
      });
      expect(renamed.status).toBe(409);
      expect((await admin.get(`/users/${other.body.id}`)).body.version).toBe(1);
    });

    it('keeps clients in an organization and staff out of one', async () => {
      const org = await t.factory.organization();
      const dept = await t.factory.department();
      const mk = (body: object) =>
        admin.post('/users', { email: `u.${uniq()}@example.test`, name: 'U', ...body });
      const noOrg = await mk({ role: 'client' });
      expect(noOrg.status).toBe(422);
      expect(noOrg.body.errors).toEqual([expect.objectContaining({ field: 'organizationId' })]);
      expect((await mk({ role: 'client', organizationId: MISSING_ID })).status).toBe(422);
      expect((await mk({ role: 'agent', organizationId: org.id })).status).toBe(422);
      expect(
        (await mk({ role: 'client', organizationId: org.id, departmentId: dept.id })).status,
      ).toBe(422);
      expect((await mk({ role: 'agent', departmentId: MISSING_ID })).status).toBe(422);
      const client = await mk({ role: 'client', organizationId: org.id });
      expect(client.status).toBe(201);
      // Staff again only once the organization goes too.
      const half = await admin.patch(`/users/${client.body.id}`, { version: 1, role: 'agent' });
      expect(half.status).toBe(422);
    });

    it('lists with filters and search, in keyset pages', async () => {
      const tag = uniq();
      const org = await t.factory.organization();
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const u = await t.factory.user({
          role: 'client',
          organizationId: org.id,
          name: `Zed ${tag} ${i}`,
          active: i !== 4,
        });
        ids.push(u.id);
      }
      const { pages, items } = await walk(agent, `/users?organizationId=${org.id}&limit=2`);
      expect(pages).toBe(3);
      expect(items.map((u: { id: string }) => u.id)).toEqual(ids);
      const active = await agent.get(`/users?organizationId=${org.id}&active=false`);
      expect(active.body.items.map((u: { id: string }) => u.id)).toEqual([ids[4]]);
      const byName = await agent.get(`/users?q=ZED%20${tag.toUpperCase()}%203`);
      expect(byName.body.items.map((u: { id: string }) => u.id)).toEqual([ids[3]]);
      const byEmail = await agent.get(
        `/users?q=${encodeURIComponent(`dispatcher-`)}&role=dispatcher`,
      );
      expect(byEmail.body.items.length).toBeGreaterThan(0);
      expect(byEmail.body.items.every((u: { role: string }) => u.role === 'dispatcher')).toBe(true);
      expect((await agent.get('/users?role=boss')).status).toBe(400);
    });

    it('lets a dispatcher manage client users only', async () => {
      const org = await t.factory.organization();
      const client = await dispatcher.post('/users', {
        email: `client.${uniq()}@example.test`,
        name: 'Client Contact',
        role: 'client',
        organizationId: org.id,
        canViewOrganizationTickets: true,
      });
      expect(client.status).toBe(201);
      const edited = await dispatcher.patch(`/users/${client.body.id}`, {
        version: 1,
        name: 'Client Renamed',
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ name: 'Client Renamed', version: 2 });

      const staff = await dispatcher.post('/users', {
        email: `agent.${uniq()}@example.test`,
        name: 'Sneaky',
        role: 'agent',
      });
      expect(staff.status).toBe(403);
      const promote = await dispatcher.patch(`/users/${client.body.id}`, {
        version: 2,
        role: 'agent',
        organizationId: null,
      });
      expect(promote.status).toBe(403);
      const touchAgent = await dispatcher.patch(`/users/${agentId}`, {
        version: 1,
        name: 'Hacked',
      });
      expect(touchAgent.status).toBe(403);
      expect((await admin.get(`/users/${agentId}`)).body.name).not.toBe('Hacked');
      expect((await admin.get(`/users/${client.body.id}`)).body.role).toBe('client');
    });

    it('lets agents read users but not write them; clients get 403', async () => {
      expect((await agent.get('/users')).status).toBe(200);
      expect((await agent.get(`/users/${adminId}`)).status).toBe(200);
      const org = await t.factory.organization();
      const res = await agent.post('/users', {
        email: `c.${uniq()}@example.test`,
        name: 'C',
        role: 'client',
        organizationId: org.id,
      });
      expect(res.status).toBe(403);
      const client = await t.factory.user({ role: 'client', organizationId: org.id });
      const as = callerFor(t, await t.tokenFor(client.id));
      expect((await as.get('/users')).status).toBe(403);
      expect((await as.get(`/users/${client.id}`)).status).toBe(403);
    });

    it('applies demotion and deactivation on the next request', async () => {
      const org = await t.factory.organization();
      const target = await t.factory.user({ role: 'agent' });
      const group = await t.factory.group(undefined, [target.id]);
      const dept = await t.factory.department(undefined, target.id);
      const as = callerFor(t, await t.tokenFor(target.id));
      expect((await as.get('/users')).status).toBe(200);

      const demoted = await admin.patch(`/users/${target.id}`, {
        version: 1,
        role: 'client',
        organizationId: org.id,
      });
      expect(demoted.status).toBe(200);
      expect(demoted.body).toMatchObject({ role: 'client', organizationId: org.id, groupIds: [] });
      expect((await as.get('/users')).status).toBe(403);
      expect((await admin.get(`/groups/${group.id}`)).body.memberIds).toEqual([]);
      expect((await admin.get(`/departments/${dept.id}`)).body.headId).toBeNull();

      const deactivated = await admin.patch(`/users/${target.id}`, { version: 2, active: false });
      expect(deactivated.status).toBe(200);
      expect((await as.get('/organizations')).status).toBe(401);
      // Reactivation does not revive the old session.
      await admin.patch(`/users/${target.id}`, { version: 3, active: true });
      expect((await as.get('/organizations')).status).toBe(401);
    });

    it('ends the other sessions of a user whose password an admin resets', async () => {
      const target = await t.factory.user({ role: 'agent' });
      const as = callerFor(t, await t.tokenFor(target.id));
      expect((await as.get('/users')).status).toBe(200);
      const reset = await admin.patch(`/users/${target.id}`, {
        version: 1,
        password: 'brand-new-password',
      });
      expect(reset.status).toBe(200);
      expect((await as.get('/users')).status).toBe(401);
    });

    it('does not let an admin demote or deactivate themselves', async () => {
      const me = await login(t, 'admin');
      const deactivate = await me.as.patch(`/users/${me.user.id}`, { version: 1, active: false });
      expect(deactivate.status).toBe(422);
      expect(deactivate.body.errors).toEqual([expect.objectContaining({ field: 'active' })]);
      const demote = await me.as.patch(`/users/${me.user.id}`, { version: 1, role: 'agent' });
      expect(demote.status).toBe(422);
      expect((await me.as.get(`/users/${me.user.id}`)).body).toMatchObject({
        role: 'admin',
        active: true,
        version: 1,
      });
      // Other admins can, while another active admin remains.
      expect(
        (await admin.patch(`/users/${me.user.id}`, { version: 1, role: 'agent' })).status,
      ).toBe(200);
    });
  });
  it('documents every endpoint, its query, body, page shape and errors in OpenAPI', async () => {
    const doc = await t.http().get('/api/docs-json');
    expect(doc.status).toBe(200);
    const schemas = doc.body.components.schemas;
    for (const [path, page, update] of [
      ['organizations', 'OrganizationPageDto', 'UpdateOrganizationDto'],
      ['departments', 'DepartmentPageDto', 'UpdateDepartmentDto'],
      ['groups', 'GroupPageDto', 'UpdateGroupDto'],
      ['users', 'UserPageDto', 'UpdateUserDto'],
    ]) {
      const list = doc.body.paths[`/api/v1/${path}`].get;
      expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['limit', 'cursor', 'q', 'active']),
      );
      expect(list.responses['200'].content['application/json'].schema.$ref).toBe(
        `#/components/schemas/${page}`,
      );
      expect(Object.keys(schemas[page].properties)).toEqual(['items', 'nextCursor']);
      expect(doc.body.paths[`/api/v1/${path}`].post.responses['201']).toBeDefined();
      const patch = doc.body.paths[`/api/v1/${path}/{id}`].patch;
      expect(Object.keys(patch.responses)).toEqual(
        expect.arrayContaining(['200', '400', '403', '404', '409']),
      );
      expect(schemas[update].required).toEqual(['version']);
    }
    expect(Object.keys(schemas.CreateUserDto.properties)).toContain('password');
    expect(Object.keys(schemas.UserDto.properties)).not.toContain('passwordHash');
    expect(schemas.GroupDto.properties.memberIds.type).toBe('array');
  });
});

describe('directory: the last admin', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const activeAdmins = async () =>
    Number(
      (
        (await t.db.query("SELECT count(*) AS n FROM users WHERE role = 'admin' AND active")) as {
          n: string;
        }[]
      )[0].n,
    );

  it('cannot be deactivated or demoted, even by two admins racing each other', async () => {
    const a = await t.factory.user({ role: 'admin' });
    const b = await t.factory.user({ role: 'admin' });
    const asA = callerFor(t, await t.tokenFor(a.id));
    const asB = callerFor(t, await t.tokenFor(b.id));
    expect(await activeAdmins()).toBe(2);

    // Hold both admins' rows so the two requests pass authentication and then wait side by side;
    // released together, each would see the other still active unless the rule serializes them.
    const blocker = t.db.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('SELECT id FROM users WHERE id = ANY($1::uuid[]) FOR UPDATE', [
      [a.id, b.id],
    ]);
    const racing = [
      asA.patch(`/users/${b.id}`, { version: 1, active: false }).then((r) => r),
      asB.patch(`/users/${a.id}`, { version: 1, role: 'agent' }).then((r) => r),
    ];
    for (let i = 0; ; i++) {
      const [{ n }] = (await t.db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      )) as { n: number }[];
      if (n >= 2) break;
      if (i > 1000) throw new Error('the requests never reached the locked rows');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await blocker.commitTransaction();
    await blocker.release();
    const results = await Promise.all(racing);
    expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
    expect(results.find((r) => r.status === 422)!.body.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/another user an active admin/) }),
    ]);
    expect(await activeAdmins()).toBe(1);

    const [{ id: lastId }] = (await t.db.query(
      "SELECT id FROM users WHERE role = 'admin' AND active",
    )) as { id: string }[];
    const asLast = lastId === a.id ? asA : asB;
    const { version } = (await asLast.get(`/users/${lastId}`)).body;
    const self = await asLast.patch(`/users/${lastId}`, { version, active: false });
    expect(self.status).toBe(422);
    expect(await activeAdmins()).toBe(1);
  });
});
