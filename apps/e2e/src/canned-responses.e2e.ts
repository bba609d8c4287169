import type { Browser } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, screenshot, settle } from '../support/browser';

const CLIENT = 's.petrov@agro-yuzhny.example';
const DISPATCHER = 'marina.kuznetsova@relaydesk.local';

interface TicketView {
  id: string;
  number: number;
  subject: string;
  requester: { name: string } | null;
  organization: { name: string } | null;
}

/**
 * Issue 17, canned responses: a dispatcher writes a template with placeholders on the
 * management page (the preview names what each fills), opens the picker in a ticket's
 * composer with Ctrl+/, inserts it at the cursor filled for that ticket, and sends it: the
 * client reads the reply with the ticket's number, subject, their own name, their organization
 * and the dispatcher's name in it, and no placeholder left. The page, the form and the picker
 * have no serious accessibility violations.
 */
describeBrowser('canned responses in the agent workspace', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('a canned response with placeholders is inserted (Ctrl+/) and sent with the values filled', async () => {
    const clientApi = await ApiSession.as(CLIENT);
    const filed = await clientApi.createTicket(uniqueText('Greenhouse 3 sensor offline'));
    const dispatcherApi = await ApiSession.as(DISPATCHER);
    const ticket = await dispatcherApi.get<TicketView>(`/tickets/${filed.id}`);
    const title = uniqueText('Sensor check');
    const template =
      'Hello {{requester.name}},\n' +
      'about #{{ticket.number}} "{{ticket.subject}}" for {{organization.name}}: ' +
      'we are checking the sensor. {{agent.name}}';
    const filled =
      `Hello ${ticket.requester!.name},\n` +
      `about #${ticket.number} "${ticket.subject}" for ${ticket.organization!.name}: ` +
      `we are checking the sensor. ${dispatcherApi.user.name}`;

    await withActors(
      browser,
      'canned-responses',
      { dispatcher: { email: DISPATCHER, app: 'agent' } },
      async ({ dispatcher: d }) => {
        // The management page: create a personal template; the preview marks the placeholders.
        await d.open('/tickets');
        await d.page.getByTestId('nav-canned-responses').click();
        await d.page.getByRole('heading', { name: 'Canned responses' }).waitFor();
        await d.page.getByTestId('canned-create').click();
        const dialog = d.page.getByRole('dialog');
        await dialog.getByTestId('canned-title').fill(title);
        await dialog.getByTestId('canned-body').fill(template);
        await dialog.getByTestId('canned-preview').getByText('requester’s name').waitFor();
        expect(await dialog.getByTestId('preview-placeholder').count()).toBe(5);
        expect(await dialog.getByTestId('preview-unknown').count()).toBe(0);
        await screenshot(d.page, 'canned-response-form');
        expect(await seriousA11yViolations(d.page)).toEqual([]);
        await dialog.getByTestId('canned-save').click();
        await d.page.getByTestId('canned-row').filter({ hasText: title }).waitFor();
        await settle(d.page);
        expect(await seriousA11yViolations(d.page)).toEqual([]);

        // The ticket: some text, the cursor between, the picker by keyboard.
        await d.open(`/tickets/${ticket.number}`);
        const body = d.page.getByTestId('comment-body');
        await body.fill('Dear customer,\n\nKind regards');
        await body.focus();
        // After "Dear customer,\n\n": the template goes in there, the rest stays after it.
        await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(16, 16));
        await d.page.keyboard.press('Control+Slash');
        const search = d.page.getByTestId('canned-picker-search');
        await search.waitFor();
        await search.fill(title);
        // The search narrows the list (debounced) to the one template: Enter takes the first.
        await d.page.waitForFunction((wanted) => {
          const items = document.querySelectorAll('[data-testid="canned-picker-item"]');
          return items.length === 1 && (items[0].textContent ?? '').includes(wanted);
        }, title);
        await screenshot(d.page, 'canned-response-picker');
        expect(await seriousA11yViolations(d.page)).toEqual([]);
        await search.press('Enter');
        await search.waitFor({ state: 'detached' });

        expect(await body.inputValue()).toBe(`Dear customer,\n\n${filled}Kind regards`);

        await d.page.getByTestId('comment-send').click();
        await d.page
          .locator('article[data-testid^="comment-"][data-internal="false"]', {
            hasText: `#${ticket.number}`,
          })
          .waitFor();
      },
    );

    // What the client reads: the values, no placeholder.
    const seen = await clientApi.comments(filed.id);
    const reply = seen.find((c) => c.body.includes(`#${ticket.number}`));
    expect(reply?.body).toBe(`Dear customer,\n\n${filled}Kind regards`);
    expect(reply?.body).not.toContain('{{');
    // The insert was counted.
    const listed = await dispatcherApi.get<{ items: { title: string; usageCount: number }[] }>(
      `/canned-responses?q=${encodeURIComponent(title)}`,
    );
    expect(listed.items.map((c) => [c.title, c.usageCount])).toEqual([[title, 1]]);
  });
});
