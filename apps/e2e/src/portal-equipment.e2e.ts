import type { Browser, Page } from 'playwright-core';
import { ApiSession } from '../support/api';
import { openAs, screenshotOnFailure, type Actor } from '../support/actors';
import { BASE_URL, describeBrowser, launch, screenshot, settle } from '../support/browser';

/**
 * Issue 18 in the portal: a client reads their organization's equipment (search, card with
 * client-visible fields, components, warranty), sites and contracts; another organization's
 * item or site is a not-found page; a 375 px phone.
 */

const CLIENT = 's.petrov@agro-yuzhny.example';
const PHONE = { width: 375, height: 740 };

interface Item {
  id: string;
  serialNumber: string | null;
  serviceObjectId: string | null;
}

/** How far the page reaches past the right edge of the viewport. */
function overflowBy(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      document.documentElement.scrollWidth -
      Math.min(window.innerWidth, document.documentElement.clientWidth),
  );
}

describeBrowser('portal equipment, sites and contracts', () => {
  let browser: Browser;
  let client: ApiSession;
  let controller: Item;
  let boiler: Item;
  let novakItem: Item;
  let novakSite: string;

  const itemBySerial = async (api: ApiSession, serial: string) => {
    const page = await api.get<{ items: Item[] }>(`/equipment-items?q=${serial}`);
    expect(page.items).toHaveLength(1);
    return page.items[0];
  };

  beforeAll(async () => {
    browser = await launch();
    client = await ApiSession.as(CLIENT);
    const admin = await ApiSession.as('admin@relaydesk.local');
    controller = await itemBySerial(client, 'PRV-24-00317');
    boiler = await itemBySerial(client, 'VX3-7781');
    novakItem = await itemBySerial(admin, 'HGD-iSii');
    novakSite = novakItem.serviceObjectId!;
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cardsText = (page: Page) => page.getByTestId('equipment-card').allInnerTexts();
  const listReady = (page: Page) =>
    page.locator('[data-testid="equipment-list"]:not([data-loading])').waitFor();

  it('a client finds their equipment by serial number and reads its card, components and warranty', async () => {
    const actor = await openAs(browser, { email: CLIENT, app: 'portal' });
    const { page } = actor;
    await screenshotOnFailure('portal-equipment-card', { client: page }, async () => {
      await actor.open('/tickets');
      await page.getByTestId('nav-equipment').click();
      await listReady(page);
      const all = (await cardsText(page)).join('\n');
      expect(all).toContain('PRV-24-00317');
      expect(all).toContain('VX3-7781-2023');
      expect(all).toContain('WG20-55120');
      // Another organization's device is not in the list.
      expect(all).not.toContain('HGD-iSii');
      await screenshot(page, 'portal-equipment-list-1280');

      // The number search is a prefix, any case; it narrows the list and stays in the URL.
      await page.getByTestId('equipment-search').fill('vx3');
      await page.waitForURL(/[?&]q=vx3/);
      await listReady(page);
      await expect(cardsText(page)).resolves.toHaveLength(1);
      await page.getByTestId('equipment-search').fill('nothing-like-this');
      await page.getByTestId('equipment-empty').waitFor();
      await page.getByTestId('equipment-search').fill('VX3');
      await page.getByTestId('equipment-card').filter({ hasText: 'VX3-7781-2023' }).click();

      await page.getByTestId('equipment-page').waitFor();
      expect(page.url()).toBe(`${BASE_URL}/equipment/${boiler.id}`);
      expect(await page.getByTestId('equipment-serial').innerText()).toBe('VX3-7781-2023');
      // Client-visible custom fields by their names, with option labels.
      expect(await page.getByTestId('equipment-field-fuel').innerText()).toBe('Natural gas');
      expect(await page.getByTestId('equipment-field-power_kw').innerText()).toBe('1,750');
      // The boiler's warranty ended 30 days ago.
      const warranty = page.getByTestId('equipment-warranty').first();
      expect(await warranty.getAttribute('data-valid')).toBe('false');
      expect(await warranty.innerText()).toMatch(/warranty ended/i);
      // Its burner is a component; the burner's staff-only service code is nowhere.
      const components = page.getByTestId('equipment-components');
      expect(await components.innerText()).toContain('WG20-55120');
      await screenshot(page, 'portal-equipment-boiler-1280');
      await components.getByTestId('equipment-card').click();
      await page.getByTestId('equipment-facts').filter({ hasText: 'WG20-55120' }).waitFor();
      expect(await page.locator('main').innerText()).not.toContain('WS-4471');
      expect(await page.getByTestId('equipment-facts').innerText()).toContain('Vitoplex 300');

      await actor.open(`/equipment/${controller.id}`);
      const warrantyNow = page.getByTestId('equipment-warranty').first();
      expect(await warrantyNow.getAttribute('data-valid')).toBe('true');
    });
    await actor.context.close();
  });

  it('a client reads their sites (with their equipment) and contract summaries; another organization’s item and site are not found', async () => {
    const actor = await openAs(browser, { email: CLIENT, app: 'portal' });
    const { page } = actor;
    await screenshotOnFailure('portal-equipment-sites', { client: page }, async () => {
      await actor.open('/equipment');
      await page.getByTestId('registers-tab-objects').click();
      await page.getByTestId('objects-list').waitFor();
      const sites = await page.getByTestId('object-card').allInnerTexts();
      expect(sites.join('\n')).toContain('Котельная');
      expect(sites.join('\n')).not.toContain('Skleník');
      await page.getByTestId('object-card').filter({ hasText: 'Котельная' }).click();
      await page.getByTestId('object-page').waitFor();
      const facts = await page.getByTestId('object-facts').innerText();
      expect(facts).toContain('ул. Тепличная, 12, стр. 2');
      // The working hours of the site's calendar, days with the same hours on one line.
      expect(await page.getByTestId('object-hours').innerText()).toMatch(
        /^Mon–Fri 09:00–18:00\s+Europe\/Moscow$/,
      );
      const equipment = await page.getByTestId('object-equipment').innerText();
      expect(equipment).toContain('VX3-7781-2023');
      expect(equipment).not.toContain('PRV-24-00317');
      await screenshot(page, 'portal-site-1280');

      await page.getByTestId('nav-equipment').click();
      await page.getByTestId('registers-tab-contracts').click();
      await page.getByTestId('contracts-list').waitFor();
      const contracts = await page.getByTestId('contract-card').allInnerTexts();
      const yuzhny = contracts.find((c) => c.includes('СО-117/2025'));
      expect(yuzhny).toMatch(/\bactive\b/i);
      expect(contracts.find((c) => c.includes('СО-088/2024'))).toMatch(/\bexpired\b/i);
      expect(contracts.join('\n')).not.toContain('SS-2025/08');
      // The billing notes are staff only: the API does not send them, the page does not show them.
      expect(await page.locator('main').innerText()).not.toContain('прайсу');
      await screenshot(page, 'portal-contracts-1280');

      await actor.open(`/equipment/${novakItem.id}`);
      await page.getByTestId('register-not-found').waitFor();
      expect(await page.locator('main').innerText()).not.toContain('HGD-iSii');
      await actor.open(`/sites/${novakSite}`);
      await page.getByTestId('register-not-found').waitFor();
      expect(await page.locator('main').innerText()).not.toContain('Skleník');
    });
    await actor.context.close();
  });

  it('on a 375 px phone the list and a card fit the width', async () => {
    const actor: Actor = await openAs(browser, { email: CLIENT, app: 'portal', ...PHONE });
    const { page } = actor;
    await screenshotOnFailure('portal-equipment-phone', { client: page }, async () => {
      await actor.open('/equipment');
      await listReady(page);
      await settle(page);
      expect(await overflowBy(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'portal-equipment-list-375');
      await actor.open(`/equipment/${boiler.id}`);
      await page.getByTestId('equipment-components').waitFor();
      await settle(page);
      expect(await overflowBy(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'portal-equipment-boiler-375');
    });
    await actor.context.close();
  });
});
