import { bearer, buildWorld, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The editor's preview (issue 17): the readers' renderer and sanitizer, for editors only, with
 * an article body's size limit. "Exactly what readers will see" is checked against the article
 * page's own `bodyHtml` for the same Markdown.
 */
describe('knowledge base: previews', () => {
  let t: TestApp;
  let w: World;
  const preview = (token: string | null, body: unknown) => {
    const req = t.http().post('/api/v1/kb/previews');
    return (token ? req.set('Authorization', token) : req).send(body as object);
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const HOSTILE = [
    '# Title',
    '',
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(2)">',
    '[click](javascript:alert(3)) [data](data:text/html,<script>alert(4)</script>)',
    '![pic](javascript:alert(5)) <iframe src="https://evil.example"></iframe>',
    '**bold** _it_ `code` [ok](https://example.com/a)',
  ].join('\n');

  it('renders what the article page renders for the same body, inert', async () => {
    const res = await preview(bearer(w.agent), { body: HOSTILE });
    expect(res.status).toBe(200);
    const html = res.body.html as string;
    // Markup of the author's may remain as escaped text; no tag or attribute of it survives.
    expect(html).not.toMatch(
      /<script|<iframe|<img[^>]*onerror|(?:href|src)="(?:javascript|data):/i,
    );
    expect(html).not.toMatch(/<a[^>]*href="(?!https:\/\/)/i);
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('href="https://example.com/a"');
    // The author's markup is shown as text, not dropped.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const section = await t
      .http()
      .post('/api/v1/kb/sections')
      .set('Authorization', bearer(w.admin))
      .send({ name: 'Preview section', audience: 'staff' });
    const article = await t
      .http()
      .post('/api/v1/kb/articles')
      .set('Authorization', bearer(w.agent))
      .send({ sectionId: section.body.id, title: 'Preview', body: HOSTILE, language: 'en' });
    expect(article.status).toBe(201);
    expect(html).toBe(article.body.bodyHtml);
  });

  it('is for kb.edit only: 401 anonymous, 403 clients; agents, dispatchers and admins render', async () => {
    expect((await preview(null, { body: 'x' })).status).toBe(401);
    expect((await preview(bearer(w.clientA), { body: 'x' })).status).toBe(403);
    for (const p of [w.agent, w.dispatcher, w.admin]) {
      const res = await preview(bearer(p), { body: '*x*' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ html: '<p><em>x</em></p>\n' });
    }
  });

  it("limits the body like an article's: 400 past 200,000 characters, 413 past the JSON limit", async () => {
    expect((await preview(bearer(w.agent), { body: 'a'.repeat(200_000) })).status).toBe(200);
    const long = await preview(bearer(w.agent), { body: 'a'.repeat(200_001) });
    expect(long.status).toBe(400);
    expect(long.body.errors).toEqual([expect.objectContaining({ field: 'body' })]);
    const huge = await preview(bearer(w.agent), { body: 'a'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.headers['content-type']).toMatch(/problem\+json/);
  });

  it('rejects a missing, non-string or extra field with 400', async () => {
    expect((await preview(bearer(w.agent), {})).status).toBe(400);
    expect((await preview(bearer(w.agent), { body: 5 })).status).toBe(400);
    expect((await preview(bearer(w.agent), { body: 'x', title: 'y' })).status).toBe(400);
  });
});
