import type { Browser, Page } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, screenshot, settle } from '../support/browser';
import { sql } from '../support/db';

const CLIENT = 's.petrov@agro-yuzhny.example';
const ADMIN = 'admin@relaydesk.local';

/**
 * Suggestions on the portal's new-ticket form and deflection (issue 17) in Chromium: a client
 * typing a subject sees the matching clients' article, opens it, comes back with the draft
 * intact. Once they file the ticket anyway (not a deflection); once they leave (a deflection
 * once the 24-hour window has passed), and the agent's report shows one deflection and one
 * request sent anyway for the article.
 */
describeBrowser('portal: knowledge-base suggestions while writing a new ticket', () => {
  let browser: Browser;
  let admin: ApiSession;
  let articleId: string;
  let title: string;
  let word: string;

  beforeAll(async () => {
    browser = await launch();
    admin = await ApiSession.as(ADMIN);
    const section = await admin.post<{ id: string }>('/kb/sections', {
      name: uniqueText('Printers'),
      audience: 'clients',
    });
    word = uniqueText('x')
      .split(' ')[1]
      .replace(/[^a-z]/g, 'q');
    title = `Clearing a paper jam in the ${word} printer`;
    const draft = await admin.post<{ id: string; version: number }>('/kb/articles', {
      sectionId: section.id,
      title,
      body: 'Open the front cover, pull the sheet out slowly with both hands, close the cover.',
      language: 'en',
    });
    await admin.post(`/kb/articles/${draft.id}/status-changes`, {
      version: draft.version,
      status: 'published',
    });
    articleId = draft.id;
  });
  afterAll(() => browser?.close());

  const subject = () => `The ${word} printer has a paper jam again`;
  const description = 'Second time this week; the display says E-23.';

  /** Types into the form, waits for the article among the suggestions and opens it. */
  async function typeAndOpenSuggestion(page: Page, shot?: string) {
    await page.getByTestId('portal-subject').fill(subject());
    await page.getByTestId('portal-description').fill(description);
    const panel = page.getByTestId('new-ticket-suggestions');
    const link = panel.locator(
      `[data-testid="new-ticket-suggestion"][data-article-id="${articleId}"]`,
    );
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/kb/articles/${articleId}?from=new-ticket`);
    expect(
      await panel.locator('[data-testid="new-ticket-suggestion"]').count(),
    ).toBeLessThanOrEqual(5);
    if (shot) {
      await settle(page);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, shot);
    }
    const recorded = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/kb/suggestion-opens') && r.request().method() === 'POST',
    );
    await link.click();
    expect((await recorded).status()).toBe(204);
    await page.locator(`[data-testid="kb-article"][data-article-id="${articleId}"]`).waitFor();
  }

  const sessionsOfArticle = () =>
    sql<{ id: string; filed_at: Date | null; ticket_id: string | null }>(
      `SELECT s.id, s.filed_at, s.ticket_id FROM kb_suggestion_sessions s
         JOIN kb_suggestion_opens o ON o.session_id = s.id
        WHERE o.article_id = $1 ORDER BY s.started_at`,
      [articleId],
    );

  it('a client opens a suggested article, comes back with the draft intact and files the ticket: not a deflection', async () => {
    await withActors(
      browser,
      'portal-kb-suggestions-filed',
      { client: { email: CLIENT, app: 'portal' } },
      async ({ client: c }) => {
        await c.open('/tickets/new');
        await typeAndOpenSuggestion(c.page, 'portal-kb-suggestions-form');

        const back = c.page.getByTestId('back-to-request-link');
        await back.waitFor();
        await settle(c.page);
        expect(await seriousA11yViolations(c.page)).toEqual([]);
        await screenshot(c.page, 'portal-kb-suggestions-article');
        await back.click();

        // The draft is back, and so are the suggestions.
        await c.page.getByTestId('portal-new-ticket-form').waitFor();
        expect(await c.page.getByTestId('portal-subject').inputValue()).toBe(subject());
        expect(await c.page.getByTestId('portal-description').inputValue()).toBe(description);
        await c.page
          .locator(`[data-testid="new-ticket-suggestion"][data-article-id="${articleId}"]`)
          .waitFor();

        await c.page.getByTestId('portal-submit').click();
        await c.page.waitForURL(/\/tickets\/\d+$/);
        const number = Number(new URL(c.page.url()).pathname.split('/').pop());
        const ticket = await admin.ticket(number);
        const sessions = await sessionsOfArticle();
        expect(sessions).toHaveLength(1);
        expect(sessions[0].ticket_id).toBe(ticket.id);

        // A new request starts empty, with a session of its own.
        await c.open('/tickets/new');
        expect(await c.page.getByTestId('portal-subject').inputValue()).toBe('');
      },
    );
  });

  it('at 375 px the suggestions sit under the description; a client who opens one and leaves is a deflection after the window, and the report shows it', async () => {
    await withActors(
      browser,
      'portal-kb-suggestions-left',
      {
        client: { email: CLIENT, app: 'portal', width: 375, height: 800 },
        agent: { email: ADMIN, app: 'agent' },
      },
      async ({ client: c, agent: a }) => {
        await c.open('/tickets/new');
        await typeAndOpenSuggestion(c.page, 'portal-kb-suggestions-form-375');
        expect(
          await c.page.evaluate(
            () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
          ),
        ).toBe(true);
        await c.page.getByTestId('back-to-request-link').waitFor();
        await screenshot(c.page, 'portal-kb-suggestions-article-375');
        // The client leaves: nothing is sent when they do.
        await c.open('/tickets');

        const sessions = await sessionsOfArticle();
        expect(sessions).toHaveLength(2);
        const left = sessions.find((s) => s.ticket_id === null);
        expect(left).toBeDefined();

        // Not decided yet: the window is open.
        await a.open('/reports/kb-deflections');
        const row = a.page.locator(
          `[data-testid="deflections-by-article"] tr[data-article-id="${articleId}"]`,
        );
        await row.waitFor();
        expect(await row.getByTestId('article-deflections').textContent()).toBe('0');

        // Both sessions' opens a day and an hour earlier: the window of the one left open has
        // passed, and the filed one stays filed.
        await sql(
          `UPDATE kb_suggestion_sessions
              SET started_at = started_at - interval '25 hours',
                  last_opened_at = last_opened_at - interval '25 hours',
                  filed_at = filed_at - interval '25 hours'
            WHERE id = ANY($1::uuid[])`,
          [sessions.map((s) => s.id)],
        );
        await a.open('/reports/kb-deflections');
        await row.waitFor();
        expect(await row.getByTestId('article-deflections').textContent()).toBe('1');
        expect(await row.locator('td').nth(1).textContent()).toBe('2');
        expect(await row.locator('td').nth(3).textContent()).toBe('1');
        await a.page.getByTestId('deflection-bars').waitFor();
        await settle(a.page);
        expect(await seriousA11yViolations(a.page)).toEqual([]);
        await screenshot(a.page, 'kb-deflections-report');
      },
    );
  });
});
