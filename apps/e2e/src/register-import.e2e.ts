import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, screenshot } from '../support/browser';

/**
 * Issue 18's CSV import in the agent SPA: an administrator uploads a `;` file, the dry run lists
 * its row errors (translated), a corrected file checks clean and is imported (the job runs on the
 * server's scheduler, the page follows it; the clean check says until when it is kept), and the
 * export of the register downloads it back.
 */

const ADMIN = 'admin@relaydesk.local';

const csv = (text: string) => ({
  name: 'organizations.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`\uFEFF${text}`, 'utf8'),
});

describeBrowser('register CSV import in the agent workspace', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('checks a file, shows its row errors, imports a clean one and exports it back', async () => {
    const name = uniqueText('Importovaná firma');
    const ext = uniqueText('ORG').replace(/\s+/g, '-');
    await withActors(
      browser,
      'register-import',
      { admin: { email: ADMIN, app: 'agent' } },
      async ({ admin: a }) => {
        const page = a.page;
        await a.open('/registers');
        await page.getByTestId('registers-tab-import').click();
        await page.getByTestId('import-register').click();
        await page.getByRole('option', { name: 'Organizations' }).click();
        const input = page.locator('input[type="file"]');

        // A header that does not fit: the refusal names the columns (not the API's problem JSON).
        await input.setInputFiles(csv(`external_id;nazev\n${ext};${name}\n`));
        await page.getByTestId('import-check').click();
        const refused = page.getByTestId('import-upload-error');
        await refused.waitFor();
        expect(await refused.innerText()).toBe(
          'The file does not fit this register: the required column name is missing; nazev is not a column of this register;',
        );

        // A row without its external id: the dry run names row 3 and the column.
        await input.setInputFiles(csv(`external_id;name\n${ext};${name}\n;Bez id\n`));
        await page.getByTestId('import-check').click();
        await page.getByTestId('dry-run-errors').waitFor();
        const errors = page.getByTestId('import-errors');
        expect(await errors.innerText()).toMatch(/3\s+external_id\s+Required/);
        expect(await page.getByTestId('import-start').count()).toBe(0);
        await screenshot(page, 'register-import-dry-run-errors');

        await input.setInputFiles(csv(`external_id;name\n${ext};${name}\n`));
        await page.getByTestId('import-check').click();
        await page.getByTestId('dry-run-clean').waitFor();
        // The clean check says until when it is kept (a week after the upload).
        const expires = await page.getByTestId('dry-run-expires').innerText();
        expect(expires).toMatch(/^This check is kept until .*\d.*: import the file before then/);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.getByTestId('import-start').click();
        const done = page.getByTestId('import-done');
        await done.waitFor();
        expect(await done.innerText()).toBe('Imported: 1 created, 0 updated.');
        await screenshot(page, 'register-import-done');

        await page.getByTestId('export-register').click();
        await page.getByRole('option', { name: 'Organizations' }).click();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('export-download').click(),
        ]);
        const path = join(tmpdir(), `register-import-${Date.now()}.csv`);
        await download.saveAs(path);
        const text = readFileSync(path, 'utf8');
        rmSync(path);
        expect(text.startsWith('\uFEFFexternal_id;name;tax_id')).toBe(true);
        expect(text).toContain(`${ext};${name};`);
      },
    );
  });
});
