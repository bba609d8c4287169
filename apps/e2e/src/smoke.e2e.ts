import type { Browser } from 'playwright-core';
import { describeBrowser, launch, signIn, withPage } from '../support/browser';

describeBrowser('both apps load and sign in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('an agent signs in to the workspace and sees the queues with counts', async () => {
    await withPage(browser, 'agent-sign-in', async (page) => {
      await signIn(page, '/agent/', 'alexey.smirnov@relaydesk.local');
      await page.getByTestId('queue-unassigned').waitFor();
      const count = await page.getByTestId('queue-count-unassigned').textContent();
      expect(Number(count)).toBeGreaterThan(0);
    });
  });

  it('the workspace refuses a client contact', async () => {
    await withPage(browser, 'agent-refuses-client', async (page) => {
      await signIn(page, '/agent/', 's.petrov@agro-yuzhny.example');
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toMatch(/staff/i);
    });
  });

  it('a client signs in to the portal; the session survives a reload', async () => {
    await withPage(browser, 'portal-sign-in', async (page) => {
      await signIn(page, '/', 's.petrov@agro-yuzhny.example');
      await page.getByTestId('logout').waitFor();
      await page.reload();
      await page.getByTestId('logout').waitFor();
      await page.getByTestId('logout').click();
      // Signed out, and the form speaks the user's language (Russian) picked up at sign-in.
      await page.getByLabel(/эл\. почта/i).waitFor();
    });
  });
});
