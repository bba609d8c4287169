import type { Browser, Page } from 'playwright-core';
import { ApiSession, uniqueText, type ApiTicket } from '../support/api';
import { withActors } from '../support/actors';
import { describeBrowser, launch } from '../support/browser';

const ADMIN = 'admin@relaydesk.local';
/** The demo's Russian customer; the UI runs in English here. */
const CLIENT = 's.petrov@agro-yuzhny.example';
const STAFF = ['admin', 'dispatcher', 'agent'];

interface WorkflowBody {
  id: string;
  key: string;
  name: unknown;
  version: number;
  statuses: { key: string }[];
  transitions: { from: string; to: string; allowedRoles: string[] }[];
  autoTransitions?: unknown[];
}

async function settledList(page: Page): Promise<void> {
  await page.locator('[data-testid="portal-ticket-list"]:not([data-loading])').waitFor();
}

async function statusOptions(page: Page): Promise<string[]> {
  return page
    .getByTestId('portal-status-filter')
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
}

/**
 * Review F2 of issue 16: a ticket in the status category `informational` (PayDox
 * "Информационное") is neither open nor closed. The portal gives it a filter of its own, "For
 * information", offered only while the client has such tickets.
 */
describeBrowser('the portal: informational tickets', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('"For information" shows once the client has an informational ticket, and finds it', async () => {
    const admin = await ApiSession.as(ADMIN);
    const clientApi = await ApiSession.as(CLIENT);
    // An Okdesk workflow of its own with the Informational status, as an admin adds it.
    const key = `okdesk_portal_info_${Date.now().toString(36)}`;
    const wf = await admin.post<WorkflowBody>('/workflows/presets/okdesk/install', { key });
    await admin.request('PUT', `/workflows/${wf.id}`, {
      version: wf.version,
      key: wf.key,
      name: wf.name,
      statuses: [
        ...wf.statuses,
        {
          key: 'informational',
          name: { en: 'Informational', ru: 'Информационная', cs: 'Informativní' },
          category: 'informational',
          pausesSla: false,
        },
      ],
      transitions: [...wf.transitions, { from: 'open', to: 'informational', allowedRoles: STAFF }],
      autoTransitions: wf.autoTransitions ?? [],
    });
    const type = await admin.post<{ id: string }>('/ticket-types', {
      key: `e2e_portal_info_${Date.now().toString(36)}`,
      name: { en: 'E2E portal informational' },
      workflowId: wf.id,
      isPublic: true,
    });
    const subject = uniqueText('Planned maintenance notice');
    const ticket = await clientApi.post<ApiTicket>('/tickets', { subject, typeId: type.id });

    await withActors(
      browser,
      'portal-informational',
      { client: { email: CLIENT, app: 'portal', lang: 'en' } },
      async ({ client }) => {
        const p = client.page;
        // No informational ticket yet: no such filter.
        await client.open('/tickets');
        await settledList(p);
        expect(await statusOptions(p)).toEqual(['', 'open', 'waiting', 'resolved', 'closed']);

        await admin.transition(ticket.number, 'informational');
        const counts = await clientApi.get<{ informational: number }>('/tickets/counts');
        expect(counts.informational).toBeGreaterThan(0);

        await client.open(`/tickets?q=${encodeURIComponent(subject)}`);
        await settledList(p);
        const filter = p.getByTestId('portal-status-filter');
        await filter.locator('option[value="informational"]').waitFor({ state: 'attached' });
        expect(await filter.locator('option[value="informational"]').textContent()).toBe(
          'For information',
        );
        const card = p.getByTestId(`portal-ticket-${ticket.number}`);
        for (const open of ['open', 'waiting', 'resolved', 'closed']) {
          await filter.selectOption(open);
          await p.waitForURL((url) => url.searchParams.get('status') === open);
          await settledList(p);
          expect(await card.isVisible()).toBe(false);
        }
        await filter.selectOption('informational');
        await p.waitForURL((url) => url.searchParams.get('status') === 'informational');
        await card.waitFor();
        expect(await card.textContent()).toContain('Informational');
      },
    );
  });
});
