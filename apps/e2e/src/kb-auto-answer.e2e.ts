import type { Browser } from 'playwright-core';
import { ApiSession, uniqueText, type ApiTicket } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, screenshot, settle } from '../support/browser';

const CLIENT = 's.petrov@agro-yuzhny.example';
const ADMIN = 'admin@relaydesk.local';

interface Workflow {
  id: string;
  key: string;
  name: unknown;
  version: number;
  statuses: { key: string; initial?: boolean; isInitial?: boolean }[];
  transitions: object[];
  autoTransitions: unknown[];
}

/**
 * The automatic answer (issue 17) in Chromium: a client's new ticket shows the matching
 * knowledge-base article on the portal's ticket page ("These articles may help"); "This solved
 * my problem" closes it by the workflow's requester move, and the agent's ticket page shows
 * which article solved it.
 */
describeBrowser('portal: the automatic answer on the ticket page', () => {
  let browser: Browser;
  let admin: ApiSession;
  let client: ApiSession;
  beforeAll(async () => {
    browser = await launch();
    [admin, client] = await Promise.all([ApiSession.as(ADMIN), ApiSession.as(CLIENT)]);
  });
  afterAll(() => browser?.close());

  /**
   * A public request type on a copy of the Okdesk preset whose requester may also close a
   * ticket from its first status (the preset lets them only accept or reopen a resolved one).
   */
  async function closableType(): Promise<string> {
    const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const wf = await admin.post<Workflow>('/workflows/presets/okdesk/install', {
      key: `ok_${tag}`,
    });
    await admin.request('PUT', `/workflows/${wf.id}`, {
      key: wf.key,
      name: wf.name,
      version: wf.version,
      statuses: wf.statuses,
      autoTransitions: wf.autoTransitions,
      transitions: [
        ...wf.transitions,
        { from: 'open', to: 'closed', allowedRoles: [], allowRequester: true },
      ],
    });
    const type = await admin.post<{ id: string }>('/ticket-types', {
      key: `selfhelp_${tag}`,
      name: { en: `Self-help ${tag}`, ru: `Самопомощь ${tag}`, cs: `Svépomoc ${tag}` },
      workflowId: wf.id,
      isPublic: true,
    });
    return type.id;
  }

  it('a client sees the suggested article, opens it, and closes the ticket with one click', async () => {
    // Off, so that the settings page below is what turns it on.
    const settings = await admin.get<{ version: number }>('/admin/kb-settings');
    await admin.request('PUT', '/admin/kb-settings', {
      version: settings.version,
      autoAnswerEnabled: false,
    });
    const section = await admin.post<{ id: string }>('/kb/sections', {
      name: uniqueText('Self-help'),
      audience: 'clients',
    });
    const word = uniqueText('irrigator')
      .split(' ')[1]
      .replace(/[^a-z]/g, 'x');
    const title = `Irrigation controller ${word} restart`;
    const draft = await admin.post<{ id: string; version: number }>('/kb/articles', {
      sectionId: section.id,
      title,
      body: 'Hold the reset button for ten seconds, then wait for the green light.',
      language: 'en',
    });
    await admin.post(`/kb/articles/${draft.id}/status-changes`, {
      version: draft.version,
      status: 'published',
    });
    const typeId = await closableType();
    await withActors(
      browser,
      'kb-auto-answer',
      { client: { email: CLIENT, app: 'portal' }, agent: { email: ADMIN, app: 'agent' } },
      async ({ client: c, agent: a }) => {
        // The KB settings page (helper B's) carries the switch and the threshold row.
        await a.open('/kb/settings');
        const enabled = a.page.getByTestId('kb-settings-auto-answer');
        await enabled.waitFor();
        expect(await enabled.isChecked()).toBe(false);
        const minScore = a.page.getByTestId('kb-settings-auto-answer-min-score');
        expect(await minScore.isDisabled()).toBe(true);
        await a.page.getByRole('switch', { name: 'Automatic answer' }).check();
        await minScore.fill('50');
        await a.page.getByTestId('settings-unsaved').waitFor();
        await settle(a.page);
        await screenshot(a.page, 'kb-auto-answer-settings');
        expect(await seriousA11yViolations(a.page)).toEqual([]);
        await a.page.getByTestId('kb-settings-save').click();
        await a.page.getByTestId('settings-unsaved').waitFor({ state: 'detached' });
        expect(await admin.get('/admin/kb-settings')).toMatchObject({
          autoAnswerEnabled: true,
          autoAnswerMinScore: 0.5,
        });

        const ticket = await client.post<ApiTicket>('/tickets', {
          subject: `The irrigation controller ${word} does not restart`,
          description: 'After the power cut the controller stays dark; a restart does nothing.',
          typeId,
        });

        // As the mail's "This solved my problem" link opens it.
        await c.open(`/tickets/${ticket.number}?solvedBy=${draft.id}`);
        const panel = c.page.getByTestId('portal-kb-suggestions');
        await panel.getByRole('heading', { name: 'These articles may help' }).waitFor();
        const row = panel.locator(`[data-article-id="${draft.id}"]`);
        await row.getByRole('link', { name: title }).waitFor();
        await row.getByText('You came from the link in our mail').waitFor();
        await settle(c.page);
        expect(await seriousA11yViolations(c.page)).toEqual([]);
        await screenshot(c.page, 'kb-auto-answer-portal');

        // The article link goes to the portal's article page.
        expect(await row.getByRole('link', { name: title }).getAttribute('href')).toBe(
          `/kb/articles/${draft.id}`,
        );

        // 375 px: the panel fits, nothing scrolls sideways.
        await c.page.setViewportSize({ width: 375, height: 800 });
        await settle(c.page);
        expect(
          await c.page.evaluate(
            () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
          ),
        ).toBe(true);
        await screenshot(c.page, 'kb-auto-answer-portal-375');

        await row.getByTestId('portal-kb-solved').click();
        await c.page
          .locator('[data-testid="portal-ticket-status"][data-status="closed"]')
          .waitFor();
        // Closed: the panel is gone.
        await panel.waitFor({ state: 'detached' });

        const comments = await client.comments(ticket.id);
        expect(comments.map((x) => x.body).join('\n')).toContain(title);

        await a.open(`/tickets/${ticket.number}`);
        const card = a.page.getByTestId('ticket-kb-auto-answer');
        await card.getByRole('link', { name: title }).waitFor();
        await card.getByTestId('ticket-kb-auto-answer-solved').waitFor();
        await screenshot(a.page, 'kb-auto-answer-agent');
      },
    );
  });
});
