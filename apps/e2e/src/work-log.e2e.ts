import type { Browser } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, screenshot, settle } from '../support/browser';
import { sql } from '../support/db';

const AGENT = 'alexey.smirnov@relaydesk.local';
const ADMIN = 'admin@relaydesk.local';

/**
 * Issue 18, the work log: an agent starts the timer on a ticket, finds it still running after a
 * reload, stops it into the entry form (time prefilled), logs the work as an activity of the
 * price list, and finds the entry and its totals in the work report. The timer's start is moved
 * 25 minutes back in the database (a clock move: a browser test cannot wait that long).
 */
describeBrowser('work log in the agent workspace', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('an agent logs work with the timer on a ticket and sees it in the report', async () => {
    const agentApi = await ApiSession.as(AGENT);
    const adminApi = await ApiSession.as(ADMIN);
    const activity = uniqueText('Boiler service');
    await adminApi.post('/billing-items', { name: activity, unit: 'h', price: 40 });
    const ticket = await agentApi.createTicket(uniqueText('Boiler pressure drops'));
    const description = uniqueText('Bled the heating circuit');

    await withActors(
      browser,
      'work-log',
      { agent: { email: AGENT, app: 'agent' } },
      async ({ agent: a }) => {
        await a.open(`/tickets/${ticket.number}`);
        const card = a.page.getByTestId('work-card');
        await card.getByTestId('work-timer-start').click();
        await card.getByTestId('work-timer-stop').waitFor();
        await sql(
          `UPDATE work_timers SET started_at = started_at - interval '25 minutes' WHERE user_id = $1`,
          [agentApi.user.id],
        );

        // The timer is the API's: a reload finds it running, 25 minutes in.
        await a.page.reload();
        await card
          .getByTestId('work-timer-clock')
          .filter({ hasText: /^0:25:\d\d$/ })
          .waitFor();
        await screenshot(a.page, 'work-log-timer');
        await card.getByTestId('work-timer-stop').click();

        const form = a.page.getByTestId('work-entry-form');
        await form.waitFor();
        expect(await form.getByTestId('work-duration').inputValue()).toBe('0:25');
        await form.getByTestId('work-activity').click();
        await a.page.getByRole('option', { name: new RegExp(activity) }).click();
        await form.getByTestId('work-description').fill(description);
        // A file goes with the entry: uploaded once the entry is written, listed under it.
        await form.locator('input[type="file"]').setInputFiles({
          name: 'pressure-report.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from('Inlet 2.1 bar, outlet 1.8 bar\n'),
        });
        await screenshot(a.page, 'work-log-entry-form');
        expect(await seriousA11yViolations(a.page)).toEqual([]);
        await form.getByTestId('work-save').click();
        await form.waitFor({ state: 'detached' });

        const row = card.getByTestId('work-entry').filter({ hasText: description });
        await row.waitFor();
        expect(await row.innerText()).toContain('0:25');
        await row
          .getByTestId('work-entry-file')
          .filter({ hasText: 'pressure-report.txt' })
          .waitFor();
        await card.getByTestId('work-timer-start').waitFor();
        expect(await card.getByTestId('work-totals').innerText()).toMatch(/0:25/);

        // The report: the entry with its ticket, the agent's totals.
        await a.page.getByTestId('nav-work-report').click();
        const report = a.page.getByTestId('work-report');
        await report.waitFor();
        const entry = report
          .getByTestId('work-report-entry')
          .filter({ hasText: `#${ticket.number}` });
        await entry.waitFor();
        expect(await entry.innerText()).toContain(activity);
        expect(await entry.innerText()).toContain('0:25');
        await settle(a.page);
        await screenshot(a.page, 'work-log-report');
        expect(await seriousA11yViolations(a.page)).toEqual([]);
      },
    );

    // What the API stored: the timer's span, billed as done, an hourly quantity.
    const work = await agentApi.get<{
      items: {
        durationSeconds: number;
        quantityBilled: number;
        amount: number;
        startedAt: string | null;
      }[];
    }>(`/tickets/${ticket.id}/work-entries`);
    expect(work.items).toHaveLength(1);
    expect(work.items[0].durationSeconds).toBeGreaterThanOrEqual(25 * 60);
    expect(work.items[0].durationSeconds).toBeLessThan(27 * 60);
    expect(work.items[0].startedAt).not.toBeNull();
  });
});
