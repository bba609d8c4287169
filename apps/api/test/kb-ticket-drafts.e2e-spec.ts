import { randomBytes } from 'node:crypto';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const uniq = () => randomBytes(4).toString('hex');

/**
 * Issue 17, "Publish to knowledge base" from a ticket, and the reply composer's article
 * suggestions: what a draft may hold (never internal notes, internal files or staff-only
 * fields), its link and history line, who may write one; which articles a reply is offered and
 * whether the requester can open them.
 */
describe('knowledge base from tickets', () => {
  let t: TestApp;
  let w: World;
  let requester: Persona;
  let staffSection: string;
  let clientsSection: string;

  const as = (p: Persona) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', bearer(p)),
    post: (path: string, body: object, headers: Record<string, string> = {}) =>
      t.http().post(`/api/v1${path}`).set('Authorization', bearer(p)).set(headers).send(body),
  });

  async function section(name: string, audience: string, extra: object = {}): Promise<string> {
    const res = await as(w.admin).post('/kb/sections', { name, audience, ...extra });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp({ publicUrl: 'https://help.example.com/desk/' });
    w = await buildWorld(t);
    // A Czech client of org A: the draft is written in the requester's language.
    const u = await t.factory.user({
      role: 'client',
      organizationId: w.orgA.id,
      locale: 'cs',
      name: 'Jana Nováková',
    });
    requester = { id: u.id, email: u.email, token: await t.tokenFor(u.id) };
    clientsSection = await section('For clients', 'clients');
    staffSection = await section('Runbooks', 'staff');
  });
  afterAll(() => t.close());

  describe('publish to knowledge base', () => {
    // Unique words in everything staff-only, and in what must get through.
    const SECRET = ['qxnotemarker', 'qxfilemarker', 'qxfieldmarker', 'qxlaternote'];
    let ticket: { id: string; number: number };

    beforeAll(async () => {
      ticket = await t.factory.ticket({
        subject: 'Heat pump rattles at night',
        // As mail delivers it: HTML and Markdown-looking text, to stay literal.
        description: 'The <b>pump</b> **rattles**\n# since Monday\n[click](javascript:alert(1))',
        requesterId: requester.id,
        organizationId: w.orgA.id,
        assigneeId: w.agent.id,
        groupId: w.group.id,
      });
      // A minute between messages, as people write them.
      const comment = (p: Persona, body: string, internal = false) => {
        t.clock.advance(60_000);
        return as(p).post(`/tickets/${ticket.id}/comments`, { body, internal });
      };
      expect((await comment(requester, 'Still rattling, qxclientwords')).status).toBe(201);
      expect((await comment(w.agent, 'Please tighten the bolts, qxpublicstep')).status).toBe(201);
      const note = await comment(w.agent, 'Customer is difficult, qxnotemarker', true);
      expect(note.status).toBe(201);
      const file = await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/attachments`)
        .set('Authorization', bearer(w.agent))
        .field('commentId', note.body.id as string)
        .attach('file', PNG, { filename: 'qxfilemarker.png', contentType: 'image/png' });
      expect(file.status).toBe(201);
      expect(file.body.internal).toBe(true);
      // A staff-only field of the ticket's type, with a value.
      const key = `qx_${uniq()}`;
      await t.db.query(
        `INSERT INTO ticket_type_fields (type_id, key, name, kind, client_visible)
         SELECT id, $1, '{"en": "Internal rating"}', 'text', false FROM ticket_types WHERE key = 'microclimate'`,
        [key],
      );
      await t.db.query(
        `UPDATE tickets SET custom_fields = jsonb_build_object($2::text, 'qxfieldmarker') WHERE id = $1`,
        [ticket.id, key],
      );
    });

    const publish = (p: Persona, body: object = {}, headers: Record<string, string> = {}) =>
      as(p).post(`/tickets/${ticket.id}/kb-articles`, body, headers);

    it('refuses a ticket that is not resolved or closed (409)', async () => {
      const res = await publish(w.agent, { sectionId: staffSection });
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.detail).toMatch(/resolved or closed/);
    });

    it('writes a draft from the public text only, linked to the ticket, with a staff-only history line', async () => {
      const { version } = (await as(w.agent).get(`/tickets/${ticket.id}`)).body as {
        version: number;
      };
      t.clock.advance(60_000);
      const resolved = await as(w.agent).post(`/tickets/${ticket.id}/transitions`, {
        to: 'resolved',
        version,
        comment: 'Replaced the fan bearing, qxsolutionwords',
      });
      expect(resolved.status).toBe(200);
      t.clock.advance(60_000);
      expect(
        (
          await as(w.agent).post(`/tickets/${ticket.id}/comments`, {
            body: 'Closing remark qxlaternote',
            internal: true,
          })
        ).status,
      ).toBe(201);

      const key = `draft-${uniq()}`;
      const res = await publish(w.agent, { sectionId: staffSection }, { 'Idempotency-Key': key });
      expect(res.status).toBe(201);
      const article = res.body as {
        id: string;
        title: string;
        body: string;
        bodyHtml: string;
        status: string;
        language: string;
        sectionId: string;
        tags: string[];
      };
      expect(article).toMatchObject({
        title: 'Heat pump rattles at night',
        status: 'draft',
        language: 'cs',
        sectionId: staffSection,
        tags: [],
      });
      // The solution (the resolving transition's comment) first, then the other public answer;
      // the client's own message is the question, not an answer.
      expect(article.body).toContain('## Problém');
      expect(article.body).toContain('## Další odpovědi');
      expect(article.body.indexOf('qxsolutionwords')).toBeGreaterThan(
        article.body.indexOf('## Řešení'),
      );
      expect(article.body.indexOf('qxpublicstep')).toBeGreaterThan(
        article.body.indexOf('## Další odpovědi'),
      );
      expect(article.body).not.toContain('qxclientwords');
      // Mail text stays text: no bold, no heading, no link, no HTML.
      expect(article.bodyHtml).toContain('The &lt;b&gt;pump&lt;/b&gt; **rattles**');
      expect(article.bodyHtml).toContain('# since Monday');
      expect(article.bodyHtml).not.toMatch(/<strong>|<h1|<b>|<a /i);

      // No staff-only marker anywhere: the article as staff read it, its revisions, its rows.
      const full = await as(w.agent).get(`/kb/articles/${article.id}`);
      const revisions = await as(w.agent).get(`/kb/articles/${article.id}/revisions`);
      const first = await as(w.agent).get(`/kb/articles/${article.id}/revisions/1`);
      const rows = (await t.db.query(
        `SELECT (SELECT row_to_json(a)::text FROM kb_articles a WHERE a.id = $1) AS article,
                (SELECT json_agg(r)::text FROM kb_article_revisions r WHERE r.article_id = $1) AS revisions`,
        [article.id],
      )) as { article: string; revisions: string }[];
      const everything = [
        JSON.stringify(full.body),
        JSON.stringify(revisions.body),
        JSON.stringify(first.body),
        rows[0].article,
        rows[0].revisions,
      ].join('\n');
      expect(first.body.body).toContain('qxsolutionwords');
      for (const marker of SECRET) expect(everything).not.toContain(marker);

      // Linked to the ticket.
      const related = await as(w.agent).get(`/kb/articles/${article.id}/tickets`);
      expect(related.body.map((r: { id: string }) => r.id)).toEqual([ticket.id]);

      // The ticket's history says so to staff, not to the client.
      const line = (items: { kind: string }[]) => items.find((e) => e.kind === 'kb_draft_created');
      const staffHistory = await as(w.agent).get(`/tickets/${ticket.id}/history?limit=100`);
      expect(line(staffHistory.body.items)).toMatchObject({
        internal: true,
        actor: { id: w.agent.id },
        newValue: { articleId: article.id, title: article.title },
      });
      const clientHistory = await as(requester).get(`/tickets/${ticket.id}/history?limit=100`);
      expect(clientHistory.status).toBe(200);
      expect(line(clientHistory.body.items)).toBeUndefined();

      // The same Idempotency-Key and body: the same draft, not a second one.
      const again = await publish(w.agent, { sectionId: staffSection }, { 'Idempotency-Key': key });
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(article.id);
      const [{ n }] = (await t.db.query(
        'SELECT count(*)::int AS n FROM kb_article_tickets WHERE ticket_id = $1',
        [ticket.id],
      )) as { n: number }[];
      expect(n).toBe(1);
    });

    it('takes the section and language asked for, authors when asked; defaults to a staff section', async () => {
      const chosen = await publish(w.dispatcher, {
        sectionId: clientsSection,
        language: 'ru',
        includeAuthors: true,
      });
      expect(chosen.status).toBe(201);
      expect(chosen.body).toMatchObject({ sectionId: clientsSection, language: 'ru' });
      expect(chosen.body.body).toContain('## Решение');
      expect(chosen.body.body).toContain('*— Agent*');

      const byDefault = await publish(w.agent);
      expect(byDefault.status).toBe(201);
      expect(byDefault.body.language).toBe('cs');
      expect(byDefault.body.body).not.toContain('Agent*');
      const [{ audience }] = (await t.db.query('SELECT audience FROM kb_sections WHERE id = $1', [
        byDefault.body.sectionId,
      ])) as { audience: string }[];
      expect(audience).toBe('staff');
    });

    it('is 404 for whoever cannot see the ticket, 403 for its client, 422 for a missing section', async () => {
      const count = async () =>
        ((await t.db.query('SELECT count(*)::int AS n FROM kb_articles')) as { n: number }[])[0].n;
      const before = await count();
      for (const p of [w.clientB, w.otherAgent, w.departmentHead]) {
        const res = await publish(p, { sectionId: staffSection });
        expect(res.status).toBe(404);
      }
      expect((await publish(requester, { sectionId: staffSection })).status).toBe(403);
      const missing = await publish(w.agent, { sectionId: '00000000-0000-4000-8000-000000000000' });
      expect(missing.status).toBe(422);
      expect(missing.body.errors).toEqual([{ field: 'sectionId', message: 'no such section' }]);
      expect((await publish(w.agent, { language: 'de' })).status).toBe(400);
      expect(await count()).toBe(before);
    });
  });

  describe('articles for a reply', () => {
    let ticket: { id: string };
    const ids: Record<string, string> = {};

    async function article(sectionId: string, title: string, publish = true): Promise<string> {
      const res = await as(w.agent).post('/kb/articles', {
        sectionId,
        title,
        body: `How to silence a zephyr blower: ${title}`,
        language: 'en',
      });
      expect(res.status).toBe(201);
      if (publish) {
        const pub = await as(w.agent).post(`/kb/articles/${res.body.id}/status-changes`, {
          version: res.body.version,
          status: 'published',
        });
        expect(pub.status).toBe(200);
      }
      return res.body.id as string;
    }

    beforeAll(async () => {
      const orgB = await section('Org B only', 'clients', { organizationIds: [w.orgB.id] });
      ids.clients = await article(clientsSection, 'Zephyr blower noise for clients');
      ids.staff = await article(staffSection, 'Zephyr blower runbook');
      ids.orgB = await article(orgB, 'Zephyr blower at org B');
      ids.draft = await article(clientsSection, 'Zephyr blower draft', false);
      ticket = await t.factory.ticket({
        subject: 'The zephyr blower is loud',
        description: 'It hums all day.',
        requesterId: w.clientA.id,
        organizationId: w.orgA.id,
        assigneeId: w.agent.id,
        groupId: w.group.id,
      });
    });

    type Item = { id: string; requesterCanOpen: boolean; portalUrl: string; status: string };
    const byId = (items: Item[]) => Object.fromEntries(items.map((i) => [i.id, i]));

    it('offers published matches of the ticket, marking what the requester cannot open', async () => {
      // A forged host must not reach the links: they come from PUBLIC_URL.
      const res = await as(w.agent)
        .get(`/tickets/${ticket.id}/kb-reply-suggestions`)
        .set('X-Forwarded-Host', 'evil.example')
        .set('Host', 'evil.example');
      expect(res.status).toBe(200);
      const items = byId(res.body.items as Item[]);
      expect(Object.keys(items).sort()).toEqual([ids.clients, ids.staff, ids.orgB].sort());
      expect(items[ids.clients].requesterCanOpen).toBe(true);
      expect(items[ids.staff].requesterCanOpen).toBe(false);
      expect(items[ids.orgB].requesterCanOpen).toBe(false);
      expect(items[ids.clients].portalUrl).toBe(
        `https://help.example.com/desk/kb/articles/${ids.clients}`,
      );
    });

    it('searches when asked, and only staff who see the ticket may ask', async () => {
      const res = await as(w.agent).get(`/tickets/${ticket.id}/kb-reply-suggestions?q=runbook`);
      expect(res.status).toBe(200);
      expect((res.body.items as Item[]).map((i) => i.id)).toEqual([ids.staff]);
      const limited = await as(w.agent).get(`/tickets/${ticket.id}/kb-reply-suggestions?limit=1`);
      expect(limited.body.items).toHaveLength(1);
      expect((await as(w.clientA).get(`/tickets/${ticket.id}/kb-reply-suggestions`)).status).toBe(
        403,
      );
      for (const p of [w.clientB, w.otherAgent]) {
        expect((await as(p).get(`/tickets/${ticket.id}/kb-reply-suggestions`)).status).toBe(404);
      }
      expect(
        (await as(w.agent).get(`/tickets/${ticket.id}/kb-reply-suggestions?limit=11`)).status,
      ).toBe(400);
    });
  });
});
