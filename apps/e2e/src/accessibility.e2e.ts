import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import { openAs, screenshotOnFailure, type Actor } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, newContext, settle } from '../support/browser';

const CLIENT = 's.petrov@agro-yuzhny.example';

/** Navigates, waits for the page's content and for its requests to settle, then runs axe. */
async function check(page: Page, name: string, go: () => Promise<void>, ready: string) {
  await screenshotOnFailure(`axe-${name}`, { page }, async () => {
    await go();
    await page.locator(ready).first().waitFor();
    await settle(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
}

describeBrowser('no serious or critical axe violations (WCAG 2 A/AA)', () => {
  let browser: Browser;
  let agent: Actor;
  let client: Actor;
  let anonymous: BrowserContext;
  let number: number;
  /** The demo's climate controller and its closed request with billed work (issue 18). */
  let controllerId: string;
  let workNumber: number;

  beforeAll(async () => {
    browser = await launch();
    // A ticket with everything a ticket page can show: replies, an internal note, a resolution.
    const clientApi = await ApiSession.as(CLIENT);
    const agentApi = await ApiSession.as('alexey.smirnov@relaydesk.local');
    const ticket = await clientApi.createTicket(
      uniqueText('Ventilation in greenhouse 2 switches off'),
      'The fans stop every evening at about 19:00.',
    );
    number = ticket.number;
    await agentApi.take(number);
    await agentApi.post(`/tickets/${ticket.id}/comments`, { body: 'We will check the relay.' });
    await agentApi.post(`/tickets/${ticket.id}/comments`, {
      body: 'Relay K3 replaced.',
      internal: true,
    });
    await clientApi.post(`/tickets/${ticket.id}/comments`, { body: 'Thank you!' });
    await agentApi.transition(number, 'resolved');
    const items = await clientApi.get<{ items: { id: string }[] }>(
      '/equipment-items?q=PRV-24-00317',
    );
    controllerId = items.items[0].id;
    const about = await clientApi.get<{ items: { number: number; subject: string }[] }>(
      `/tickets?equipmentId=${controllerId}&limit=50`,
    );
    workNumber = about.items.find((x) => x.subject.startsWith('Теплица №3'))!.number;
    [agent, client] = await Promise.all([
      openAs(browser, { email: 'admin@relaydesk.local', app: 'agent' }),
      openAs(browser, { email: CLIENT, app: 'portal' }),
    ]);
    anonymous = await newContext(browser);
  });
  afterAll(async () => {
    await Promise.all([agent?.context.close(), client?.context.close(), anonymous?.close()]);
    await browser?.close();
  });

  describe('agent workspace', () => {
    it('ticket list', () =>
      check(
        agent.page,
        'agent-list',
        () => agent.open('/tickets?view=open'),
        '[data-testid^="ticket-row-"]',
      ));
    it('ticket page', () =>
      check(
        agent.page,
        'agent-detail',
        () => agent.open(`/tickets/${number}`),
        'article[data-testid^="comment-"][data-internal="true"]',
      ));
    it('new ticket', () =>
      check(
        agent.page,
        'agent-new',
        () => agent.open('/tickets/new'),
        '[data-testid="new-ticket-form"]',
      ));
    it('calendar', () =>
      check(
        agent.page,
        'agent-calendar',
        () => agent.open('/calendar'),
        '[data-testid="calendar"]',
      ));
    it('administration: users', () =>
      check(
        agent.page,
        'agent-admin-users',
        () => agent.open('/admin/users'),
        '[data-testid^="admin-row-"]',
      ));
    it('profile', () =>
      check(
        agent.page,
        'agent-profile',
        () => agent.open('/profile'),
        '[data-testid="sign-out-everywhere"]',
      ));
    it('sign-in page', async () => {
      const page = await anonymous.newPage();
      await check(
        page,
        'agent-login',
        async () => void (await page.goto('/agent/')),
        'form button[type="submit"]',
      );
    });
  });

  describe('client portal', () => {
    it('ticket list', () =>
      check(
        client.page,
        'portal-list',
        () => client.open('/tickets'),
        '[data-testid="portal-ticket-list"]:not([data-loading])',
      ));
    it('new ticket', () =>
      check(
        client.page,
        'portal-new',
        () => client.open('/tickets/new'),
        '[data-testid="portal-new-ticket-form"]',
      ));
    it('ticket page', () =>
      check(
        client.page,
        'portal-ticket',
        () => client.open(`/tickets/${number}`),
        '[data-testid="portal-accept"]',
      ));
    it('ticket page with billed work', () =>
      check(
        client.page,
        'portal-ticket-work',
        () => client.open(`/tickets/${workNumber}`),
        '[data-testid="portal-work-entry"]',
      ));
    it('equipment list', () =>
      check(
        client.page,
        'portal-equipment',
        () => client.open('/equipment'),
        '[data-testid="equipment-list"]:not([data-loading])',
      ));
    it('equipment card with its requests and work', () =>
      check(
        client.page,
        'portal-equipment-item',
        () => client.open(`/equipment/${controllerId}`),
        '[data-testid="equipment-work"]',
      ));
    it('sites', () =>
      check(
        client.page,
        'portal-sites',
        () => client.open('/sites'),
        '[data-testid="object-card"]',
      ));
    it('contracts', () =>
      check(
        client.page,
        'portal-contracts',
        () => client.open('/contracts'),
        '[data-testid="contract-card"]',
      ));
    it('profile', () =>
      check(
        client.page,
        'portal-profile',
        () => client.open('/profile'),
        '[data-testid="sign-out-everywhere"]',
      ));
    it('sign-in page', async () => {
      const page = await anonymous.newPage();
      await check(
        page,
        'portal-login',
        async () => void (await page.goto('/')),
        'form button[type="submit"]',
      );
    });
    it('forgot-password page', async () => {
      const page = await anonymous.newPage();
      await check(
        page,
        'portal-forgot-password',
        async () => void (await page.goto('/forgot-password')),
        '[data-testid="forgot-submit"]',
      );
    });
    it('reset-password page', async () => {
      const page = await anonymous.newPage();
      await check(
        page,
        'portal-reset-password',
        // A made-up token: the form is what is checked, not the answer.
        async () => void (await page.goto(`/reset-password#token=${'x'.repeat(43)}`)),
        '[data-testid="set-password-submit"]',
      );
    });
  });
});
