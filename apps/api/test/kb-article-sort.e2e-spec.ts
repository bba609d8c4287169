import { SqlParams } from '../src/common/database/crud-sql';
import { KbViewCounter } from '../src/modules/knowledge-base/index';
import { kbArticleVisibility } from '../src/modules/knowledge-base/kb-audience';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * GET /kb/articles?sort=popular|recent (the portal's KB home): most viewed first by the counts
 * the view counter flushed, keyset pages that neither skip nor repeat, THE audience rule in the
 * same query, and a cursor of one order refused by the other.
 */
describe('knowledge base: article list order', () => {
  let t: TestApp;
  let w: World;
  const ids: Record<string, string> = {};

  const get = (p: Persona | null, path: string) => {
    const r = t.http().get(path);
    return p ? r.set('Authorization', bearer(p)) : r;
  };
  const send = (method: 'post' | 'put', p: Persona, path: string, body: object) =>
    t.http()[method](path).set('Authorization', bearer(p)).send(body);

  async function article(sectionId: string, title: string): Promise<string> {
    t.clock.advance(60_000);
    const res = await send('post', w.agent, '/api/v1/kb/articles', {
      sectionId,
      title,
      body: `About ${title}.`,
      language: 'en',
    });
    expect(res.status).toBe(201);
    const pub = await send('post', w.agent, `/api/v1/kb/articles/${res.body.id}/status-changes`, {
      version: res.body.version,
      status: 'published',
    });
    expect(pub.status).toBe(200);
    return res.body.id as string;
  }

  /** Views as readers make them: GETs, counted in memory and flushed by the counter. */
  async function view(id: string, times: number) {
    for (let i = 0; i < times; i++) {
      expect((await get(w.admin, `/api/v1/kb/articles/${id}`)).status).toBe(200);
    }
  }

  const titles = (body: { items: { id: string }[] }) =>
    body.items.map((a) => Object.entries(ids).find(([, id]) => id === a.id)?.[0] ?? a.id);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const section = async (name: string, audience: string) => {
      const res = await send('post', w.admin, '/api/v1/kb/sections', { name, audience });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const pub = await section('Public', 'public');
    const clients = await section('Clients', 'clients');
    const staff = await section('Staff', 'staff');
    // Created in this order, so "recent" (updated last first) is the reverse of it.
    ids.quiet = await article(clients, 'Quiet');
    ids.popular = await article(clients, 'Popular');
    ids.staffHit = await article(staff, 'Staff hit');
    ids.middle = await article(pub, 'Middle');
    ids.newest = await article(clients, 'Newest');
    await view(ids.popular, 5);
    await view(ids.staffHit, 9);
    await view(ids.middle, 3);
    await view(ids.newest, 1);
    await t.app.get(KbViewCounter).flush();
  });
  afterAll(() => t.close());

  it('popular: most viewed first, what the client may see only', async () => {
    const res = await get(w.clientA, '/api/v1/kb/articles?sort=popular');
    expect(res.status).toBe(200);
    expect(titles(res.body)).toEqual(['popular', 'middle', 'newest', 'quiet']);
  });

  it('recent (and no sort): most recently updated first', async () => {
    for (const query of ['?sort=recent', '']) {
      const res = await get(w.clientA, `/api/v1/kb/articles${query}`);
      expect(titles(res.body)).toEqual(['newest', 'middle', 'popular', 'quiet']);
    }
  });

  it('staff see every article in the popular order, paged without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(
        w.admin,
        `/api/v1/kb/articles?sort=popular&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...titles(res.body));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['staffHit', 'popular', 'middle', 'newest', 'quiet']);
  });

  it('ties in views keep a stable order across pages (by id)', async () => {
    // quiet and a new article both have no views: the id decides, and paging by one holds it.
    const res = await get(w.admin, '/api/v1/kb/articles?sort=popular&limit=50');
    const all = res.body.items.map((a: { id: string }) => a.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(
        w.admin,
        `/api/v1/kb/articles?sort=popular&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      paged.push(...page.body.items.map((a: { id: string }) => a.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it('the public KB orders its own articles by views', async () => {
    const settings = await get(w.admin, '/api/v1/admin/kb-settings');
    const on = await send('put', w.admin, '/api/v1/admin/kb-settings', {
      version: settings.body.version,
      publicEnabled: true,
    });
    expect(on.status).toBe(200);
    const res = await get(null, '/api/v1/public/kb/articles?sort=popular');
    expect(res.status).toBe(200);
    expect(titles(res.body)).toEqual(['middle']);
  });

  it('a cursor of the other order, or an unknown sort, is a 400', async () => {
    const recent = await get(w.admin, '/api/v1/kb/articles?sort=recent&limit=1');
    const popular = await get(w.admin, '/api/v1/kb/articles?sort=popular&limit=1');
    const cross = await get(
      w.admin,
      `/api/v1/kb/articles?sort=popular&cursor=${recent.body.nextCursor}`,
    );
    expect(cross.status).toBe(400);
    expect(cross.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    const back = await get(w.admin, `/api/v1/kb/articles?cursor=${popular.body.nextCursor}`);
    expect(back.status).toBe(400);
    const bogus = await get(w.admin, '/api/v1/kb/articles?sort=views');
    expect(bogus.status).toBe(400);
    expect(bogus.body.errors).toEqual([expect.objectContaining({ field: 'sort' })]);
  });

  it('the popular page is read along kb_articles_popular_idx, not sorted whole', async () => {
    // Enough rows that the planner prefers the index for a short page.
    await t.db.query(
      `INSERT INTO kb_articles (section_id, title, body, language, translation_group_id, status, view_count)
       SELECT section_id, 'Filler ' || g, 'x', 'en', gen_random_uuid(), 'published', g
         FROM kb_articles, generate_series(1, 20000) g WHERE id = $1`,
      [ids.quiet],
    );
    await t.db.query('ANALYZE kb_articles');
    // The statement's shape for a client: THE audience rule, then the order and the limit.
    const p = new SqlParams();
    const visible = kbArticleVisibility({ role: 'client', organizationId: w.orgA.id }, p, 'a');
    const plan = await t.db.query(
      `EXPLAIN SELECT a.id FROM kb_articles a WHERE ${visible}
        ORDER BY a.view_count DESC, a.id DESC LIMIT 11`,
      p.values,
    );
    const text = plan.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('kb_articles_popular_idx');
    expect(text).not.toMatch(/\bSort\b/);
  });
});
