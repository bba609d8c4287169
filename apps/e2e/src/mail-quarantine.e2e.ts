import type { Browser } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { BASE_URL, describeBrowser, launch, screenshot } from '../support/browser';

const ADMIN = 'admin@relaydesk.local';
const DISPATCHER = 'marina.kuznetsova@relaydesk.local';

/**
 * A mail from a stranger, piped in over HTTP as an MTA would (a service account's token with
 * inbound-mail:write), waits in the quarantine; a dispatcher reads it and accepts it for an
 * organization: a contact and a ticket appear. Another is discarded.
 */
describeBrowser('the mail quarantine in the agent workspace', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('a dispatcher accepts a held mail as a new ticket for a new contact, and discards another', async () => {
    const admin = await ApiSession.as(ADMIN);
    const account = await admin.post<{ id: string }>('/admin/service-accounts', {
      name: uniqueText('MTA pipe'),
      role: 'agent',
    });
    const { token } = await admin.post<{ token: string }>(
      `/admin/service-accounts/${account.id}/tokens`,
      { name: 'pipe', scopes: ['inbound-mail:write'] },
    );
    const verdict = 'mx.relaydesk.local; spf=pass smtp.mailfrom=newcomer.example';
    const pipe = async (from: string, subject: string, text: string) => {
      const id = `${uniqueText('q').replace(/\W/g, '')}@stranger.example`;
      const raw =
        `Authentication-Results: ${verdict}\r\n` +
        `From: ${from}\r\nTo: support@relaydesk.local\r\nSubject: ${subject}\r\n` +
        `Message-ID: <${id}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n`;
      const res = await fetch(`${BASE_URL}/api/v1/inbound-mail`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'message/rfc822' },
        body: raw,
      });
      expect(res.status).toBe(202);
      return (await res.json()) as { result: string };
    };
    const keep = uniqueText('Our scanner needs toner');
    const drop = uniqueText('Cheap watches');
    const stranger = `${uniqueText('nina').replace(/\W/g, '').toLowerCase()}@newcomer.example`;
    expect(
      (await pipe(`Nina New <${stranger}>`, keep, 'Hello, we are a new customer.')).result,
    ).toBe('quarantined');
    expect((await pipe('Spam <spam@spam.example>', drop, 'Buy now.')).result).toBe('quarantined');
    const dispatcher = await ApiSession.as(DISPATCHER);
    const orgs = await dispatcher.get<{ items: { id: string; name: string }[] }>(
      '/organizations?limit=1&active=true',
    );
    const org = orgs.items[0];

    await withActors(
      browser,
      'mail-quarantine',
      { dispatcher: { email: DISPATCHER, app: 'agent' } },
      async ({ dispatcher: d }) => {
        await d.open('/tickets');
        await d.page.getByTestId('nav-mail-quarantine').click();
        await d.page.getByRole('heading', { name: 'Mail quarantine' }).waitFor();
        const row = d.page.getByTestId('quarantine-row').filter({ hasText: keep });
        await row.getByText('unknown sender').waitFor();
        await screenshot(d.page, 'mail-quarantine');

        await row.getByRole('button', { name: 'Open' }).click();
        const dialog = d.page.getByRole('dialog');
        await dialog.getByTestId('quarantine-text').getByText('we are a new customer').waitFor();
        expect(await dialog.getByTestId('quarantine-accept').isDisabled()).toBe(true);
        await dialog.getByPlaceholder('Find an organization').fill(org.name.slice(0, 6));
        await d.page.getByRole('option', { name: org.name }).first().click();
        await dialog.getByTestId('quarantine-accept').click();
        const done = dialog.getByTestId('quarantine-accepted');
        await done.waitFor();
        const number = Number((await done.getByRole('link').innerText()).replace('#', ''));
        await dialog.getByRole('button', { name: 'Close' }).click();

        const other = d.page.getByTestId('quarantine-row').filter({ hasText: drop });
        await other.getByRole('button', { name: 'Open' }).click();
        await d.page.getByRole('dialog').getByTestId('quarantine-discard').click();
        await other.waitFor({ state: 'detached' });
        await d.page
          .getByTestId('quarantine-row')
          .filter({ hasText: keep })
          .waitFor({ state: 'detached' });

        const ticket = await dispatcher.ticket(number);
        expect(ticket.subject).toBe(keep);
        expect((ticket as unknown as { channel: string }).channel).toBe('email');

        // The accepted mail is the ticket's own: its card shows the receiving server's check.
        await d.open(`/tickets/${number}`);
        const card = d.page.getByTestId('ticket-inbound-mail');
        await card.getByRole('button', { name: 'Show' }).click();
        await card
          .getByTestId('inbound-mail-auth')
          .getByText(`Receiving server’s check: ${verdict}`)
          .waitFor();
      },
    );
  });
});
