import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signedInMarker, type App } from '../support/actors';
import {
  BASE_URL,
  describeBrowser,
  launch,
  newContext,
  screenshot,
  settle,
  signIn,
} from '../support/browser';

/**
 * Both SPAs as installable web apps (docs/pwa.md): the manifest and icons a phone needs to add
 * them to the home screen, the service worker that keeps the app shell, the sign-in page and the
 * last-seen lists opening offline under the "offline" banner, signing out deleting the lists,
 * and a deploy replacing the shell. Lighthouse's installability audit is not available here, so
 * its criteria are checked one by one.
 */
const ROOT = resolve(__dirname, '../../..');
const WEB_ROOT = resolve(ROOT, process.env.RELAYDESK_WEB_ROOT || 'apps');
const AGENT = 'alexey.smirnov@relaydesk.local';
const CLIENT = 's.petrov@agro-yuzhny.example';

const SIGN_IN = /^(sign in|войти|přihlásit se)$/i;

const APPS = [
  { app: 'portal' as App, base: '/', email: CLIENT, list: 'portal-ticket-list' },
  { app: 'agent' as App, base: '/agent/', email: AGENT, list: 'ticket-list' },
];

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => res(port));
    });
    server.on('error', rej);
  });
}

/** Waits until a service worker controls the page (the first visit's worker claims it). */
function controller(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const controlled = (async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) =>
          navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
        );
      }
      return navigator.serviceWorker.controller!.scriptURL;
    })();
    const none = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('no service worker controls the page')), 15_000),
    );
    return Promise.race([controlled, none]);
  });
}

/** Polls a condition the page reaches asynchronously (storage cleared, a cache deleted). */
async function until(page: Page, done: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await page.waitForTimeout(50);
  }
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());
const buildOf = (page: Page) =>
  page.locator('meta[name="relaydesk-build"]').getAttribute('content');

/** Everything the service worker's caches hold: each URL and, for text, its body. */
function cachedEntries(page: Page) {
  return page.evaluate(async () => {
    const out: { url: string; body: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const type = response?.headers.get('content-type') ?? '';
        out.push({
          url: request.url,
          body: /text|json|javascript/.test(type) ? await response!.text() : '',
        });
      }
    }
    return out;
  });
}

/** Every record of the app's offline database, as JSON (none when it does not exist). */
function offlineRecords(page: Page, app: App) {
  return page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((d) => d.name === name)) return [];
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    try {
      if (!db.objectStoreNames.contains('snapshot')) return [];
      const store = db.transaction('snapshot').objectStore('snapshot');
      const all = await new Promise<unknown[]>((res, rej) => {
        const r = store.getAll();
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      return all.map((v) => JSON.stringify(v));
    } finally {
      db.close();
    }
  }, `relaydesk-offline-${app}`);
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(png: Buffer): string {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
}

async function withContext(
  browser: Browser,
  name: string,
  body: (page: Page, context: BrowserContext) => Promise<void>,
  options: Parameters<typeof newContext>[1] = {},
): Promise<void> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  try {
    await body(page, context);
  } catch (e) {
    await screenshot(page, `FAILED-${name}`).catch(() => undefined);
    throw e;
  } finally {
    await context.close();
  }
}

describeBrowser('both apps install on a phone and open offline', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  describe.each(APPS)('the $app', ({ app, base, email, list }) => {
    it('is installable: a valid manifest with fetchable icons, a worker controlling the page', async () => {
      await withContext(browser, `pwa-installable-${app}`, async (page) => {
        await page.goto(base);
        await page.getByRole('button', { name: /sign in/i }).waitFor();

        const href = await page.locator('link[rel="manifest"]').getAttribute('href');
        expect(href).toBe(`${base}manifest.webmanifest`);
        const res = await page.request.get(href!);
        expect(res.status()).toBe(200);
        expect(res.headers()['content-type']).toMatch(/^application\/manifest\+json/);
        const manifest = (await res.json()) as Record<string, unknown> & {
          icons: { src: string; sizes: string; type: string; purpose?: string }[];
        };
        const scope = new URL(String(manifest.scope), BASE_URL).href;
        expect(scope).toBe(new URL(base, BASE_URL).href);
        expect(new URL(String(manifest.start_url), BASE_URL).href.startsWith(scope)).toBe(true);
        expect(manifest).toMatchObject({
          name: expect.stringMatching(/^Relaydesk/),
          short_name: expect.stringMatching(/^Relaydesk/),
          display: 'standalone',
          theme_color: await page.locator('meta[name="theme-color"]').getAttribute('content'),
          background_color: expect.any(String),
        });
        // What Chromium asks of an installable app: 192 and 512 px PNGs; plus a maskable one
        // so Android's round and squircle masks crop no part of the logo.
        for (const [sizes, purpose] of [
          ['192x192', 'any'],
          ['512x512', 'any'],
          ['512x512', 'maskable'],
        ]) {
          const icon = manifest.icons.find(
            (i) => i.sizes === sizes && (i.purpose ?? 'any').split(' ').includes(purpose),
          );
          expect({ sizes, purpose, found: Boolean(icon) }).toEqual({
            sizes,
            purpose,
            found: true,
          });
          const png = await page.request.get(new URL(icon!.src, res.url()).href);
          expect(png.status()).toBe(200);
          expect(png.headers()['content-type']).toBe('image/png');
          expect(pngSize(await png.body())).toBe(sizes);
        }
        expect(await page.locator('link[rel="apple-touch-icon"]').count()).toBe(1);
        // Chromium's own reading of the manifest, through the page (so under its CSP).
        const cdp = await page.context().newCDPSession(page);
        const parsed = await cdp.send('Page.getAppManifest');
        expect(parsed.url).toBe(new URL(href!, BASE_URL).href);
        expect(parsed.errors).toEqual([]);

        // The worker: served as a script that is never cached by HTTP, and it takes the page.
        const sw = await page.request.get(`${base}sw.js`);
        expect(sw.headers()['content-type']).toMatch(/^(text|application)\/javascript/);
        expect(sw.headers()['cache-control']).toBe('no-cache');
        expect(await controller(page)).toBe(new URL(`${base}sw.js`, BASE_URL).href);
        const build = await buildOf(page);
        expect(build).toMatch(/^[0-9a-f]{16}$/);
        expect(await cacheNames(page)).toEqual([`relaydesk-shell ${base} ${build}`]);
        // The shell is cached: index.html and the entry script the page runs.
        const entry = await page.locator('script[type="module"]').first().getAttribute('src');
        const cached = (await cachedEntries(page)).map((e) => new URL(e.url).pathname);
        expect(cached).toEqual(expect.arrayContaining([base, entry]));
        expect(cached.filter((p) => p.startsWith('/api/'))).toEqual([]);
        // And Chromium's installability check, but for the browser context being off the record.
        const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
        expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
      });
    });

    it('opens the sign-in page offline, under the offline banner in the user’s language', async () => {
      const lang = app === 'portal' ? 'cs-CZ' : 'ru-RU';
      const banner = app === 'portal' ? /^Jste offline\./ : /^Нет подключения к сети\./;
      await withContext(
        browser,
        `pwa-offline-sign-in-${app}`,
        async (page, context) => {
          await page.goto(base);
          await page.getByRole('button', { name: /přihlásit|войти/i }).waitFor();
          await controller(page);
          await settle(page);
          expect(await page.getByTestId('offline-banner').count()).toBe(0);

          await context.setOffline(true);
          // The banner comes as the connection goes, without a reload...
          await page.getByTestId('offline-banner').waitFor();
          // ...and the page opens again from the worker's cache.
          await page.reload();
          await page.getByRole('button', { name: /přihlásit|войти/i }).waitFor();
          expect(await page.getByTestId('offline-banner').textContent()).toMatch(banner);
          expect(await page.getByRole('status').filter({ hasText: banner }).count()).toBe(1);

          await context.setOffline(false);
          await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
        },
        { locale: lang },
      );
    });

    it('opens the last-seen list offline; no token is stored; signing out deletes the list', async () => {
      await withContext(browser, `pwa-offline-list-${app}`, async (page, context) => {
        let accessToken = '';
        page.on('request', (r) => {
          const auth = r.headers()['authorization'];
          if (auth?.startsWith('Bearer ')) accessToken = auth.slice(7);
        });
        await signIn(page, base, email);
        await signedInMarker(page, app).waitFor();
        await page.getByTestId(list).waitFor();
        await controller(page);
        await settle(page);
        const seen = (await page.getByTestId(list).innerText()).trim();
        expect(seen.length).toBeGreaterThan(0);

        await context.setOffline(true);
        await page.getByTestId('offline-banner').waitFor();
        await page.reload();
        await signedInMarker(page, app).waitFor();
        await page.getByTestId(list).waitFor();
        expect((await page.getByTestId(list).innerText()).trim()).toBe(seen);
        await page.getByTestId('offline-banner').waitFor();

        // No secret in any storage the browser keeps: neither the offline lists nor the caches.
        expect(accessToken).toMatch(/^eyJ/);
        const records = await offlineRecords(page, app);
        expect(records.length).toBeGreaterThan(1);
        const stored = [...records, ...(await cachedEntries(page)).map((e) => e.url + e.body)];
        expect(stored.join('\n')).not.toContain(accessToken);
        expect(records.join('\n')).not.toMatch(/token/i);

        // Back online, the paused queries go out without an access token, get a 401, and the
        // refresh cookie carries the session on, in place (a reload while that refresh is in flight
        // would lose the rotated cookie, as it would for any refresh).
        const refreshed = page.waitForResponse(
          (r) => r.url().endsWith('/api/v1/auth/refresh') && r.status() === 200,
        );
        await context.setOffline(false);
        await refreshed;
        await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
        await settle(page);
        await page.getByTestId(list).waitFor();
        if (app === 'agent') await page.getByTestId('user-menu').click();
        await page.getByTestId('logout').click();
        // The sign-in form, in the user's language (both demo users chose Russian).
        await page.getByRole('button', { name: SIGN_IN }).waitFor();
        await until(page, async () => (await offlineRecords(page, app)).length === 0);

        await context.setOffline(true);
        await page.reload();
        await page.getByRole('button', { name: SIGN_IN }).waitFor();
        expect(await page.getByTestId(list).count()).toBe(0);
        await page.getByTestId('offline-banner').waitFor();
      });
    });
  });

  it('signing out in an app opened offline ends the session once the network is back', async () => {
    await withContext(browser, 'pwa-offline-sign-out', async (page, context) => {
      await signIn(page, '/', CLIENT);
      await page.getByTestId('portal-ticket-list').waitFor();
      await controller(page);
      await settle(page);
      await context.setOffline(true);
      await page.reload();
      await page.getByTestId('portal-ticket-list').waitFor();
      // No access token to tell the API with: the lists go at once, the sign-out is owed.
      await page.getByTestId('logout').click();
      await page.getByRole('button', { name: SIGN_IN }).waitFor();
      // The user and lists are gone; what may stay is the note that the API is owed a sign-out.
      await until(page, async () =>
        (await offlineRecords(page, 'portal')).every((record) => record === 'true'),
      );

      // Online again, the refresh cookie would resume the session: the start ends it instead.
      await context.setOffline(false);
      const loggedOut = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/auth/logout') && r.status() === 204,
      );
      await page.reload();
      await loggedOut;
      await page.getByRole('button', { name: SIGN_IN }).waitFor();
      expect(await page.getByTestId('portal-ticket-list').count()).toBe(0);
      expect((await context.cookies()).map((c) => c.name)).not.toContain('rd_refresh_portal');
      expect(await offlineRecords(page, 'portal')).toEqual([]);
      await page.reload();
      await page.getByRole('button', { name: SIGN_IN }).waitFor();
    });
  });

  it('the portal’s worker leaves the agent workspace and the web form alone', async () => {
    await withContext(browser, 'pwa-portal-scope', async (page, context) => {
      await page.goto('/');
      await controller(page);
      await context.setOffline(true);
      for (const path of ['/agent/', '/agent/tickets', '/form']) {
        const other = await context.newPage();
        await expect(other.goto(path)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
        await other.close();
      }
      // While any route of the portal itself opens from the cache.
      await page.goto('/tickets/new');
      await page.getByTestId('offline-banner').waitFor();
    });
  });

  describe('a deploy', () => {
    let api: ChildProcess | undefined;
    let webRoot = '';
    let baseUrl = '';
    beforeAll(async () => {
      // An API of its own serving a copy of the portal's build, which the test then replaces.
      webRoot = mkdtempSync(join(tmpdir(), 'relaydesk-pwa-'));
      cpSync(join(WEB_ROOT, 'portal/dist'), join(webRoot, 'portal/dist'), { recursive: true });
      const port = await freePort();
      baseUrl = `http://127.0.0.1:${port}`;
      api = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          DATABASE_URL: process.env.RELAYDESK_E2E_DATABASE_URL,
          DATA_DIR: join(webRoot, 'data'),
          JWT_SECRET: 'e2e-secret-that-is-long-enough-0123456789',
          RELAYDESK_WEB_ROOT: webRoot,
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const started = Date.now();
      for (;;) {
        if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}`);
        const ok = await fetch(`${baseUrl}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        if (Date.now() - started > 60_000) throw new Error('the API did not start within 60 s');
        await new Promise((r) => setTimeout(r, 200));
      }
    });
    afterAll(() => {
      if (api && api.exitCode === null) api.kill('SIGTERM');
      rmSync(webRoot, { recursive: true, force: true });
    });

    /** The next build: another index.html (so another version), its worker written as the build does. */
    function deployNextBuild(): void {
      const dist = join(webRoot, 'portal/dist');
      const index = join(dist, 'index.html');
      writeFileSync(
        index,
        readFileSync(index, 'utf8').replace(
          '<title>Relaydesk</title>',
          '<title>Relaydesk next</title>',
        ),
      );
      for (const stale of ['index.html.br', 'index.html.gz', 'sw.js.br', 'sw.js.gz']) {
        rmSync(join(dist, stale), { force: true });
      }
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { writeServiceWorker } from ${JSON.stringify(join(ROOT, 'scripts/lib/vite-pwa.mjs'))};
           await writeServiceWorker(${JSON.stringify(dist)}, { base: '/', exclude: ['/agent', '/form'] });`,
        ],
        { stdio: 'inherit' },
      );
    }

    it('replaces the old shell: the new worker takes over, the old cache is deleted, offline opens the new build', async () => {
      const context = await browser.newContext({ baseURL: baseUrl });
      const page = await context.newPage();
      try {
        await page.goto('/');
        await page.getByRole('button', { name: /sign in/i }).waitFor();
        await controller(page);
        const first = await buildOf(page);
        expect(await cacheNames(page)).toEqual([`relaydesk-shell / ${first}`]);

        deployNextBuild();
        // The browser looks for a new worker on navigations and every hour; ask now.
        await page.evaluate(() =>
          navigator.serviceWorker.getRegistration().then((r) => r!.update()),
        );
        // The page still runs the old build: it offers to load the new one.
        await page.getByTestId('update-banner').waitFor();
        const next = await page.evaluate(async () => {
          const r = await navigator.serviceWorker.getRegistration();
          return r!.active!.scriptURL;
        });
        expect(next).toBe(`${baseUrl}/sw.js`);
        await until(
          page,
          async () => !(await cacheNames(page)).includes(`relaydesk-shell / ${first}`),
        );
        const names = await cacheNames(page);
        expect(names).toHaveLength(1);
        const second = names[0]!.split(' ')[2];
        expect(second).not.toBe(first);

        await page.getByRole('button', { name: /reload/i }).click();
        await page.waitForURL(`${baseUrl}/`);
        await page.getByRole('button', { name: /sign in/i }).waitFor();
        expect(await page.title()).toBe('Relaydesk next');
        expect(await buildOf(page)).toBe(second);
        expect(await page.getByTestId('update-banner').count()).toBe(0);

        // Offline, the worker serves the new build's shell, not the one it replaced.
        await context.setOffline(true);
        await page.reload();
        await page.getByRole('button', { name: /sign in/i }).waitFor();
        expect(await page.title()).toBe('Relaydesk next');
        expect(await buildOf(page)).toBe(second);
      } catch (e) {
        await screenshot(page, 'FAILED-pwa-deploy').catch(() => undefined);
        throw e;
      } finally {
        await context.close();
      }
    });
  });
});
