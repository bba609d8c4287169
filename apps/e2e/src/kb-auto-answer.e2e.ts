import type { Browser } from 'playwright-core';
import { ApiSession, uniqueText, type ApiTicket } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, screenshot, settle } from '../support/browser';

const CLIENT = 's.petrov@agro-yuzhny.example';
const ADMIN = 'admin@relaydesk.local';

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

        // The default request type, on the demo's Okdesk workflow as shipped: its requester
        // may close their own request as solved while it is open.
        const ticket = await client.post<ApiTicket>('/tickets', {
          subject: `The irrigation controller ${word} does not restart`,
          description: 'After the power cut the controller stays dark; a restart does nothing.',
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

  it('on the demo: a client files a request about a seeded article in the form, gets it suggested, and one click closes it once', async () => {
    const settings = await admin.get<{ version: number }>('/admin/kb-settings');
    await admin.request('PUT', '/admin/kb-settings', {
      version: settings.version,
      autoAnswerEnabled: true,
    });
    // The demo's Russian article of the Microclimate section (clients).
    const { items } = await client.get<{ items: { id: string; title: string }[] }>(
      `/kb/search?q=${encodeURIComponent('датчик влажности')}&language=ru`,
    );
    const seeded = items.find((i) => i.title === 'Датчик влажности показывает 100%');
    expect(seeded).toBeDefined();
    await withActors(
      browser,
      'kb-auto-answer-demo',
      { client: { email: CLIENT, app: 'portal', lang: 'ru' } },
      async ({ client: c }) => {
        const p = c.page;
        await c.open('/tickets/new');
        await p.getByTestId('portal-subject').fill(uniqueText('Датчик влажности показывает 100%'));
        await p
          .getByTestId('portal-description')
          .fill('В теплице № 2 датчик влажности с утра показывает 100%, вентиляция не помогает.');
        // Suggested beside the form as the client types…
        await p
          .locator(`[data-testid="new-ticket-suggestion"][data-article-id="${seeded!.id}"]`)
          .waitFor();
        await p.getByTestId('portal-submit').click();
        await p.waitForURL(/\/tickets\/\d+$/);
        const number = Number(new URL(p.url()).pathname.split('/').pop());

        // …and answered on the ticket page, with the one-click close.
        const panel = p.getByTestId('portal-kb-suggestions');
        const row = panel.locator(`[data-article-id="${seeded!.id}"]`);
        await row.getByRole('link', { name: seeded!.title }).waitFor();
        await settle(p);
        // The close is the panel's: the "What next?" panel offers no bare Close on an open ticket.
        expect(await p.locator('button[data-testid^="portal-transition-"]').count()).toBe(0);
        await screenshot(p, 'kb-auto-answer-demo-ru');
        const solved = p.waitForResponse(
          (r) => r.url().endsWith('/kb-solutions') && r.request().method() === 'POST',
        );
        await row.getByTestId('portal-kb-solved').click();
        expect((await solved).status()).toBe(200);
        await p.locator('[data-testid="portal-ticket-status"][data-status="closed"]').waitFor();
        await panel.waitFor({ state: 'detached' });

        // The history says it once: one move, Open → Closed, by the client.
        const timeline = p.getByTestId('portal-timeline');
        await timeline.locator('[data-kind="status_changed"]').first().waitFor();
        await settle(p);
        const moves = await timeline
          .locator('[data-kind="status_changed"]')
          .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
        expect(moves).toHaveLength(1);
        expect(moves[0]).toContain('Закрыта');
        await screenshot(p, 'kb-auto-answer-demo-closed');
        const ticket = await client.ticket(number);
        expect(ticket).toMatchObject({ status: 'closed' });
        const comments = await client.comments(ticket.id);
        expect(comments.filter((x) => x.body.includes(seeded!.title))).toHaveLength(1);
      },
    );
  });
});
