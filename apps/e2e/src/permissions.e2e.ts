import type { Browser, Page } from 'playwright-core';
import { ApiSession, uniqueText, type ApiTicket } from '../support/api';
import { withActors, type Actor } from '../support/actors';
import { describeBrowser, launch, settle } from '../support/browser';

const CLIENT = 's.petrov@agro-yuzhny.example';
const AGENT = 'alexey.smirnov@relaydesk.local';
const DISPATCHER = 'marina.kuznetsova@relaydesk.local';

/** Every status name in English: no button on a client's open ticket may carry one. */
const STATUS_NAMES = /^(open|in progress|needs clarification|resolved|closed)\b/i;

/**
 * Opens a ticket page and waits until what decides its actions has been answered: the
 * transitions (agent), the ticket itself (portal: accept and reject follow from its status
 * and requester).
 */
async function openTicket(actor: Actor, number: number): Promise<void> {
  const decisive =
    actor.app === 'agent'
      ? /\/api\/v1\/tickets\/[^/]+\/transitions$/
      : new RegExp(`/api/v1/tickets/by-number/${number}$`);
  const transitions = actor.page.waitForResponse(
    (r) => decisive.test(r.url()) && r.request().method() === 'GET',
  );
  await actor.open(`/tickets/${number}`);
  await actor.page.getByTestId(actor.app === 'agent' ? 'ticket-detail' : 'portal-ticket').waitFor();
  expect((await transitions).ok()).toBe(true);
  // Let the answer render: the absence of a button must not be a button not drawn yet.
  await settle(actor.page);
}

/** Test ids of the visible buttons that look like status actions. */
async function statusButtons(page: Page): Promise<string[]> {
  return page
    .locator(
      'button[data-testid^="transition-"], [data-testid="portal-accept"], [data-testid="portal-reject"]',
    )
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
}

async function buttonNames(page: Page): Promise<string[]> {
  return page
    .getByRole('button')
    .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
}

describeBrowser('disallowed actions are not offered', () => {
  let browser: Browser;
  let open: ApiTicket;
  let resolved: ApiTicket;
  let closed: ApiTicket;
  let clientApi: ApiSession;

  beforeAll(async () => {
    browser = await launch();
    clientApi = await ApiSession.as(CLIENT);
    const agentApi = await ApiSession.as(AGENT);
    [open, resolved, closed] = await Promise.all([
      clientApi.createTicket(uniqueText('Permissions: open')),
      clientApi.createTicket(uniqueText('Permissions: resolved')),
      clientApi.createTicket(uniqueText('Permissions: closed')),
    ]);
    await agentApi.transition(resolved.number, 'resolved');
    await agentApi.transition(closed.number, 'resolved');
    await clientApi.transition(closed.number, 'closed');
  });
  afterAll(() => browser?.close());

  it('a client gets no status action on an open ticket, and only Accept and Reject on a resolved one', async () => {
    await withActors(
      browser,
      'permissions-client',
      { client: { email: CLIENT, app: 'portal' } },
      async ({ client }) => {
        await openTicket(client, open.number);
        expect(await statusButtons(client.page)).toEqual([]);
        expect((await buttonNames(client.page)).filter((n) => STATUS_NAMES.test(n))).toEqual([]);
        // The API offers the requester only their own close (the shipped Okdesk workflow's "this
        // solved my problem", issue 17; the portal offers it from the knowledge-base panel, not as
        // a status button), and a forced move to anything else is refused.
        expect((await clientApi.transitions(open.id)).map((t) => t.to)).toEqual(['closed']);
        await expect(clientApi.transition(open.number, 'resolved')).rejects.toMatchObject({
          status: 409,
        });

        await openTicket(client, resolved.number);
        await client.page.getByTestId('portal-accept').waitFor();
        expect((await statusButtons(client.page)).sort()).toEqual([
          'portal-accept',
          'portal-reject',
        ]);
        expect((await buttonNames(client.page)).filter((n) => STATUS_NAMES.test(n))).toEqual([]);
        expect((await clientApi.transitions(resolved.id)).map((t) => t.to).sort()).toEqual([
          'closed',
          'open',
        ]);
      },
    );
  });

  it('an agent may take and move an open ticket but not assign it; a dispatcher may assign', async () => {
    await withActors(
      browser,
      'permissions-assign',
      {
        agent: { email: AGENT, app: 'agent' },
        dispatcher: { email: DISPATCHER, app: 'agent' },
      },
      async ({ agent, dispatcher }) => {
        await openTicket(agent, open.number);
        await agent.page.getByTestId('take-button').waitFor();
        expect(await statusButtons(agent.page)).toEqual(
          expect.arrayContaining(['transition-in_progress', 'transition-resolved']),
        );
        expect(await agent.page.getByTestId('assign-button').count()).toBe(0);

        // The same ticket for a dispatcher: the Assign button exists, so its absence above means something.
        await openTicket(dispatcher, open.number);
        await dispatcher.page.getByTestId('assign-button').waitFor();
      },
    );
  });

  it('an agent gets no status, take or assign action on a closed ticket', async () => {
    await withActors(
      browser,
      'permissions-closed',
      { agent: { email: AGENT, app: 'agent' } },
      async ({ agent }) => {
        await openTicket(agent, closed.number);
        await agent.page.locator('[data-testid="ticket-status"][data-status="closed"]').waitFor();
        expect(await statusButtons(agent.page)).toEqual([]);
        expect(await agent.page.getByTestId('take-button').count()).toBe(0);
        expect(await agent.page.getByTestId('assign-button').count()).toBe(0);
      },
    );
  });
});
