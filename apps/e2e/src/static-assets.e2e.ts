import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { BASE_URL } from '../support/browser';

/**
 * How the built API serves the built SPAs, over plain HTTP (no browser): pre-compressed files
 * chosen by Accept-Encoding, caching by kind of file, and 404 for assets that do not exist.
 * Node's http client, not fetch: fetch would pick its own Accept-Encoding and decompress.
 */
interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function raw(
  path: string,
  { method = 'GET', acceptEncoding }: { method?: string; acceptEncoding?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, BASE_URL),
      {
        method,
        headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const vary = (r: RawResponse) => String(r.headers.vary ?? '').toLowerCase();

/** The entry script, the stylesheets and the icon an app's index.html links. */
async function linkedFiles(indexPath: string) {
  const html = (await raw(indexPath, { acceptEncoding: 'identity' })).body.toString('utf8');
  const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g)].map(
    (m) => m[1],
  );
  const icon = /<link[^>]+rel="icon"[^>]+href="([^"]+)"/.exec(html)?.[1];
  if (!script || !styles.length || !icon) throw new Error(`${indexPath}: links not found`);
  return { script, styles, icon };
}

describe.each([
  { app: 'portal', index: '/', route: '/tickets/RD-1', assets: '/assets' },
  { app: 'agent', index: '/agent/', route: '/agent/tickets', assets: '/agent/assets' },
])('the $app is served pre-compressed and cached by kind of file', ({ index, route, assets }) => {
  let files: Awaited<ReturnType<typeof linkedFiles>>;
  beforeAll(async () => {
    files = await linkedFiles(index);
  });

  it('sends brotli when accepted, gzip when only that is, identity otherwise; same bytes', async () => {
    const identity = await raw(files.script, { acceptEncoding: 'identity' });
    expect(identity.status).toBe(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(Number(identity.headers['content-length'])).toBe(identity.body.length);

    const br = await raw(files.script, { acceptEncoding: 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
    expect(br.body.length).toBeLessThan(identity.body.length / 3);

    const gzip = await raw(files.script, { acceptEncoding: 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(identity.body)).toBe(true);

    // q=0 refuses brotli; without the header the client gets the file as it is.
    const refused = await raw(files.script, { acceptEncoding: 'br;q=0, gzip;q=0.5' });
    expect(refused.headers['content-encoding']).toBe('gzip');
    const none = await raw(files.script);
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.equals(identity.body)).toBe(true);

    for (const r of [identity, br, gzip, none]) {
      expect(r.headers['content-type']).toMatch(/^text\/javascript/);
      expect(vary(r)).toContain('accept-encoding');
    }
  });

  it('stylesheets, index.html and the icon keep their own Content-Type when compressed', async () => {
    for (const style of files.styles) {
      const css = await raw(style, { acceptEncoding: 'br, gzip' });
      expect(css.status).toBe(200);
      expect(css.headers['content-type']).toMatch(/^text\/css/);
      // The build leaves tiny files uncompressed; the entry stylesheet is not one of them.
      if (css.body.length > 1024) expect(css.headers['content-encoding']).toBe('br');
    }
    const html = await raw(index, { acceptEncoding: 'br, gzip' });
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(html.body).toString('utf8')).toContain('<div id="root">');

    expect(files.icon).toMatch(new RegExp(`^${assets}/favicon-[\\w-]+\\.svg$`));
    const icon = await raw(files.icon, { acceptEncoding: 'gzip' });
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });

  it('hashed assets are immutable for a year; index.html and SPA routes are revalidated', async () => {
    for (const path of [files.script, ...files.styles, files.icon]) {
      const r = await raw(path, { acceptEncoding: 'br' });
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    for (const path of [index, route]) {
      const r = await raw(path, { acceptEncoding: 'br' });
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/html/);
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(vary(r)).toContain('accept-encoding');
    }
  });

  it('HEAD answers with the headers of the encoding GET would send, and no body', async () => {
    const get = await raw(files.script, { acceptEncoding: 'br' });
    const head = await raw(files.script, { method: 'HEAD', acceptEncoding: 'br' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.headers['content-length']).toBe(String(get.body.length));
    expect(head.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('an asset that does not exist is a plain 404, never the app page', async () => {
    for (const path of [`${assets}/index-missing.js`, `${assets}/nope.css`, `${assets}/nope`]) {
      for (const method of ['GET', 'HEAD']) {
        const r = await raw(path, { method, acceptEncoding: 'br, gzip' });
        expect({ path, method, status: r.status }).toEqual({ path, method, status: 404 });
        expect(r.headers['content-type']).not.toMatch(/html/);
        expect(r.headers['cache-control']).not.toMatch(/immutable/);
      }
    }
  });
});
