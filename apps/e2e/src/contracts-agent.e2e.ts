import type { Browser, Page } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, screenshot, settle } from '../support/browser';

/**
 * Issue 18 in the agent SPA: a dispatcher creates an equipment item in the register, files a
 * ticket on it through the cascading pickers (client → object → equipment → contract, each list
 * narrowed by the choice before it; a choice that stops fitting is cleared with a note), the
 * ticket page shows the links and warranty, and the equipment card lists the ticket and the work
 * logged on it. The register dialogs say what the API refused at the field, in the user's
 * language, and keep the input; a stale edit reloads without losing it. A document attached to
 * a contract and shared with the client shows in the client's portal.
 */

const DISPATCHER = 'marina.kuznetsova@relaydesk.local';
/** A contact of Agrokombinat Yuzhny, the organization of contract СО-117/2025. */
const CLIENT = 's.petrov@agro-yuzhny.example';
const YUZHNY = 'Агрокомбинат Южный';
const BLOCK3 = 'Тепличный блок № 3';
const BOILER_HOUSE = 'Котельная';
const NOVAK_SITE = 'Skleník A';

/** The options a Mantine select offers right now (its dropdown open). */
async function options(page: Page, testId: string): Promise<string[]> {
  await page.getByTestId(testId).click();
  const listbox = page.getByRole('listbox');
  await listbox.waitFor();
  await settle(page);
  const texts = await listbox.getByRole('option').allInnerTexts();
  await page.keyboard.press('Escape');
  return texts;
}

async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: text }).first().click();
}

describeBrowser('contracts and equipment in the agent workspace', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('an item created in the register gets a ticket through the cascading pickers, and its card lists it', async () => {
    const serial = uniqueText('SN').replace(/\s+/g, '-');
    const subject = uniqueText('Controller zone 4 reads 0 °C');
    const warrantyUntil = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);

    await withActors(
      browser,
      'contracts-agent',
      {
        dispatcher: { email: DISPATCHER, app: 'agent' },
        client: { email: CLIENT, app: 'portal' },
      },
      async ({ dispatcher: d, client }) => {
        const page = d.page;
        // The register: a new item at Yuzhny's greenhouse block 3, under warranty.
        await d.open('/tickets');
        await page.getByTestId('nav-registers').click();
        await page.getByTestId('registers-tab-equipment').click();
        await page.getByTestId('equipment-row').first().waitFor();
        await page.getByTestId('item-create').click();
        const dialog = page.getByRole('dialog');
        await choose(page, 'item-type', 'Climate controller');
        await dialog.getByTestId('item-organization').fill('Южный');
        await page.getByRole('option', { name: YUZHNY }).click();
        await choose(page, 'item-object', BLOCK3);
        await dialog.getByTestId('item-serial').fill(serial);
        await dialog.getByTestId('item-warranty').fill(warrantyUntil);
        await dialog.getByLabel('Firmware').fill('9.5.0');
        await screenshot(page, 'contracts-agent-item-form');
        expect(await seriousA11yViolations(page)).toEqual([]);
        await dialog.getByTestId('admin-save').click();
        const card = page.getByTestId('equipment-card');
        await card.waitFor();
        await card.getByText(serial).first().waitFor();
        expect(await card.getByTestId('warranty-badge').textContent()).toBe('Under warranty');
        expect(await page.getByTestId('linked-tickets').innerText()).toContain('No tickets.');
        const itemUrl = page.url();

        // The new-ticket form: nothing to pick before the client is chosen.
        await d.open('/tickets/new');
        await page.getByTestId('new-ticket-subject').fill(subject);
        expect(await page.getByTestId('links-object').isDisabled()).toBe(true);
        await page.getByTestId('new-ticket-organization').fill('Южный');
        await page.getByRole('option', { name: YUZHNY }).click();

        // Objects: only the client's.
        const objects = await options(page, 'links-object');
        expect(objects).toEqual(expect.arrayContaining([BLOCK3, BOILER_HOUSE]));
        expect(objects).not.toContain(NOVAK_SITE);

        // Equipment at the boiler house: not the new controller (it is at block 3).
        await choose(page, 'links-object', BOILER_HOUSE);
        const atBoilerHouse = await options(page, 'links-equipment');
        expect(atBoilerHouse.join('\n')).toContain('VX3-7781');
        expect(atBoilerHouse.join('\n')).not.toContain(serial);

        // At block 3 it is there; choosing it marks warranty work.
        await choose(page, 'links-object', BLOCK3);
        const atBlock3 = await options(page, 'links-equipment');
        expect(atBlock3.join('\n')).toContain(serial);
        expect(atBlock3.join('\n')).not.toContain('VX3-7781');
        await choose(page, 'links-equipment', serial);
        expect(await page.getByTestId('links-warranty').isChecked()).toBe(true);

        // Another object no longer fits the item: it is cleared, and the form says so.
        await choose(page, 'links-object', BOILER_HOUSE);
        const note = page.getByTestId('links-cleared');
        await note.waitFor();
        expect(await note.innerText()).toContain(serial);
        expect(await page.getByTestId('links-equipment').inputValue()).toBe('');
        await choose(page, 'links-object', BLOCK3);
        await choose(page, 'links-equipment', serial);

        // Contracts: the client's in force only (the expired one is not offered).
        const contracts = await options(page, 'links-contract');
        expect(contracts.join('\n')).toContain('СО-117/2025');
        expect(contracts.join('\n')).not.toContain('СО-088/2024');
        expect(contracts.join('\n')).not.toContain('SS-2025/08');
        await choose(page, 'links-contract', 'СО-117/2025');
        await page.setViewportSize({ width: 1024, height: 900 });
        await screenshot(page, 'contracts-agent-new-ticket-1024');
        await page.setViewportSize({ width: 1280, height: 900 });
        await screenshot(page, 'contracts-agent-new-ticket-1280');
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.getByTestId('new-ticket-submit').click();

        // The ticket page shows its links and the warranty mark.
        const links = page.getByTestId('ticket-registers');
        await links.waitFor();
        await links.getByTestId('ticket-equipment-link').waitFor();
        const linksText = await links.innerText();
        expect(linksText).toContain(BLOCK3);
        expect(linksText).toContain(serial);
        expect(linksText).toContain('СО-117/2025');
        await links.getByTestId('ticket-warranty').waitFor();
        const number = /\/tickets\/(\d+)/.exec(page.url())![1];
        await screenshot(page, 'contracts-agent-ticket-links');

        // The links change on the ticket page, and the history says so by name.
        await links.getByTestId('ticket-links-edit').click();
        await links.getByTestId('links-contract-clear').click();
        await links.getByTestId('ticket-links-save').click();
        await page
          .getByTestId('history')
          .getByText(/Contract cleared \(was СО-117\/2025/)
          .waitFor();
        await links.getByTestId('ticket-links-edit').waitFor();
        expect(await links.innerText()).not.toContain('СО-117/2025');

        // Work logged on the ticket (1:30, through the API as the work log's own test does it).
        const api = await ApiSession.as(DISPATCHER);
        const ticket = await api.ticket(Number(number));
        await api.post(`/tickets/${ticket.id}/work-entries`, {
          durationSeconds: 5400,
          description: 'Датчик зоны 4 заменён',
        });

        // The equipment card lists the ticket and the work on it, linked to the ticket.
        await links.getByTestId('ticket-equipment-link').click();
        await page.waitForURL(itemUrl);
        const row = page.getByTestId('linked-ticket').filter({ hasText: subject });
        await row.waitFor();
        expect(await row.innerText()).toContain(`#${number}`);
        const work = page.getByTestId('equipment-work');
        const entry = work.getByTestId('equipment-work-entry');
        await entry.waitFor();
        expect(await entry.count()).toBe(1);
        expect(await entry.innerText()).toContain('Датчик зоны 4 заменён');
        expect(await work.getByTestId('equipment-work-totals').innerText()).toContain('1:30');
        expect(await entry.getByRole('link', { name: `#${number}` }).getAttribute('href')).toBe(
          `/agent/tickets/${number}`,
        );
        await settle(page);
        await page.setViewportSize({ width: 1024, height: 900 });
        await screenshot(page, 'contracts-agent-item-card-1024');
        await page.setViewportSize({ width: 1280, height: 900 });
        await screenshot(page, 'contracts-agent-item-card-1280');
        expect(await seriousA11yViolations(page)).toEqual([]);

        // The contract's card: hours used against its allowance (the work log's usage).
        await d.open('/registers/contracts');
        await page.getByRole('link', { name: 'СО-117/2025' }).click();
        const usage = page.getByTestId('contract-hours').getByTestId('work-usage');
        await usage.waitFor();
        expect(await usage.innerText()).toContain('40');

        // A document on the contract, shared with the client as it is attached: the client's
        // portal lists it with the contract (and downloads it through the API).
        const docName = `${uniqueText('Акт').replace(/\s+/g, '-')}.pdf`;
        const docs = page.getByTestId('contract-documents');
        await docs.getByTestId('contract-documents-share-new').check({ force: true });
        await docs.getByTestId('contract-documents-input').setInputFiles({
          name: docName,
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
        });
        const doc = docs.getByTestId('contract-document').filter({ hasText: docName });
        await doc.waitFor();
        expect(await doc.getByTestId('contract-document-shared').isChecked()).toBe(true);
        await settle(page);
        await screenshot(page, 'contracts-agent-contract-card-1280');
        expect(await seriousA11yViolations(page)).toEqual([]);

        // The portal asks for a contract's documents only when its card's section is opened.
        await client.open('/contracts');
        const clientCard = client.page
          .getByTestId('contract-card')
          .filter({ hasText: 'СО-117/2025' });
        await clientCard.getByTestId('contract-documents-toggle').click();
        const shared = clientCard.getByTestId('contract-document').filter({ hasText: docName });
        await shared.waitFor();
        const [download] = await Promise.all([
          client.page.waitForEvent('download'),
          shared.click(),
        ]);
        expect(download.suggestedFilename()).toBe(docName);
      },
    );
  });

  it('register dialogs say what the API refused at the field, in Russian, and keep the input; a stale edit reloads without losing it', async () => {
    const api = await ApiSession.as(DISPATCHER);
    const number = uniqueText('Д-E2E').replace(/\s+/g, '-');
    const colleagues = 'Обслуживание теплиц (правка коллеги)';

    await withActors(
      browser,
      'contracts-agent-errors',
      { dispatcher: { email: DISPATCHER, app: 'agent', lang: 'ru' } },
      async ({ dispatcher: d }) => {
        const page = d.page;
        await d.open('/registers/contracts');
        await page.getByTestId('contract-row').first().waitFor();
        await page.getByTestId('contract-create').click();
        const dialog = page.getByRole('dialog');
        await dialog.getByTestId('contract-organization').fill('Южный');
        await page.getByRole('option', { name: YUZHNY }).click();
        // Yuzhny's contract number, and an end before the start: both refused at once (422).
        await dialog.getByTestId('contract-number').fill('СО-117/2025');
        await dialog.getByTestId('contract-title').fill('Обслуживание теплиц');
        await dialog.getByTestId('contract-valid-from').fill('2026-05-01');
        await dialog.getByTestId('contract-valid-to').fill('2026-04-30');
        await dialog.getByTestId('admin-save').click();
        await dialog.getByText('Не может быть раньше даты начала').waitFor();
        await dialog.getByText('У этого клиента уже есть договор с таким номером').waitFor();
        expect(await dialog.getByTestId('contract-title').inputValue()).toBe('Обслуживание теплиц');
        expect(await dialog.getByTestId('contract-valid-from').inputValue()).toBe('2026-05-01');
        expect(await dialog.innerText()).not.toMatch(/must not|already used|cannot be saved/);
        await screenshot(page, 'contracts-agent-contract-422-ru');
        expect(await seriousA11yViolations(page)).toEqual([]);

        // Corrected, it is saved and its card opens.
        await dialog.getByTestId('contract-number').fill(number);
        await dialog.getByTestId('contract-valid-to').fill('2027-04-30');
        await dialog.getByTestId('admin-save').click();
        const card = page.getByTestId('contract-card');
        await card.waitFor();
        await card.getByText(number).first().waitFor();
        const id = /\/registers\/contracts\/([0-9a-f-]{36})/.exec(page.url())![1];

        // A colleague renames the contract while the dispatcher edits its billing notes (409).
        await page.getByTestId('contract-edit').click();
        const edit = page.getByRole('dialog');
        await edit.getByTestId('contract-billing-notes').waitFor();
        const read = await api.get<{ version: number }>(`/contracts/${id}`);
        await api.request('PATCH', `/contracts/${id}`, {
          title: colleagues,
          version: read.version,
        });
        await edit.getByTestId('contract-billing-notes').fill('Счёт до 5-го числа');
        await edit.getByTestId('admin-save').click();
        const conflict = edit.getByTestId('admin-conflict');
        await conflict.waitFor();
        expect(await conflict.innerText()).toContain('ваши изменения останутся');
        expect(await edit.getByTestId('contract-billing-notes').inputValue()).toBe(
          'Счёт до 5-го числа',
        );
        // Reload: the untouched title shows the colleague's, the notes stay; the save keeps both.
        await conflict.getByRole('button', { name: 'Обновить' }).click();
        await page.waitForFunction(
          (title) =>
            (document.querySelector('[data-testid="contract-title"]') as HTMLInputElement | null)
              ?.value === title,
          colleagues,
        );
        expect(await edit.getByTestId('contract-billing-notes').inputValue()).toBe(
          'Счёт до 5-го числа',
        );
        await edit.getByTestId('admin-save').click();
        await edit.waitFor({ state: 'detached' });
        expect(await api.get(`/contracts/${id}`)).toMatchObject({
          title: colleagues,
          billingNotes: 'Счёт до 5-го числа',
        });
        await card.getByText('Счёт до 5-го числа').waitFor();
      },
    );
    // Nothing half-written by the refused create: one contract with the number, none dated wrong.
    const listed = await api.get<{ items: { number: string; validTo: string | null }[] }>(
      `/contracts?q=${encodeURIComponent(number)}`,
    );
    expect(listed.items.map((c) => [c.number, c.validTo])).toEqual([[number, '2027-04-30']]);
  });
});
