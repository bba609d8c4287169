import type { Browser, Page } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, screenshot, settle } from '../support/browser';
import { sql } from '../support/db';

// pdf-parse 1.x is CommonJS without types; its lib entry skips the package's debug self-test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (
  data: Buffer,
) => Promise<{ text: string }>;

const AGENT = 'alexey.smirnov@relaydesk.local';
const ADMIN = 'admin@relaydesk.local';
const YUZHNY = 'АО «Агрокомбинат Южный»';
const CONTACT = 'Николай Орлов';
const BOILER_HOUSE = 'Котельная';
const BOILER_SERIAL = 'VX3-7781-2023';
const CONTRACT = 'СО-117/2025';

async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: text }).first().click();
}

/**
 * Issue 18's "done means", end to end in the UI: an agent working in Russian files an
 * Okdesk-style ticket through the cascading pickers (client → contact → service object →
 * equipment → contract), logs work with the timer, prints the service protocol in Russian (the
 * requester's language, chosen by default), reads the downloaded PDF back, and keeps a copy on
 * the ticket. The pickers' narrowing is contracts-agent's, the timer's reload work-log's: here
 * they are only walked through. The timer's start is moved 25 minutes back in the database.
 */
describeBrowser('an Okdesk-style ticket with its protocol', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('an agent files a linked ticket, times work on it, prints the protocol in Russian and stores it', async () => {
    const adminApi = await ApiSession.as(ADMIN);
    const agentApi = await ApiSession.as(AGENT);
    const activity = uniqueText('Диагностика котла');
    await adminApi.post('/billing-items', { name: activity, unit: 'ч', price: 2400 });
    const subject = uniqueText('Котёл не выходит на режим');

    await withActors(
      browser,
      'okdesk-ticket',
      { agent: { email: AGENT, app: 'agent', lang: 'ru' } },
      async ({ agent: a }) => {
        const page = a.page;
        await a.open('/tickets/new');
        await page.getByTestId('new-ticket-subject').fill(subject);
        await page.getByTestId('new-ticket-organization').fill('Южный');
        await page.getByRole('option', { name: YUZHNY }).click();
        await page.getByTestId('new-ticket-requester').fill('Орлов');
        await page.getByRole('option', { name: CONTACT }).click();
        await choose(page, 'links-object', BOILER_HOUSE);
        await choose(page, 'links-equipment', BOILER_SERIAL);
        await choose(page, 'links-contract', CONTRACT);
        await page.getByTestId('new-ticket-submit').click();
        await page.getByTestId('ticket-registers').getByTestId('ticket-equipment-link').waitFor();
        const number = Number(/\/tickets\/(\d+)/.exec(page.url())![1]);

        // Work, timed: start, 25 minutes pass (in the database), stop into the prefilled form.
        const work = page.getByTestId('work-card');
        await work.getByTestId('work-timer-start').click();
        await work.getByTestId('work-timer-stop').waitFor();
        await sql(
          `UPDATE work_timers SET started_at = started_at - interval '25 minutes' WHERE user_id = $1`,
          [agentApi.user.id],
        );
        await work.getByTestId('work-timer-stop').click();
        const form = page.getByTestId('work-entry-form');
        await form.waitFor();
        expect(await form.getByTestId('work-duration').inputValue()).toBe('0:25');
        await form.getByTestId('work-activity').click();
        await page.getByRole('option', { name: new RegExp(activity) }).click();
        await form.getByTestId('work-save').click();
        await form.waitFor({ state: 'detached' });
        await work.getByTestId('work-entry').filter({ hasText: '0:25' }).waitFor();

        // The protocol in the requester's language (Russian), downloaded and read back.
        const card = page.getByTestId('protocol-card');
        expect(await card.getByTestId('protocol-language').inputValue()).toBe('ru');
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          card.getByTestId('protocol-print').click(),
        ]);
        expect(download.suggestedFilename()).toBe(`protocol-${number}-ru.pdf`);
        const chunks: Buffer[] = [];
        for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
        const text = (await pdfParse(Buffer.concat(chunks))).text.replace(/\s+/g, ' ');
        const ticket = await agentApi.ticket(number);
        const entries = await agentApi.get<{ totals: { amount: number } }>(
          `/tickets/${ticket.id}/work-entries`,
        );
        const total = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2 })
          .format(entries.totals.amount)
          .replace(/\s/g, ' ');
        expect(entries.totals.amount).toBeGreaterThan(0);
        for (const expected of [
          'Протокол сервисного обслуживания',
          `Заявка #${number}`,
          subject,
          YUZHNY,
          CONTACT,
          BOILER_HOUSE,
          'Viessmann Vitoplex 300',
          BOILER_SERIAL,
          CONTRACT,
          'Выполненные работы',
          activity,
          `Итого${total}`,
        ]) {
          expect(text.replace(/Итого ?/, 'Итого')).toContain(expected);
        }

        // Stored on the ticket: its attachments list it.
        await card.getByTestId('protocol-store').click();
        const files = page.locator('section[aria-labelledby="attachments-heading"]');
        await files.getByText(`Протокол сервисного обслуживания ${number} ru.pdf`).waitFor();
        await settle(page);
        await screenshot(page, 'okdesk-ticket-protocol');
        expect(await seriousA11yViolations(page)).toEqual([]);
      },
    );
  });
});
