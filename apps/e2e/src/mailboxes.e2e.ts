import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import type { Browser } from 'playwright-core';
import { openAs } from '../support/actors';
import { ApiSession } from '../support/api';
import { seriousA11yViolations } from '../support/axe';
import { sql } from '../support/db';
import { describeBrowser, launch, DEMO_PASSWORD } from '../support/browser';

const ADMIN = 'admin@relaydesk.local';
const SUPPORT = 'support@helpdesk.test';
const REPO = join(__dirname, '../../..');

interface MailRig {
  host: string;
  imapPort: number;
  users: Record<string, string>;
  stop(): Promise<void>;
}

/** A private Dovecot (scripts/lib/mail-rig.sh), as the API tests use. */
async function startRig(): Promise<MailRig> {
  const lib = (await import(join(REPO, 'scripts/lib/mail-rig.mjs'))) as {
    startMailRig: (o: { repoDir: string }) => Promise<MailRig>;
  };
  return lib.startMailRig({ repoDir: REPO });
}

describeBrowser('support mailboxes', () => {
  let browser: Browser;
  let admin: ApiSession;
  let rig: MailRig;
  beforeAll(async () => {
    rig = await startRig();
    browser = await launch();
    admin = await ApiSession.as(ADMIN);
  });
  afterAll(async () => {
    await browser?.close();
    await rig?.stop();
  });

  it('an admin adds a mailbox and tests it; a mail to it becomes a ticket on channel Email', async () => {
    const tag = Date.now().toString(36);
    const address = `desk-${tag}@helpdesk.test`;
    const customer = `customer.${tag}@mailbox-e2e.example`;
    const org = await admin.post<{ id: string }>('/organizations', {
      name: `Mailbox e2e ${tag}`,
      active: true,
    });
    await admin.post('/users', {
      email: customer,
      name: `Mailbox customer ${tag}`,
      role: 'client',
      locale: 'en',
      organizationId: org.id,
      password: DEMO_PASSWORD,
      active: true,
      canViewAll: false,
      canViewOrganizationTickets: false,
    });

    const desk = await openAs(browser, { email: ADMIN, app: 'agent' });
    let mailboxId: string | undefined;
    try {
      const page = desk.page;
      await desk.open('/admin/mailboxes');
      // Its own tab is the current one (not "Mail", whose path is a prefix of it), and every
      // tab is named although each name lives in another feature's lazily loaded strings.
      expect(await page.getByTestId('admin-tab-mailboxes').getAttribute('aria-current')).toBe(
        'page',
      );
      expect(await page.getByTestId('admin-tab-mail').getAttribute('aria-current')).toBeNull();
      const tabNames = await page.locator('[data-testid^="admin-tab-"]').allInnerTexts();
      expect(tabNames.length).toBeGreaterThan(15);
      expect(tabNames.filter((name) => /^(tab|tabs\.|defaults\.)/.test(name.trim()))).toEqual([]);
      await page.getByTestId('mailbox-add').click();
      await page.getByTestId('mailbox-name').fill(`Desk ${tag}`);
      await page.getByTestId('mailbox-address').fill(address);
      await page.getByTestId('mailbox-host').fill(rig.host);
      await page.getByTestId('mailbox-port').fill(String(rig.imapPort));
      await page.getByTestId('mailbox-tls').selectOption('none');
      await page.getByTestId('mailbox-user').fill(SUPPORT);
      await page.getByTestId('mailbox-password').fill(rig.users[SUPPORT]);
      // A folder of its own in the shared rig mailbox.
      await page.getByLabel('Folder to read').fill(`E2E-${tag}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
      // The folder must exist for the test below to pass: the server makes it when mail comes.
      const imap = new ImapFlow({
        host: rig.host,
        port: rig.imapPort,
        secure: false,
        doSTARTTLS: false,
        auth: { user: SUPPORT, pass: rig.users[SUPPORT] },
        logger: false,
      });
      imap.on('error', () => undefined);
      await imap.connect();
      await imap.mailboxCreate(`E2E-${tag}`);
      await page.getByTestId('admin-save').click();

      const row = page.getByTestId('mailbox-row').filter({ hasText: address });
      await row.waitFor();
      // The password never comes back to the page.
      expect(await page.content()).not.toContain(rig.users[SUPPORT]);
      await row.getByTestId('mailbox-test').click();
      const result = page.getByTestId('mailbox-test-result');
      await result.waitFor();
      expect(await result.textContent()).toMatch(/Connected: 0 messages in the folder/);

      // The customer writes; the server's mailbox session (scheduler on) files it.
      const subject = `Printer on fire ${tag}`;
      await imap.append(
        `E2E-${tag}`,
        [
          `From: Customer <${customer}>`,
          `To: ${address}`,
          `Subject: ${subject}`,
          `Message-ID: <${tag}@mailbox-e2e.example>`,
          'Date: Sun, 06 Dec 2026 09:00:00 +0000',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'It started smoking at nine.',
          '',
        ].join('\r\n'),
      );
      await imap.logout();
      const list = await admin.get<{ id: string; address: string }[]>('/admin/mailboxes');
      mailboxId = list.find((m) => m.address === address)?.id;
      let ticket: { id: string; number: number } | undefined;
      for (const until = Date.now() + 45_000; !ticket && Date.now() < until;) {
        const found = await admin.get<{ items: { id: string; number: number; subject: string }[] }>(
          `/tickets?q=${encodeURIComponent(tag)}`,
        );
        ticket = found.items.find((t) => t.subject === subject);
        if (!ticket) await new Promise((r) => setTimeout(r, 500));
      }
      expect(ticket).toBeDefined();
      expect(await admin.get<{ channel: string }>(`/tickets/${ticket!.id}`)).toMatchObject({
        channel: 'email',
      });
      await desk.open(`/tickets/${ticket!.number}`);
      const details = page.getByTestId('ticket-fields');
      await details.waitFor();
      expect(await details.textContent()).toContain('E-mail');

      // The list says the mailbox works.
      await desk.open('/admin/mailboxes');
      const working = page.getByTestId('mailbox-row').filter({ hasText: address });
      await working.getByText('Working').waitFor();

      // A mail the database refuses to file (as a full disk would) lands among the failed
      // messages with its error; once the cause is gone, Retry files it.
      const refused = `Refused ${tag}`;
      await sql(`
        CREATE OR REPLACE FUNCTION e2e_refuse_${tag}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.subject = '${refused}' THEN RAISE EXCEPTION 'disk full while filing'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER e2e_refuse_${tag} BEFORE INSERT ON tickets
          FOR EACH ROW EXECUTE FUNCTION e2e_refuse_${tag}();`);
      try {
        const again = new ImapFlow({
          host: rig.host,
          port: rig.imapPort,
          secure: false,
          doSTARTTLS: false,
          auth: { user: SUPPORT, pass: rig.users[SUPPORT] },
          logger: false,
        });
        again.on('error', () => undefined);
        await again.connect();
        await again.append(
          `E2E-${tag}`,
          [
            `From: Customer <${customer}>`,
            `To: ${address}`,
            `Subject: ${refused}`,
            `Message-ID: <refused-${tag}@mailbox-e2e.example>`,
            'Content-Type: text/plain; charset=utf-8',
            '',
            'This one the database refuses at first.',
            '',
          ].join('\r\n'),
        );
        await again.logout();
        let failed: { id: string }[] = [];
        for (const until = Date.now() + 45_000; failed.length === 0 && Date.now() < until;) {
          failed = await admin.get<{ id: string }[]>(
            `/admin/mailboxes/${mailboxId}/failed-messages`,
          );
          if (failed.length === 0) await new Promise((r) => setTimeout(r, 500));
        }
        expect(failed).toHaveLength(1);
      } finally {
        await sql(`DROP TRIGGER e2e_refuse_${tag} ON tickets; DROP FUNCTION e2e_refuse_${tag}()`);
      }
      await working.getByRole('button', { name: 'Failed messages' }).click();
      const failedRow = page.getByTestId('mailbox-failed-row');
      await failedRow.waitFor();
      expect(await failedRow.textContent()).toContain('disk full while filing');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await failedRow.getByTestId('mailbox-failed-retry').click();
      await page.getByText('Processed again: a new ticket.').waitFor();
      await page.getByText('No failed message.').waitFor();
      const filed = await admin.get<{ items: { subject: string }[] }>(
        `/tickets?q=${encodeURIComponent(refused)}`,
      );
      expect(filed.items.filter((x) => x.subject === refused)).toHaveLength(1);
    } finally {
      // Stop the server's session before the rig goes away.
      if (mailboxId) {
        const m = await admin.get<{ version: number }>(`/admin/mailboxes/${mailboxId}`);
        await admin.request('PATCH', `/admin/mailboxes/${mailboxId}`, {
          version: m.version,
          active: false,
        });
      }
      await desk.context.close();
    }
  });
});
