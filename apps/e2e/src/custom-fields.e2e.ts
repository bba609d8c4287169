import type { Browser, Page } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, screenshot } from '../support/browser';

const ADMIN = 'admin@relaydesk.local';
const CLIENT = 's.petrov@agro-yuzhny.example';
const AGENT = 'alexey.smirnov@relaydesk.local';

/**
 * A public type with a required text field, an optional select and a staff-only field. Last
 * in the list (position), so the portal's default type for other tests stays what it was.
 */
async function createType(admin: ApiSession): Promise<{ id: string; key: string }> {
  // Types are shared by every test file on this database; this one is retired after the test.
  // On the Okdesk workflow: the test resolves the ticket with Okdesk's "Resolved".
  const workflows = await admin.get<{ id: string; key: string }[]>('/workflows');
  const okdesk = workflows.find((w) => w.key === 'okdesk');
  if (!okdesk) throw new Error('the Okdesk workflow is missing');
  const key = `meter_${Date.now().toString(36)}`;
  const type = await admin.post<{ id: string }>('/ticket-types', {
    key,
    name: { en: `Meter reading ${key}`, ru: `Показания счётчика ${key}`, cs: `Odečet ${key}` },
    workflowId: okdesk.id,
    isPublic: true,
    defaultPriority: 'normal',
    position: 10000,
  });
  await admin.post(`/ticket-types/${type.id}/fields`, {
    key: 'meter_no',
    name: { en: 'Meter number', ru: 'Номер счётчика', cs: 'Číslo měřidla' },
    kind: 'text',
    required: true,
    clientVisible: true,
    clientEditable: true,
    position: 1,
  });
  await admin.post(`/ticket-types/${type.id}/fields`, {
    key: 'site',
    name: { en: 'Site', ru: 'Площадка', cs: 'Místo' },
    kind: 'select',
    clientVisible: true,
    clientEditable: true,
    options: [
      { value: 'north', name: { en: 'North farm', ru: 'Северная ферма', cs: 'Severní farma' } },
      { value: 'south', name: { en: 'South farm', ru: 'Южная ферма', cs: 'Jižní farma' } },
    ],
    position: 2,
  });
  await admin.post(`/ticket-types/${type.id}/fields`, {
    key: 'engineer_note',
    name: { en: 'Engineer note', ru: 'Заметка инженера', cs: 'Poznámka technika' },
    kind: 'text',
    clientVisible: false,
    position: 3,
  });
  return { id: type.id, key };
}

/** The stars are the labels of visually hidden radio buttons: click the star, as a user does. */
async function chooseStar(page: Page, name: string): Promise<void> {
  const radio = page.getByRole('radio', { name });
  await page.locator(`label[for="${await radio.getAttribute('id')}"]`).click();
  expect(await radio.isChecked()).toBe(true);
}

const status = (page: Page, testId: string, value: string) =>
  page.locator(`[data-testid="${testId}"][data-status="${value}"]`).waitFor();

describeBrowser('custom fields of a ticket type, from the portal form to acceptance', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('the portal marks the required field, refuses the form without it, files the ticket with it; the agent sees the value and resolves; the client accepts with a rating the agent then sees', async () => {
    const admin = await ApiSession.as(ADMIN);
    const type = await createType(admin);
    const subject = uniqueText('Water meter reading');
    try {
      await withActors(
        browser,
        'custom-fields',
        {
          // Russian on a phone: field names come translated from the type, the rest from the SPA.
          client: { email: CLIENT, app: 'portal', lang: 'ru', width: 375, height: 800 },
          agent: { email: AGENT, app: 'agent' },
        },
        async ({ client, agent }) => {
          const p = client.page;
          await client.open('/tickets/new');
          await p.getByTestId('portal-type').selectOption(type.id);

          // The required field is marked (required attribute, asterisk, the note), the client
          // does not get the staff-only field at all.
          const meter = p.getByTestId('portal-custom-meter_no');
          await meter.waitFor();
          expect(await meter.getAttribute('required')).not.toBeNull();
          expect(await p.getByText('Номер счётчика').first().textContent()).toContain(
            'Номер счётчика',
          );
          await p.getByTestId('portal-customs-required-note').waitFor();
          expect(await p.getByTestId('portal-custom-engineer_note').count()).toBe(0);

          // Without it: the field says what is wrong, nothing is filed.
          await p.getByTestId('portal-subject').fill(subject);
          await p.getByTestId('portal-submit').click();
          await p.locator('[data-testid="portal-custom-meter_no"][aria-invalid="true"]').waitFor();
          await p.getByText('Заполните это поле').waitFor();
          expect(p.url()).toMatch(/\/tickets\/new$/);
          expect(
            await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
          ).toBe(true);
          await screenshot(p, 'custom-fields-portal-required-ru');
          // Not over a button: its hover shade is not what the page shows at rest.
          await p.mouse.move(0, 0);
          expect(await seriousA11yViolations(p)).toEqual([]);

          // With it (and a choice of site): the ticket is filed and shows the values.
          await meter.fill('WM-20417');
          await p.getByTestId('portal-custom-site').click();
          await p.getByRole('option', { name: 'Южная ферма' }).click();
          await p.getByTestId('portal-submit').click();
          await p.waitForURL(/\/tickets\/\d+$/);
          const number = Number(/\/tickets\/(\d+)$/.exec(p.url())![1]);
          await p
            .getByTestId('portal-custom-value-meter_no')
            .filter({ hasText: 'WM-20417' })
            .waitFor();
          expect(await p.getByTestId('portal-custom-value-site').textContent()).toBe('Южная ферма');

          // The API stored them as sent.
          const stored = await admin.get<{ customFields: Record<string, unknown>; typeId: string }>(
            `/tickets/by-number/${number}`,
          );
          expect(stored.typeId).toBe(type.id);
          expect(stored.customFields).toEqual({ meter_no: 'WM-20417', site: 'south' });

          // The agent sees the values, takes the ticket and resolves it.
          await agent.open(`/tickets/${number}`);
          await agent.page.getByTestId('ticket-custom-fields').waitFor();
          expect(await agent.page.getByTestId('ticket-custom-meter_no').inputValue()).toBe(
            'WM-20417',
          );
          expect(await agent.page.getByTestId('ticket-custom-site').inputValue()).toBe(
            'South farm',
          );
          await agent.page.getByTestId('take-button').click();
          await agent.page
            .getByTestId('ticket-assignee')
            .filter({ hasText: agent.user.name })
            .waitFor();
          await agent.page.getByTestId('transition-resolved').click();
          await status(agent.page, 'ticket-status', 'resolved');

          // The client accepts with a rating and a comment.
          await client.open(`/tickets/${number}`);
          await status(p, 'portal-ticket-status', 'resolved');
          await p.getByTestId('portal-accept').click();
          // Confirming without a rating asks for one.
          await p.getByTestId('portal-accept-confirm').click();
          await p.getByText('Выберите оценку от 1 до 5').waitFor();
          await chooseStar(p, '4 из 5');
          await p.getByTestId('portal-acceptance-comment').fill('Быстро и по делу');
          await screenshot(p, 'custom-fields-portal-accept-ru');
          // Not over a button: its hover shade is not what the page shows at rest.
          await p.mouse.move(0, 0);
          expect(await seriousA11yViolations(p)).toEqual([]);
          expect(
            await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
          ).toBe(true);
          await p.getByTestId('portal-accept-confirm').click();
          await status(p, 'portal-ticket-status', 'closed');
          expect(await p.getByTestId('portal-resolution').count()).toBe(0);

          // The rating shows on the agent's ticket page.
          await agent.open(`/tickets/${number}`);
          const rating = agent.page.getByTestId('ticket-satisfaction');
          await rating.waitFor();
          expect(await rating.getAttribute('data-rating')).toBe('4');
          expect(await agent.page.getByTestId('ticket-satisfaction-comment').textContent()).toBe(
            'Быстро и по делу',
          );
          await agent.page.locator('[data-kind="rated"]').waitFor();
          await screenshot(agent.page, 'custom-fields-agent-rated-en');
          await agent.page.mouse.move(0, 0);
          expect(await seriousA11yViolations(agent.page)).toEqual([]);
        },
      );
    } finally {
      const current = await admin.get<{ version: number }>(`/ticket-types/${type.id}`);
      await admin.request('PATCH', `/ticket-types/${type.id}`, {
        version: current.version,
        active: false,
      });
    }
  });
});
