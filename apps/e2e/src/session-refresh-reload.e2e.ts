import type { Browser } from 'playwright-core';
import { signedInMarker, type App } from '../support/actors';
import { BASE_URL, describeBrowser, launch, screenshot, signIn } from '../support/browser';

const AGENT = 'alexey.smirnov@relaydesk.local';
const CLIENT = 's.petrov@agro-yuzhny.example';
const REFRESH = '**/api/v1/auth/refresh';

/**
 * A reload while the access token is being refreshed used to sign the user out: the API had
 * rotated the refresh cookie, the page went away before the answer (and its Set-Cookie) landed,
 * and the reloaded page sent the used cookie, which reuse detection took for theft. Made
 * deterministic by holding the refresh's answer back from the page: the API has rotated, the
 * browser still has the old cookie, and the page reloads.
 */
describeBrowser('sessions: a reload during a token refresh keeps the user signed in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  for (const [app, path, email] of [
    ['agent', '/agent/', AGENT],
    ['portal', '/', CLIENT],
  ] as [App, string, string][]) {
    it(`${app}: the refresh reached the API, its answer never reached the page`, async () => {
      // Service workers blocked: requests they would forward escape page.route.
      const context = await browser.newContext({ baseURL: BASE_URL, serviceWorkers: 'block' });
      const page = await context.newPage();
      try {
        await signIn(page, path, email);
        await signedInMarker(page, app).waitFor();
        const cookieName = `rd_refresh_${app}`;
        const before = (await context.cookies()).find((c) => c.name === cookieName)!;
        expect(before).toBeDefined();

        let held = false;
        let rotated!: () => void;
        const rotatedOnServer = new Promise<void>((resolve) => (rotated = resolve));
        await page.route(REFRESH, async (route) => {
          if (held) return route.continue();
          held = true;
          const answer = await route.fetch();
          expect(answer.status()).toBe(200);
          // Whatever the fetch stored, the browser never saw this answer: its old cookie stays.
          await context.addCookies([before]);
          rotated();
          // The answer is never delivered: the reload below cuts the request off.
        });
        // The reloaded app resumes its session with a refresh; it is held mid-flight.
        void page.reload().catch(() => undefined);
        await rotatedOnServer;
        const stale = (await context.cookies()).find((c) => c.name === cookieName)!;
        expect(stale.value).toBe(before.value);

        // The user reloads again before the refresh answered.
        await page.reload();
        await signedInMarker(page, app).waitFor();
        const after = (await context.cookies()).find((c) => c.name === cookieName)!;
        expect(after.value).not.toBe(before.value);
        // And the session goes on: one more reload, the new cookie rotates as usual.
        await page.reload();
        await signedInMarker(page, app).waitFor();
      } catch (e) {
        await screenshot(page, `FAILED-refresh-reload-${app}`).catch(() => undefined);
        throw e;
      } finally {
        await context.close();
      }
    });
  }
});
