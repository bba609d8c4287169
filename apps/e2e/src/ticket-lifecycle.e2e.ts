import type { Browser, Page } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { describeBrowser, launch, settle } from '../support/browser';

const CLIENT = 's.petrov@agro-yuzhny.example';
const AGENT = 'alexey.smirnov@relaydesk.local';
/**
 * A portal ticket without a routing rule has no group: it waits in the dispatchers' Unassigned
 * (and Undistributed), not in an agent's, which holds their groups' tickets only.
 */
const DISPATCHER = 'marina.kuznetsova@relaydesk.local';
/** The sidebar counts and the lists poll every 10 s; give them two rounds. */
const LIVE = 20_000;

async function count(page: Page, view: string): Promise<number> {
  const badge = page.getByTestId(`queue-count-${view}`);
  await badge.waitFor();
  return Number(await badge.textContent());
}

async function waitForCount(page: Page, view: string, expected: number): Promise<void> {
  await page
    .waitForFunction(
      ([id, n]) =>
        document.querySelector(`[data-testid="queue-count-${id}"]`)?.textContent === String(n),
      [view, expected] as const,
      { timeout: LIVE },
    )
    .catch(async () => {
      throw new Error(
        `queue-count-${view} stayed at ${await page.getByTestId(`queue-count-${view}`).textContent()}, expected ${expected}`,
      );
    });
}

function agentComment(page: Page, internal: boolean, text: string) {
  return page.locator(`article[data-testid^="comment-"][data-internal="${internal}"]`, {
    hasText: text,
  });
}

describeBrowser('a ticket from the portal to the desk and back', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('a client files a ticket; the dispatcher sees it in Unassigned, takes it, replies and notes; the client sees the reply but never the note', async () => {
    await withActors(
      browser,
      'lifecycle-reply-and-note',
      { client: { email: CLIENT, app: 'portal' }, agent: { email: DISPATCHER, app: 'agent' } },
      async ({ client, agent }) => {
        const subject = uniqueText('Greenhouse 7: vents stuck');
        const reply = uniqueText('Public reply: an engineer comes tomorrow');
        const note = uniqueText('INTERNAL: the controller firmware is ours to blame');

        await agent.open('/tickets?view=unassigned');
        const before = await count(agent.page, 'unassigned');

        // The client files the ticket in the portal.
        await client.open('/tickets/new');
        await client.page.getByTestId('portal-subject').fill(subject);
        await client.page.getByTestId('portal-description').fill('The roof vents do not open.');
        await client.page.getByTestId('portal-submit').click();
        await client.page.waitForURL(/\/tickets\/\d+$/);
        const number = Number(/\/tickets\/(\d+)$/.exec(client.page.url())![1]);
        await client.page
          .locator('[data-testid="portal-ticket-status"][data-status="open"]')
          .waitFor();

        // The agent's sidebar and Unassigned list pick it up by themselves.
        await waitForCount(agent.page, 'unassigned', before + 1);
        const row = agent.page.getByTestId(`ticket-row-${number}`);
        await row.waitFor({ timeout: LIVE });
        expect(await row.textContent()).toContain(subject);

        // Take it.
        await row.getByRole('link', { name: subject }).click();
        await agent.page.getByTestId('ticket-detail').waitFor();
        expect(await agent.page.getByTestId('ticket-number').textContent()).toBe(`#${number}`);
        await agent.page.getByTestId('take-button').click();
        await agent.page
          .getByTestId('ticket-assignee')
          .filter({ hasText: agent.user.name })
          .waitFor();
        expect(await agent.page.getByTestId('take-button').count()).toBe(0);

        // A public reply…
        await agent.page.getByTestId('comment-body').fill(reply);
        await agent.page.getByTestId('comment-send').click();
        await agentComment(agent.page, false, reply).waitFor();

        // …and an internal note, with the composer visibly in internal mode.
        await agent.page.getByTestId('comment-internal-switch').check();
        expect(await agent.page.getByTestId('comment-composer').getAttribute('data-internal')).toBe(
          'true',
        );
        await agent.page.getByTestId('comment-body').fill(note);
        await agent.page.getByTestId('comment-send').click();
        await agentComment(agent.page, true, note).waitFor();

        // The client sees the reply and not the note.
        await client.open(`/tickets/${number}`);
        await client.page.locator('[data-testid^="portal-comment-"]', { hasText: reply }).waitFor();
        await settle(client.page);
        const portalText = await client.page.locator('body').innerText();
        expect(portalText).toContain(reply);
        expect(portalText).not.toContain(note);

        // Not hidden by the SPA: the API itself never gives the client the note.
        const clientApi = await ApiSession.as(CLIENT);
        const agentApi = await ApiSession.as(DISPATCHER);
        const ticket = await clientApi.ticket(number);
        const seenByClient = await clientApi.comments(ticket.id);
        expect(seenByClient.map((c) => c.body)).toContain(reply);
        expect(seenByClient.filter((c) => c.body.includes(note) || c.internal)).toEqual([]);
        // The note does exist — staff get it.
        const seenByAgent = await agentApi.comments(ticket.id);
        expect(seenByAgent.filter((c) => c.body === note).map((c) => c.internal)).toEqual([true]);
      },
    );
  });

  it('the agent postpones, then resolves; the client accepts; the ticket is closed and in the Closed queue', async () => {
    const clientApi = await ApiSession.as(CLIENT);
    const agentApi = await ApiSession.as(AGENT);
    const subject = uniqueText('Boiler room: pressure drops at night');
    const created = await clientApi.createTicket(subject, 'Pressure falls below 1 bar.');
    await agentApi.take(created.number);
    const number = created.number;

    await withActors(
      browser,
      'lifecycle-postpone-resolve-accept',
      {
        client: { email: CLIENT, app: 'portal' },
        // A zone with an offset, to check the local date and time is sent as the right instant.
        agent: { email: AGENT, app: 'agent', timezoneId: 'Europe/Prague' },
      },
      async ({ client, agent }) => {
        const status = (page: Page, testId: string, value: string) =>
          page.locator(`[data-testid="${testId}"][data-status="${value}"]`).waitFor();

        // Needs clarification, postponed until a date the agent picks.
        await agent.open(`/tickets/${number}`);
        await status(agent.page, 'ticket-status', 'open');
        await agent.page.getByTestId('transition-needs_clarification').click();
        await agent.page.getByTestId('postpone-until').fill('2031-03-04T10:30');
        await agent.page.getByTestId('confirm-transition').click();
        await status(agent.page, 'ticket-status', 'needs_clarification');
        const postponed = await agentApi.ticket(number);
        expect(postponed.status).toBe('needs_clarification');
        // 10:30 in Prague on 4 March (UTC+1).
        expect(postponed.postponedUntil).toBe('2031-03-04T09:30:00.000Z');

        await client.open(`/tickets/${number}`);
        await status(client.page, 'portal-ticket-status', 'needs_clarification');

        // Resolved.
        await agent.page.getByTestId('transition-resolved').click();
        await status(agent.page, 'ticket-status', 'resolved');

        await agent.open('/tickets?view=closed');
        const closedBefore = await count(agent.page, 'closed');

        // The client accepts the solution.
        await client.open(`/tickets/${number}`);
        await status(client.page, 'portal-ticket-status', 'resolved');
        // Accepting asks for a rating (1–5) first.
        await client.page.getByTestId('portal-accept').click();
        // The stars are the labels of visually hidden radio buttons: click the fifth star.
        const star = client.page.getByRole('radio', { name: '5 of 5' });
        await client.page.locator(`label[for="${await star.getAttribute('id')}"]`).click();
        expect(await star.isChecked()).toBe(true);
        await client.page.getByTestId('portal-accept-confirm').click();
        await status(client.page, 'portal-ticket-status', 'closed');
        expect(await client.page.getByTestId('portal-accept').count()).toBe(0);
        expect((await clientApi.ticket(number)).status).toBe('closed');

        // Closed, and in the agent's Closed queue.
        await agent.open('/tickets?view=closed');
        await waitForCount(agent.page, 'closed', closedBefore + 1);
        const row = agent.page.getByTestId(`ticket-row-${number}`);
        await row.waitFor();
        expect(await row.textContent()).toContain(subject);
        await row.getByRole('link', { name: subject }).click();
        await status(agent.page, 'ticket-status', 'closed');
      },
    );
  });
});
