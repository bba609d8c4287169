import type { Browser, Page } from 'playwright-core';
import { openAs, signedInMarker, type App } from '../support/actors';
import { describeBrowser, launch, settle, signIn, withPage } from '../support/browser';

const AGENT = 'alexey.smirnov@relaydesk.local';
const CLIENT = 's.petrov@agro-yuzhny.example';

/** Every value in the page's localStorage and sessionStorage, and the cookies scripts can see. */
function readableByScripts(page: Page) {
  return page.evaluate(() => {
    const dump = (s: Storage) =>
      Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`);
    return {
      local: dump(localStorage),
      session: dump(sessionStorage),
      cookies: document.cookie,
    };
  });
}

// A JWT (three base64url parts, the first an encoded JSON header) or a refresh token (id.secret).
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;
const REFRESH_TOKEN = /[0-9a-f]{8}-[0-9a-f-]{27}\.[\w-]{20,}/;
/**
 * The sign-in form's e-mail field, in whichever language the user's profile chose: the whole
 * label, as the profile page also has e-mail fields (the address change, mail preferences).
 */
const EMAIL_FIELD = /^(e-mail|эл\. почта)( \*)?$/i;

describeBrowser('sessions: no token where scripts can read it; sign out everywhere', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  for (const [app, path, email] of [
    ['agent', '/agent/', AGENT],
    ['portal', '/', CLIENT],
  ] as [App, string, string][]) {
    it(`${app}: after sign-in no token is in storage or script-visible cookies, and a reload keeps the user signed in`, async () => {
      await withPage(browser, `${app}-session-storage`, async (page) => {
        await signIn(page, path, email);
        await signedInMarker(page, app).waitFor();
        // Let the app settle (lazy pages, first queries) before looking.
        await settle(page);
        const seen = await readableByScripts(page);
        const all = [...seen.local, ...seen.session, seen.cookies].join('\n');
        expect(all).not.toMatch(JWT);
        expect(all).not.toMatch(REFRESH_TOKEN);
        expect(seen.cookies).not.toMatch(/rd_refresh/);
        // The refresh token is an HttpOnly cookie limited to the auth endpoints.
        const cookies = await page.context().cookies();
        expect(cookies.map((c) => c.name)).toEqual([`rd_refresh_${app}`]);
        expect(cookies[0]).toMatchObject({
          httpOnly: true,
          sameSite: 'Strict',
          path: '/api/v1/auth',
        });

        await page.reload();
        await signedInMarker(page, app).waitFor();
        const after = await readableByScripts(page);
        expect([...after.local, ...after.session, after.cookies].join('\n')).not.toMatch(JWT);
      });
    });
  }

  it('signing out of the portal leaves the agent app signed in (separate cookies)', async () => {
    await withPage(browser, 'separate-app-sessions', async (page) => {
      await signIn(page, '/agent/', AGENT);
      await signedInMarker(page, 'agent').waitFor();
      await signIn(page, '/', AGENT);
      await signedInMarker(page, 'portal').waitFor();
      expect((await page.context().cookies()).map((c) => c.name).sort()).toEqual([
        'rd_refresh_agent',
        'rd_refresh_portal',
      ]);
      await page.getByTestId('logout').click();
      await page.getByLabel(EMAIL_FIELD).waitFor();
      await page.goto('/agent/');
      await signedInMarker(page, 'agent').waitFor();
    });
  });

  it('tabs of one app reloaded at the same moment stay signed in (one refresh at a time)', async () => {
    const actor = await openAs(browser, { email: AGENT, app: 'agent' });
    try {
      const tabs = [actor.page];
      for (let i = 0; i < 4; i++) tabs.push(await actor.context.newPage());
      // Every tab resumes from the same cookie at once. Sent together, all but one would
      // present a used refresh token, which the API takes for theft and ends the session.
      await Promise.all(tabs.map((p) => p.goto('/agent/')));
      await Promise.all(tabs.map((p) => signedInMarker(p, 'agent').waitFor()));
      await tabs[0].reload();
      await signedInMarker(tabs[0], 'agent').waitFor();
      await actor.open('/profile');
    } finally {
      await actor.context.close();
    }
  });

  for (const app of ['agent', 'portal'] as App[]) {
    it(`${app}: "sign out everywhere" on the profile ends this and every other session`, async () => {
      const email = app === 'agent' ? AGENT : CLIENT;
      const here = await openAs(browser, { email, app });
      const elsewhere = await openAs(browser, { email, app });
      try {
        await here.open('/profile');
        await here.page.getByTestId('sign-out-everywhere').click();
        await here.page.getByLabel(EMAIL_FIELD).waitFor();
        // The other browser is signed out at its next request, and after a reload too.
        await elsewhere.page.reload();
        await elsewhere.page.getByLabel(EMAIL_FIELD).waitFor();
        expect(await signedInMarker(elsewhere.page, app).count()).toBe(0);
      } finally {
        await here.context.close();
        await elsewhere.context.close();
      }
    });
  }
});
