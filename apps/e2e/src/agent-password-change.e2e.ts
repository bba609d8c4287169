import type { Browser } from 'playwright-core';
import { ApiError, ApiSession, login, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { BASE_URL, DEMO_PASSWORD, describeBrowser, launch } from '../support/browser';

const ADMIN = 'admin@relaydesk.local';

async function meStatus(accessToken: string): Promise<number> {
  const res = await fetch(`${BASE_URL}/api/v1/me`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return res.status;
}

/**
 * The agent app's profile has the same password card as the portal's (libs/web/auth
 * PasswordChangeCard, strings in the shared `account` namespace): each mistake said at its
 * field in the user's language, before anything is sent where it can be, and the change ending
 * the account's other sessions. The portal's side is in portal-profile.e2e.ts.
 */
describeBrowser('agent profile: the shared password card', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('an agent changes the password in Czech: missing, wrong and mismatched, then done', async () => {
    const admin = await ApiSession.as(ADMIN);
    const email = `password.${Date.now().toString(36)}@agent-password-e2e.example`;
    await admin.post('/users', {
      email,
      name: uniqueText('Password agent'),
      role: 'agent',
      locale: 'cs',
      password: DEMO_PASSWORD,
      active: true,
    });

    await withActors(
      browser,
      'agent-password-change',
      { agent: { email, app: 'agent', lang: 'cs' } },
      async ({ agent }) => {
        const p = agent.page;
        await agent.open('/profile');
        await p.getByRole('heading', { name: 'Heslo' }).waitFor();
        const other = await login(email);

        // Nothing typed in the current password: said at the field, in the portal's words.
        await p.getByTestId('password-new').fill('a-new-secret-1');
        await p.getByTestId('password-confirm').fill('a-new-secret-1');
        await p.getByTestId('password-save').click();
        await p.getByText('Zadejte své současné heslo').waitFor();

        await p.getByTestId('password-current').fill('not-my-password');
        await p.getByTestId('password-save').click();
        await p.getByText('Současné heslo není správné').waitFor();
        expect(await meStatus(other.accessToken)).toBe(200);

        await p.getByTestId('password-current').fill(DEMO_PASSWORD);
        await p.getByTestId('password-confirm').fill('a-new-secret-2');
        await p.getByTestId('password-save').click();
        await p.getByText('Hesla se neshodují').waitFor();

        await p.getByTestId('password-confirm').fill('a-new-secret-1');
        const changed = p.waitForResponse(
          (r) => r.url().endsWith('/api/v1/me/password') && r.request().method() === 'POST',
        );
        await p.getByTestId('password-save').click();
        expect((await changed).status()).toBe(204);
        await p.getByText('Heslo bylo změněno').waitFor();
        // The fields are emptied for the next change.
        expect(await p.getByTestId('password-current').inputValue()).toBe('');
        expect(await meStatus(other.accessToken)).toBe(401);
        await expect(login(email)).rejects.toBeInstanceOf(ApiError);
        expect((await login(email, 'a-new-secret-1')).accessToken).toEqual(expect.any(String));
      },
    );
  });
});
