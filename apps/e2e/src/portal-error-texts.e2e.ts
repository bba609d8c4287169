import type { Browser } from 'playwright-core';
import { withActors } from '../support/actors';
import { describeBrowser, launch } from '../support/browser';

/** The demo's Russian customer. */
const CLIENT = 's.petrov@agro-yuzhny.example';

/**
 * The API writes its problem documents in English; the portal says them in the user's
 * language, each field's message at its field (libs/web/ui/src/problem-text.ts).
 */
describeBrowser('the portal: error texts in the client language', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('a Russian client sees a rejected phone number and a missing ticket in Russian', async () => {
    await withActors(
      browser,
      'portal-error-texts',
      { client: { email: CLIENT, app: 'portal', lang: 'ru' } },
      async ({ client }) => {
        const p = client.page;

        // A number the API refuses (400, a field error in English) is said at its input.
        await client.open('/profile');
        const phone = p.getByTestId('profile-phone');
        await p.waitForFunction(
          () =>
            !(document.querySelector('[data-testid="profile-phone"]') as HTMLInputElement)
              ?.disabled,
        );
        await phone.fill('12ab');
        await p.getByTestId('profile-phone-save').click();
        await p.locator('[data-testid="profile-phone"][aria-invalid="true"]').waitFor();
        const describedBy = (await phone.getAttribute('aria-describedby')) ?? '';
        const errorId = describedBy.split(' ').find((id) => id.includes('error'));
        expect(errorId).toBeDefined();
        const fieldError = await p.locator(`[id="${errorId}"]`).textContent();
        expect(fieldError).toBe('Введите номер в международном формате, например +79161234567.');
        // Nothing of the API's English sentence is left on the page.
        const body = (await p.locator('body').textContent()) ?? '';
        expect(body).not.toContain('E.164');
        expect(body).not.toMatch(/must be|invalid fields/);

        // A ticket that is not there (or not theirs): the not-found page, in Russian.
        await client.open('/tickets/99999999');
        await p.getByTestId('portal-ticket-not-found').waitFor();
        await p.getByRole('heading', { name: 'Заявка не найдена' }).waitFor();
        expect(await p.getByTestId('portal-ticket-not-found').textContent()).toContain(
          'Такой заявки нет, или она вам недоступна.',
        );
      },
    );
  });
});
