import { KbViewCounter } from '../src/modules/knowledge-base/index';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The knowledge base's API (issue 17): THE audience rule through every reading path, revisions
 * and optimistic locking, sanitized Markdown, search in three languages, one vote per user.
 */
/** A valid 1x1 PNG, for the article files of the audience matrix. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

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

  /**
   * THE audience rule through every channel, as tables: which articles each reader reaches
   * (READERS), by which path (CHANNELS), over a fixture of every section audience × every
   * status (SECTIONS × STATUSES). What a reader does not reach must be a 404, as for an id that
   * does not exist; staff-only channels answer clients 403.
   */
  describe('audience matrix', () => {
    type SectionKey = 'public' | 'clients' | 'orgA' | 'belowOrgA' | 'staff';
    type Status = 'draft' | 'published' | 'archived';
    type ArticleKey = `${SectionKey}/${Status}`;
    /** The sections of the fixture; belowOrgA is public itself, but under org A's section. */
    const SECTIONS: Record<SectionKey, { audience: string; orgA?: true; parent?: SectionKey }> = {
      public: { audience: 'public' },
      clients: { audience: 'clients' },
      orgA: { audience: 'clients', orgA: true },
      belowOrgA: { audience: 'public', parent: 'orgA' },
      staff: { audience: 'staff' },
    };
    const STATUSES: Status[] = ['draft', 'published', 'archived'];
    const ARTICLES = (Object.keys(SECTIONS) as SectionKey[]).flatMap((s) =>
      STATUSES.map((status) => `${s}/${status}` as ArticleKey),
    );

    interface Reader {
      name: string;
      persona: 'clientA' | 'clientB' | 'agent' | 'admin' | null;
      publicKb: boolean;
      /** The sections whose PUBLISHED articles the reader reaches; staff reach every article. */
      sections: SectionKey[] | 'everything';
    }
    const READERS: Reader[] = [
      { name: 'anonymous, public KB off', persona: null, publicKb: false, sections: [] },
      { name: 'anonymous, public KB on', persona: null, publicKb: true, sections: ['public'] },
      {
        name: 'client of the allowed organization',
        persona: 'clientA',
        publicKb: true,
        sections: ['public', 'clients', 'orgA', 'belowOrgA'],
      },
      {
        // The switch is for readers who do not sign in: clients keep the public sections.
        name: 'client of the allowed organization, public KB off',
        persona: 'clientA',
        publicKb: false,
        sections: ['public', 'clients', 'orgA', 'belowOrgA'],
      },
      {
        name: 'client of another organization',
        persona: 'clientB',
        publicKb: true,
        sections: ['public', 'clients'],
      },
      { name: 'agent', persona: 'agent', publicKb: true, sections: 'everything' },
      { name: 'admin', persona: 'admin', publicKb: false, sections: 'everything' },
    ];
    const reaches = (r: Reader): ArticleKey[] =>
      r.sections === 'everything'
        ? ARTICLES
        : r.sections.map((s) => `${s}/published` as ArticleKey);
    /** What anonymous readers reach under the reader's setting: the public endpoints' answer. */
    const anonymousReach = (r: Reader): ArticleKey[] => (r.publicKb ? ['public/published'] : []);

    const art: Partial<Record<ArticleKey, string>> = {};
    /** The file uploaded to each article, by article id. */
    const fileOf: Record<string, string> = {};
    const sec: Partial<Record<SectionKey, string>> = {};
    const WORD = 'quasar';
    /** A word only the articles of one section have. */
    const SECTION_WORD: Record<SectionKey, string> = {
      public: 'alphazed',
      clients: 'betazed',
      orgA: 'gammazed',
      belowOrgA: 'deltazed',
      staff: 'epsilonzed',
    };
    /** The fixture's articles in a list answer (which must be a 200). */
    const keysOf = (res: { status: number; body: { items: { id: string }[] } }) => {
      expect(res.status).toBe(200);
      return ARTICLES.filter((k) => res.body.items.some((i) => i.id === art[k]));
    };
    const persona = (r: Reader) => (r.persona ? w[r.persona] : null);

    /** Every article through a one-article path: 200 is reached, anything but 404 is a failure. */
    async function oneByOne(
      r: Reader,
      request: (id: string) => Promise<{ status: number }>,
      denied = 404,
    ): Promise<ArticleKey[]> {
      const got: ArticleKey[] = [];
      for (const key of ARTICLES) {
        const { status } = await request(art[key]!);
        expect({ key, status }).toEqual({ key, status: status === 200 ? 200 : denied });
        if (status === 200) got.push(key);
      }
      return got;
    }

    interface Channel {
      name: string;
      /** Readers it is for: signed-in ones (the /api/v1/kb paths) or anyone (/public/kb). */
      for: 'signed-in' | 'anonymous' | 'everyone';
      /** What the reader should get, when it is not what the reader reaches (reaches()). */
      expected?: (r: Reader) => ArticleKey[];
      run: (r: Reader) => Promise<ArticleKey[]>;
    }
    const staffOnly = (r: Reader) => (r.sections === 'everything' ? ARTICLES : []);
    const CHANNELS: Channel[] = [
      {
        name: 'list',
        for: 'signed-in',
        run: async (r) => keysOf(await as(persona(r)).get('/api/v1/kb/articles?limit=200')),
      },
      {
        name: 'one article',
        for: 'signed-in',
        run: (r) => oneByOne(r, (id) => as(persona(r)).get(`/api/v1/kb/articles/${id}`)),
      },
      {
        name: 'search',
        for: 'signed-in',
        run: async (r) => keysOf(await as(persona(r)).get(`/api/v1/kb/search?q=${WORD}&limit=50`)),
      },
      {
        name: 'type-ahead',
        for: 'signed-in',
        run: async (r) => keysOf(await as(persona(r)).get(`/api/v1/kb/typeahead?q=quas&limit=20`)),
      },
      {
        // At most 10 suggestions a call: one call per section, by the word only its articles have.
        name: 'suggestions',
        for: 'signed-in',
        run: async (r) => {
          const got: ArticleKey[] = [];
          for (const key of Object.keys(SECTIONS) as SectionKey[]) {
            const res = await as(persona(r)).get(
              `/api/v1/kb/suggestions?text=my%20${SECTION_WORD[key]}%20broke&limit=10`,
            );
            got.push(...keysOf(res));
          }
          return ARTICLES.filter((k) => got.includes(k));
        },
      },
      {
        name: 'vote',
        for: 'signed-in',
        run: (r) =>
          oneByOne(r, (id) =>
            as(persona(r)).put(`/api/v1/kb/articles/${id}/my-vote`, { helpful: true }),
          ),
      },
      {
        name: 'revisions (staff only: 403 for clients)',
        for: 'signed-in',
        expected: staffOnly,
        run: (r) =>
          oneByOne(r, (id) => as(persona(r)).get(`/api/v1/kb/articles/${id}/revisions`), 403),
      },
      {
        name: 'ratings (staff only: 403 for clients)',
        for: 'signed-in',
        expected: staffOnly,
        run: (r) =>
          oneByOne(r, (id) => as(persona(r)).get(`/api/v1/kb/articles/${id}/ratings`), 403),
      },
      {
        name: 'related tickets (staff only: 403 for clients)',
        for: 'signed-in',
        expected: staffOnly,
        run: (r) =>
          oneByOne(r, (id) => as(persona(r)).get(`/api/v1/kb/articles/${id}/tickets`), 403),
      },
      // The public KB answers everyone as anonymous, whatever Authorization says.
      {
        name: 'public list',
        for: 'everyone',
        expected: anonymousReach,
        run: async (r) => keysOf(await as(persona(r)).get('/api/v1/public/kb/articles?limit=200')),
      },
      {
        name: 'public article',
        for: 'everyone',
        expected: anonymousReach,
        run: (r) => oneByOne(r, (id) => as(persona(r)).get(`/api/v1/public/kb/articles/${id}`)),
      },
      {
        name: 'public search',
        for: 'everyone',
        expected: anonymousReach,
        run: async (r) =>
          keysOf(await as(persona(r)).get(`/api/v1/public/kb/search?q=${WORD}&limit=50`)),
      },
      {
        name: 'public type-ahead',
        for: 'everyone',
        expected: anonymousReach,
        run: async (r) =>
          keysOf(await as(persona(r)).get('/api/v1/public/kb/typeahead?q=quas&limit=20')),
      },
      // Article files: each article has one (fileOf); reached exactly where the article is.
      {
        name: 'files list',
        for: 'signed-in',
        run: (r) =>
          oneByOne(r, (id) => as(persona(r)).get(`/api/v1/kb/articles/${id}/attachments`)),
      },
      {
        name: 'file download',
        for: 'signed-in',
        run: (r) =>
          oneByOne(r, (id) =>
            as(persona(r)).get(`/api/v1/kb/articles/${id}/attachments/${fileOf[id]}`),
          ),
      },
      {
        name: 'public files list',
        for: 'everyone',
        expected: anonymousReach,
        run: (r) =>
          oneByOne(r, (id) => as(persona(r)).get(`/api/v1/public/kb/articles/${id}/attachments`)),
      },
      {
        name: 'public file download',
        for: 'everyone',
        expected: anonymousReach,
        run: (r) =>
          oneByOne(r, (id) =>
            as(persona(r)).get(`/api/v1/public/kb/articles/${id}/attachments/${fileOf[id]}`),
          ),
      },
    ];

    beforeAll(async () => {
      for (const [key, s] of Object.entries(SECTIONS) as [
        SectionKey,
        (typeof SECTIONS)[SectionKey],
      ][]) {
        sec[key] = await section(`Matrix ${key}`, s.audience, {
          ...(s.orgA ? { organizationIds: [w.orgA.id] } : {}),
          ...(s.parent ? { parentId: sec[s.parent] } : {}),
        });
      }
      for (const key of ARTICLES) {
        const [s, status] = key.split('/') as [SectionKey, Status];
        const id = await article(
          sec[s]!,
          `Quasar ${s} ${status}`,
          `A ${WORD} in ${key}, ${SECTION_WORD[s]}.`,
          false,
        );
        if (status !== 'draft') {
          const res = await as(w.agent).post(`/api/v1/kb/articles/${id}/status-changes`, {
            version: 1,
            status,
          });
          expect(res.status).toBe(200);
        }
        art[key] = id;
        const file = await t
          .http()
          .post(`/api/v1/kb/articles/${id}/attachments`)
          .set('Authorization', bearer(w.agent))
          .attach('file', PNG, { filename: `${s}-${status}.png`, contentType: 'image/png' });
        expect(file.status).toBe(201);
        fileOf[id] = file.body.id as string;
      }
    });

    const cases = READERS.flatMap((r) =>
      CHANNELS.filter(
        (c) => c.for === 'everyone' || (c.for === 'signed-in') === (r.persona !== null),
      ).map((c) => [r.name, c.name, r, c] as const),
    );
    // Anonymous readers' own channels are the public ones (above, 'everyone').
    it.each(cases)('%s × %s', async (_reader, _channel, r, c) => {
      await setPublic(r.publicKb);
      const expected = (c.expected ?? reaches)(r);
      expect(await c.run(r)).toEqual(expected);
    });

    it('sections: each reader gets the sections it reaches, never one below a section shut to it', async () => {
      const ids = async (r: Reader) => {
        const res = await as(persona(r)).get(
          r.persona ? '/api/v1/kb/sections' : '/api/v1/public/kb/sections',
        );
        expect(res.status).toBe(200);
        return (Object.keys(SECTIONS) as SectionKey[]).filter((k) =>
          (res.body as { id: string }[]).some((s) => s.id === sec[k]),
        );
      };
      for (const r of READERS) {
        await setPublic(r.publicKb);
        const expected = r.sections === 'everything' ? Object.keys(SECTIONS) : r.sections;
        expect({ reader: r.name, sections: await ids(r) }).toEqual({
          reader: r.name,
          sections: expected,
        });
      }
    });
  });

  describe('section order', () => {
    interface Row {
      id: string;
      parentId: string | null;
      position: number;
      version: number;
    }
    const children = async (parentId: string | null) =>
      ((await as(w.admin).get('/api/v1/kb/sections')).body as Row[])
        .filter((x) => x.parentId === parentId)
        .sort((a, b) => a.position - b.position);
    const order = (parentId: string | null, rows: Row[], who: Persona = w.admin) =>
      as(who).put('/api/v1/kb/sections/order', {
        parentId,
        sections: rows.map((r) => ({ id: r.id, version: r.version })),
      });

    it("a parent's subsections in one request: all of them, each with its version", async () => {
      const parent = await section('Ordered', 'clients');
      for (const name of ['A', 'B', 'C']) await section(name, 'clients', { parentId: parent });
      const [a, b, c] = await children(parent);
      const res = await order(parent, [c, a, b]);
      expect(res.status).toBe(200);
      expect(res.body.map((x: Row) => [x.id, x.position, x.version])).toEqual([
        [c.id, 0, c.version + 1],
        [a.id, 1, a.version + 1],
        [b.id, 2, b.version + 1],
      ]);
      expect((await children(parent)).map((x) => x.id)).toEqual([c.id, a.id, b.id]);

      // The versions read before: stale, a 409 naming one, and nothing moves.
      const stale = await order(parent, [a, b, c]);
      expect(stale.status).toBe(409);
      expect(stale.headers['content-type']).toContain('application/problem+json');
      expect(stale.body).toMatchObject({ currentVersion: a.version + 1, id: a.id });
      expect((await children(parent)).map((x) => x.id)).toEqual([c.id, a.id, b.id]);

      // Every subsection once: one left out, one of another parent, one twice.
      const now = await children(parent);
      const [other] = await children(null);
      for (const rows of [now.slice(1), [...now, other], [...now, now[0]]]) {
        const bad = await order(parent, rows);
        expect(bad.status).toBe(422);
        expect(bad.body.errors[0].field).toBe('sections');
      }
      const noParent = await as(w.admin).put('/api/v1/kb/sections/order', {
        parentId: '00000000-0000-4000-8000-000000000000',
        sections: [{ id: now[0].id, version: now[0].version }],
      });
      expect(noParent.status).toBe(422);
      expect(noParent.body.errors[0].field).toBe('parentId');

      // kb.manage only.
      expect((await order(parent, now, w.agent)).status).toBe(403);
      expect((await order(parent, now, w.clientA)).status).toBe(403);
      // The top sections too.
      const top = await children(null);
      const reversed = await order(null, [...top].reverse());
      expect(reversed.status).toBe(200);
      expect((await children(null)).map((x) => x.id)).toEqual([...top].reverse().map((x) => x.id));
    });

    it('bad bodies are 400s', async () => {
      const [first] = await children(null);
      for (const body of [
        {},
        { parentId: null, sections: [] },
        { parentId: null, sections: ['x'] },
        { parentId: null, sections: [{ id: 'nope', version: 1 }] },
        { parentId: null, sections: [{ id: first.id }] },
        { sections: [{ id: first.id, version: first.version }] },
        { parentId: 'x', sections: [{ id: first.id, version: first.version }] },
        { parentId: null, sections: [{ id: first.id, version: first.version, extra: 1 }] },
      ]) {
        const res = await as(w.admin).put('/api/v1/kb/sections/order', body);
        expect(res.status).toBe(400);
      }
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

    it('fragments mark the words matched without accents, and inflected ones', async () => {
      const s = JSON.parse(ids.sections) as Record<string, string>;
      const cs = await article(
        s.clients,
        'Údržba dmychadla',
        'Před údržbou vypněte dmychadlo a počkejte, až se dmychadlo zastaví.',
        true,
        'cs',
      );
      const ru = await article(
        s.clients,
        'Ёмкость для раствора',
        'Промойте ёмкость после каждого цикла.',
        true,
        'ru',
      );
      const fragment = async (path: string, id: string) => {
        const res = await as(w.clientB).get(path);
        expect(res.status).toBe(200);
        const hit = (res.body.items as { id: string; highlight: string }[]).find(
          (i) => i.id === id,
        );
        expect(hit).toBeDefined();
        return hit!.highlight;
      };
      // Found through the unaccented words, marked where the accented ones stand.
      expect(await fragment('/api/v1/kb/search?q=dmychadlo', cs)).toContain(
        '<mark>dmychadlo</mark> a počkejte',
      );
      expect(await fragment('/api/v1/kb/search?q=udrzbou', cs)).toContain('<mark>údržbou</mark>');
      expect(
        await fragment(
          `/api/v1/kb/suggestions?text=${encodeURIComponent('vypnete dmychadlo')}`,
          cs,
        ),
      ).toMatch(/<mark>vypněte<\/mark> <mark>dmychadlo<\/mark>/);
      // Russian as before: an inflected word, and "ё" typed or not.
      expect(await fragment(`/api/v1/kb/search?q=${encodeURIComponent('емкостью')}`, ru)).toContain(
        '<mark>ёмкость</mark>',
      );
      expect(await fragment(`/api/v1/kb/search?q=${encodeURIComponent('ёмкости')}`, ru)).toContain(
        '<mark>ёмкость</mark>',
      );
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
