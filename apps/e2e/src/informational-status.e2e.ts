import type { Browser, Page } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch } from '../support/browser';

const ADMIN = 'admin@relaydesk.local';

interface WorkflowBody {
  id: string;
  version: number;
  statuses: { key: string; category: string; name: { en: string; ru?: string; cs?: string } }[];
  transitions: { from: string; to: string; allowedRoles: string[] }[];
}

/** The index of the row whose key input holds `key` in the statuses table. */
async function statusRow(page: Page, key: string): Promise<number> {
  const keys = await page
    .locator('[data-testid^="status-key-"]')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  return keys.indexOf(key);
}

/**
 * Issue 16, item 8 in the workspace: the workflow editor offers an Okdesk workflow the
 * Informational status (PayDox) in one click, with its transitions; saved, a ticket moved there
 * shows the status and its category in the admin's language.
 */
describeBrowser('informational status', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('an admin adds the Informational status to an Okdesk workflow from the editor', async () => {
    await withActors(
      browser,
      'informational-status',
      { admin: { email: ADMIN, app: 'agent' } },
      async ({ admin }) => {
        const page = admin.page;
        const api = await ApiSession.as(ADMIN);
        // A copy of the preset of its own: the demo's Okdesk workflow serves the other tests.
        const key = `okdesk_info_${Date.now().toString(36)}`;
        const installed = await api.post<WorkflowBody>('/workflows/presets/okdesk/install', {
          key,
        });

        await admin.open(`/admin/workflows/${installed.id}`);
        await page.getByTestId('workflow-editor').waitFor();
        const option = page.getByTestId('informational-option');
        await option.waitFor();
        expect(await statusRow(page, 'informational')).toBe(-1);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.getByTestId('informational-add').click();
        await option.waitFor({ state: 'detached' });
        const row = await statusRow(page, 'informational');
        expect(row).toBeGreaterThan(0);
        expect(await page.getByTestId(`status-category-${row}`).inputValue()).toBe('informational');
        await page
          .getByTestId('workflow-diagram')
          .locator('[data-testid="diagram-status-informational"]')
          .waitFor();
        await page.getByTestId('workflow-save').first().click();
        await page.getByTestId('workflow-dirty').waitFor({ state: 'detached' });

        const saved = await api.get<WorkflowBody>(`/workflows/${installed.id}`);
        expect(saved.version).toBe(installed.version + 1);
        expect(saved.statuses).toContainEqual(
          expect.objectContaining({
            key: 'informational',
            category: 'informational',
            name: { en: 'Informational', ru: 'Информационная', cs: 'Informativní' },
          }),
        );
        const pairs = saved.transitions.map((t) => `${t.from}>${t.to}`);
        expect(pairs).toEqual(
          expect.arrayContaining([
            'open>informational',
            'in_progress>informational',
            'needs_clarification>informational',
            'informational>open',
          ]),
        );

        // A ticket on this workflow, moved there: its page names the status.
        const type = await api.post<{ id: string }>('/ticket-types', {
          key: `e2e_info_${Date.now().toString(36)}`,
          name: { en: 'E2E informational type' },
          workflowId: installed.id,
        });
        const ticket = await api.post<{ id: string; number: number }>('/tickets', {
          subject: uniqueText('Informational e2e'),
          description: '',
          typeId: type.id,
          // Past due: overdue while it is open work, never once it is informational.
          dueAt: new Date(Date.now() - 86_400_000).toISOString(),
        });
        await api.transition(ticket.number, 'informational');
        await admin.open(`/tickets/${ticket.number}`);
        const badge = page.getByTestId('ticket-status');
        await badge.filter({ hasText: 'Informational' }).waitFor();
        // Never overdue: no overdue mark on its page although its due date has passed.
        expect(await page.getByTestId('ticket-overdue').count()).toBe(0);
        // Its SLA clocks (the demo's Standard policy) stand still: paused, not met as a resolved
        // ticket's would be.
        const sla = await api.get<{ sla: { pausedAt: string | null } }>(`/tickets/${ticket.id}`);
        expect(sla.sla.pausedAt).not.toBeNull();
        expect(await page.getByTestId('sla-clock-resolution').getAttribute('data-state')).toBe(
          'paused',
        );
        // Back to open work, the same ticket is overdue.
        await api.transition(ticket.number, 'open');
        await page.getByTestId('ticket-overdue').waitFor();
      },
    );
  });
});
