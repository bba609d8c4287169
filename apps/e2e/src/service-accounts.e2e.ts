import type { Browser } from 'playwright-core';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { BASE_URL, describeBrowser, launch } from '../support/browser';

const ADMIN = 'admin@relaydesk.local';

/** A request another system makes with the token, outside the browser. */
function withToken(token: string, path: string, init: RequestInit = {}) {
  return fetch(`${BASE_URL}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(init.headers ?? {}),
    },
  });
}

describeBrowser('service accounts and API tokens', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('an admin creates an account and a token shown once; the token files a ticket on channel api until revoked', async () => {
    await withActors(
      browser,
      'service-accounts',
      { admin: { email: ADMIN, app: 'agent' } },
      async ({ admin }) => {
        const page = admin.page;
        const name = `E2E robot ${Date.now().toString(36)}`;
        await admin.open('/admin/service-accounts');

        await page.getByTestId('service-account-create').click();
        await page.getByTestId('service-account-name').fill(name);
        await page.getByTestId('service-account-role').selectOption('dispatcher');
        await page.getByTestId('service-account-save').click();
        const row = page.locator('[data-testid^="service-account-row-"]', { hasText: name });
        await row.waitFor();

        await row.getByTestId('service-account-tokens').click();
        await page.getByTestId('token-name').fill('monitoring');
        await page.getByTestId('token-scope-tickets:write').check();
        await page.getByTestId('token-issue').click();
        const shown = page.getByTestId('token-value');
        await shown.waitFor();
        const token = (await shown.textContent())!.trim();
        expect(token).toMatch(/^rd_[A-Za-z0-9_-]{43}$/);
        expect(await seriousA11yViolations(page)).toEqual([]);

        // Another system uses it: a ticket on channel api.
        const subject = `Filed by ${name}`;
        const created = await withToken(token, '/api/v1/tickets', {
          method: 'POST',
          body: JSON.stringify({ subject }),
        });
        expect(created.status).toBe(201);
        const ticket = (await created.json()) as { number: number; channel: string };
        expect(ticket.channel).toBe('api');

        // Once dismissed, the token is gone from the page; the list shows its use.
        await page.getByTestId('token-done').click();
        await shown.waitFor({ state: 'detached' });
        expect(await page.content()).not.toContain(token);
        await row.getByTestId('service-account-tokens').click();
        await row.getByTestId('service-account-tokens').click();
        const tokenRow = page.locator('[data-testid^="token-row-"]', { hasText: 'monitoring' });
        await tokenRow.waitFor();
        // Shown from the cache first, then refetched with the use just made.
        await tokenRow
          .getByTestId('token-last-used')
          .filter({ hasNotText: 'Never used' })
          .waitFor();

        // The channel filter of the ticket list finds it.
        await admin.open('/tickets?channel=api');
        await page.getByTestId(`ticket-row-${ticket.number}`).waitFor();
        await admin.open('/tickets?channel=email');
        await page
          .getByTestId('ticket-list')
          .or(page.getByTestId('ticket-list-empty'))
          .first()
          .waitFor();
        expect(await page.getByTestId(`ticket-row-${ticket.number}`).count()).toBe(0);

        // Revoked: refused from the next request on.
        await admin.open('/admin/service-accounts');
        await row.getByTestId('service-account-tokens').click();
        await tokenRow.getByTestId('token-revoke').click();
        await page.getByTestId('token-revoke-confirm').click();
        await tokenRow.getByText('Revoked').waitFor();
        expect((await withToken(token, '/api/v1/tickets')).status).toBe(401);
      },
    );
  });
});
