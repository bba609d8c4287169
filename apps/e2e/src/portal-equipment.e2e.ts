import type { Browser, Page } from 'playwright-core';
import { ApiSession, uniqueText, type ApiTicket } from '../support/api';
import { openAs, screenshotOnFailure, type Actor } from '../support/actors';
import { BASE_URL, describeBrowser, launch, screenshot, settle } from '../support/browser';

/**
 * Issue 18 in the portal: a client reads their organization's equipment (search, card with
 * client-visible fields, components, warranty, the requests about it), sites and contracts;
 * another organization's item or site is a not-found page; "report a problem" on a device's card
 * files a request about it, on a 375 px phone.
 */

const CLIENT = 's.petrov@agro-yuzhny.example';
/** The demo's Okdesk-style request about the controller, with logged work (seeds/demo-work-log.ts). */
const DEMO_TICKET = 'Теплица №3: ночью температура падает до 14 °C';
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

/** Waits until the equipment picker lists one device and not another (its list loads by site). */
function waitForOptions(page: Page, { has, hasNot }: { has: string; hasNot: string }) {
  return page.waitForFunction(
    ([yes, no]) => {
      const text = document.querySelector('[data-testid="portal-equipment"]')?.textContent ?? '';
      return text.includes(yes) && !text.includes(no);
    },
    [has, hasNot],
  );
}

describeBrowser('portal equipment, sites and contracts', () => {
  let browser: Browser;
  let client: ApiSession;
  let controller: Item;
  let boiler: Item;
  let novakItem: Item;
  let novakSite: string;
  let ticket: ApiTicket;
  let admin: ApiSession;

  const setClientsSeeBilled = async (on: boolean) => {
    const { version } = await admin.get<{ version: number }>('/work-log/settings');
    await admin.request('PUT', '/work-log/settings', { version, clientsSeeBilled: on });
  };

  const itemBySerial = async (api: ApiSession, serial: string) => {
    const page = await api.get<{ items: Item[] }>(`/equipment-items?q=${serial}`);
    expect(page.items).toHaveLength(1);
    return page.items[0];
  };

  beforeAll(async () => {
    browser = await launch();
    client = await ApiSession.as(CLIENT);
    admin = await ApiSession.as('admin@relaydesk.local');
    controller = await itemBySerial(client, 'PRV-24-00317');
    boiler = await itemBySerial(client, 'VX3-7781');
    novakItem = await itemBySerial(admin, 'HGD-iSii');
    novakSite = novakItem.serviceObjectId!;
    // A request about the controller, which its card must list.
    ticket = await client.post<ApiTicket>('/tickets', {
      subject: uniqueText('Контроллер климата не отвечает'),
      description: 'Блок 3, с утра нет связи.',
      equipmentId: controller.id,
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cardsText = (page: Page) => page.getByTestId('equipment-card').allInnerTexts();
  const listReady = (page: Page) =>
    page.locator('[data-testid="equipment-list"]:not([data-loading])').waitFor();

  it('a client finds their equipment by serial number and reads its card, components, warranty and requests', async () => {
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

      // The boiler has no requests yet: the section says so.
      await actor.open(`/equipment/${boiler.id}`);
      await page.getByTestId('related-tickets-empty').waitFor();

      // The controller's card lists the request about it (and the demo's closed one about
      // block 3), which leads to the ticket.
      await actor.open(`/equipment/${controller.id}`);
      const warrantyNow = page.getByTestId('equipment-warranty').first();
      expect(await warrantyNow.getAttribute('data-valid')).toBe('true');
      const row = page.getByTestId(`portal-ticket-${ticket.number}`);
      await row.waitFor();
      expect(await page.getByTestId('related-tickets').innerText()).toContain(DEMO_TICKET);
      // Its work history: the billed work on those requests (the demo lets clients see it),
      // warranty work marked, never the internal entry nor the time done (2.5 h, 2 billed).
      const work = page.getByTestId('equipment-work');
      await work.waitFor();
      const entries = work.getByTestId('portal-work-entry');
      await expect(entries.count()).resolves.toBe(3);
      expect(await work.locator('[data-kind="warranty"]').innerText()).toMatch(/under warranty/i);
      const workText = await work.innerText();
      expect(workText).toContain('48 km');
      expect(workText).not.toContain('Согласование');
      expect(workText).not.toMatch(/2\.5/);
      await screenshot(page, 'portal-equipment-controller-1280');

      // The entry leads to its request, whose page shows the same work and its totals.
      await work.getByRole('link').first().click();
      await page.getByTestId('portal-work').waitFor();
      expect(await page.getByTestId('portal-ticket').innerText()).toContain(DEMO_TICKET);
      expect(await page.getByTestId('portal-work-totals').innerText()).toBe(
        'Billed time: 2 h · under warranty: 1.5 h',
      );
      await screenshot(page, 'portal-ticket-work-1280');
      // With the installation's setting off, the page shows nothing of it.
      const demoNumber = Number(new URL(page.url()).pathname.split('/').pop());
      await setClientsSeeBilled(false);
      try {
        const answered = page.waitForResponse(
          (res) => res.url().endsWith('/work-entries') && res.status() === 404,
        );
        await actor.open(`/tickets/${demoNumber}`);
        await answered;
        await page.getByTestId('portal-ticket').waitFor();
        await settle(page);
        expect(await page.getByTestId('portal-work').count()).toBe(0);
      } finally {
        await setClientsSeeBilled(true);
      }

      await actor.open(`/equipment/${controller.id}`);
      await row.click();
      await page.waitForURL(`${BASE_URL}/tickets/${ticket.number}`);
      // The ticket names the device (a link back to its card) and its warranty.
      const device = page.getByTestId('portal-ticket-equipment');
      expect(await device.innerText()).toBe('Priva Connext');
      expect(await page.getByTestId('portal-ticket').innerText()).toContain('Warranty work');
      await screenshot(page, 'portal-ticket-equipment-1280');
      await device.click();
      await page.getByTestId('equipment-page').waitFor();
      expect(page.url()).toBe(`${BASE_URL}/equipment/${controller.id}`);
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

  it('on a 375 px phone a client reports a problem from a device card: the form has it chosen and files the request about it', async () => {
    const actor: Actor = await openAs(browser, { email: CLIENT, app: 'portal', ...PHONE });
    const { page } = actor;
    await screenshotOnFailure('portal-equipment-report', { client: page }, async () => {
      await actor.open('/equipment');
      await listReady(page);
      await settle(page);
      expect(await overflowBy(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'portal-equipment-list-375');
      await actor.open(`/equipment/${controller.id}`);
      await page.getByTestId(`portal-ticket-${ticket.number}`).waitFor();
      await settle(page);
      expect(await overflowBy(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'portal-equipment-controller-375');

      await page.getByTestId('equipment-report-problem').click();
      await page.getByTestId('portal-new-ticket-form').waitFor();
      const equipment = page.getByTestId('portal-equipment');
      const site = page.getByTestId('portal-service-object');
      // The device is chosen, and its site filled in once the device is known.
      await page.waitForFunction(
        ([id, objectId]) =>
          (document.querySelector('[data-testid="portal-equipment"]') as HTMLSelectElement | null)
            ?.value === id &&
          (
            document.querySelector(
              '[data-testid="portal-service-object"]',
            ) as HTMLSelectElement | null
          )?.value === objectId,
        [controller.id, controller.serviceObjectId],
      );
      // The device list is narrowed by the site: the boiler is elsewhere.
      await waitForOptions(page, { has: 'PRV-24-00317', hasNot: 'VX3-7781-2023' });
      await settle(page);
      expect(await overflowBy(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'portal-equipment-new-ticket-375');

      const subject = uniqueText('Датчик CO2 в блоке 3 показывает 0');
      await page.getByTestId('portal-subject').fill(subject);
      await page.getByTestId('portal-submit').click();
      await page.waitForURL(/\/tickets\/\d+$/);
      const number = Number(new URL(page.url()).pathname.split('/').pop());
      const filed = await client.ticket(number);
      expect(filed.subject).toBe(subject);
      expect(filed).toMatchObject({
        equipmentId: controller.id,
        serviceObjectId: controller.serviceObjectId,
      });

      // Another site drops a device that is not there; no site lists every device again.
      await actor.open('/tickets/new');
      await equipment.selectOption(boiler.id);
      await page.waitForFunction(
        (objectId) =>
          (document.querySelector('[data-testid="portal-service-object"]') as HTMLSelectElement)
            .value === objectId,
        boiler.serviceObjectId,
      );
      await site.selectOption(controller.serviceObjectId!);
      expect(await equipment.inputValue()).toBe('');
      await waitForOptions(page, { has: 'PRV-24-00317', hasNot: 'VX3-7781-2023' });
    });
    await actor.context.close();
  });
});
