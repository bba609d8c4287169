import { bearer, buildWorld, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The order of knowledge-base search hits (issue 17): a title match first, and a short article
 * about the word above a long one that mentions it more often in passing (the rank is divided
 * by the log of the document's length).
 */
describe('knowledge-base search ranking', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const filler = (n: number) =>
    Array.from({ length: n }, (_, i) => `word${i % 97}x${Math.floor(i / 97)}`).join(' ');

  it('title match, then the short article, then the long one', async () => {
    const sec = await t
      .http()
      .post('/api/v1/kb/sections')
      .set('Authorization', bearer(w.admin))
      .send({ name: 'Animals', audience: 'clients' });
    expect(sec.status).toBe(201);
    const create = async (title: string, body: string) => {
      const res = await t
        .http()
        .post('/api/v1/kb/articles')
        .set('Authorization', bearer(w.agent))
        .send({ sectionId: sec.body.id, title, body, language: 'en' });
      expect(res.status).toBe(201);
      const pub = await t
        .http()
        .post(`/api/v1/kb/articles/${res.body.id}/status-changes`)
        .set('Authorization', bearer(w.agent))
        .send({ version: res.body.version, status: 'published' });
      expect(pub.status).toBe(200);
      return res.body.id as string;
    };
    // Created long first, so that an order by creation or id alone cannot pass by chance.
    const long = await create(
      'Zoo notes',
      `${filler(300)} quokka ${filler(300)} quokka ${filler(300)}`,
    );
    const short = await create('Small marsupials', 'The quokka lives on Rottnest Island.');
    const titled = await create('Quokka', 'Feeding and housing.');
    const res = await t
      .http()
      .get('/api/v1/kb/search?q=quokka')
      .set('Authorization', bearer(w.clientB));
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([titled, short, long]);
    const ranks = res.body.items.map((i: { rank: number }) => i.rank);
    expect(ranks[0]).toBeGreaterThan(ranks[1]);
    expect(ranks[1]).toBeGreaterThan(ranks[2]);
  });

  it('fragments are plain text: no Markdown syntax around the marked word', async () => {
    const sec = await t
      .http()
      .post('/api/v1/kb/sections')
      .set('Authorization', bearer(w.admin))
      .send({ name: 'Routers', audience: 'clients' });
    const created = await t
      .http()
      .post('/api/v1/kb/articles')
      .set('Authorization', bearer(w.agent))
      .send({
        sectionId: sec.body.id,
        title: 'Network',
        body: '# Steps\n\n- **Restart** the [wombatrouter](https://x.example/a) first\n> `then` wait',
        language: 'en',
      });
    await t
      .http()
      .post(`/api/v1/kb/articles/${created.body.id}/status-changes`)
      .set('Authorization', bearer(w.agent))
      .send({ version: created.body.version, status: 'published' });
    const res = await t
      .http()
      .get('/api/v1/kb/search?q=wombatrouter')
      .set('Authorization', bearer(w.clientB));
    const highlight = res.body.items[0].highlight as string;
    expect(highlight).toContain('<mark>wombatrouter</mark>');
    expect(highlight).toContain('Restart');
    expect(highlight).not.toMatch(/\*\*|\]\(|https:|#|&#96;|&#62;/);
  });
});
