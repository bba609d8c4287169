import type { Browser, Response } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import { describeBrowser, launch, signIn, withPage } from '../support/browser';

const AGENT = 'alexey.smirnov@relaydesk.local';
/**
 * A portal ticket without a routing rule has no group: it waits in the dispatchers' Unassigned
 * (and Undistributed), not in an agent's, which holds their groups' tickets only.
 */
const DISPATCHER = 'marina.kuznetsova@relaydesk.local';
const CLIENT = 's.petrov@agro-yuzhny.example';
/**
 * Well under the polling the list falls back to (10 s while the live stream is down, 2 minutes
 * while it is up): a ticket that shows up within this came through the live stream.
 */
const LIVE_WITHIN_MS = 6_000;

describeBrowser('live updates', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('a ticket filed by someone else appears in the open Unassigned queue, and its count goes up, without a reload', async () => {
    const client = await ApiSession.as(CLIENT);
    await withPage(browser, 'live-unassigned', async (page) => {
      await signIn(page, '/agent/', DISPATCHER);
      const streamOpen = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/me/events') && r.status() === 200,
      );
      await page.getByTestId('queue-unassigned').click();
      await page.waitForURL(/view=unassigned/);
      await streamOpen;
      const count = page.getByTestId('queue-count-unassigned');
      await count.waitFor();
      // The list has loaded (and with it the count) before the new ticket exists.
      await page.getByRole('table').waitFor();
      const before = Number(await count.textContent());
      // Survives only if the page is never reloaded.
      await page.evaluate(() => Object.assign(window, { liveMarker: true }));

      const subject = uniqueText('Live: conveyor belt stopped');
      const ticket = await client.createTicket(subject);
      expect(ticket.assigneeId ?? null).toBeNull(); // so it belongs in Unassigned

      await page.getByText(subject).waitFor({ timeout: LIVE_WITHIN_MS });
      await page.waitForFunction(
        ([el, n]) => Number((el as HTMLElement).textContent) === n,
        [await count.elementHandle(), before + 1] as const,
        { timeout: LIVE_WITHIN_MS },
      );
      // It came without a reload: the page that was open is the one showing it.
      expect(await page.evaluate(() => 'liveMarker' in window)).toBe(true);
    });
  });

  it('two tabs share one stream; when that tab closes, the other takes it over', async () => {
    const client = await ApiSession.as(CLIENT);
    await withPage(browser, 'live-two-tabs', async (first) => {
      const context = first.context();
      const streams: string[] = [];
      context.on('response', (r) => {
        if (r.url().endsWith('/api/v1/me/events') && r.status() === 200) streams.push(r.url());
      });
      const isStream = (r: Response) => r.url().endsWith('/api/v1/me/events') && r.status() === 200;
      const firstStream = first.waitForResponse(isStream);
      await signIn(first, '/agent/tickets?view=unassigned', DISPATCHER);
      await first.getByRole('table').waitFor();
      await firstStream;

      // The second tab resumes the session with the shared cookie and waits for the lock.
      const second = await context.newPage();
      await second.goto('/agent/tickets?view=unassigned');
      await second.getByRole('table').waitFor();
      const shared = uniqueText('Live: both tabs');
      await client.createTicket(shared);
      await first.getByText(shared).waitFor({ timeout: LIVE_WITHIN_MS });
      await second.getByText(shared).waitFor({ timeout: LIVE_WITHIN_MS });
      expect(streams).toHaveLength(1);

      const takeover = second.waitForResponse(isStream, { timeout: LIVE_WITHIN_MS });
      await first.close();
      await takeover;
      expect(streams).toHaveLength(2);
      const after = uniqueText('Live: after the handover');
      await client.createTicket(after);
      await second.getByText(after).waitFor({ timeout: LIVE_WITHIN_MS });
    });
  });

  it("a client's open ticket page shows the agent's reply as it is sent", async () => {
    const client = await ApiSession.as(CLIENT);
    const agent = await ApiSession.as(AGENT);
    const ticket = await client.createTicket(uniqueText('Live: portal page'));
    await withPage(browser, 'live-portal-ticket', async (page) => {
      const streamOpen = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/me/events') && r.status() === 200,
      );
      await signIn(page, `/tickets/${ticket.number}`, CLIENT);
      await page.getByText(ticket.subject).first().waitFor();
      await streamOpen;
      const reply = uniqueText('We are on our way');
      await agent.post(`/tickets/${ticket.id}/comments`, { body: reply, internal: false });
      await page.getByText(reply).waitFor({ timeout: LIVE_WITHIN_MS });
    });
  });
});
