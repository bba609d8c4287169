import type { Browser } from 'playwright-core';
import { withActors } from '../support/actors';
import { describeBrowser, launch } from '../support/browser';

const ADMIN = 'admin@relaydesk.local';

/**
 * The one-record settings pages (Administration > Visibility, Web form) share a save bar
 * (shared/forms/settings-form.tsx): it says when the page holds unsaved changes, in the user's
 * language, and discards them; changing a value back, or saving, clears the note.
 */
describeBrowser('admin settings pages: the save bar knows unsaved changes', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('visibility (in Czech) and web form: unsaved, discarded, changed back, saved', async () => {
    await withActors(
      browser,
      'settings-save-bar',
      { admin: { email: ADMIN, app: 'agent', lang: 'cs' } },
      async ({ admin }) => {
        const p = admin.page;
        await admin.open('/admin/visibility');
        await p.getByTestId('visibility-settings').waitFor();
        const unsaved = p.getByTestId('settings-unsaved');
        const toggle = p.getByTestId('visibility-unassigned-group-only');
        const before = await toggle.isChecked();
        expect(await unsaved.count()).toBe(0);
        await toggle.setChecked(!before);
        await unsaved.filter({ hasText: 'Neuložené změny' }).waitFor();
        await p.getByTestId('settings-discard').click();
        await unsaved.waitFor({ state: 'detached' });
        expect(await toggle.isChecked()).toBe(before);
        // Changed and changed back: nothing unsaved.
        await toggle.setChecked(!before);
        await unsaved.waitFor();
        await toggle.setChecked(before);
        await unsaved.waitFor({ state: 'detached' });

        await admin.open('/admin/web-form');
        await p.getByTestId('web-form-settings').waitFor();
        const minFill = p.getByRole('textbox', { name: /^minimální doba vyplnění/i });
        const original = await minFill.inputValue();
        await minFill.fill(String(Number(original) + 1));
        await unsaved.waitFor();
        const saved = p.waitForResponse(
          (r) => r.url().endsWith('/api/v1/admin/web-form') && r.request().method() === 'PUT',
        );
        await p.getByTestId('web-form-save').click();
        expect((await saved).status()).toBe(200);
        await unsaved.waitFor({ state: 'detached' });
        // Put back what it was.
        await minFill.fill(original);
        await unsaved.waitFor();
        const restored = p.waitForResponse(
          (r) => r.url().endsWith('/api/v1/admin/web-form') && r.request().method() === 'PUT',
        );
        await p.getByTestId('web-form-save').click();
        expect((await restored).status()).toBe(200);
        await unsaved.waitFor({ state: 'detached' });
      },
    );
  });
});
