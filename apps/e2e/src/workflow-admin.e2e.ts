import type { Browser, Page } from 'playwright-core';
import { ApiSession } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, screenshot, settle } from '../support/browser';

const ADMIN = 'admin@relaydesk.local';

interface WorkflowBody {
  id: string;
  key: string;
  version: number;
  statuses: { key: string; name: { en: string } }[];
  transitions: { from: string; to: string }[];
}

/** The index of the row whose key input holds `key` in the statuses table. */
async function statusRow(page: Page, key: string): Promise<number> {
  const keys = await page
    .locator('[data-testid^="status-key-"]')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  const index = keys.indexOf(key);
  if (index < 0) throw new Error(`no status row with key ${key} (rows: ${keys.join(', ')})`);
  return index;
}

async function saveAndWait(page: Page): Promise<void> {
  await page.getByTestId('workflow-save').first().click();
  await page.getByTestId('workflow-dirty').waitFor({ state: 'detached' });
}

describeBrowser('workflow administration', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('an admin installs HappyDesk, renames a status, adds a transition, sees the diagram follow, and must map tickets of a removed status', async () => {
    await withActors(
      browser,
      'workflow-admin',
      { admin: { email: ADMIN, app: 'agent' } },
      async ({ admin }) => {
        const page = admin.page;
        const api = await ApiSession.as(ADMIN);
        const key = `happydesk_e2e_${Date.now().toString(36)}`;

        // Install the preset from the list under a key of its own.
        await admin.open('/admin/workflows');
        await page.getByTestId('workflow-install-open').click();
        await page.getByTestId('preset-happydesk').check();
        await page.getByTestId('preset-key').fill(key);
        await page.getByTestId('preset-install').click();
        await page.getByTestId('workflow-editor').waitFor();
        await page.waitForURL(/\/admin\/workflows\/[0-9a-f-]{36}$/);
        const id = /\/admin\/workflows\/([0-9a-f-]{36})$/.exec(page.url())![1];

        // The diagram draws the preset: seven statuses, its arrows (with the requester's own close
        // from the four open statuses, issue 17) and its five automatic ones (with New –assigned→
        // In Progress, issue 16).
        const diagram = page.getByTestId('workflow-diagram');
        await diagram.locator('[data-testid="diagram-status-hold"]').waitFor();
        expect(await diagram.locator('[data-testid^="diagram-status-"]').count()).toBe(7);
        expect(await diagram.locator('svg[role="img"]').getAttribute('aria-label')).toMatch(
          /7 statuses, 18 transitions, 5 automatic/,
        );
        expect(
          await diagram
            .locator('[data-testid="diagram-edge-fixed-closed"][data-auto="true"]')
            .count(),
        ).toBe(1);
        expect(await diagram.locator('[data-testid="diagram-edge-hold-fixed"]').count()).toBe(0);

        // Rename a status and add Hold → Fixed.
        const waiting = await statusRow(page, 'waiting_for_customer');
        await page.getByTestId(`status-name-en-${waiting}`).fill('Waiting for Client');
        await page.getByTestId('transition-add').click();
        const last = (await page.locator('[data-testid^="transition-row-"]').count()) - 1;
        await page.getByTestId(`transition-from-${last}`).selectOption({ label: 'Hold' });
        await page.getByTestId(`transition-to-${last}`).selectOption({ label: 'Fixed' });
        await page.getByTestId(`transition-commentRequired-${last}`).check();
        await page.getByTestId('workflow-dirty').waitFor();
        await saveAndWait(page);

        // The saved workflow has both changes, and the diagram shows them.
        const saved = await api.get<WorkflowBody>(`/workflows/${id}`);
        expect(saved.version).toBe(2);
        expect(saved.statuses.find((s) => s.key === 'waiting_for_customer')?.name.en).toBe(
          'Waiting for Client',
        );
        expect(saved.transitions).toContainEqual(
          expect.objectContaining({ from: 'hold', to: 'fixed', commentRequired: true }),
        );
        await diagram.locator('[data-testid="diagram-edge-hold-fixed"]').waitFor();
        expect(
          await diagram
            .locator('[data-testid="diagram-status-waiting_for_customer"]')
            .textContent(),
        ).toContain('Waiting for Client');
        // Away from Save: the theme's hover shade of filled buttons is a transient state.
        await page.mouse.move(0, 0);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await screenshot(page, 'workflow-editor-after-save');

        // Someone else saves in the meantime: this editor's save is refused and offers a reload.
        await api.request('PUT', `/workflows/${id}`, {
          key: saved.key,
          name: { en: 'HappyDesk (e2e)' },
          statuses: saved.statuses,
          transitions: saved.transitions,
          autoTransitions: (saved as unknown as { autoTransitions: unknown[] }).autoTransitions,
          version: saved.version,
        });
        await page.getByTestId('workflow-name-en').fill('HappyDesk, mine');
        await page.getByTestId('workflow-save').first().click();
        await page.getByTestId('workflow-conflict').waitFor();
        await page.getByTestId('workflow-reload').click();
        await page.getByTestId('workflow-conflict').waitFor({ state: 'detached' });
        expect(await page.getByTestId('workflow-name-en').inputValue()).toBe('HappyDesk (e2e)');

        // A ticket of a type on this workflow waits for the customer…
        const type = await api.post<{ id: string }>('/ticket-types', {
          key: `e2e_${Date.now().toString(36)}`,
          name: { en: 'E2E HappyDesk type' },
          workflowId: id,
        });
        const ticket = await api.post<{ id: string; number: number }>('/tickets', {
          subject: 'Workflow mapping e2e',
          description: '',
          typeId: type.id,
        });
        await api.transition(ticket.number, 'in_progress');
        await api.transition(ticket.number, 'waiting_for_customer');
        // Its badge names the status as the workflow now does, not as the shared strings would
        // ("Waiting for customer").
        await admin.open(`/tickets/${ticket.number}`);
        const badge = page.getByTestId('ticket-status');
        await badge.filter({ hasText: 'Waiting for Client' }).waitFor();
        expect((await badge.textContent())?.trim()).toBe('Waiting for Client');
        await admin.open(`/admin/workflows/${id}`);
        await page.getByTestId('workflow-editor').waitFor();

        // …so removing that status asks where its tickets go, then moves them there.
        const row = await statusRow(page, 'waiting_for_customer');
        await page.getByTestId(`status-remove-${row}`).click();
        await page.getByTestId('workflow-removed-note').waitFor();
        await page.getByTestId('workflow-save').first().click();
        const mapping = page.getByTestId('status-mapping-waiting_for_customer');
        await mapping.waitFor();
        // Suggested: a status of the same category (pending) that stays.
        expect(await mapping.inputValue()).toBe('hold');
        await screenshot(page, 'workflow-status-mapping');
        await mapping.selectOption('in_progress');
        await page.getByTestId('status-mapping-submit').click();
        await page.getByTestId('status-mapping').waitFor({ state: 'detached' });
        await page.getByTestId('workflow-dirty').waitFor({ state: 'detached' });

        expect((await api.ticket(ticket.number)) as { status?: string }).toMatchObject({
          status: 'in_progress',
        });
        expect(
          await diagram.locator('[data-testid="diagram-status-waiting_for_customer"]').count(),
        ).toBe(0);
        const after = await api.get<WorkflowBody>(`/workflows/${id}`);
        expect(after.statuses.map((s) => s.key)).not.toContain('waiting_for_customer');
      },
    );
  });

  it('the other administration screens and both reports load and pass axe; the report period works', async () => {
    await withActors(
      browser,
      'admin-screens',
      { admin: { email: ADMIN, app: 'agent' } },
      async ({ admin }) => {
        const page = admin.page;
        const screens: [string, string][] = [
          ['/admin/ticket-types', '[data-testid^="type-row-"]'],
          ['/admin/categories', 'h3'],
          ['/admin/projects', 'h3'],
          ['/admin/workflows', '[data-testid^="workflow-row-"]'],
          ['/reports/satisfaction', '[data-testid="report-average"]'],
          ['/reports/support-levels', '[data-testid="support-levels-table"]'],
        ];
        for (const [path, ready] of screens) {
          await admin.open(path);
          await page.locator(ready).first().waitFor();
          await settle(page);
          expect({ path, violations: await seriousA11yViolations(page) }).toEqual({
            path,
            violations: [],
          });
          await screenshot(page, `admin${path.replace(/\//g, '-')}`);
        }
        // The report period: the first quick choice (7 days) sets both days in the browser's
        // own calendar; a start after the end marks the end field invalid.
        await admin.open('/reports/satisfaction');
        await page.getByTestId('report-average').waitFor();
        await page.getByTestId('report-quick').locator('label').first().click();
        const [weekAgo, today] = await page.evaluate(() => {
          const ymd = (d: Date) =>
            `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
          const now = new Date();
          const from = new Date(now);
          from.setDate(from.getDate() - 6);
          return [ymd(from), ymd(now)];
        });
        await page.waitForFunction(
          (day) =>
            document.querySelector<HTMLInputElement>('[data-testid="report-from"]')?.value === day,
          weekAgo,
        );
        expect(await page.getByTestId('report-to').inputValue()).toBe(today);
        expect(await page.getByTestId('report-to').getAttribute('aria-invalid')).not.toBe('true');
        await page.getByTestId('report-from').fill('2999-01-01');
        await page.waitForFunction(
          () =>
            document.querySelector('[data-testid="report-to"]')?.getAttribute('aria-invalid') ===
            'true',
        );

        // A type's page: its settings and custom fields, with the field form open.
        await admin.open('/admin/ticket-types');
        await page.getByTestId('type-edit').first().click();
        await page.getByTestId('ticket-type-page').waitFor();
        await page.getByTestId('field-create').click();
        await page.getByTestId('field-kind').selectOption('select');
        await page.getByTestId('field-options').waitFor();
        expect(await seriousA11yViolations(page)).toEqual([]);
        await screenshot(page, 'admin-ticket-type-field-form');
      },
    );
  });
});
