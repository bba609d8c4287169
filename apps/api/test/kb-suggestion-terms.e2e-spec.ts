import { suggestionTermsSql } from '../src/modules/knowledge-base/kb-suggestion-terms.sql';
import { bearer, buildWorld, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Suggestions in a large KB (issue 17): the words of a ticket's text are picked by how rare
 * they are in the articles (PostgreSQL's statistics), so that common words neither cost a rank
 * per article nor crowd out the telling ones.
 */
describe('knowledge-base suggestions: the words searched for', () => {
  let t: TestApp;
  let w: World;
  let quokka: string;
  const TEXT = 'Please, the printer quokka';

  const terms = async (tier: 'telling' | 'common') =>
    (
      (await t.db.query(`SELECT ${suggestionTermsSql('$1', tier)}::text AS q`, [TEXT])) as {
        q: string;
      }[]
    )[0].q;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const sec = await t
      .http()
      .post('/api/v1/kb/sections')
      .set('Authorization', bearer(w.admin))
      .send({ name: 'Printers', audience: 'clients' });
    expect(sec.status).toBe(201);
    const created = await t
      .http()
      .post('/api/v1/kb/articles')
      .set('Authorization', bearer(w.agent))
      .send({
        sectionId: sec.body.id,
        title: 'The quokka printer',
        body: 'Feeding paper.',
        language: 'en',
      });
    expect(created.status).toBe(201);
    quokka = created.body.id as string;
    const pub = await t
      .http()
      .post(`/api/v1/kb/articles/${quokka}/status-changes`)
      .set('Authorization', bearer(w.agent))
      .send({ version: created.body.version, status: 'published' });
    expect(pub.status).toBe(200);
    // 12,000 articles: "please" and "the" in all of them, "printer" in half (and no other word
    // in half); then the statistics.
    await t.db.query(
      `INSERT INTO kb_articles (section_id, title, body, language, translation_group_id, status)
       SELECT $1, 'Note ' || n, 'Please check the tray ' || n
                || CASE WHEN n % 2 = 0 THEN ' and the printer' ELSE '' END,
              'en', gen_random_uuid(), 'published'
         FROM generate_series(1, 12000) n`,
      [sec.body.id],
    );
    await t.db.query('ANALYZE kb_articles');
  });
  afterAll(() => t.close());

  it('the rare word is telling; the commonest words are left out', async () => {
    expect(await terms('telling')).toBe(`'quokka'`);
    // "printer" (in half the articles) is searched only if the telling words find too few;
    // "please" (in all) never.
    expect(await terms('common')).toBe(`'printer'`);
  });

  it('the article with the rare word comes first, then the common tier fills the list', async () => {
    const res = await t
      .http()
      .get(`/api/v1/kb/suggestions?text=${encodeURIComponent(TEXT)}&limit=5`)
      .set('Authorization', bearer(w.clientB));
    expect(res.status).toBe(200);
    const items = res.body.items as { id: string; title: string }[];
    expect(items).toHaveLength(5);
    expect(items[0].id).toBe(quokka);
    expect(new Set(items.map((i) => i.id)).size).toBe(5);
  });

  it('a small KB searches every word', async () => {
    await t.db.query(`DELETE FROM kb_articles WHERE title LIKE 'Note %'`);
    await t.db.query('ANALYZE kb_articles');
    const telling = (await terms('telling')).split(' | ').sort();
    expect(telling).toEqual(expect.arrayContaining([`'please'`, `'printer'`, `'quokka'`]));
    expect(await terms('common')).toBe('');
  });

  it('one article per translation group; no single letters', async () => {
    const sec = await t
      .http()
      .post('/api/v1/kb/sections')
      .set('Authorization', bearer(w.admin))
      .send({ name: 'Crossings', audience: 'clients' });
    const publish = async (body: object) => {
      const res = await t
        .http()
        .post('/api/v1/kb/articles')
        .set('Authorization', bearer(w.agent))
        .send({ sectionId: sec.body.id, ...body });
      expect(res.status).toBe(201);
      await t
        .http()
        .post(`/api/v1/kb/articles/${res.body.id}/status-changes`)
        .set('Authorization', bearer(w.agent))
        .send({ version: res.body.version, status: 'published' });
      return res.body.id as string;
    };
    const en = await publish({ title: 'Zebra crossing', body: 'Zebra lights.', language: 'en' });
    const cs = await publish({
      title: 'Zebra přechod',
      body: 'Zebra světla.',
      language: 'cs',
      translationOf: en,
    });
    const res = await t
      .http()
      .get(`/api/v1/kb/suggestions?text=${encodeURIComponent('zebra crossing E-23')}`)
      .set('Authorization', bearer(w.clientB));
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([en]);
    const csFirst = await t
      .http()
      .get(`/api/v1/kb/suggestions?text=${encodeURIComponent('zebra přechod')}`)
      .set('Authorization', bearer(w.clientB));
    expect(csFirst.body.items.map((i: { id: string }) => i.id)).toEqual([cs]);
    const [{ q }] = (await t.db.query(`SELECT ${suggestionTermsSql('$1', 'telling')}::text AS q`, [
      'E-23 zebra',
    ])) as { q: string }[];
    // The parser reads "E-23" as "e" and "-23": the letter goes, the number stays.
    expect(q.split(' | ').sort()).toEqual([`'-23'`, `'zebra'`]);
  });
});
