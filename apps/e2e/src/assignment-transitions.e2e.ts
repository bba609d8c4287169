import type { Browser, Page } from 'playwright-core';
import { ApiSession, uniqueText, type ApiTicket } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, screenshot } from '../support/browser';

const ADMIN = 'admin@relaydesk.local';
/** The demo project's manager: an agent, not a dispatcher. */
const MANAGER = 'dmitry.volkov@relaydesk.local';
/** Members of the demo project. */
const SUBMITTER = 'alexey.smirnov@relaydesk.local';
const SOLVER = 'jan.prochazka@relaydesk.local';

const status = (page: Page, value: string) =>
  page.locator(`[data-testid="ticket-status"][data-status="${value}"]`).waitFor();

interface Project {
  id: string;
  name: string;
  managerId: string;
}

describeBrowser('automatic transitions on assignment', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('the project manager, an agent, hands a new project task to a member: it becomes Solving', async () => {
    const admin = await ApiSession.as(ADMIN);
    const submitter = await ApiSession.as(SUBMITTER);
    const solver = await ApiSession.as(SOLVER);
    const projects = await admin.get<{ items: Project[] }>('/projects?limit=100');
    const project = projects.items.find((p) => p.name.includes('Greenhouse 7'));
    if (!project) throw new Error('the demo project "Greenhouse 7 retrofit" is missing');
    const types = await admin.get<{ id: string; key: string }[]>('/ticket-types');
    const taskType = types.find((x) => x.key === 'project_task')!;
    const task = await submitter.post<ApiTicket>('/tickets', {
      subject: uniqueText('Проект: подобрать клапаны для секции C'),
      typeId: taskType.id,
      projectId: project.id,
    });
    expect(task).toMatchObject({ status: 'new', assigneeId: project.managerId });

    await withActors(
      browser,
      'assignment-transitions-handover',
      {
        manager: { email: MANAGER, app: 'agent', lang: 'ru' },
        member: { email: SUBMITTER, app: 'agent' },
      },
      async ({ manager, member }) => {
        // A member who does not manage the project is offered no handover.
        await member.open(`/tickets/${task.number}`);
        await status(member.page, 'new');
        await member.page.getByTestId('ticket-assignee').waitFor();
        expect(await member.page.getByTestId('assign-button').count()).toBe(0);
        expect(await member.page.getByTestId('hand-over-button').count()).toBe(0);

        const m = manager.page;
        await manager.open(`/tickets/${task.number}`);
        await status(m, 'new');
        // The manager's role has no "Assign…", only the handover of their project's tickets.
        expect(await m.getByTestId('assign-button').count()).toBe(0);
        await m.getByTestId('hand-over-button').click();
        const select = m.getByTestId('hand-over-member');
        await select.waitFor();
        // Staff members only (the customer in the project is not a solver), never the manager.
        const options = await select.locator('option').allTextContents();
        expect(options).toContain(solver.user.name);
        expect(options).toContain(submitter.user.name);
        expect(options).not.toContain(manager.user.name);
        expect(options.every((o) => !o.includes('Сергей'))).toBe(true);
        await select.selectOption({ label: solver.user.name });
        await screenshot(m, 'handover-modal-ru');
        expect(await seriousA11yViolations(m)).toEqual([]);
        await m.getByTestId('confirm-hand-over').click();

        await status(m, 'solving');
        await m.getByTestId('ticket-assignee').filter({ hasText: solver.user.name }).waitFor();
      },
    );

    const after = await solver.ticket(task.number);
    expect(after).toMatchObject({ status: 'solving', assigneeId: solver.user.id });
    // The manager's handover, then the system's move.
    const history = await admin.get<{
      items: { kind: string; actor: { id: string } | null; newValue: unknown }[];
    }>(`/tickets/${task.id}/history`);
    expect(history.items.slice(-2).map((h) => [h.kind, h.actor?.id ?? null, h.newValue])).toEqual([
      ['assigned', project.managerId, { assigneeId: solver.user.id, groupId: null }],
      ['status_changed', null, 'solving'],
    ]);
  });

  it('an admin adds an automatic transition on assignment in the editor; the API has it and the diagram draws it', async () => {
    const admin = await ApiSession.as(ADMIN);
    const key = `pyth_e2e_${Date.now().toString(36)}`;
    const installed = await admin.post<{ id: string }>('/workflows/presets/pythagoras/install', {
      key,
    });

    await withActors(
      browser,
      'assignment-transitions-editor',
      { admin: { email: ADMIN, app: 'agent' } },
      async ({ admin: actor }) => {
        const page = actor.page;
        await actor.open(`/admin/workflows/${installed.id}`);
        await page.getByTestId('workflow-editor').waitFor();
        // The preset's own: handed over in New → Solving.
        const first = page.getByTestId('auto-row-0').locator('select');
        expect(await first.nth(1).inputValue()).toBe('handed_over');

        // Returned → Solving as soon as someone is assigned.
        await page.getByTestId('auto-add').click();
        const row = page.getByTestId('auto-row-1').locator('select');
        await row.nth(0).selectOption({ label: 'Returned' });
        await row.nth(1).selectOption('assigned');
        await row.nth(2).selectOption({ label: 'Solving' });
        expect(await page.getByTestId('auto-row-1').locator('input').first().isDisabled()).toBe(
          true,
        );
        const labels = await row.nth(1).locator('option').allTextContents();
        expect(labels).toEqual(
          expect.arrayContaining([
            'When it gets an assignee',
            'When an agent takes it',
            'When the project manager hands it over',
          ]),
        );
        await page.getByTestId('workflow-save').first().click();
        await page.getByTestId('workflow-dirty').waitFor({ state: 'detached' });
        await page
          .getByTestId('workflow-diagram')
          .locator('text', { hasText: /^assigned$/ })
          .first()
          .waitFor();
        await screenshot(page, 'workflow-editor-assignment-trigger');
      },
    );

    const saved = await admin.get<{ autoTransitions: unknown[] }>(`/workflows/${installed.id}`);
    expect(saved.autoTransitions).toEqual([
      { status: 'new', trigger: 'handed_over', afterSeconds: null, to: 'solving' },
      { status: 'returned', trigger: 'assigned', afterSeconds: null, to: 'solving' },
    ]);
  });
});
