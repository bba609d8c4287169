import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

const LIMIT = 64 * 1024;
const b64 = (s: string) => Buffer.from(s, 'base64');
/** The smallest valid files of the four types shown inline. */
const PNG = b64(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
);
const GIF = b64('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7');
const WEBP = b64('UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=');
const JPEG = b64(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
);
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>`;

function binary(res: unknown, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as IncomingMessage;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/**
 * Files of knowledge-base articles (issue 17): stored like ticket attachments, typed from their
 * bytes, served inline only for four image types, and read through THE audience rule (a file of
 * an article the reader cannot see is a 404, by the signed-in and the public path alike).
 */
describe('knowledge-base attachments', () => {
  let t: TestApp;
  let w: World;
  let dataDir: string;
  const ids: Record<string, string> = {};
  const files: Record<string, string> = {};

  const auth = (p: Persona | null) => (p ? { Authorization: bearer(p) } : {});
  const upload = (
    p: Persona | null,
    articleId: string,
    content: Buffer,
    name = 'file.bin',
    contentType = 'application/octet-stream',
  ) =>
    t
      .http()
      .post(`/api/v1/kb/articles/${articleId}/attachments`)
      .set(auth(p))
      .attach('file', content, { filename: name, contentType });
  const download = (p: Persona | null, path: string) =>
    t.http().get(path).set(auth(p)).buffer(true).parse(binary);
  const filePath = (articleId: string, fileId: string, pub = false) =>
    `/api/v1/${pub ? 'public/' : ''}kb/articles/${articleId}/attachments/${fileId}`;

  async function section(name: string, audience: string, extra: object = {}): Promise<string> {
    const res = await t
      .http()
      .post('/api/v1/kb/sections')
      .set(auth(w.admin))
      .send({ name, audience, ...extra });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function article(sectionId: string, title: string, publish = true): Promise<string> {
    const res = await t
      .http()
      .post('/api/v1/kb/articles')
      .set(auth(w.agent))
      .send({ sectionId, title, body: 'Body', language: 'en' });
    expect(res.status).toBe(201);
    if (publish) {
      const pub = await t
        .http()
        .post(`/api/v1/kb/articles/${res.body.id}/status-changes`)
        .set(auth(w.agent))
        .send({ version: res.body.version, status: 'published' });
      expect(pub.status).toBe(200);
    }
    return res.body.id as string;
  }

  const setPublic = async (on: boolean) => {
    const current = await t.http().get('/api/v1/admin/kb-settings').set(auth(w.admin));
    const res = await t
      .http()
      .put('/api/v1/admin/kb-settings')
      .set(auth(w.admin))
      .send({ version: current.body.version, publicEnabled: on });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'relaydesk-kb-files-'));
    t = await startTestApp({ attachmentMaxBytes: LIMIT, dataDir });
    w = await buildWorld(t);
    const pub = await section('Public', 'public');
    const clients = await section('Clients', 'clients');
    const orgA = await section('Org A only', 'clients', { organizationIds: [w.orgA.id] });
    const belowOrgA = await section('Below org A', 'public', { parentId: orgA });
    const staff = await section('Staff', 'staff');
    ids.public = await article(pub, 'Public guide');
    ids.publicDraft = await article(pub, 'Public draft', false);
    ids.clients = await article(clients, 'Clients guide');
    ids.orgA = await article(orgA, 'Org A guide');
    ids.belowOrgA = await article(belowOrgA, 'Nested guide');
    ids.staff = await article(staff, 'Staff runbook');
    for (const key of Object.keys(ids)) {
      const res = await upload(w.agent, ids[key], PNG, `${key}.png`, 'image/png');
      expect(res.status).toBe(201);
      files[key] = res.body.id as string;
    }
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('upload', () => {
    it('stores the bytes under the sniffed type, and gives the Markdown its URL', async () => {
      t.clock.set('2026-04-01T09:00:00Z');
      const res = await upload(w.agent, ids.clients, PNG, 'C:\\shots\\Schéma 1.png', 'text/plain');
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        articleId: ids.clients,
        fileName: 'Schéma 1.png',
        contentType: 'image/png',
        sizeBytes: PNG.length,
        createdAt: '2026-04-01T09:00:00.000Z',
        inline: true,
        url: filePath(ids.clients, res.body.id),
        uploadedBy: { id: w.agent.id, name: 'Agent' },
        deletedAt: null,
        deletedBy: null,
      });
      const [row] = (await t.db.query(
        'SELECT storage_key, sha256 FROM kb_article_attachments WHERE id = $1',
        [res.body.id],
      )) as { storage_key: string; sha256: string }[];
      expect(await filesUnder(join(dataDir, 'attachments'))).toContain(
        join(dataDir, 'attachments', row.storage_key.slice(0, 2), row.storage_key),
      );
      expect(await filesUnder(join(dataDir, 'tmp'))).toEqual([]);
      // The article itself did not change: an image dropped into the editor must not make the
      // editor's own save a conflict.
      const a = await t.http().get(`/api/v1/kb/articles/${ids.clients}`).set(auth(w.agent));
      expect(a.body.version).toBe(2);
    });

    it('refuses a file over the limit with 413 and keeps nothing', async () => {
      const before = await filesUnder(join(dataDir, 'attachments'));
      const res = await upload(w.agent, ids.clients, Buffer.alloc(LIMIT + 1, 7), 'big.bin');
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await filesUnder(join(dataDir, 'attachments'))).toEqual(before);
      expect(await filesUnder(join(dataDir, 'tmp'))).toEqual([]);
    });

    it('needs multipart (415), the file alone (400), kb.edit (403), a visible article (404)', async () => {
      const json = await t
        .http()
        .post(`/api/v1/kb/articles/${ids.clients}/attachments`)
        .set(auth(w.agent))
        .send({ file: 'x' });
      expect(json.status).toBe(415);
      const extra = await t
        .http()
        .post(`/api/v1/kb/articles/${ids.clients}/attachments`)
        .set(auth(w.agent))
        .field('commentId', '0b7e2c1a-0000-4000-8000-000000000000')
        .attach('file', PNG, 'a.png');
      expect(extra.status).toBe(400);
      expect((await upload(w.clientA, ids.clients, PNG)).status).toBe(403);
      expect((await upload(null, ids.clients, PNG)).status).toBe(401);
      expect((await upload(w.agent, '0b7e2c1a-0000-4000-8000-000000000000', PNG)).status).toBe(404);
    });

    it('holds at most 100 files per article (422)', async () => {
      const id = await article(await section('Full', 'staff'), 'Full');
      await t.db.query(
        `INSERT INTO kb_article_attachments (article_id, file_name, content_type, size_bytes, sha256, storage_key)
         SELECT $1, 'f' || n, 'text/plain', 1, repeat('0', 64), gen_random_uuid()::text
           FROM generate_series(1, 100) n`,
        [id],
      );
      const res = await upload(w.agent, id, PNG, 'one-too-many.png');
      expect(res.status).toBe(422);
      await t.db.query(
        `UPDATE kb_article_attachments SET deleted_at = now() WHERE article_id = $1 AND file_name = 'f1'`,
        [id],
      );
      expect((await upload(w.agent, id, PNG, 'fits.png')).status).toBe(201);
    });
  });

  describe('serving', () => {
    it.each([
      ['png', PNG, 'image/png'],
      ['jpeg', JPEG, 'image/jpeg'],
      ['gif', GIF, 'image/gif'],
      ['webp', WEBP, 'image/webp'],
    ])('a %s image is shown inline, with nosniff', async (name, bytes, type) => {
      const up = await upload(w.agent, ids.public, bytes, `pic.${name}`);
      expect(up.body).toMatchObject({ contentType: type, inline: true });
      const got = await download(w.clientB, up.body.url as string);
      expect(got.status).toBe(200);
      expect(Buffer.compare(got.body as Buffer, bytes)).toBe(0);
      expect(got.headers['content-type']).toBe(type);
      expect(got.headers['content-disposition']).toBe(
        `inline; filename="pic.${name}"; filename*=UTF-8''pic.${name}`,
      );
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
      expect(got.headers['cache-control']).toBe('private, no-store');
    });

    it.each([
      ['an SVG with script', Buffer.from(SVG), 'image/svg+xml', 'evil.svg'],
      [
        'an SVG with an XML prolog',
        Buffer.from(`<?xml version="1.0"?>${SVG}`),
        'image/svg+xml',
        'evil2.svg',
      ],
      ['HTML', Buffer.from('<html><script>alert(3)</script></html>'), 'text/html', 'page.html'],
      ['a PDF-named blob', Buffer.from([0, 1, 2, 3, 255]), 'application/pdf', 'x.pdf'],
    ])('%s is never served inline, only as a download', async (_what, bytes, declared, name) => {
      const up = await upload(w.agent, ids.public, bytes, name, declared);
      expect(up.status).toBe(201);
      expect(up.body.inline).toBe(false);
      expect(up.body.contentType).not.toMatch(/svg|html/);
      for (const [who, url] of [
        [w.agent, up.body.url as string],
        [null, filePath(ids.public, up.body.id, true)],
      ] as const) {
        await setPublic(true);
        const got = await download(who, url);
        expect(got.status).toBe(200);
        expect(got.headers['content-disposition']).toMatch(/^attachment; /);
        expect(got.headers['content-type']).not.toMatch(/svg|html/);
        expect(got.headers['x-content-type-options']).toBe('nosniff');
        expect(got.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
      }
    });
  });

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

    it.each(Object.keys(expected))(
      '%s downloads and lists exactly the files of the articles they see; others are 404',
      async (who) => {
        await setPublic(who !== 'anonymousOff');
        const anonymous = who.startsWith('anonymous');
        const persona = anonymous ? null : (w[who as keyof World] as Persona);
        const got: Record<string, string[]> = { download: [], list: [] };
        for (const key of ALL) {
          const res = await download(persona, filePath(ids[key], files[key], anonymous));
          expect([200, 404]).toContain(res.status);
          if (res.status === 200) got.download.push(key);
          else expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          const list = await t
            .http()
            .get(`/api/v1/${anonymous ? 'public/' : ''}kb/articles/${ids[key]}/attachments`)
            .set(auth(persona));
          expect([200, 404]).toContain(list.status);
          if (list.status === 200) {
            got.list.push(key);
            expect(list.body.items.map((f: { id: string }) => f.id)).toContain(files[key]);
          }
        }
        expect({ who, ...got }).toEqual({ who, download: expected[who], list: expected[who] });
      },
    );

    it('a file asked for under another article is a 404', async () => {
      const res = await download(w.agent, filePath(ids.public, files.staff));
      expect(res.status).toBe(404);
    });

    it('the public path never serves a signed-in reader more than anonymous', async () => {
      await setPublic(true);
      const res = await download(w.agent, filePath(ids.staff, files.staff, true));
      expect(res.status).toBe(404);
    });

    it('clients and the public KB do not learn who uploaded a file', async () => {
      await setPublic(true);
      const client = await t
        .http()
        .get(`/api/v1/kb/articles/${ids.public}/attachments`)
        .set(auth(w.clientA));
      expect(client.body.items[0].uploadedBy).toBeNull();
      const anon = await t.http().get(`/api/v1/public/kb/articles/${ids.public}/attachments`);
      expect(anon.body.items[0]).toMatchObject({
        uploadedBy: null,
        url: filePath(ids.public, files.public, true),
      });
    });
  });

  describe('inline images in the body', () => {
    it('the SPAs may show images from blob: URLs (how signed-in readers get them)', async () => {
      const res = await t.http().get('/api/v1/public/kb/sections');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(csp).toContain("script-src 'self'");
    });

    it('the public KB gets the public path in bodyHtml; signed-in readers the signed-in one', async () => {
      await setPublic(true);
      const src = filePath(ids.public, files.public);
      const current = await t.http().get(`/api/v1/kb/articles/${ids.public}`).set(auth(w.agent));
      const edit = await t
        .http()
        .patch(`/api/v1/kb/articles/${ids.public}`)
        .set(auth(w.agent))
        .send({
          version: current.body.version,
          body: `![Pump](${src}) and [the file](${src}) and ![other](https://example.com/x.png)`,
        });
      expect(edit.status).toBe(200);
      const signedIn = await t.http().get(`/api/v1/kb/articles/${ids.public}`).set(auth(w.clientB));
      expect(signedIn.body.bodyHtml).toContain(`<img src="${src}" alt="Pump" />`);
      const pub = await t.http().get(`/api/v1/public/kb/articles/${ids.public}`);
      const publicSrc = filePath(ids.public, files.public, true);
      expect(pub.body.bodyHtml).toContain(`<img src="${publicSrc}" alt="Pump" />`);
      expect(pub.body.bodyHtml).toContain(`<a href="${publicSrc}"`);
      expect(pub.body.bodyHtml).toContain('<img src="https://example.com/x.png" alt="other" />');
      expect(pub.body.bodyHtml).not.toContain(`"${src}"`);
      // And the rewritten URL works for the anonymous reader.
      const img = await download(null, publicSrc);
      expect(img.status).toBe(200);
      expect(img.headers['content-type']).toBe('image/png');
    });
  });

  describe('delete', () => {
    it('removes the bytes, keeps the history for staff, and is for kb.edit only', async () => {
      const up = await upload(w.agent, ids.clients, GIF, 'old.gif');
      const id = up.body.id as string;
      const [{ storage_key: key }] = (await t.db.query(
        'SELECT storage_key FROM kb_article_attachments WHERE id = $1',
        [id],
      )) as { storage_key: string }[];
      const stored = join(dataDir, 'attachments', key.slice(0, 2), key);
      expect(await filesUnder(join(dataDir, 'attachments'))).toContain(stored);

      const del = (p: Persona | null) => t.http().delete(filePath(ids.clients, id)).set(auth(p));
      expect((await del(w.clientA)).status).toBe(403);
      expect((await del(null)).status).toBe(401);
      t.clock.set('2026-04-02T10:00:00Z');
      expect((await del(w.agent)).status).toBe(204);
      expect((await del(w.agent)).status).toBe(404);

      expect((await download(w.agent, filePath(ids.clients, id))).status).toBe(404);
      expect(await filesUnder(join(dataDir, 'attachments'))).not.toContain(stored);
      const live = await t
        .http()
        .get(`/api/v1/kb/articles/${ids.clients}/attachments`)
        .set(auth(w.agent));
      expect(live.body.items.map((f: { id: string }) => f.id)).not.toContain(id);
      const history = await t
        .http()
        .get(`/api/v1/kb/articles/${ids.clients}/attachments?includeDeleted=true`)
        .set(auth(w.agent));
      expect(history.body.items.find((f: { id: string }) => f.id === id)).toMatchObject({
        fileName: 'old.gif',
        deletedAt: '2026-04-02T10:00:00.000Z',
        deletedBy: { id: w.agent.id, name: 'Agent' },
        uploadedBy: { id: w.agent.id, name: 'Agent' },
      });
      const clientHistory = await t
        .http()
        .get(`/api/v1/kb/articles/${ids.clients}/attachments?includeDeleted=true`)
        .set(auth(w.clientA));
      expect(clientHistory.status).toBe(200);
      expect(clientHistory.body.items.map((f: { id: string }) => f.id)).not.toContain(id);
    });

    it("deleting an article removes its files' bytes", async () => {
      const id = await article(await section('Doomed', 'staff'), 'Doomed');
      const up = await upload(w.agent, id, PNG, 'doomed.png');
      const [{ storage_key: key }] = (await t.db.query(
        'SELECT storage_key FROM kb_article_attachments WHERE id = $1',
        [up.body.id],
      )) as { storage_key: string }[];
      const stored = join(dataDir, 'attachments', key.slice(0, 2), key);
      expect(await filesUnder(join(dataDir, 'attachments'))).toContain(stored);
      const del = await t.http().delete(`/api/v1/kb/articles/${id}`).set(auth(w.admin));
      expect(del.status).toBe(204);
      expect(await filesUnder(join(dataDir, 'attachments'))).not.toContain(stored);
      expect((await download(w.admin, up.body.url as string)).status).toBe(404);
    });
  });
});
