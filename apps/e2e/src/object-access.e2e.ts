import type { Browser } from 'playwright-core';
import { openAs, screenshotOnFailure } from '../support/actors';
import { ApiSession } from '../support/api';
import { describeBrowser, DEMO_PASSWORD, launch, screenshot } from '../support/browser';

const ADMIN = 'admin@relaydesk.local';

interface Page<T> {
  items: T[];
}

/**
 * Issue 18 on a contact: access by object (staff limit a contact to some sites on the contact's
 * form) and authorized requesters (a contact who may not file is told before typing).
 */
describeBrowser('access by object and authorized requesters', () => {
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

  it('a contact who may not file sees why on the new-request page, in their language, at 375 px', async () => {
    const tag = Date.now().toString(36);
    const org = await admin.post<{ id: string }>('/organizations', { name: `Listed ${tag}` });
    const email = `unlisted.${tag}@example.test`;
    await admin.post('/users', {
      email,
      name: `Unlisted ${tag}`,
      role: 'client',
      locale: 'ru',
      organizationId: org.id,
      password: DEMO_PASSWORD,
    });
    await admin.request('PUT', `/authorized-requesters/${org.id}`, {
      version: 0,
      enabled: true,
      requesters: [],
    });
    const client = await openAs(browser, {
      email,
      app: 'portal',
      lang: 'ru',
      width: 375,
      height: 740,
    });
    try {
      await screenshotOnFailure('filing-refused', { client: client.page }, async () => {
        await client.open('/tickets/new');
        const notice = client.page.getByTestId('filing-refused');
        await notice.waitFor();
        expect(await notice.innerText()).toMatch(/Вы не можете подавать новые заявки/);
        expect(await client.page.getByTestId('portal-new-ticket-form').count()).toBe(0);
        await screenshot(client.page, 'filing-refused-375');
      });
    } finally {
      await client.context.close();
    }
  });
});
