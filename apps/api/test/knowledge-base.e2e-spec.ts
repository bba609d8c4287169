import { KbViewCounter } from '../src/modules/knowledge-base/index';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The knowledge base's API (issue 17): THE audience rule through every reading path, revisions
 * and optimistic locking, sanitized Markdown, search in three languages, one vote per user.
 */
describe('knowledge base', () => {
  let t: TestApp;
  let w: World;
  const ids: Record<string, string> = {};

  const as = (p: Persona | null) => {
    const auth = (r: ReturnType<ReturnType<TestApp['http']>['get']>) =>
      p ? r.set('Authorization', bearer(p)) : r;
    return {
      get: (path: string) => auth(t.http().get(path)),
      post: (path: string, body: object) => auth(t.http().post(path)).send(body),
      patch: (path: string, body: object) => auth(t.http().patch(path)).send(body),
      put: (path: string, body: object) => auth(t.http().put(path)).send(body),
    };
  };

  async function section(name: string, audience: string, extra: object = {}): Promise<string> {
    const res = await as(w.admin).post('/api/v1/kb/sections', { name, audience, ...extra });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function article(
    sectionId: string,
    title: string,
    body: string,
    publish = true,
    language = 'en',
  ): Promise<string> {
    const res = await as(w.agent).post('/api/v1/kb/articles', { sectionId, title, body, language });
    expect(res.status).toBe(201);
    if (publish) {
      const pub = await as(w.agent).post(`/api/v1/kb/articles/${res.body.id}/status-changes`, {
        version: res.body.version,
        status: 'published',
      });
      expect(pub.status).toBe(200);
    }
    return res.body.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const pub = await section('Public', 'public');
    const clients = await section('Clients', 'clients');
    const orgA = await section('Org A only', 'clients', { organizationIds: [w.orgA.id] });
    // Public by itself, but below a section for org A: the section above decides too.
    const belowOrgA = await section('Below org A', 'public', { parentId: orgA });
    const staff = await section('Staff', 'staff');
    ids.public = await article(pub, 'Public pump guide', 'The pump (zephyr) for everyone.');
    ids.publicDraft = await article(pub, 'Draft pump notes', 'Unfinished zephyr text.', false);
    ids.clients = await article(clients, 'Clients pump guide', 'A zephyr for clients.');
    ids.orgA = await article(orgA, 'Org A pump guide', 'A zephyr for org A.');
    ids.belowOrgA = await article(belowOrgA, 'Nested pump guide', 'A zephyr nested.');
    ids.staff = await article(staff, 'Staff pump runbook', 'A zephyr for staff.');
    ids.sections = JSON.stringify({ pub, clients, orgA, belowOrgA, staff });
  });
  afterAll(() => t.close());

  const setPublic = async (on: boolean) => {
    const current = await as(w.admin).get('/api/v1/admin/kb-settings');
    const res = await as(w.admin).put('/api/v1/admin/kb-settings', {
      version: current.body.version,
      publicEnabled: on,
    });
    expect(res.status).toBe(200);
  };

  describe('audience matrix', () => {
    const ALL = ['public', 'publicDraft', 'clients', 'orgA', 'belowOrgA', 'staff'];
    const expected: Record<string, string[]> = {
      anonymousOff: [],
      anonymous: ['public'],
      clientA: ['public', 'clients', 'orgA', 'belowOrgA'],
      clientB: ['public', 'clients'],
      agent: ALL,
      admin: ALL,
    };

    async function seen(who: string): Promise<Record<string, string[]>> {
      const persona =
        who === 'anonymous' || who === 'anonymousOff' ? null : (w[who as keyof World] as Persona);
      const base = persona ? '/api/v1/kb' : '/api/v1/public/kb';
      const list = await as(persona).get(`${base}/articles?limit=200`);
      expect(list.status).toBe(200);
      const opened: string[] = [];
      for (const key of ALL) {
        const res = await as(persona).get(`${base}/articles/${ids[key]}`);
        expect([200, 404]).toContain(res.status);
        if (res.status === 200) opened.push(key);
      }
      const search = await as(persona).get(`${base}/search?q=zephyr&limit=50`);
      expect(search.status).toBe(200);
      const typeahead = await as(persona).get(`${base}/typeahead?q=pum`);
      expect(typeahead.status).toBe(200);
      const byId = (items: { id: string }[]) =>
        ALL.filter((k) => items.some((i) => i.id === ids[k]));
      const result: Record<string, string[]> = {
        list: byId(list.body.items),
        opened,
        search: byId(search.body.items),
        typeahead: byId(typeahead.body.items),
      };
      if (persona) {
        const suggestions = await as(persona).get(
          `/api/v1/kb/suggestions?text=${encodeURIComponent('my zephyr broke down')}&limit=10`,
        );
        expect(suggestions.status).toBe(200);
        result.suggestions = byId(suggestions.body.items);
      }
      return result;
    }

    it.each(Object.keys(expected))('%s sees exactly their articles by every path', async (who) => {
      await setPublic(who !== 'anonymousOff');
      const got = await seen(who);
      for (const [path, keys] of Object.entries(got)) {
        expect({ who, path, keys }).toEqual({ who, path, keys: expected[who] });
      }
    });

    it('sections: a client sees no section above which another one shuts them out', async () => {
      const s = JSON.parse(ids.sections) as Record<string, string>;
      const names = async (p: Persona) =>
        ((await as(p).get('/api/v1/kb/sections')).body as { id: string }[]).map((x) => x.id);
      expect((await names(w.clientB)).sort()).toEqual([s.pub, s.clients].sort());
      expect((await names(w.clientA)).sort()).toEqual(
        [s.pub, s.clients, s.orgA, s.belowOrgA].sort(),
      );
      expect(await names(w.agent)).toHaveLength(5);
    });

    it('votes, ratings and ticket links of an invisible article are 404 too', async () => {
      expect(
        (await as(w.clientB).put(`/api/v1/kb/articles/${ids.orgA}/my-vote`, { helpful: true }))
          .status,
      ).toBe(404);
      expect((await as(w.clientA).get(`/api/v1/kb/articles/${ids.orgA}/ratings`)).status).toBe(403);
    });
  });

  describe('revisions and optimistic locking', () => {
    it('every save is a revision; a stale version is a 409; restore adds a revision', async () => {
      const s = JSON.parse(ids.sections) as Record<string, string>;
      const created = await as(w.agent).post('/api/v1/kb/articles', {
        sectionId: s.staff,
        title: 'Reset a router',
        body: 'line one\nline two',
        tags: ['Router', 'router', 'net'],
        language: 'en',
      });
      expect(created.body).toMatchObject({ version: 1, status: 'draft', tags: ['router', 'net'] });
      const id = created.body.id as string;
      const edited = await as(w.agent).patch(`/api/v1/kb/articles/${id}`, {
        version: 1,
        body: 'line one\nline 2\nline three',
      });
      expect(edited.status).toBe(200);
      expect(edited.body.version).toBe(2);
      const stale = await as(w.admin).patch(`/api/v1/kb/articles/${id}`, {
        version: 1,
        title: 'X',
      });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(2);
      const list = await as(w.agent).get(`/api/v1/kb/articles/${id}/revisions`);
      expect(list.body.map((r: { number: number }) => r.number)).toEqual([2, 1]);
      const diff = await as(w.agent).get(`/api/v1/kb/articles/${id}/revisions/2/diff?from=1`);
      expect(diff.body.body).toEqual([
        { op: 'same', text: 'line one' },
        { op: 'remove', text: 'line two' },
        { op: 'add', text: 'line 2' },
        { op: 'add', text: 'line three' },
      ]);
      const restored = await as(w.agent).post(
        `/api/v1/kb/articles/${id}/revisions/1/restorations`,
        { version: 2 },
      );
      expect(restored.status).toBe(200);
      expect(restored.body).toMatchObject({ version: 3, body: 'line one\nline two' });
      const third = await as(w.agent).get(`/api/v1/kb/articles/${id}/revisions/3`);
      expect(third.body).toMatchObject({ number: 3, restoredFrom: 1, body: 'line one\nline two' });
      // Clients never get the revisions, even of what they see.
      expect((await as(w.clientA).get(`/api/v1/kb/articles/${ids.public}/revisions`)).status).toBe(
        403,
      );
    });
  });

  describe('Markdown is rendered and sanitized', () => {
    const HOSTILE = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(2)>',
      '[click](javascript:alert(3))',
      '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)',
      '![pixel](data:image/png;base64,iVBORw0KGgo=)',
      '<scr<script>ipt>alert(5)</script>',
      '[j](JaVaScRiPt:alert(6)) [k](java&#09;script:alert(7)) [v](vbscript:msgbox(8))',
      '<a href="javascript:alert(9)">x</a> <svg onload=alert(10)>',
      '<iframe src="https://evil.example"></iframe><style>body{}</style>',
      '[ok](https://example.com) [mail](mailto:a@example.com) **bold**',
    ].join('\n\n');

    it('a hostile body renders inert; safe Markdown survives', async () => {
      const s = JSON.parse(ids.sections) as Record<string, string>;
      const id = await article(s.pub, 'Hostile', HOSTILE);
      const res = await as(w.clientB).get(`/api/v1/kb/articles/${id}`);
      const html = res.body.bodyHtml as string;
      expect(html).not.toMatch(/<script|<img[^>]*onerror|<iframe|<style|<svg/i);
      expect(html).not.toMatch(/<a[^>]*href="\s*(javascript|vbscript|data):/i);
      expect(html).not.toMatch(/<img[^>]*src="\s*data:/i);
      expect(html).not.toMatch(/<[^>]+\son\w+=/i);
      expect(html).toContain(
        '<a href="https://example.com" rel="noopener noreferrer nofollow">ok</a>',
      );
      expect(html).toContain('href="mailto:a@example.com"');
      expect(html).toContain('<strong>bold</strong>');
      // Authors' HTML shows as text.
      expect(html).toContain('&lt;script&gt;');
      expect(res.body.body).toBeNull();
    });

    it('search fragments are escaped; only the matches are marked', async () => {
      const s = JSON.parse(ids.sections) as Record<string, string>;
      await article(s.pub, 'Escaping', 'quokka <b onmouseover=x>tag</b> 1 < 2 > 0 quokka');
      const res = await as(w.clientB).get('/api/v1/kb/search?q=quokka');
      expect(res.body.items[0].highlight).toContain('<mark>quokka</mark>');
      // Nothing of the author's markup comes through as markup: only our <mark>s are tags.
      expect(res.body.items[0].highlight.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    });
  });

  describe('search languages', () => {
    it('Russian inflections, Czech without accents, English words', async () => {
      const s = JSON.parse(ids.sections) as Record<string, string>;
      const ru = await article(
        s.clients,
        'Замена насоса',
        'Как заменить насос в котельной.',
        true,
        'ru',
      );
      const cs = await article(
        s.clients,
        'Výměna čerpadla',
        'Jak vyměnit oběhové čerpadlo.',
        true,
        'cs',
      );
      const en = await article(
        s.clients,
        'Replacing a boiler',
        'How to replace the boiler.',
        true,
        'en',
      );
      const hits = async (q: string) =>
        (
          (await as(w.clientB).get(`/api/v1/kb/search?q=${encodeURIComponent(q)}`)).body.items as {
            id: string;
          }[]
        ).map((i) => i.id);
      expect(await hits('насосами')).toEqual([ru]);
      expect(await hits('cerpadlo')).toEqual([cs]);
      expect(await hits('čerpadlo')).toEqual([cs]);
      expect(await hits('boiler')).toEqual([en]);
      const typeahead = await as(w.clientB).get(
        `/api/v1/kb/typeahead?q=${encodeURIComponent('vymen')}`,
      );
      expect(typeahead.body.items.map((i: { id: string }) => i.id)).toEqual([cs]);
      const ruTypeahead = await as(w.clientB).get(
        `/api/v1/kb/typeahead?q=${encodeURIComponent('Зам')}`,
      );
      expect(ruTypeahead.body.items.map((i: { id: string }) => i.id)).toEqual([ru]);
      const inRussian = await as(w.clientB).get(
        `/api/v1/kb/search?q=${encodeURIComponent('насос')}&language=cs`,
      );
      expect(inRussian.body.items).toEqual([]);
    });
  });

  describe('votes and views', () => {
    it('one vote per user and article; voting again replaces it', async () => {
      const path = `/api/v1/kb/articles/${ids.clients}/my-vote`;
      expect((await as(w.clientA).put(path, { helpful: true })).body).toMatchObject({
        helpfulCount: 1,
        notHelpfulCount: 0,
      });
      expect((await as(w.clientA).put(path, { helpful: true })).body).toMatchObject({
        helpfulCount: 1,
        notHelpfulCount: 0,
      });
      expect(
        (await as(w.clientB).put(path, { helpful: true, comment: 'thanks' })).body,
      ).toMatchObject({ helpfulCount: 2 });
      expect((await as(w.clientA).put(path, { helpful: false })).body).toMatchObject({
        helpfulCount: 1,
        notHelpfulCount: 1,
      });
      const rows = await t.db.query(
        'SELECT count(*)::int AS n FROM kb_article_ratings WHERE article_id = $1',
        [ids.clients],
      );
      expect(rows[0].n).toBe(2);
      const ratings = await as(w.agent).get(`/api/v1/kb/articles/${ids.clients}/ratings`);
      expect(ratings.body.map((r: { comment: string | null }) => r.comment).sort()).toEqual(
        [null, 'thanks'].sort(),
      );
      expect((await as(w.clientA).get(`/api/v1/kb/articles/${ids.clients}`)).body.myVote).toBe(
        false,
      );
    });

    it('views are counted in memory and added once by the flush', async () => {
      const counter = t.app.get(KbViewCounter);
      await counter.flush();
      const before = Number(
        (await t.db.query('SELECT view_count FROM kb_articles WHERE id = $1', [ids.staff]))[0]
          .view_count,
      );
      await as(w.agent).get(`/api/v1/kb/articles/${ids.staff}`);
      await as(w.admin).get(`/api/v1/kb/articles/${ids.staff}`);
      await as(w.clientA).get(`/api/v1/kb/articles/${ids.staff}`); // 404: not counted
      const during = Number(
        (await t.db.query('SELECT view_count FROM kb_articles WHERE id = $1', [ids.staff]))[0]
          .view_count,
      );
      expect(during).toBe(before);
      await counter.flush();
      await counter.flush();
      const after = await t.db.query(
        'SELECT a.view_count, (SELECT sum(views)::int FROM kb_article_view_days d WHERE d.article_id = a.id) AS days FROM kb_articles a WHERE id = $1',
        [ids.staff],
      );
      expect(Number(after[0].view_count)).toBe(before + 2);
      expect(after[0].days).toBe(before + 2);
    });
  });

  describe('related tickets', () => {
    it('staff relate tickets they see; the list keeps to THE ticket rule', async () => {
      const ticket = await t.factory.ticket({
        requesterId: w.clientA.id,
        organizationId: w.orgA.id,
      });
      const linked = await as(w.admin).post(`/api/v1/kb/articles/${ids.public}/tickets`, {
        ticketId: ticket.id,
      });
      expect(linked.status).toBe(200);
      expect(linked.body.map((x: { id: string }) => x.id)).toEqual([ticket.id]);
      const missing = await as(w.admin).post(`/api/v1/kb/articles/${ids.public}/tickets`, {
        ticketId: '0d7c2b1e-8a51-4c3e-9a8e-6f0b9d6c1a22',
      });
      expect(missing.status).toBe(422);
      expect((await as(w.clientA).get(`/api/v1/kb/articles/${ids.public}/tickets`)).status).toBe(
        403,
      );
    });
  });
});
