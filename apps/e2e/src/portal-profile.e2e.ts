import type { Browser } from 'playwright-core';
import { ApiError, ApiSession, login, loginAsApp, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { BASE_URL, DEMO_PASSWORD, describeBrowser, launch, screenshot } from '../support/browser';

const ADMIN = 'admin@relaydesk.local';

/** GET /me with a bearer token: its status says whether that session still lives. */
async function meStatus(accessToken: string): Promise<number> {
  const res = await fetch(`${BASE_URL}/api/v1/me`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return res.status;
}

/** POST /auth/refresh with a web app's refresh cookie, as the app does after a reload. */
async function refreshStatus(cookie: { name: string; value: string }): Promise<number> {
  const res = await fetch(`${BASE_URL}/api/v1/auth/refresh`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `${cookie.name}=${cookie.value}` },
    body: JSON.stringify({ app: 'portal' }),
  });
  return res.status;
}

describeBrowser('portal profile: name, language, password, sign out everywhere', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('a client renames themselves and switches the account to Russian, changes the password (other sessions end) and signs out everywhere', async () => {
    const admin = await ApiSession.as(ADMIN);
    const tag = uniqueText('Profile e2e');
    // A client of their own: the password and the language change, and no other test may care.
    const org = await admin.post<{ id: string }>('/organizations', {
      name: `${tag} org`,
      active: true,
    });
    const email = `profile.${Date.now().toString(36)}@profile-e2e.example`;
    await admin.post('/users', {
      email,
      name: 'Jana Dvořáková',
      role: 'client',
      locale: 'cs',
      organizationId: org.id,
      password: DEMO_PASSWORD,
      active: true,
      canViewAll: false,
      canViewOrganizationTickets: false,
    });

    await withActors(
      browser,
      'portal-profile',
      { client: { email, app: 'portal', lang: 'cs' } },
      async ({ client }) => {
        const p = client.page;
        await client.open('/profile');
        await p.getByRole('heading', { name: 'Vaše údaje' }).waitFor();
        const name = p.getByTestId('profile-name');
        await name.waitFor();
        await p.waitForFunction(
          () =>
            (document.querySelector('[data-testid="profile-name"]') as HTMLInputElement | null)
              ?.value === 'Jana Dvořáková',
        );
        expect(await p.getByTestId('profile-email').textContent()).toBe(email);

        // An empty name is said at the field, and nothing is sent.
        await name.fill('  ');
        await p.getByTestId('profile-save').click();
        await p.getByText('Vyplňte své jméno').waitFor();

        // Name and language in one save: the portal speaks Russian at once, the header shows
        // the new name, and the account (which mails read) says ru.
        await name.fill('Яна Дворжакова');
        await p.getByTestId('profile-language').selectOption('ru');
        await p.getByTestId('profile-save').click();
        await p.waitForFunction(() => document.documentElement.lang === 'ru');
        await p.getByRole('heading', { name: 'Ваши данные' }).waitFor();
        await p.getByRole('link', { name: 'Яна Дворжакова' }).first().waitFor();
        const me = await login(email);
        expect(me.user).toMatchObject({ name: 'Яна Дворжакова', locale: 'ru' });
        await screenshot(p, 'portal-profile-ru');

        // Another device's session, open before the password change.
        const other = await login(email);
        expect(await meStatus(other.accessToken)).toBe(200);

        // A wrong current password is said at its field, in Russian.
        await p.getByTestId('password-current').fill('not-my-password');
        await p.getByTestId('password-new').fill('a-new-secret-1');
        await p.getByTestId('password-confirm').fill('a-new-secret-1');
        await p.getByTestId('password-save').click();
        await p.getByText('Текущий пароль введён неверно').waitFor();
        expect(await meStatus(other.accessToken)).toBe(200);

        // Mismatched confirmation: said before anything is sent.
        await p.getByTestId('password-current').fill(DEMO_PASSWORD);
        await p.getByTestId('password-confirm').fill('a-new-secret-2');
        await p.getByTestId('password-save').click();
        await p.getByText('Пароли не совпадают').waitFor();

        await p.getByTestId('password-confirm').fill('a-new-secret-1');
        const changed = p.waitForResponse(
          (r) => r.url().endsWith('/api/v1/me/password') && r.request().method() === 'POST',
        );
        await p.getByTestId('password-save').click();
        expect((await changed).status()).toBe(204);
        await p.getByText('Пароль изменён').waitFor();
        // The other session ended; this page's did not; the old password is gone.
        expect(await meStatus(other.accessToken)).toBe(401);
        await expect(login(email)).rejects.toBeInstanceOf(ApiError);
        const fresh = await login(email, 'a-new-secret-1');
        await p.reload();
        await p.getByTestId('profile-name').waitFor();

        // Sign out everywhere: this browser goes to the sign-in form, the other session and
        // another portal login's refresh cookie stop working.
        const portalElsewhere = await loginAsApp(email, 'portal', 'a-new-secret-1');
        expect(await refreshStatus(portalElsewhere.cookie)).toBe(200);
        // (That refresh rotated the cookie: log in once more for a cookie still unused.)
        const unused = await loginAsApp(email, 'portal', 'a-new-secret-1');
        await p.getByTestId('sign-out-everywhere').click();
        await p.getByLabel(/^эл\. почта( \*)?$/i).waitFor();
        expect(await meStatus(fresh.accessToken)).toBe(401);
        expect(await refreshStatus(unused.cookie)).toBe(401);
        await p.reload();
        await p.getByLabel(/^эл\. почта( \*)?$/i).waitFor();
      },
    );
  });
});
