import type { Browser } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { describeBrowser, launch, screenshot } from '../support/browser';

const CLIENT = 'a.lebedeva@agro-yuzhny.example';
const DISPATCHER = 'marina.kuznetsova@relaydesk.local';
const ADMIN = 'admin@relaydesk.local';

interface DeliveryPage {
  items: { recipient: string; status: string; kind: string }[];
}

describeBrowser('mail deliveries in the agent workspace', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('staff see a ticket’s mails in its Deliveries section; admins see the mail settings', async () => {
    const client = await ApiSession.as(CLIENT);
    const ticket = await client.createTicket(uniqueText('Greenhouse pump'));
    const dispatcher = await ApiSession.as(DISPATCHER);
    // The fan-out and the delivery worker run after the commit: wait for the acknowledgement.
    const deadline = Date.now() + 30_000;
    let page: DeliveryPage = { items: [] };
    while (Date.now() < deadline) {
      page = await dispatcher.get<DeliveryPage>(`/tickets/${ticket.id}/deliveries`);
      if (page.items.some((d) => d.recipient === CLIENT && d.status === 'sent')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(page.items).toContainEqual(
      expect.objectContaining({ recipient: CLIENT, status: 'sent', kind: 'ticket_acknowledged' }),
    );

    await withActors(
      browser,
      'mail-deliveries',
      {
        dispatcher: { email: DISPATCHER, app: 'agent', lang: 'cs' },
        admin: { email: ADMIN, app: 'agent' },
      },
      async ({ dispatcher: d, admin }) => {
        await d.open(`/tickets/${ticket.number}`);
        const card = d.page.getByTestId('ticket-deliveries');
        await card.getByRole('heading', { name: 'Odeslané zprávy' }).waitFor();
        // Folded until asked for.
        expect(await d.page.getByTestId('ticket-deliveries-table').isVisible()).toBe(false);
        await d.page.getByTestId('deliveries-toggle').click();
        const row = d.page
          .getByTestId('ticket-deliveries-table')
          .getByRole('row')
          .filter({ hasText: CLIENT });
        await row.waitFor();
        expect(await row.getAttribute('data-status')).toBe('sent');
        await row.getByText('Požadavek přijat').waitFor();
        await screenshot(d.page, 'ticket-deliveries-cs');

        await admin.open('/admin/mail');
        const settings = admin.page.getByTestId('mail-settings');
        await settings.waitFor();
        // The test server has no SMTP_URL: the log driver, and where its files are.
        await settings.getByText('log: written to files, not sent').waitFor();
        await settings.getByText(/[/\\]mail$/).waitFor();
        await admin.page
          .getByTestId('mail-counts')
          .getByText(/^Sent: \d+/)
          .waitFor();
        await screenshot(admin.page, 'admin-mail');
      },
    );
  });
});
