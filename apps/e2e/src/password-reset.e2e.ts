import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { openAs, signedInMarker } from '../support/actors';
import { ApiError, ApiSession, login } from '../support/api';
import { BASE_URL, DEMO_PASSWORD, describeBrowser, launch, withPage } from '../support/browser';
import { sql } from '../support/db';

const ADMIN = 'admin@relaydesk.local';

/**
 * The link in the account mail the API sent to `address`: the delivery worker of this run writes
 * each mail as an .eml file (the log driver, no SMTP server here), and a sent delivery forgets
 * its link, so the mail itself is where the link is. The "forgot password" request answers
 * before its work is done, and the worker sends within seconds: both are waited for.
 */
async function mailedLink(address: string, kind: string, after = '0'): Promise<string> {
  const mailDir = join(process.env.RELAYDESK_E2E_DATA_DIR ?? '', 'mail');
  for (let i = 0; i < 200; i++) {
    const [row] = await sql<{ id: string }>(
      `SELECT id FROM deliveries WHERE address = $1 AND kind = $2 AND id > $3
        ORDER BY id DESC LIMIT 1`,
      [address, kind, after],
    );
    const file =
      row && existsSync(mailDir)
        ? readdirSync(mailDir).find((f) => f.endsWith(`-d${row.id}.eml`))
        : undefined;
    if (file) {
      const mail = await simpleParser(readFileSync(join(mailDir, file)));
      expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain(address);
      const link = /https?:\/\/\S+?#token=[\w-]+/.exec(mail.text ?? '');
      if (!link) throw new Error(`no link in the ${kind} mail to ${address}`);
      // PUBLIC_URL is not where this run's server listens: keep the path and the fragment.
      const url = new URL(link[0]);
      return url.pathname + url.hash;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${kind} mail to ${address}`);
}

async function choosePassword(page: Page, password: string) {
  await page.getByTestId('set-password-new').fill(password);
  await page.getByTestId('set-password-confirm').fill(password);
  await page.getByTestId('set-password-submit').click();
  await page.getByTestId('set-password-done').waitFor();
}

async function signInWith(page: Page, email: string, password: string) {
  await page.getByLabel(/^e-mail( \*)?$/i).fill(email);
  await page.getByLabel(/^password/i).fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
}

describeBrowser(
  'account mails in the portal: welcome link, "forgot password", e-mail change',
  () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launch();
    });
    afterAll(() => browser?.close());

    it('a new client gets a welcome link (an admin sends a fresh one), sets a password with it, resets it from the sign-in form, and signs in with the new one', async () => {
      const admin = await ApiSession.as(ADMIN);
      const tag = Date.now().toString(36);
      const org = await admin.post<{ id: string }>('/organizations', {
        name: `Account mails ${tag}`,
        active: true,
      });
      const email = `new.client.${tag}@account-e2e.example`;
      const created = await admin.post<{ id: string }>('/users', {
        email,
        name: `New client ${tag}`,
        role: 'client',
        locale: 'en',
        organizationId: org.id,
      });
      const firstWelcome = await mailedLink(email, 'account_welcome');

      // The admin sends a new welcome link from the user's form; the first one stops working.
      const [{ last: before }] = await sql<{ last: string }>(
        'SELECT max(id)::text AS last FROM deliveries',
      );
      const desk = await openAs(browser, { email: ADMIN, app: 'agent' });
      try {
        await desk.open('/admin/users');
        await desk.page.getByTestId('admin-search').fill(email);
        await desk.page.getByTestId(`admin-row-${created.id}`).getByTestId('admin-edit').click();
        await desk.page.getByTestId('admin-user-invite').click();
        await desk.page.getByText(/the link works until/i).waitFor();
      } finally {
        await desk.context.close();
      }
      const welcome = await mailedLink(email, 'account_welcome', before);
      expect(welcome).not.toBe(firstWelcome);
      const stale = await fetch(`${BASE_URL}/api/v1/auth/password-resets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: firstWelcome.split('#token=')[1], password: 'stale link 1' }),
      });
      expect(stale.status).toBe(400);

      expect(welcome).toMatch(/^\/set-password#token=[\w-]{43}$/);
      await withPage(browser, 'welcome-set-password', async (page) => {
        await page.goto(welcome);
        await page.getByText(/welcome! set your password/i).waitFor();
        // Read, then taken out of the address bar (and the history).
        expect(page.url()).not.toContain('token=');
        await choosePassword(page, 'first password 1');
        await page.getByTestId('set-password-sign-in').click();
        await signInWith(page, email, 'first password 1');
        await signedInMarker(page, 'portal').waitFor();
      });

      await withPage(browser, 'forgot-password', async (page) => {
        await page.goto('/');
        await page.getByRole('link', { name: /forgot password/i }).click();
        await page.waitForURL('**/forgot-password');
        const [{ last }] = await sql<{ last: string }>(
          'SELECT coalesce(max(id), 0)::text AS last FROM deliveries',
        );
        await page.getByTestId('forgot-email').fill(email);
        await page.getByTestId('forgot-submit').click();
        await page.getByTestId('forgot-sent').waitFor();

        const reset = await mailedLink(email, 'password_reset', last);
        expect(reset).toMatch(/^\/reset-password#token=[\w-]{43}$/);
        await page.goto(reset);
        await page.getByText(/set a new password/i).waitFor();
        await choosePassword(page, 'second password 2');
        await page.getByTestId('set-password-sign-in').click();
        await signInWith(page, email, 'second password 2');
        await signedInMarker(page, 'portal').waitFor();

        // The link is spent: opening it again cannot set a password.
        await page.goto(reset);
        await page.getByTestId('set-password-new').fill('third password 3');
        await page.getByTestId('set-password-confirm').fill('third password 3');
        await page.getByTestId('set-password-submit').click();
        await page.getByText(/invalid, was already used or has expired/i).waitFor();
      });

      await expect(login(email, 'first password 1')).rejects.toMatchObject({ status: 401 });
      await expect(login(email, 'third password 3')).rejects.toBeInstanceOf(ApiError);
      expect((await login(email, 'second password 2')).user.email).toBe(email);
    });

    it('a client changes their e-mail address from the profile; it applies once the link sent to the new address is opened', async () => {
      const admin = await ApiSession.as(ADMIN);
      const tag = Date.now().toString(36);
      const org = await admin.post<{ id: string }>('/organizations', {
        name: `E-mail change ${tag}`,
        active: true,
      });
      const oldEmail = `mover.${tag}@account-e2e.example`;
      const newEmail = `moved.${tag}@account-e2e.example`;
      await admin.post('/users', {
        email: oldEmail,
        name: `Mover ${tag}`,
        role: 'client',
        locale: 'en',
        organizationId: org.id,
        password: DEMO_PASSWORD,
      });
      const client = await openAs(browser, { email: oldEmail, app: 'portal' });
      try {
        await client.open('/profile');
        await client.page.getByTestId('email-change-new').fill(newEmail);
        await client.page.getByTestId('email-change-password').fill(DEMO_PASSWORD);
        await client.page.getByTestId('email-change-submit').click();
        await client.page.getByTestId('email-change-sent').waitFor();
        // Nothing changes until the link is opened.
        expect((await login(oldEmail)).user.email).toBe(oldEmail);

        const link = await mailedLink(newEmail, 'email_change');
        expect(link).toMatch(/^\/confirm-email#token=[\w-]{43}$/);
        await client.page.goto(link);
        await client.page.getByTestId('confirm-email-done').waitFor();
        expect(client.page.url()).not.toContain('token=');
        await client.page.getByRole('link', { name: /go to your profile/i }).click();
        await client.page.getByText(`Your address: ${newEmail}`).waitFor();
      } finally {
        await client.context.close();
      }
      expect((await login(newEmail)).user.email).toBe(newEmail);
      await expect(login(oldEmail)).rejects.toMatchObject({ status: 401 });
    });
  },
);
