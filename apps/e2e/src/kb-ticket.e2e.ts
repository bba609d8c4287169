import type { Browser } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, screenshot, settle } from '../support/browser';

const CLIENT = 's.petrov@agro-yuzhny.example';
const AGENT = 'alexey.smirnov@relaydesk.local';
/** A section of the demo for every client: the client can open what is published there. */
const SECTION = /^Microclimate \/ Микроклимат \/ Mikroklima/;

interface Article {
  id: string;
  version: number;
  title: string;
  body: string;
  status: string;
}

/**
 * Issue 17, from tickets to articles and back: an agent publishes a resolved ticket (with an
 * internal note) to the knowledge base from the ticket page, edits the draft in the editor and
 * publishes it; the note is nowhere on the article, for staff or in the portal. On another
 * ticket the reply composer suggests the article, "Insert link" puts the portal address into
 * the reply, the reply is sent, and the client follows the link to the article.
 */
describeBrowser('knowledge base from tickets in the agent workspace', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('publish a resolved ticket as an article, then suggest it in another reply and send its link', async () => {
    const word = `zq${Date.now().toString(36)}`;
    const secret = `secretnote${Date.now().toString(36)}`;
    const clientApi = await ApiSession.as(CLIENT);
    const agentApi = await ApiSession.as(AGENT);
    const first = await clientApi.createTicket(
      uniqueText(`Dehumidifier ${word} beeps`),
      'The dehumidifier <b>beeps</b> every **hour** since Monday.',
    );
    await agentApi.take(first.number);
    await agentApi.post(`/tickets/${first.id}/comments`, {
      body: `Client is impatient, ${secret}`,
      internal: true,
    });
    await agentApi.transition(first.number, 'resolved', {
      comment: `Replace the ${word} filter cartridge, then hold Reset for five seconds.`,
    });

    let article: Article | undefined;
    await withActors(
      browser,
      'kb-ticket',
      {
        agent: { email: AGENT, app: 'agent' },
        client: { email: CLIENT, app: 'portal' },
      },
      async ({ agent: a, client: c }) => {
        const page = a.page;
        await a.open(`/tickets/${first.number}`);
        await page.getByTestId('publish-to-kb').click();
        const dialog = page.getByTestId('publish-to-kb-dialog');
        await dialog.waitFor();
        await dialog.getByTestId('publish-to-kb-section').click();
        await page.getByRole('option', { name: SECTION }).click();
        await settle(page);
        await screenshot(page, 'kb-publish-dialog');
        expect(await seriousA11yViolations(page)).toEqual([]);
        await dialog.getByTestId('publish-to-kb-create').click();

        // The draft opens in the editor: its text is the ticket's public part.
        await page.waitForURL(/\/kb\/articles\/[0-9a-f-]{36}\/edit$/);
        const articleId = page.url().split('/').slice(-2)[0];
        const body = page.getByTestId('kb-editor-body');
        await body.waitFor();
        await page.waitForFunction(
          (w) =>
            (
              document.querySelector('[data-testid="kb-editor-body"]') as HTMLTextAreaElement
            )?.value.includes(`${w} filter cartridge`),
          word,
        );
        const drafted = await body.inputValue();
        expect(drafted).not.toContain(secret);
        // Mail-like text stays literal: escaped, not bold.
        expect(drafted).toContain('\\<b\\>beeps\\</b\\> every \\*\\*hour\\*\\*');

        // Edit and save, then publish.
        const title = `Dehumidifier ${word} beeps every hour`;
        await page.getByTestId('kb-editor-title').fill(title);
        await body.fill(`${drafted}\n\nIf it still beeps, call us.`);
        await page.getByTestId('kb-editor-save').click();
        await page.getByTestId('kb-article-title').getByText(title).waitFor();
        await page.getByTestId('kb-status-published').click();
        await page.getByTestId('kb-status').getByText('Published').waitFor();
        const shown = await page.getByTestId('kb-article-body').innerText();
        expect(shown).toContain('filter cartridge');
        expect(shown).toContain('<b>beeps</b> every **hour**');
        expect(await page.content()).not.toContain(secret);
        article = await agentApi.get<Article>(`/kb/articles/${articleId}`);
        expect(article).toMatchObject({ title, status: 'published' });

        // The ticket's history says so, for staff.
        await a.open(`/tickets/${first.number}`);
        await page.getByText(`Published to the knowledge base as a draft`).waitFor();

        // Another ticket about the same thing: the composer suggests the article.
        const second = await clientApi.createTicket(
          uniqueText(`The dehumidifier ${word} beeps again`),
          'Same beeping as last month.',
        );
        await agentApi.take(second.number);
        // A staff-only runbook: found by the search, marked, not linkable, its text with a warning.
        const sections = await agentApi.get<{ id: string; name: string }[]>('/kb/sections');
        const runbooks = sections.find((s) => s.name === 'Runbooks (internal)')!;
        const internalWord = `${word}rb`;
        const runbook = await agentApi.post<Article>('/kb/articles', {
          sectionId: runbooks.id,
          title: `Dehumidifier relay log ${word}`,
          body: `Read the relay log ${internalWord} first.`,
          language: 'en',
        });
        await agentApi.post(`/kb/articles/${runbook.id}/status-changes`, {
          version: runbook.version,
          status: 'published',
        });
        await a.open(`/tickets/${second.number}`);
        await page.getByTestId('kb-reply-open').click();
        await page.getByTestId('kb-reply-search').fill(internalWord);
        const internalItem = page.locator(
          `[data-testid="kb-reply-article"][data-article-id="${runbook.id}"]`,
        );
        // The search (debounced) narrows the ticket's suggestions to the one runbook.
        await page.getByText('Search results').waitFor();
        await page.waitForFunction((id) => {
          const items = document.querySelectorAll('[data-testid="kb-reply-article"]');
          return items.length === 1 && items[0].getAttribute('data-article-id') === id;
        }, runbook.id);
        expect(await internalItem.getAttribute('data-requester-can-open')).toBe('false');
        await internalItem.getByTestId('kb-reply-internal').waitFor();
        expect(await internalItem.getByTestId('kb-reply-insert-link').isDisabled()).toBe(true);
        await internalItem.getByTestId('kb-reply-insert-text').click();
        await internalItem.getByTestId('kb-reply-warning').waitFor();
        await settle(page);
        await screenshot(page, 'kb-reply-articles-warning');
        expect(await seriousA11yViolations(page)).toEqual([]);
        await internalItem.getByTestId('kb-reply-insert-anyway').click();
        await page.getByTestId('kb-reply-articles').waitFor({ state: 'detached' });
        expect(await page.getByTestId('comment-body').inputValue()).toBe(
          `Read the relay log ${internalWord} first.`,
        );

        await page.getByTestId('comment-body').fill('Hello,\n\nplease see: ');
        await page.getByTestId('kb-reply-open').click();
        const item = page.locator(
          `[data-testid="kb-reply-article"][data-article-id="${articleId}"]`,
        );
        await item.waitFor();
        expect(await item.getAttribute('data-requester-can-open')).toBe('true');
        await settle(page);
        await screenshot(page, 'kb-reply-articles');
        expect(await seriousA11yViolations(page)).toEqual([]);
        await item.getByTestId('kb-reply-insert-link').click();
        await page.getByTestId('kb-reply-articles').waitFor({ state: 'detached' });

        const link = `/kb/articles/${articleId}`;
        const reply = await page.getByTestId('comment-body').inputValue();
        expect(reply).toMatch(
          new RegExp(`^Hello,\\n\\nplease see: ${title}: https?://[^/]+${link}$`),
        );
        await page.getByTestId('comment-send').click();
        await page
          .locator('article[data-testid^="comment-"][data-internal="false"]', { hasText: link })
          .waitFor();

        // The client reads the reply and follows its link to the article in the portal.
        const comments = await clientApi.comments(second.id);
        const sent = comments.find((x) => x.body.includes(link));
        const url = new URL(/https?:\/\/\S+/.exec(sent!.body)![0]);
        await c.open(url.pathname);
        await c.page.getByTestId('kb-article-body').getByText('filter cartridge').waitFor();
        await c.page.getByText(title).first().waitFor();
        expect(await c.page.content()).not.toContain(secret);
      },
    );
    expect(article).toBeDefined();
  });
});
