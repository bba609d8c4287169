import type { Browser, Page } from 'playwright-core';
import { ApiSession } from '../support/api';
import { openAs, screenshotOnFailure, type Actor } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import {
  BASE_URL,
  DEMO_PASSWORD,
  describeBrowser,
  launch,
  newContext,
  settle,
} from '../support/browser';

/**
 * The portal's knowledge base (issue 17): a client browses and searches the articles open to
 * them and votes; staff sections, drafts and staff articles stay out of reach; the public KB at
 * /kb without signing in, on and off; and a 375 px phone.
 */

const CLIENT = 's.petrov@agro-yuzhny.example';
const PHONE = { width: 375, height: 740 };

interface Summary {
  id: string;
  title: string;
  status: string;
  sectionId: string;
}

describeBrowser('portal knowledge base', () => {
  let browser: Browser;
  let admin: ApiSession;
  let client: ApiSession;
  /** Article ids of the demo, by title. */
  const id: Record<string, string> = {};
  const HUMIDITY_EN = 'The humidity sensor shows 100%';
  const HUMIDITY_RU = 'Датчик влажности показывает 100%';
  const PORTAL_EN = 'How to file a request in the portal';
  const RUNBOOK = 'Rebooting a greenhouse controller remotely';
  const DRAFT = 'Aktualizace firmwaru řídicí jednotky (rozpracováno)';

  async function setPublic(on: boolean) {
    const current = await admin.get<{ version: number }>('/admin/kb-settings');
    await admin.request('PUT', '/admin/kb-settings', {
      version: current.version,
      publicEnabled: on,
    });
  }

  beforeAll(async () => {
    browser = await launch();
    admin = await ApiSession.as('admin@relaydesk.local');
    client = await ApiSession.as(CLIENT);
    const all = await admin.get<{ items: Summary[] }>('/kb/articles?limit=200');
    for (const a of all.items) id[a.title] = a.id;
    for (const title of [HUMIDITY_EN, HUMIDITY_RU, PORTAL_EN, RUNBOOK, DRAFT]) {
      expect(id[title]).toBeDefined();
    }
    await setPublic(true);
  });
  afterAll(async () => {
    await setPublic(true).catch(() => undefined);
    await browser?.close();
  });

  const texts = (page: Page, testId: string) => page.getByTestId(testId).allInnerTexts();

  it('a client finds a clients-section article by browsing and votes (the vote shows and changes)', async () => {
    const actor = await openAs(browser, { email: CLIENT, app: 'portal' });
    const { page } = actor;
    await screenshotOnFailure('portal-kb-browse', { client: page }, async () => {
      await actor.open('/tickets');
      await page.getByTestId('nav-kb').click();
      await page.getByTestId('kb-home').waitFor();
      // The home shows before its sections' answer: read the list once it is drawn (one request
      // draws them all), or a loaded CI machine reads an empty list.
      await page.getByTestId('kb-section-link').first().waitFor();
      const sections = (await texts(page, 'kb-section-link')).join('\n');
      expect(sections).toContain('Microclimate');
      expect(sections).not.toContain('Runbooks');
      await page.getByTestId('kb-section-link').filter({ hasText: 'Microclimate' }).click();
      await page.getByTestId('kb-section').waitFor();
      await page.getByTestId('kb-article-link').filter({ hasText: HUMIDITY_EN }).click();
      await page.getByTestId('kb-article').waitFor();
      expect(page.url()).toBe(`${BASE_URL}/kb/articles/${id[HUMIDITY_EN]}`);
      await expectText(page, 'kb-article-body', 'condensation on the sensor');
      // Its translations, by their titles; nothing of what only staff see.
      const translations = await page.getByTestId('kb-article-translations').innerText();
      expect(translations).toContain(HUMIDITY_RU);
      expect(await page.locator('main').innerText()).not.toMatch(/Marina|views/i);

      const yes = page.getByTestId('kb-vote-yes');
      const no = page.getByTestId('kb-vote-no');
      await yes.click();
      await waitPressed(yes, true);
      expect(await no.getAttribute('aria-pressed')).toBe('false');
      expect(
        (await client.get<{ myVote: boolean }>(`/kb/articles/${id[HUMIDITY_EN]}`)).myVote,
      ).toBe(true);
      // After a reload the page shows the vote the server keeps, and it can be changed.
      await actor.open(`/kb/articles/${id[HUMIDITY_EN]}`);
      await waitPressed(page.getByTestId('kb-vote-yes'), true);
      await page.getByTestId('kb-vote-no').click();
      await waitPressed(page.getByTestId('kb-vote-no'), true);
      expect(await page.getByTestId('kb-vote-yes').getAttribute('aria-pressed')).toBe('false');
      expect(
        (await client.get<{ myVote: boolean }>(`/kb/articles/${id[HUMIDITY_EN]}`)).myVote,
      ).toBe(false);
    });
    await actor.context.close();
  });

  it('a client searches in Russian with an inflected word: type-ahead, marked fragments, the article', async () => {
    const actor = await openAs(browser, { email: CLIENT, app: 'portal', lang: 'ru' });
    const { page } = actor;
    await screenshotOnFailure('portal-kb-search', { client: page }, async () => {
      await actor.open('/kb');
      // The UI language picks the article language.
      expect(await page.getByTestId('kb-language-filter').inputValue()).toBe('ru');
      const input = page.getByTestId('kb-search-input');
      await input.fill('датч');
      await page.getByTestId('kb-typeahead-option').filter({ hasText: HUMIDITY_RU }).waitFor();
      // "датчиком" is not in the article; its stem is.
      await input.fill('датчиком');
      await input.press('Enter');
      await page.waitForURL(/\/kb\/search\?q=/);
      const results = page.locator('[data-testid="kb-search-results"]:not([data-loading])');
      await results.waitFor();
      const hit = page.getByTestId('kb-search-hit').filter({ hasText: HUMIDITY_RU });
      await hit.waitFor();
      const fragment = page.getByTestId('kb-search-fragment').first();
      expect(await fragment.locator('mark').count()).toBeGreaterThan(0);
      // Text and <mark> only: no other element made it into the fragment.
      expect(await fragment.locator(':scope *:not(mark)').count()).toBe(0);
      expect((await fragment.locator('mark').first().innerText()).toLowerCase()).toContain(
        'датчик',
      );
      await hit.click();
      await page.getByTestId('kb-article').waitFor();
      expect(page.url()).toBe(`${BASE_URL}/kb/articles/${id[HUMIDITY_RU]}`);
    });
    await actor.context.close();
  });

  it('a client sees no staff section and no draft; a staff article or a draft by URL is not found', async () => {
    const actor = await openAs(browser, { email: CLIENT, app: 'portal' });
    const { page } = actor;
    await screenshotOnFailure('portal-kb-hidden', { client: page }, async () => {
      for (const q of ['controller reboot', 'firmwaru']) {
        await actor.open(`/kb/search?q=${encodeURIComponent(q)}&lang=all`);
        await page.getByTestId('kb-search-empty').waitFor();
      }
      await actor.open('/kb?lang=all');
      await settle(page);
      const home = await page.locator('main').innerText();
      expect(home).not.toContain(RUNBOOK);
      expect(home).not.toContain(DRAFT);
      for (const title of [RUNBOOK, DRAFT]) {
        await actor.open(`/kb/articles/${id[title]}`);
        await page.getByTestId('kb-not-found').waitFor();
        expect(await page.locator('main').innerText()).not.toContain(title);
      }
      // Extra query parameters (the new-ticket form's suggestions add their own) stay put.
      await actor.open(`/kb/articles/${id[HUMIDITY_EN]}?from=suggestion&session=abc`);
      await page.getByTestId('kb-article').waitFor();
      expect(page.url()).toContain('?from=suggestion&session=abc');
    });
    await actor.context.close();
  });

  it('anonymous /kb with the public KB on: public articles only, no sign-in form', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await screenshotOnFailure('portal-kb-public', { anonymous: page }, async () => {
      await page.goto('/kb?lang=all');
      await page.getByTestId('kb-home').waitFor();
      expect(new URL(page.url()).pathname).toBe('/kb');
      expect(await page.getByLabel(/e-mail/i).count()).toBe(0);
      await page.getByTestId('kb-popular').waitFor();
      const main = await page.locator('main').innerText();
      expect(main).toContain('Getting started');
      expect(main).toContain(PORTAL_EN);
      expect(main).not.toContain('Microclimate');
      expect(main).not.toContain(HUMIDITY_EN);
      // Search and the article over the public API; a clients' article is not found.
      await page.getByTestId('kb-search-input').fill('request portal');
      await page.getByTestId('kb-search-input').press('Enter');
      await page.getByTestId('kb-search-hit').filter({ hasText: PORTAL_EN }).click();
      await page.getByTestId('kb-article').waitFor();
      expect(await page.getByTestId('kb-vote-yes').count()).toBe(0);
      await page.goto(`/kb/articles/${id[HUMIDITY_EN]}`);
      await page.getByTestId('kb-not-found').waitFor();
    });
    await context.close();
  });

  it('"Sign in" on a public article signs in right there and shows the signed-in page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await screenshotOnFailure('portal-kb-public-sign-in', { anonymous: page }, async () => {
      await page.goto(`/kb/articles/${id[PORTAL_EN]}`);
      await page.getByTestId('kb-article').waitFor();
      expect(await page.getByTestId('kb-vote-yes').count()).toBe(0);
      await page.getByTestId('kb-sign-in').click();
      await page.getByLabel(/e-mail/i).fill(CLIENT);
      await page
        .getByLabel(/password/i)
        .first()
        .fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /sign in/i }).click();
      // The same article, now through the portal (signed in): the vote is there.
      await page.getByTestId('logout').waitFor();
      await page.getByTestId('kb-vote-yes').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/kb/articles/${id[PORTAL_EN]}`);
    });
    await context.close();
  });

  it('anonymous /kb with the public KB off: the not-available page, for every /kb path', async () => {
    await setPublic(false);
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await screenshotOnFailure('portal-kb-public-off', { anonymous: page }, async () => {
        for (const path of ['/kb', `/kb/articles/${id[PORTAL_EN]}`]) {
          await page.goto(path);
          await page.getByTestId('kb-unavailable').waitFor();
          expect(await page.locator('main').innerText()).not.toContain(PORTAL_EN);
        }
      });
    } finally {
      await context.close();
      await setPublic(true);
    }
  });

  it('at 375 px: no horizontal scroll, every control at least 40 px tall, no serious axe finding', async () => {
    const actor: Actor = await openAs(browser, { email: CLIENT, app: 'portal', ...PHONE });
    const anonymous = await newContext(browser, PHONE);
    const anonPage = await anonymous.newPage();
    const pages: [Page, string, string][] = [
      [actor.page, '/kb', 'kb-home'],
      [
        actor.page,
        `/kb/sections/${(await client.get<Summary>(`/kb/articles/${id[HUMIDITY_EN]}`)).sectionId}`,
        'kb-section',
      ],
      [actor.page, `/kb/articles/${id[HUMIDITY_RU]}`, 'kb-article'],
      [actor.page, `/kb/search?q=${encodeURIComponent('датчик')}&lang=all`, 'kb-search-results'],
      [anonPage, '/kb', 'kb-home'],
      [anonPage, `/kb/articles/${id[PORTAL_EN]}`, 'kb-article'],
    ];
    await screenshotOnFailure(
      'portal-kb-375',
      { client: actor.page, anonymous: anonPage },
      async () => {
        const found: string[] = [];
        for (const [page, path, ready] of pages) {
          await page.goto(path);
          await page.getByTestId(ready).waitFor();
          await settle(page);
          expect(await page.evaluate(() => window.innerWidth)).toBe(PHONE.width);
          const by = await page.evaluate(
            () =>
              document.documentElement.scrollWidth -
              Math.min(window.innerWidth, document.documentElement.clientWidth),
          );
          if (by > 0) found.push(`${path}: ${by} px too wide`);
          // Links inside the article's text are exempt (inline in a sentence).
          const small = await page.evaluate(() =>
            [...document.querySelectorAll('main a, main button, main input, main select')]
              .filter((el) => !el.closest('[data-testid="kb-article-body"]'))
              .map((el) => ({ el, r: el.getBoundingClientRect() }))
              .filter(({ r }) => r.width > 0 && r.height > 0 && r.height < 40)
              .map(
                ({ el, r }) =>
                  `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(r.height)} px`,
              ),
          );
          if (small.length) found.push(`${path}: ${small.join('; ')}`);
          found.push(...(await seriousA11yViolations(page)).map((v) => `${path}: ${v}`));
        }
        expect(found).toEqual([]);
      },
    );
    await actor.context.close();
    await anonymous.close();
  });
});

async function expectText(page: Page, testId: string, text: string) {
  expect(await page.getByTestId(testId).innerText()).toContain(text);
}

async function waitPressed(locator: ReturnType<Page['getByTestId']>, pressed: boolean) {
  await locator.and(locator.page().locator(`[aria-pressed="${pressed}"]`)).waitFor();
}
