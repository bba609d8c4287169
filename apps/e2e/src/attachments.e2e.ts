import type { Browser, Page } from 'playwright-core';
import { uniqueText } from '../support/api';
import { describeBrowser, launch, signIn, withPage } from '../support/browser';

const file = (name: string) => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(`${name}: a few bytes for the browser test\n`),
});

/** The file names listed on the page, under `selector` (links of the portal, rows of the agent). */
const listed = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));

describeBrowser('files on a ticket (the shared drop zone and upload hooks of both apps)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('a client attaches files when filing and afterwards; staff see them and add one', async () => {
    const subject = uniqueText('Files: the scanned delivery note');
    let number = 0;

    await withPage(browser, 'portal-attachments', async (page) => {
      await signIn(page, '/', 's.petrov@agro-yuzhny.example');
      await page.getByTestId('logout').waitFor();
      await page.goto('/tickets/new');
      await page.getByTestId('portal-subject').fill(subject);
      await page.getByTestId('portal-new-attachments').setInputFiles([file('note-1.txt')]);
      await page.getByTestId('portal-submit').click();
      await page.waitForURL(/\/tickets\/\d+$/);
      number = Number(/\/tickets\/(\d+)$/.exec(page.url())![1]);
      await page.locator('[data-testid^="portal-attachment-"]').first().waitFor();
      expect(await listed(page, '[data-testid^="portal-attachment-"]')).toEqual(['note-1.txt']);

      // On the ticket page: picked through the drop zone's button (its file input).
      await page.getByTestId('portal-upload').setInputFiles([file('note-2.txt')]);
      await page.locator('[data-testid^="portal-attachment-"]').nth(1).waitFor();
      expect((await listed(page, '[data-testid^="portal-attachment-"]')).sort()).toEqual([
        'note-1.txt',
        'note-2.txt',
      ]);
    });

    await withPage(browser, 'agent-attachments', async (page) => {
      await signIn(page, '/agent/', 'alexey.smirnov@relaydesk.local');
      await page.getByTestId('queue-unassigned').waitFor();
      await page.goto(`/agent/tickets/${number}`);
      const rows = 'li[data-testid^="attachment-"]';
      await page.locator(rows).nth(1).waitFor();
      await page.getByTestId('attachment-drop').waitFor();
      await page.getByTestId('attachment-input').setInputFiles([file('note-3.txt')]);
      await page.locator('[data-testid="upload-item"][data-state="done"]').waitFor();
      await page.locator(rows).nth(2).waitFor();
      const names = await listed(page, rows);
      for (const name of ['note-1.txt', 'note-2.txt', 'note-3.txt']) {
        expect(names.some((text) => text.includes(name))).toBe(true);
      }
    });
  });
});
