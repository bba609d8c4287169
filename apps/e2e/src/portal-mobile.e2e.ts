import type { Browser, Page } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import {
  chooseLanguage,
  openAs,
  screenshotOnFailure,
  type Actor,
  type Lang,
} from '../support/actors';
import { describeBrowser, launch, screenshot, settle } from '../support/browser';

const CLIENT = 's.petrov@agro-yuzhny.example';
const PHONE = { width: 375, height: 740 };

/** How far the page reaches past the right edge of the viewport, and what sticks out most. */
async function overflow(page: Page): Promise<{ by: number; widest: string | null }> {
  return page.evaluate(() => {
    // clientWidth, not innerWidth: a page wider than the area beside the scroll bar scrolls too.
    const viewport = Math.min(window.innerWidth, document.documentElement.clientWidth);
    const by = document.documentElement.scrollWidth - viewport;
    let widest: string | null = null;
    if (by > 0) {
      let right = viewport;
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect().right;
        if (r > right) {
          right = r;
          const id = el.getAttribute('data-testid');
          widest = `${el.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}.${el.className} (right edge ${Math.round(r)} px)`;
        }
      }
    }
    return { by, widest };
  });
}

describeBrowser('the portal on a 375 px phone', () => {
  let browser: Browser;
  let client: Actor;
  let number: number;

  beforeAll(async () => {
    browser = await launch();
    const clientApi = await ApiSession.as(CLIENT);
    const agentApi = await ApiSession.as('alexey.smirnov@relaydesk.local');
    // Long unbroken words and a conversation: the things that push a narrow layout sideways.
    const ticket = await clientApi.createTicket(
      uniqueText('Теплица№3:датчикCO2_показывает_0ppm_после_замены_контроллера_климата'),
      `Серийный номер: ${'X'.repeat(80)}\nhttps://agro-yuzhny.example/${'very-long-path-segment/'.repeat(6)}`,
    );
    number = ticket.number;
    await clientApi.post(`/tickets/${ticket.id}/comments`, {
      body: `Фото прилагаю: ${'IMG_20310304_103000_'.repeat(4)}.jpg`,
    });
    await agentApi.post(`/tickets/${ticket.id}/comments`, {
      body: 'Спасибо, проверим контроллер завтра утром.',
    });
    await agentApi.transition(number, 'resolved');
    client = await openAs(browser, { email: CLIENT, app: 'portal', ...PHONE });
  });
  afterAll(async () => {
    await client?.context.close();
    await browser?.close();
  });

  const pages: [string, string, string][] = [
    ['list', '/tickets', '[data-testid="portal-ticket-list"]:not([data-loading])'],
    ['new ticket', '/tickets/new', '[data-testid="portal-new-ticket-form"]'],
    ['ticket', '/tickets/:number', '[data-testid="portal-accept"]'],
  ];

  it.each(['en', 'ru', 'cs'] as Lang[])(
    'in %s: no horizontal scroll on the list, new ticket and ticket pages',
    async (lang) => {
      const { page } = client;
      await screenshotOnFailure(`portal-375-${lang}`, { client: page }, async () => {
        const found: string[] = [];
        for (const [name, path, ready] of pages) {
          await client.open(path.replace(':number', String(number)));
          await chooseLanguage(page, lang);
          await page.locator(ready).waitFor();
          await settle(page);
          expect(await page.evaluate(() => window.innerWidth)).toBe(PHONE.width);
          const { by, widest } = await overflow(page);
          if (by > 0) {
            found.push(`${name}: ${by} px too wide; ${widest}`);
            await screenshot(page, `FAILED-portal-375-${lang}-${name}`);
          }
        }
        expect(found).toEqual([]);
      });
    },
  );
});
