import type { Browser, Page } from 'playwright-core';
import { ApiSession, uniqueText, type ApiTicket } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, screenshot } from '../support/browser';

const ADMIN = 'admin@relaydesk.local';
/** A Czech client and a Russian-speaking agent: both SPAs off English. */
const CLIENT = 'petr.novak@zahradnictvi-novak.example';
const AGENT = 'tereza.dvorakova@relaydesk.local';
const DAY = 86_400_000;

interface TicketType {
  id: string;
  key: string;
  fields: { id: string; key: string; active: boolean }[];
}

const status = (page: Page, testId: string, value: string) =>
  page.locator(`[data-testid="${testId}"][data-status="${value}"]`).waitFor();

/** `<input type="datetime-local">` value in the browser's zone (the tests run in UTC). */
const localInput = (ms: number) => new Date(ms).toISOString().slice(0, 16);

/** The stars are the labels of visually hidden radio buttons: click the star, as a user does. */
async function chooseStar(page: Page, name: string): Promise<void> {
  const radio = page.getByRole('radio', { name });
  await page.locator(`label[for="${await radio.getAttribute('id')}"]`).click();
  expect(await radio.isChecked()).toBe(true);
}

async function websiteIssue(admin: ApiSession): Promise<TicketType> {
  const types = await admin.get<TicketType[]>('/ticket-types');
  const type = types.find((x) => x.key === 'website_issue');
  if (!type) throw new Error('the demo type "Website issue" is missing');
  return type;
}

/**
 * "Website issue" (HappyDesk) gets a required page address and an optional browser, both the
 * client's to fill; they are retired after the test so other files see the demo type as seeded.
 */
async function addFields(admin: ApiSession, typeId: string): Promise<string[]> {
  const suffix = Date.now().toString(36);
  const page = await admin.post<{ id: string }>(`/ticket-types/${typeId}/fields`, {
    key: `page_${suffix}`,
    name: { en: 'Page address', ru: 'Адрес страницы', cs: 'Adresa stránky' },
    kind: 'text',
    required: true,
    clientVisible: true,
    clientEditable: true,
    position: 1,
  });
  const browser = await admin.post<{ id: string }>(`/ticket-types/${typeId}/fields`, {
    key: `browser_${suffix}`,
    name: { en: 'Browser', ru: 'Браузер', cs: 'Prohlížeč' },
    kind: 'select',
    clientVisible: true,
    clientEditable: true,
    options: [
      { value: 'chrome', name: { en: 'Chrome', ru: 'Chrome', cs: 'Chrome' } },
      { value: 'firefox', name: { en: 'Firefox', ru: 'Firefox', cs: 'Firefox' } },
    ],
    position: 2,
  });
  return [page.id, browser.id];
}

describeBrowser('the HappyDesk lifecycle through both SPAs', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('a client files a website issue; the agent works it, holds it (at most 30 days), fixes it; the client rejects, then accepts with a rating', async () => {
    const admin = await ApiSession.as(ADMIN);
    const agentApi = await ApiSession.as(AGENT);
    const clientApi = await ApiSession.as(CLIENT);
    const type = await websiteIssue(admin);
    const fieldIds = await addFields(admin, type.id);
    const fields = (await websiteIssue(admin)).fields.filter((f) => fieldIds.includes(f.id));
    const pageKey = fields.find((f) => f.key.startsWith('page_'))!.key;
    const browserKey = fields.find((f) => f.key.startsWith('browser_'))!.key;
    const subject = uniqueText('E-shop: košík se nenačte');
    const rejection = uniqueText('Košík se pořád nenačítá na mobilu');
    try {
      await withActors(
        browser,
        'happydesk-lifecycle',
        {
          client: { email: CLIENT, app: 'portal', lang: 'cs' },
          agent: { email: AGENT, app: 'agent', lang: 'ru' },
        },
        async ({ client, agent }) => {
          const p = client.page;
          const a = agent.page;

          // The client picks the type; its required field is marked and checked before sending.
          await client.open('/tickets/new');
          await p.getByTestId('portal-type').selectOption(type.id);
          const pageField = p.getByTestId(`portal-custom-${pageKey}`);
          await pageField.waitFor();
          expect(await pageField.getAttribute('required')).not.toBeNull();
          await p.getByTestId('portal-subject').fill(subject);
          await p.getByTestId('portal-submit').click();
          await p
            .locator(`[data-testid="portal-custom-${pageKey}"][aria-invalid="true"]`)
            .waitFor();
          expect(p.url()).toMatch(/\/tickets\/new$/);
          await pageField.fill('https://shop.example/kosik');
          await p.getByTestId('portal-submit').click();
          await p.waitForURL(/\/tickets\/\d+$/);
          const number = Number(/\/tickets\/(\d+)$/.exec(p.url())![1]);
          await status(p, 'portal-ticket-status', 'new');
          expect(await p.getByTestId(`portal-custom-value-${pageKey}`).textContent()).toBe(
            'https://shop.example/kosik',
          );

          // After filing, the client adds the browser. Support changes the ticket meanwhile:
          // the save is refused, what was chosen stays, and after loading the current ticket
          // it goes through.
          await p.getByTestId('portal-custom-edit').click();
          await p.getByTestId(`portal-custom-${browserKey}`).click();
          await p.getByRole('option', { name: 'Firefox' }).click();
          const seen = await clientApi.ticket(number);
          await agentApi.request('PATCH', `/tickets/${seen.id}`, {
            version: seen.version,
            priority: 'urgent',
          });
          await p.getByTestId('portal-custom-save').click();
          await p.getByTestId('portal-custom-conflict').waitFor();
          await screenshot(p, 'happydesk-portal-fields-conflict-cs');
          await p.mouse.move(0, 0);
          expect(await seriousA11yViolations(p)).toEqual([]);
          expect(await p.getByTestId(`portal-custom-${browserKey}`).inputValue()).toBe('Firefox');
          await p.getByTestId('portal-custom-reload').click();
          await p.getByTestId('portal-custom-conflict').waitFor({ state: 'detached' });
          await p.getByTestId('portal-custom-save').click();
          await p.locator('[data-testid="portal-custom-fields"][data-editing="false"]').waitFor();
          expect(await p.getByTestId(`portal-custom-value-${browserKey}`).textContent()).toBe(
            'Firefox',
          );
          const stored = await admin.get<{ customFields: Record<string, unknown> }>(
            `/tickets/${seen.id}`,
          );
          expect(stored.customFields).toEqual({
            [pageKey]: 'https://shop.example/kosik',
            [browserKey]: 'firefox',
          });

          // The agent takes it: taking a ticket in New starts the work by itself.
          await agent.open(`/tickets/${number}`);
          await status(a, 'ticket-status', 'new');
          await a.getByTestId('take-button').click();
          await a.getByTestId('ticket-assignee').filter({ hasText: agent.user.name }).waitFor();
          await status(a, 'ticket-status', 'in_progress');

          // Hold needs a date, at most 30 days ahead: the picker says so and refuses later ones.
          await a.getByTestId('transition-hold').click();
          const until = a.getByTestId('postpone-until');
          await until.waitFor();
          const max = await until.getAttribute('max');
          expect(max).not.toBeNull();
          const maxMs = new Date(`${max}Z`).getTime();
          expect(maxMs).toBeLessThanOrEqual(Date.now() + 30 * DAY);
          expect(maxMs).toBeGreaterThan(Date.now() + 29 * DAY);
          await until.fill(localInput(Date.now() + 40 * DAY));
          await a.getByTestId('confirm-transition').click();
          await a.locator('[data-testid="postpone-until"][aria-invalid="true"]').waitFor();
          await a.getByText('Дата — не более чем на 30 дн. вперёд.').waitFor();
          await screenshot(a, 'happydesk-agent-hold-too-late-ru');
          expect((await agentApi.ticket(number)).status).toBe('in_progress');
          const holdUntil = Date.now() + 10 * DAY;
          await until.fill(localInput(holdUntil));
          await a.getByTestId('confirm-transition').click();
          await status(a, 'ticket-status', 'hold');
          const held = await agentApi.ticket(number);
          expect(held.status).toBe('hold');
          expect(Math.abs(new Date(held.postponedUntil!).getTime() - holdUntil)).toBeLessThan(
            60_000,
          );

          // Back to work, then fixed.
          await a.getByTestId('transition-in_progress').click();
          await status(a, 'ticket-status', 'in_progress');
          await a.getByTestId('transition-fixed').click();
          await status(a, 'ticket-status', 'fixed');

          // The client sees Fixed and rejects it, saying why: the ticket is back in progress.
          await client.open(`/tickets/${number}`);
          await status(p, 'portal-ticket-status', 'fixed');
          await p.getByTestId('portal-reject').click();
          await p.getByTestId('portal-reject-confirm').click();
          await p
            .locator('[data-testid="portal-acceptance-comment"][aria-invalid="true"]')
            .waitFor();
          await p.getByTestId('portal-acceptance-comment').fill(rejection);
          await p.getByTestId('portal-reject-confirm').click();
          await status(p, 'portal-ticket-status', 'in_progress');

          // The agent sees why.
          await agent.open(`/tickets/${number}`);
          await status(a, 'ticket-status', 'in_progress');
          await a.locator('article[data-testid^="comment-"]', { hasText: rejection }).waitFor();

          // Fixed again; this time the client accepts with a rating.
          await a.getByTestId('transition-fixed').click();
          await status(a, 'ticket-status', 'fixed');
          await client.open(`/tickets/${number}`);
          await status(p, 'portal-ticket-status', 'fixed');
          await p.getByTestId('portal-accept').click();
          await chooseStar(p, '4 z 5');
          await p.getByTestId('portal-acceptance-comment').fill('Teď to funguje, díky');
          await screenshot(p, 'happydesk-portal-accept-cs');
          await p.getByTestId('portal-accept-confirm').click();
          await status(p, 'portal-ticket-status', 'closed');
          // A closed ticket offers no edit of its fields.
          expect(await p.getByTestId('portal-custom-edit').count()).toBe(0);

          // The agent sees the rating.
          await agent.open(`/tickets/${number}`);
          await status(a, 'ticket-status', 'closed');
          const rating = a.getByTestId('ticket-satisfaction');
          await rating.waitFor();
          expect(await rating.getAttribute('data-rating')).toBe('4');
          await screenshot(a, 'happydesk-agent-rated-ru');
          await a.mouse.move(0, 0);
          expect(await seriousA11yViolations(a)).toEqual([]);
        },
      );
    } finally {
      for (const id of fieldIds)
        await admin.request('DELETE', `/ticket-types/${type.id}/fields/${id}`);
    }
  });

  it('the agent cancels a ticket as a duplicate: the dialog asks which ticket it repeats, and the two are linked', async () => {
    const admin = await ApiSession.as(ADMIN);
    const clientApi = await ApiSession.as(CLIENT);
    const type = await websiteIssue(admin);
    const file = (subject: string) =>
      clientApi.post<ApiTicket>('/tickets', { subject, description: '', typeId: type.id });
    // Subjects no routing rule matches ("nefunguje" goes to L1, whose turn-taking assigns an
    // agent, and an assigned HappyDesk ticket leaves New by itself).
    const original = await file(uniqueText('Web: přihlášení hlásí chybu'));
    const duplicate = await file(uniqueText('Web: chyba při přihlášení'));

    await withActors(
      browser,
      'happydesk-duplicate',
      { agent: { email: AGENT, app: 'agent', lang: 'cs' } },
      async ({ agent }) => {
        const a = agent.page;
        await agent.open(`/tickets/${duplicate.number}`);
        await status(a, 'ticket-status', 'new');
        await a.getByTestId('transition-canceled').click();
        // Without the duplicated ticket the dialog refuses.
        await a.getByTestId('confirm-transition').click();
        await a.locator('[data-testid="duplicate-of"][aria-invalid="true"]').waitFor();
        await a.getByTestId('duplicate-of').click();
        await a.getByTestId('duplicate-of').fill(String(original.number));
        await a.getByRole('option', { name: new RegExp(`^#${original.number} `) }).click();
        await screenshot(a, 'happydesk-agent-duplicate-cs');
        await a.getByTestId('confirm-transition').click();
        await status(a, 'ticket-status', 'canceled');
        const link = a.getByTestId(`link-${original.number}`);
        await link.waitFor();
        expect(await link.getAttribute('data-relation')).toBe('duplicate_of');
        expect(await link.getByRole('link').getAttribute('href')).toBe(
          `/agent/tickets/${original.number}`,
        );
        expect((await clientApi.ticket(duplicate.number)).status).toBe('canceled');
      },
    );
  });
});
