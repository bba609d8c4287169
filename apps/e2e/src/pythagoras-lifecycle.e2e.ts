import type { Browser, Page } from 'playwright-core';
import { ApiError, ApiSession, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, screenshot, settle } from '../support/browser';

/** The submitter: an agent and member of the demo project, filing an internal task. */
const SUBMITTER = 'alexey.smirnov@relaydesk.local';
/** The demo project's manager. */
const MANAGER = 'dmitry.volkov@relaydesk.local';
const PROJECT = 'Greenhouse 7 retrofit';

const status = (page: Page, value: string) =>
  page.locator(`[data-testid="ticket-status"][data-status="${value}"]`).waitFor();

/** Picks an option of a Mantine select by (part of) its label. */
async function choose(page: Page, testId: string, option: RegExp, typed?: string) {
  const input = page.getByTestId(testId);
  await input.click();
  if (typed) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

describeBrowser('the Pythagoras lifecycle in the agent workspace', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('a submitter files a project task; the manager starts it, returns it with a reason; the submitter resubmits; the manager marks it done; the submitter closes it and it is archived', async () => {
    const submitterApi = await ApiSession.as(SUBMITTER);
    const subject = uniqueText('Project: size the pump station');
    const reason = uniqueText('Не хватает данных: расход воды по секциям');

    await withActors(
      browser,
      'pythagoras-lifecycle',
      {
        submitter: { email: SUBMITTER, app: 'agent' },
        manager: { email: MANAGER, app: 'agent', lang: 'ru' },
      },
      async ({ submitter, manager }) => {
        const s = submitter.page;
        const m = manager.page;

        // The submitter files an internal "Project task" in the demo project, under a
        // second-level category, and leaves the assignee to the project.
        await submitter.open('/tickets/new');
        await s.getByTestId('new-ticket-subject').fill(subject);
        await s.getByTestId('new-ticket-description').fill('Pumps for sections A–D.');
        await choose(s, 'new-ticket-type', /^Project task$/);
        await choose(s, 'new-ticket-category', /Irrigation › Pumps/);
        await choose(s, 'new-ticket-project', new RegExp(PROJECT));
        await s.getByTestId('new-ticket-submit').click();
        await s.waitForURL(/\/agent\/tickets\/\d+$/);
        const number = Number(/\/tickets\/(\d+)$/.exec(s.url())![1]);
        await status(s, 'new');

        // Addressed to the project manager.
        await s.getByTestId('ticket-assignee').filter({ hasText: manager.user.name }).waitFor();
        const created = await submitterApi.ticket(number);
        expect(created).toMatchObject({ status: 'new', assigneeId: manager.user.id });

        // The list finds it by project, and by the parent category (which includes children).
        await submitter.open('/tickets?view=all');
        await choose(s, 'filter-project', new RegExp(PROJECT));
        await s.waitForURL(/projectId=/);
        await s.getByTestId(`ticket-row-${number}`).waitFor();
        await choose(s, 'filter-category', /^Irrigation$/);
        await s.waitForURL(/categoryId=/);
        await s.getByTestId(`ticket-row-${number}`).waitFor();
        await choose(s, 'filter-category', /^Climate control$/);
        await s.getByTestId(`ticket-row-${number}`).waitFor({ state: 'detached' });
        // A link reproduces the filters, with the names shown.
        const filtered = new URL(s.url());
        await submitter.open(`${filtered.pathname.replace(/^\/agent/, '')}${filtered.search}`);
        // The names arrive with the projects and categories.
        await s.waitForFunction(
          (name) =>
            (
              document.querySelector('[data-testid="filter-project"]') as HTMLInputElement | null
            )?.value.includes(name),
          PROJECT,
        );
        expect(await s.getByTestId('filter-category').inputValue()).toBe('Climate control');
        await s.getByTestId('clear-filters').click();
        expect(new URL(s.url()).searchParams.get('projectId')).toBeNull();

        // The manager starts work.
        await manager.open(`/tickets/${number}`);
        await status(m, 'new');
        await m.getByTestId('transition-solving').click();
        await status(m, 'solving');

        // Returning asks for the reason, and will not go without one.
        await m.getByTestId('transition-returned').click();
        const comment = m.getByTestId('transition-comment');
        await comment.waitFor();
        expect(await comment.getAttribute('required')).not.toBeNull();
        await m.getByTestId('confirm-transition').click();
        await m.locator('[data-testid="transition-comment"][aria-invalid="true"]').waitFor();
        await screenshot(m, 'pythagoras-return-reason-ru');
        await m.mouse.move(0, 0);
        expect(await seriousA11yViolations(m)).toEqual([]);
        await comment.fill(reason);
        await m.getByTestId('confirm-transition').click();
        await status(m, 'returned');

        // The submitter reads the reason and resubmits.
        await submitter.open(`/tickets/${number}`);
        await status(s, 'returned');
        await s.locator('article[data-testid^="comment-"]', { hasText: reason }).waitFor();
        await s.getByTestId('transition-solving').click();
        await status(s, 'solving');

        // The manager marks it done.
        await manager.open(`/tickets/${number}`);
        await status(m, 'solving');
        await m.getByTestId('transition-done').click();
        await status(m, 'done');
        // Only the submitter closes it.
        expect(await m.getByTestId('transition-closed').count()).toBe(0);

        // The submitter closes it: archived, nothing left to do on it.
        await submitter.open(`/tickets/${number}`);
        await status(s, 'done');
        await s.getByTestId('transition-closed').click();
        await status(s, 'closed');
        await s.getByTestId('archived-badge').waitFor();
        await s.getByTestId('archived-note').waitFor();
        await settle(s);
        expect(await s.getByTestId('comment-composer').count()).toBe(0);
        expect(await s.locator('[data-testid^="transition-"]').count()).toBe(0);
        expect(await s.getByTestId('edit-description').count()).toBe(0);
        expect(await s.getByTestId('field-subject').count()).toBe(0);
        expect(await s.getByTestId('add-link-form').count()).toBe(0);
        expect(await s.getByTestId('take-button').count()).toBe(0);
        await screenshot(s, 'pythagoras-archived-en');

        // The manager's page in Russian says the same.
        await manager.open(`/tickets/${number}`);
        await status(m, 'closed');
        await m.getByTestId('archived-badge').filter({ hasText: 'В архиве' }).waitFor();
        expect(await m.getByTestId('comment-composer').count()).toBe(0);
        await screenshot(m, 'pythagoras-archived-ru');
        await m.mouse.move(0, 0);
        expect(await seriousA11yViolations(m)).toEqual([]);

        // Not only hidden: the API refuses a comment on the archived ticket.
        const refused = await submitterApi
          .post(`/tickets/${created.id}/comments`, { body: 'One more thing', internal: false })
          .then(
            () => null,
            (e: unknown) => e,
          );
        expect(refused).toBeInstanceOf(ApiError);
        expect((refused as ApiError).status).toBe(409);
      },
    );
  });
});
