import type { Browser } from 'playwright-core';
import { ApiSession, uniqueText, type ApiTicket } from '../support/api';
import { withActors } from '../support/actors';
import { describeBrowser, launch, settle } from '../support/browser';
import { sql } from '../support/db';

const AGENT = 'alexey.smirnov@relaydesk.local';
/** The demo's dispatcher: sees every ticket by role, with no visibility scope of her own. */
const DISPATCHER = 'marina.kuznetsova@relaydesk.local';
const DAY = 86_400_000;

/** `YYYY-MM-DD` of a UTC instant: the browser runs in UTC here, so that is its local day. */
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Moves the ticket's SLA resolution deadline (the clock's own instant, as a sweep-free way to
 * have a deadline days away or days ago); the trigger keeps effective_due_at with it.
 */
async function setSlaDeadline(ticketId: string, at: Date): Promise<void> {
  const rows = await sql(
    `UPDATE tickets SET resolution_due_at = $2, due_at = NULL WHERE id = $1 RETURNING effective_due_at`,
    [ticketId, at],
  );
  expect(rows).toHaveLength(1);
}

/**
 * Issue 16, item 2: the agent calendar places and colours a ticket by its effective due time,
 * the manual due date else the SLA resolution deadline, as the Overdue queue and the iCal feed
 * do. A ticket whose only deadline is the SLA's is on that deadline's day (not its creation
 * day), and marked overdue once the deadline has passed.
 */
describeBrowser('agent calendar and SLA deadlines', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('shows an SLA-only ticket on its deadline’s day, overdue when past, and a manual due date first', async () => {
    const api = await ApiSession.as(AGENT);
    // The agent's own tickets: the calendar shows "mine" by default.
    const file = (prefix: string) =>
      api.post<ApiTicket>('/tickets', { subject: uniqueText(prefix), assigneeId: api.user.id });
    const ahead = await file('Calendar SLA ahead');
    const past = await file('Calendar SLA past');
    const manual = await file('Calendar manual due');
    const now = Date.now();
    // Days away from today (its creation day), at 10:00 UTC.
    const at = (days: number) =>
      new Date(Math.floor((now + days * DAY) / DAY) * DAY + 10 * 3_600_000);
    await setSlaDeadline(ahead.id, at(3));
    await setSlaDeadline(past.id, at(-3));
    // A manual due date wins over the SLA deadline, also for the calendar.
    await setSlaDeadline(manual.id, at(3));
    await sql(`UPDATE tickets SET due_at = $2 WHERE id = $1`, [manual.id, at(4)]);

    await withActors(
      browser,
      'calendar-sla',
      { agent: { email: AGENT, app: 'agent', timezoneId: 'UTC' } },
      async ({ agent }) => {
        const page = agent.page;
        const chipIn = (day: Date, n: number) =>
          page.getByTestId(`calendar-day-${dayOf(day)}`).getByTestId(`calendar-chip-${n}`);

        await agent.open(`/calendar?mode=week&date=${dayOf(at(3))}`);
        const aheadChip = chipIn(at(3), ahead.number);
        await aheadChip.waitFor();
        expect(await aheadChip.getAttribute('data-overdue')).toBeNull();
        expect(await aheadChip.getAttribute('title')).toContain('SLA deadline');
        await chipIn(at(4), manual.number).waitFor();
        expect(await page.getByTestId(`calendar-chip-${manual.number}`).count()).toBe(1);
        expect(await page.getByTestId(`calendar-chip-${ahead.number}`).count()).toBe(1);

        await agent.open(`/calendar?mode=week&date=${dayOf(at(-3))}`);
        const pastChip = chipIn(at(-3), past.number);
        await pastChip.waitFor();
        expect(await pastChip.getAttribute('data-overdue')).toBe('true');
        expect(await pastChip.getAttribute('title')).toContain('overdue');
        expect(await pastChip.locator('svg').count()).toBeGreaterThan(0);

        // Its creation day (today) does not show it: it belongs to its deadline's day.
        await agent.open(`/calendar?mode=week&date=${dayOf(new Date(now))}`);
        await page.getByTestId(`calendar-day-${dayOf(new Date(now))}`).waitFor();
        await settle(page);
        for (const n of [ahead.number, past.number, manual.number]) {
          expect(await chipIn(new Date(now), n).count()).toBe(0);
        }
      },
    );
  });

  it('offers “all tickets” to a dispatcher, who sees every ticket, and not to an agent who does not (review F8)', async () => {
    const api = await ApiSession.as(AGENT);
    // Not the dispatcher's: only "all tickets" puts it on her calendar.
    const his = await api.post<ApiTicket>('/tickets', {
      subject: uniqueText('Calendar all'),
      assigneeId: api.user.id,
    });
    const at = new Date(Math.floor(Date.now() / DAY) * DAY + 2 * DAY + 10 * 3_600_000);
    await sql(`UPDATE tickets SET due_at = $2 WHERE id = $1`, [his.id, at]);

    await withActors(
      browser,
      'calendar-all',
      {
        dispatcher: { email: DISPATCHER, app: 'agent', timezoneId: 'UTC' },
        agent: { email: AGENT, app: 'agent', timezoneId: 'UTC' },
      },
      async ({ dispatcher, agent }) => {
        const week = `/calendar?mode=week&date=${dayOf(at)}`;
        const chip = dispatcher.page
          .getByTestId(`calendar-day-${dayOf(at)}`)
          .getByTestId(`calendar-chip-${his.number}`);
        await dispatcher.open(week);
        // The switch writes ?all=1 and the page re-renders from the address, so the switch is
        // checked a moment after the click, not during it (Playwright's check() then fails):
        // click, wait for what only "all tickets" shows, then read the switch.
        const showAll = dispatcher.page.getByTestId('calendar-show-all');
        await showAll.click();
        await chip.waitFor();
        expect(await showAll.isChecked()).toBe(true);

        // The agent (scope groups by default) is offered his own tickets only.
        await agent.open(week);
        await agent.page.getByTestId(`calendar-chip-${his.number}`).waitFor();
        await settle(agent.page);
        expect(await agent.page.getByTestId('calendar-show-all').count()).toBe(0);
      },
    );
  });
});
