import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

interface Canned {
  id: string;
  title: string;
  body: string;
  scope: string;
  version: number;
  usageCount: number;
  canEdit: boolean;
  language: string;
}

/**
 * Canned responses (issue 17): who sees and keeps which template (personal, group, global;
 * clients never any), placeholders filled for a ticket the caller sees, the version check and
 * the bounds of a template.
 */
describe('canned responses', () => {
  let t: TestApp;
  let w: World;
  let ticket: { id: string; number: number };
  const ids: Record<string, string> = {};

  const api = (who: Persona) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', bearer(who)),
    post: (path: string, body: object = {}) =>
      t.http().post(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
    del: (path: string) => t.http().delete(`/api/v1${path}`).set('Authorization', bearer(who)),
  });
  const create = async (who: Persona, body: object): Promise<Canned> => {
    const res = await api(who).post('/canned-responses', body);
    expect(res.status).toBe(201);
    return res.body as Canned;
  };
  const listed = async (who: Persona, query = ''): Promise<string[]> => {
    const res = await api(who).get(`/canned-responses?limit=200${query}`);
    expect(res.status).toBe(200);
    return (res.body as { items: Canned[] }).items.map((c) => c.id);
  };
  const suggested = async (who: Persona, ticketId: string, query = ''): Promise<string[]> => {
    const res = await api(who).get(`/tickets/${ticketId}/canned-responses?limit=50${query}`);
    expect(res.status).toBe(200);
    return (res.body as { items: Canned[] }).items.map((c) => c.id);
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    // agent is in `group` (L1); otherAgent in `otherGroup` (L2).
    ids.personal = (
      await create(w.agent, {
        title: 'Agent’s own',
        body: 'Mine',
        scope: 'personal',
        language: 'en',
      })
    ).id;
    ids.group = (
      await create(w.agent, {
        title: 'L1 greeting',
        body: 'Hello from L1',
        scope: 'group',
        groupId: w.group.id,
        language: 'en',
      })
    ).id;
    ids.otherGroup = (
      await create(w.otherAgent, {
        title: 'L2 greeting',
        body: 'Hello from L2',
        scope: 'group',
        groupId: w.otherGroup.id,
        language: 'en',
      })
    ).id;
    ids.global = (
      await create(w.admin, {
        title: 'Global thanks',
        body: 'Thanks',
        scope: 'global',
        language: 'en',
      })
    ).id;
    ticket = await t.factory.ticket({
      subject: 'Boiler {{agent.name}} pressure',
      requesterId: w.clientA.id,
      organizationId: w.orgA.id,
      assigneeId: w.agent.id,
      groupId: w.group.id,
    });
  });
  afterAll(() => t.close());

  describe('visibility', () => {
    it('lists what each caller may see: global, own personal, own groups’ (admins: every group’s)', async () => {
      const seen = (list: string[]) =>
        Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, list.includes(id)]));
      expect(seen(await listed(w.agent))).toEqual({
        personal: true,
        group: true,
        otherGroup: false,
        global: true,
      });
      expect(seen(await listed(w.otherAgent))).toEqual({
        personal: false,
        group: false,
        otherGroup: true,
        global: true,
      });
      expect(seen(await listed(w.dispatcher))).toEqual({
        personal: false,
        group: false,
        otherGroup: false,
        global: true,
      });
      // An admin keeps every group's, but nobody's personal one.
      expect(seen(await listed(w.admin))).toEqual({
        personal: false,
        group: true,
        otherGroup: true,
        global: true,
      });
    });

    it('answers 404 for an id the caller does not see, and for any id to a client', async () => {
      const cell = async (who: Persona, id: string) =>
        (await api(who).get(`/canned-responses/${id}`)).status;
      expect(await cell(w.agent, ids.personal)).toBe(200);
      expect(await cell(w.otherAgent, ids.personal)).toBe(404);
      expect(await cell(w.admin, ids.personal)).toBe(404);
      expect(await cell(w.otherAgent, ids.group)).toBe(404);
      expect(await cell(w.dispatcher, ids.otherGroup)).toBe(404);
      expect(await cell(w.admin, ids.otherGroup)).toBe(200);
      for (const id of Object.values(ids)) {
        expect(await cell(w.clientA, id)).toBe(404);
        expect(
          (await api(w.clientA).patch(`/canned-responses/${id}`, { version: 1, title: 'x' }))
            .status,
        ).toBe(404);
        expect((await api(w.clientA).del(`/canned-responses/${id}`)).status).toBe(404);
        expect(
          (await api(w.clientA).post(`/tickets/${ticket.id}/canned-responses/${id}/render`)).status,
        ).toBe(404);
      }
      // Someone else's personal one cannot be rendered, edited or deleted either.
      expect(
        (
          await api(w.otherAgent).post(
            `/tickets/${ticket.id}/canned-responses/${ids.personal}/render`,
          )
        ).status,
      ).toBe(404);
      expect(
        (
          await api(w.otherAgent).patch(`/canned-responses/${ids.personal}`, {
            version: 1,
            title: 'x',
          })
        ).status,
      ).toBe(404);
      expect((await api(w.admin).del(`/canned-responses/${ids.personal}`)).status).toBe(404);
    });

    it('keeps clients out of the lists: 403 for the list and create, 404 for a ticket’s picker', async () => {
      expect((await api(w.clientA).get('/canned-responses')).status).toBe(403);
      expect(
        (
          await api(w.clientA).post('/canned-responses', {
            title: 'x',
            body: 'y',
            scope: 'personal',
            language: 'en',
          })
        ).status,
      ).toBe(403);
      // The client sees the ticket (she requested it), yet has no picker on it.
      expect((await api(w.clientA).get(`/tickets/${ticket.id}`)).status).toBe(200);
      expect((await api(w.clientA).get(`/tickets/${ticket.id}/canned-responses`)).status).toBe(404);
      expect(
        (await api(w.clientA).get(`/tickets/${ticket.id}/canned-responses`)).headers[
          'content-type'
        ],
      ).toMatch(/^application\/problem\+json/);
    });

    it('only whoever may keep a template edits it: 403 for a global one to an agent, and for a group not one’s own', async () => {
      const g = (await api(w.agent).get(`/canned-responses/${ids.global}`)).body as Canned;
      expect(g.canEdit).toBe(false);
      expect(
        (
          await api(w.agent).patch(`/canned-responses/${ids.global}`, {
            version: g.version,
            title: 'Mine now',
          })
        ).status,
      ).toBe(403);
      expect((await api(w.agent).del(`/canned-responses/${ids.global}`)).status).toBe(403);
      expect(
        (
          await api(w.agent).post('/canned-responses', {
            title: 'G',
            body: 'b',
            scope: 'global',
            language: 'en',
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await api(w.agent).post('/canned-responses', {
            title: 'G',
            body: 'b',
            scope: 'group',
            groupId: w.otherGroup.id,
            language: 'en',
          })
        ).status,
      ).toBe(403);
      // Moving one's personal template to global needs the right to keep global ones.
      const own = (await api(w.agent).get(`/canned-responses/${ids.personal}`)).body as Canned;
      expect(
        (
          await api(w.agent).patch(`/canned-responses/${ids.personal}`, {
            version: own.version,
            scope: 'global',
          })
        ).status,
      ).toBe(403);
      const unchanged = (await t.db.query(
        'SELECT title, scope FROM canned_responses WHERE id = $1',
        [ids.global],
      )) as {
        title: string;
      }[];
      expect(unchanged[0].title).toBe('Global thanks');
    });
  });

  describe('the picker on a ticket', () => {
    it('ranks templates whose hints fit the ticket first, then the requester’s language, then usage', async () => {
      const [type] = (await t.db.query('SELECT type_id FROM tickets WHERE id = $1', [
        ticket.id,
      ])) as {
        type_id: string;
      }[];
      await t.db.query(`UPDATE users SET locale = 'cs' WHERE id = $1`, [w.clientA.id]);
      const mk = (title: string, language: string, typeIds: string[] = []) =>
        create(w.agent, { title, body: `${title} body`, scope: 'personal', language, typeIds });
      const plainEn = await mk('Rank plain en', 'en');
      const plainCs = await mk('Rank plain cs', 'cs');
      const hinted = await mk('Rank hinted en', 'en', [type.type_id]);
      const busyEn = await mk('Rank busy en', 'en');
      await t.db.query('UPDATE canned_responses SET usage_count = 50 WHERE id = $1', [busyEn.id]);
      const order = (await suggested(w.agent, ticket.id, '&q=rank')).filter((id) =>
        [plainEn.id, plainCs.id, hinted.id, busyEn.id].includes(id),
      );
      expect(order).toEqual([hinted.id, plainCs.id, busyEn.id, plainEn.id]);
      // The picker offers one's own groups' only, even to an admin.
      const adminSees = await suggested(w.admin, ticket.id);
      expect(adminSees).toContain(ids.global);
      expect(adminSees).not.toContain(ids.group);
    });

    it('is a 404 on a ticket the caller does not see', async () => {
      const hidden = await t.factory.ticket({
        assigneeId: w.otherAgent.id,
        groupId: w.otherGroup.id,
      });
      expect((await api(w.agent).get(`/tickets/${hidden.id}/canned-responses`)).status).toBe(404);
      expect(
        (await api(w.agent).post(`/tickets/${hidden.id}/canned-responses/${ids.global}/render`))
          .status,
      ).toBe(404);
    });
  });

  describe('render', () => {
    it('fills ticket, requester, agent, organization and custom fields (staff-only ones too), once, and counts the use', async () => {
      const [type] = (await t.db.query('SELECT type_id FROM tickets WHERE id = $1', [
        ticket.id,
      ])) as {
        type_id: string;
      }[];
      await t.db.query(
        `INSERT INTO ticket_type_fields (type_id, key, name, kind, client_visible, options)
         VALUES ($1, 'cr_zone', '{"en":"Zone"}', 'select', true,
                 '[{"value":"north","name":{"en":"North hall","cs":"Severní hala"}}]'),
                ($1, 'cr_contract', '{"en":"Contract"}', 'text', false, '[]'),
                ($1, 'cr_empty', '{"en":"Empty"}', 'text', false, '[]')`,
        [type.type_id],
      );
      await t.db.query(
        `UPDATE tickets SET custom_fields = custom_fields || '{"cr_zone":"north","cr_contract":"K-77 {{agent.name}}"}' WHERE id = $1`,
        [ticket.id],
      );
      const template = await create(w.agent, {
        title: 'Full',
        body:
          'Hello {{requester.name}} of {{organization.name}}, #{{ticket.number}} "{{ticket.subject}}": ' +
          'zone {{custom.cr_zone}}, contract {{ custom.cr_contract }}, [{{custom.cr_empty}}], ' +
          '{{custom.nope}} {{nobody.knows}}. {{agent.name}}',
        scope: 'personal',
        language: 'cs',
      });
      const res = await api(w.agent).post(
        `/tickets/${ticket.id}/canned-responses/${template.id}/render`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        body:
          `Hello Client A of Org A, #${ticket.number} "Boiler {{agent.name}} pressure": ` +
          'zone Severní hala, contract K-77 {{agent.name}}, [], {{custom.nope}} {{nobody.knows}}. Agent',
        unknownPlaceholders: ['custom.nope', 'nobody.knows'],
        emptyPlaceholders: ['custom.cr_empty'],
      });
      await api(w.agent).post(`/tickets/${ticket.id}/canned-responses/${template.id}/render`);
      const after = (await api(w.agent).get(`/canned-responses/${template.id}`)).body as Canned;
      expect(after.usageCount).toBe(2);
      // Counting a use is no edit: the version an editor holds stays current.
      expect(after.version).toBe(template.version);
    });

    it('refuses a filled text longer than a comment may be (422)', async () => {
      await t.db.query(`UPDATE tickets SET subject = $2 WHERE id = $1`, [
        ticket.id,
        'S'.repeat(250),
      ]);
      const body =
        Array.from({ length: 50 }, () => '{{ticket.subject}}')
          .join('')
          .repeat(1) + 'x'.repeat(19_000);
      const big = await create(w.agent, { title: 'Big', body, scope: 'personal', language: 'en' });
      // 50 × 250 + 19 000 = 31 500: fine; the bound is the comment's 100 000.
      expect(
        (await api(w.agent).post(`/tickets/${ticket.id}/canned-responses/${big.id}/render`)).status,
      ).toBe(200);
      await t.db.query(
        `UPDATE canned_responses SET body = repeat('{{ticket.subject}}', 500) WHERE id = $1`,
        [big.id],
      );
      const res = await api(w.agent).post(
        `/tickets/${ticket.id}/canned-responses/${big.id}/render`,
      );
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('writes', () => {
    it('answers a stale version with 409 and the current version', async () => {
      const c = await create(w.agent, {
        title: 'Versioned',
        body: 'v1',
        scope: 'personal',
        language: 'ru',
      });
      const first = await api(w.agent).patch(`/canned-responses/${c.id}`, {
        version: c.version,
        body: 'v2',
      });
      expect(first.status).toBe(200);
      expect((first.body as Canned).version).toBe(c.version + 1);
      const stale = await api(w.agent).patch(`/canned-responses/${c.id}`, {
        version: c.version,
        body: 'v3',
      });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ currentVersion: c.version + 1 });
      expect(((await api(w.agent).get(`/canned-responses/${c.id}`)).body as Canned).body).toBe(
        'v2',
      );
    });

    it('filters the admin list by scope and language', async () => {
      const ru = await create(w.agent, {
        title: 'Filter ru',
        body: 'x',
        scope: 'group',
        groupId: w.group.id,
        language: 'ru',
      });
      const inRu = await listed(w.agent, '&language=ru&scope=group');
      expect(inRu).toContain(ru.id);
      expect(inRu).not.toContain(ids.group);
      expect(await listed(w.agent, '&scope=global')).toEqual([ids.global]);
    });

    it('pages by title with a cursor', async () => {
      const first = await api(w.agent).get('/canned-responses?limit=2');
      const page1 = first.body as { items: Canned[]; nextCursor: string };
      expect(page1.items).toHaveLength(2);
      const second = await api(w.agent).get(
        `/canned-responses?limit=200&cursor=${page1.nextCursor}`,
      );
      const rest = (second.body as { items: Canned[] }).items.map((c) => c.id);
      expect(rest).not.toContain(page1.items[0].id);
      expect([...page1.items.map((c) => c.id), ...rest].sort()).toEqual(
        (await listed(w.agent)).sort(),
      );
    });

    it('refuses bad input: 400 shape, 413 oversized request, 422 business rules', async () => {
      const bad = async (body: object, status: number, field?: string, who = w.agent) => {
        const res = await api(who).post('/canned-responses', body);
        expect({ body, status: res.status }).toEqual({ body, status });
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        if (field)
          expect(
            (res.body as { errors: { field: string }[] }).errors.map((e) => e.field),
          ).toContain(field);
      };
      const ok = { title: 'T', body: 'B', scope: 'personal', language: 'en' };
      await bad({ ...ok, scope: 'team' }, 400, 'scope');
      await bad({ ...ok, language: 'de' }, 400, 'language');
      await bad({ ...ok, title: '   ' }, 400, 'title');
      await bad({ ...ok, body: 'x'.repeat(20_001) }, 400, 'body');
      await bad({ ...ok, extra: 1 }, 400);
      await bad({ ...ok, typeIds: ['not-a-uuid'] }, 400, 'typeIds');
      await bad({ ...ok, scope: 'group' }, 422, 'groupId');
      await bad({ ...ok, groupId: w.group.id }, 422, 'groupId');
      await bad(
        { ...ok, scope: 'group', groupId: '00000000-0000-4000-8000-000000000000' },
        422,
        'groupId',
        // An agent may not keep any group's but their own (403); an admin learns it is unknown.
        w.admin,
      );
      await bad({ ...ok, typeIds: ['00000000-0000-4000-8000-000000000000'] }, 422, 'typeIds');
      await bad(
        { ...ok, categoryIds: ['00000000-0000-4000-8000-000000000000'] },
        422,
        'categoryIds',
      );
      const many = Array.from({ length: 51 }, (_, i) => `{{custom.f${i}}}`).join(' ');
      await bad({ ...ok, body: many }, 422, 'body');
      const huge = await api(w.agent).post('/canned-responses', {
        ...ok,
        body: 'x'.repeat(2 * 1024 * 1024),
      });
      expect(huge.status).toBe(413);
      expect(huge.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(
        (await api(w.agent).patch(`/canned-responses/${ids.personal}`, { title: 'no version' }))
          .status,
      ).toBe(400);
    });

    it('deletes a template its keeper may keep', async () => {
      const c = await create(w.otherAgent, {
        title: 'Gone',
        body: 'x',
        scope: 'group',
        groupId: w.otherGroup.id,
        language: 'en',
      });
      expect((await api(w.agent).del(`/canned-responses/${c.id}`)).status).toBe(404);
      expect((await api(w.admin).del(`/canned-responses/${c.id}`)).status).toBe(204);
      expect((await api(w.otherAgent).get(`/canned-responses/${c.id}`)).status).toBe(404);
    });
  });
});
