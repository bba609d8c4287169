import type { Browser } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { describeBrowser, launch, screenshot } from '../support/browser';

const CLIENT = 's.petrov@agro-yuzhny.example';
const AGENT = 'alexey.smirnov@relaydesk.local';
const DISPATCHER = 'marina.kuznetsova@relaydesk.local';

describeBrowser('linked tickets and the parent close rule', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('a dispatcher links a child by its number; closing the parent names the open child, and "Close anyway" closes it', async () => {
    const clientApi = await ApiSession.as(CLIENT);
    const agentApi = await ApiSession.as(AGENT);
    const parent = await clientApi.createTicket(uniqueText('Links: whole site without power'));
    const child = await clientApi.createTicket(uniqueText('Links: greenhouse 2 without power'));
    await agentApi.transition(parent.number, 'resolved');

    await withActors(
      browser,
      'ticket-links',
      { dispatcher: { email: DISPATCHER, app: 'agent', lang: 'cs' } },
      async ({ dispatcher }) => {
        const p = dispatcher.page;
        await dispatcher.open(`/tickets/${parent.number}`);
        await p.getByTestId('ticket-links').waitFor();

        // Link the child: relation, then the ticket found by its number.
        await p.getByTestId('link-relation').selectOption('child');
        await p.getByTestId('link-ticket').click();
        await p.getByTestId('link-ticket').fill(String(child.number));
        await p.getByRole('option', { name: new RegExp(`^#${child.number} `) }).click();
        await p.getByTestId('add-link').click();
        const row = p.getByTestId(`link-${child.number}`);
        await row.waitFor();
        expect(await row.getAttribute('data-relation')).toBe('child');
        expect(await row.getByRole('link').getAttribute('href')).toBe(
          `/agent/tickets/${child.number}`,
        );

        // Closing the parent is refused while the child is open; the dialog names it.
        await p.getByTestId('transition-closed').click();
        const dialog = p.getByTestId('open-children');
        await dialog.waitFor();
        expect(await dialog.textContent()).toContain(`#${child.number}`);
        await screenshot(p, 'ticket-links-open-children-cs');
        await p.getByTestId('force-close').click();
        await p.locator('[data-testid="ticket-status"][data-status="closed"]').waitFor();
        await p.locator('[data-kind="close_forced"]').waitFor();
        expect((await agentApi.ticket(parent.number)).status).toBe('closed');
      },
    );
  });
});
