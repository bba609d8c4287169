import type { Browser } from 'playwright-core';
import { openAs, screenshotOnFailure } from '../support/actors';
import { ApiSession } from '../support/api';
import { describeBrowser, launch, screenshot } from '../support/browser';

const ADMIN = 'admin@relaydesk.local';

interface Page<T> {
  items: T[];
}

/** Issue 18, access by object: staff limit a client contact to some sites on the contact's form. */
describeBrowser('access by object on a contact', () => {
  let browser: Browser;
  let admin: ApiSession;

  beforeAll(async () => {
    browser = await launch();
    admin = await ApiSession.as(ADMIN);
  });
  afterAll(() => browser?.close());

  it('an admin limits a contact to one site; the API then answers that site only', async () => {
    const objects = await admin.get<Page<{ id: string; name: string; organizationId: string }>>(
      '/service-objects?limit=50',
    );
    const site = objects.items[0];
    const tag = Date.now().toString(36);
    const email = `sites.${tag}@example.test`;
    const contact = await admin.post<{ id: string }>('/users', {
      email,
      name: `Site contact ${tag}`,
      role: 'client',
      locale: 'en',
      organizationId: site.organizationId,
    });

    const desk = await openAs(browser, { email: ADMIN, app: 'agent' });
    try {
      await screenshotOnFailure('object-access', { admin: desk.page }, async () => {
        const page = desk.page;
        await desk.open('/admin/users');
        await page.getByTestId('admin-search').fill(email);
        await page.getByTestId(`admin-row-${contact.id}`).getByTestId('admin-edit').click();
        const section = page.getByTestId('object-access-section');
        await section.waitFor();
        await section.locator('input').first().click();
        await page.getByRole('option', { name: site.name }).click();
        await page.keyboard.press('Escape');
        await section.getByRole('button', { name: 'Save access' }).click();
        await section.getByRole('status').waitFor();
        await screenshot(page, 'object-access-contact-form');
        const saved = await admin.get<{ serviceObjects: { id: string }[] }>(
          `/contacts/${contact.id}/object-access`,
        );
        expect(saved.serviceObjects.map((o) => o.id)).toEqual([site.id]);
      });
    } finally {
      await desk.context.close();
    }
  });
});
