import type { Browser, Page } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, screenshot, settle } from '../support/browser';

const AGENT = 'alexey.smirnov@relaydesk.local';
const SECTION = 'Runbooks (internal)';

interface Article {
  id: string;
  version: number;
  title: string;
  body: string;
}

/** Chooses the section in the editor's searchable select. */
async function chooseSection(page: Page, name: string) {
  await page.getByTestId('kb-editor-section').click();
  await page.getByRole('option', { name }).click();
}

/** The editor's preview once it shows `text` (it is debounced and comes from the server). */
async function previewWith(page: Page, text: string): Promise<string> {
  const preview = page.getByTestId('kb-preview');
  await preview.getByText(text).first().waitFor();
  await page.locator('[data-testid="kb-preview-card"][data-state="current"]').waitFor();
  return preview.innerHTML();
}

/**
 * Issue 17, the agent's knowledge base: an agent writes an article in Markdown with the
 * toolbar, the preview (rendered by the server) is exactly the published page's body; it is
 * published, edited, the history shows the revisions, their diff (marked by more than colour)
 * and a restore of the first text. A hostile body is inert in the preview and on the page, and
 * a save over someone else's newer version shows the conflict and keeps the agent's text.
 */
describeBrowser('knowledge base in the agent workspace', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('write with preview, publish, edit, history with diff, restore; search finds it', async () => {
    const title = uniqueText('Boiler restart');
    const word = `zq${Date.now().toString(36)}`;
    await withActors(
      browser,
      'kb-agent',
      { agent: { email: AGENT, app: 'agent' } },
      async ({ agent: a }) => {
        const page = a.page;
        await a.open('/tickets');
        await page.getByTestId('nav-kb').click();
        await page.getByRole('heading', { name: 'Knowledge base' }).waitFor();
        await page.getByTestId('kb-new-article').click();
        await page.getByRole('heading', { name: 'New article' }).waitFor();

        await page.getByTestId('kb-editor-title').fill(title);
        await chooseSection(page, SECTION);
        const tags = page.getByTestId('kb-editor-tags');
        await tags.fill('boiler');
        await tags.press('Enter');
        const body = page.getByTestId('kb-editor-body');
        await body.fill(`## Steps\n\n- check the ${word} valve\n- restart\n\nThen wait.`);
        // The toolbar: "wait" selected and made bold.
        await body.evaluate((el: HTMLTextAreaElement) => {
          const at = el.value.indexOf('wait');
          el.setSelectionRange(at, at + 4);
        });
        await page.getByTestId('kb-toolbar-bold').click();
        expect(await body.inputValue()).toContain('Then **wait**.');
        const preview = await previewWith(page, 'restart');
        expect(preview).toContain('<h2>Steps</h2>');
        expect(preview).toContain('<strong>wait</strong>');
        await screenshot(page, 'kb-editor');
        expect(await seriousA11yViolations(page)).toEqual([]);

        await page.getByTestId('kb-editor-save').click();
        await page.getByTestId('kb-article-title').getByText(title).waitFor();
        const articleId = page.url().split('/').pop()!;
        // The page shows the server's bodyHtml; the preview was the same renderer's answer.
        expect(await page.getByTestId('kb-article-body').innerHTML()).toBe(preview);
        await page.getByTestId('kb-status-published').click();
        await page.getByTestId('kb-status').getByText('Published').waitFor();
        expect(await page.getByTestId('kb-last-review').textContent()).toBe('Never reviewed');
        await page.getByTestId('kb-mark-reviewed').click();
        await page.getByTestId('kb-last-review').getByText(a.user.name).waitFor();
        await settle(page);
        await screenshot(page, 'kb-article');
        expect(await seriousA11yViolations(page)).toEqual([]);

        // Edit: one line changed, one added.
        await page.getByTestId('kb-edit').click();
        await page.getByRole('heading', { name: 'Edit article' }).waitFor();
        const editBody = page.getByTestId('kb-editor-body');
        await editBody.fill(
          `## Steps\n\n- check the ${word} valve\n- restart twice\n\nThen **wait**.\n\nCall the duty engineer.`,
        );
        await previewWith(page, 'Call the duty engineer.');
        await page.getByTestId('kb-editor-save').click();
        await page.getByTestId('kb-article-body').getByText('restart twice').waitFor();

        // History: created (1), published (2), reviewed (3), edited (4); the diff from 1 to 4.
        await a.open(`/kb/articles/${articleId}/history`);
        const rows = page.getByTestId('kb-revision-row');
        await rows.nth(3).waitFor();
        expect(await rows.count()).toBe(4);
        // The choice goes through the URL (?from&to), so the radios follow a render later.
        await page.getByRole('radio', { name: 'From revision 1' }).click();
        await page.getByRole('radio', { name: 'To revision 4' }).click();
        const diff = page.getByTestId('kb-diff');
        await diff.getByText('Changes from revision 1 to 4').waitFor();
        const marked = await diff
          .getByTestId('kb-diff-line')
          .evaluateAll((lines) =>
            lines
              .filter((l) => l.getAttribute('data-op') !== 'same')
              .map((l) => [l.getAttribute('data-op'), l.textContent]),
          );
        // Each changed line says what happened in words (read by screen readers), not colour only.
        expect(marked).toEqual([
          ['remove', '−Removed: - restart'],
          ['add', '+Added: - restart twice'],
          ['add', '+Added: \u00a0'],
          ['add', '+Added: Call the duty engineer.'],
        ]);
        expect(await diff.locator('del').count()).toBe(1);
        await screenshot(page, 'kb-history');
        expect(await seriousA11yViolations(page)).toEqual([]);

        // Restore the first text: a new revision 5, restored from 1.
        await page.getByRole('button', { name: 'Restore revision 1' }).click();
        await page.getByTestId('kb-restore-confirm').click();
        await page.getByTestId('kb-restored-from').getByText('restored from 1').waitFor();
        expect(await rows.count()).toBe(5);
        expect(await rows.first().getAttribute('data-number')).toBe('5');
        await a.open(`/kb/articles/${articleId}`);
        const restored = page.getByTestId('kb-article-body');
        await restored.getByText('restart').waitFor();
        expect(await restored.innerHTML()).toBe(preview);
        // Still published: a restore brings back the text, not the status.
        await page.getByTestId('kb-status').getByText('Published').waitFor();

        // A translation: a new article in the same group, linked both ways.
        await page.getByTestId('kb-add-translation').click();
        await page.getByRole('menuitem', { name: 'Add a translation to Russian' }).click();
        await page.getByRole('heading', { name: `New translation of “${title}”` }).waitFor();
        expect(await page.getByTestId('kb-editor-language').inputValue()).toBe('Russian');
        await page.getByTestId('kb-editor-title').fill(`${title} (ru)`);
        await page.getByTestId('kb-editor-body').fill('Перезапуск котла.');
        await previewWith(page, 'Перезапуск котла.');
        await page.getByTestId('kb-editor-save').click();
        await page.getByTestId('kb-article-title').getByText(`${title} (ru)`).waitFor();
        await page
          .getByTestId('kb-translations')
          .getByRole('link', { name: `English: ${title}` })
          .click();
        await page
          .getByTestId('kb-translations')
          .getByRole('link', { name: `Russian: ${title} (ru)` })
          .waitFor();

        // The browser: search by the unique word, its fragment marked; the type-ahead.
        await a.open('/kb');
        const search = page.getByTestId('kb-search');
        await search.fill(title.split(' ').slice(0, 2).join(' '));
        // Both languages are offered; choosing one opens it.
        await page.getByRole('option', { name: `${title} (ru) ru` }).waitFor();
        await page.getByRole('option', { name: `${title} en` }).click();
        await page.waitForURL(`**/kb/articles/${articleId}`);
        await page.getByTestId('kb-article-title').getByText(title).waitFor();
        await a.open('/kb');
        await search.fill(word);
        await search.press('Enter');
        await page.waitForURL((url) => url.searchParams.get('q') === word);
        const hit = page.getByTestId('kb-article-row').filter({ hasText: title });
        await hit.locator('mark', { hasText: word }).waitFor();
        await screenshot(page, 'kb-browser-search');
        expect(await seriousA11yViolations(page)).toEqual([]);
      },
    );
  });

  it('a hostile body is inert in the preview and on the page', async () => {
    const hostile = [
      'Hello <script>window.__pwned = "script"</script>',
      '',
      '<img src=x onerror="window.__pwned = \'img\'; alert(1)">',
      '',
      '[click me](javascript:window.__pwned="link";alert(2))',
      '',
      '<a href="javascript:alert(3)">raw link</a> <iframe src="javascript:alert(4)"></iframe>',
      '',
      '![pic](javascript:alert(5))',
    ].join('\n');
    await withActors(
      browser,
      'kb-agent-xss',
      { agent: { email: AGENT, app: 'agent' } },
      async ({ agent: a }) => {
        const page = a.page;
        const dialogs: string[] = [];
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        const inert = async (testId: string) => {
          const el = page.getByTestId(testId);
          expect(await el.locator('script, iframe, img[onerror], [onerror]').count()).toBe(0);
          const hrefs = await el
            .locator('a')
            .evaluateAll((as) => as.map((x) => x.getAttribute('href')));
          expect(hrefs.filter((h) => h && !/^https?:/.test(h))).toEqual([]);
          // A link without a target does nothing when clicked.
          const links = el.locator('a', { hasText: 'click me' });
          if ((await links.count()) > 0) await links.first().click();
          expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBe(
            undefined,
          );
        };

        await a.open('/kb/articles/new');
        await page.getByTestId('kb-editor-title').fill(uniqueText('Hostile'));
        await chooseSection(page, SECTION);
        await page.getByTestId('kb-editor-body').fill(hostile);
        await previewWith(page, 'Hello');
        // The author's markup is shown as text.
        await page.getByTestId('kb-preview').getByText('<script>', { exact: false }).waitFor();
        await inert('kb-preview');
        await page.getByTestId('kb-editor-save').click();
        await page.getByTestId('kb-article-body').getByText('Hello').waitFor();
        await settle(page);
        await inert('kb-article-body');
        expect(dialogs).toEqual([]);
        expect(await page.evaluate(() => document.querySelectorAll('main script').length)).toBe(0);
      },
    );
  });

  it('a save over a newer version shows the conflict and keeps the text', async () => {
    const api = await ApiSession.as(AGENT);
    const sections = await api.get<{ id: string; name: string }[]>('/kb/sections');
    const sectionId = sections.find((s) => s.name === SECTION)!.id;
    const created = await api.post<Article>('/kb/articles', {
      sectionId,
      title: uniqueText('Shared runbook'),
      body: 'First text.',
      language: 'en',
    });
    await withActors(
      browser,
      'kb-agent-conflict',
      { agent: { email: AGENT, app: 'agent' } },
      async ({ agent: a }) => {
        const page = a.page;
        await a.open(`/kb/articles/${created.id}/edit`);
        const body = page.getByTestId('kb-editor-body');
        await body.fill('My careful rewrite.');
        await page.getByTestId('kb-unsaved').waitFor();
        // Leaving with unsaved text asks first; staying keeps it.
        await page.getByTestId('nav-kb').click();
        await page.getByRole('dialog', { name: 'Leave without saving?' }).waitFor();
        await page.getByTestId('kb-leave-stay').click();
        await page.getByRole('dialog').waitFor({ state: 'detached' });
        expect(await body.inputValue()).toBe('My careful rewrite.');
        // Meanwhile a colleague saves.
        await api.request('PATCH', `/kb/articles/${created.id}`, {
          version: created.version,
          body: 'Their rewrite.',
        });
        await page.getByTestId('kb-editor-save').click();
        const conflict = page.getByTestId('kb-conflict');
        await conflict.getByText('Someone else changed this article').waitFor();
        expect(await body.inputValue()).toBe('My careful rewrite.');
        await screenshot(page, 'kb-editor-conflict');

        // Their version into the editor; mine stays on screen to copy from.
        await page.getByTestId('kb-conflict-reload').click();
        await page.waitForFunction(
          () =>
            (document.querySelector('[data-testid="kb-editor-body"]') as HTMLTextAreaElement)
              ?.value === 'Their rewrite.',
        );
        expect(await page.getByTestId('kb-conflict-mine').inputValue()).toContain(
          'My careful rewrite.',
        );
        // Saving again now goes over their version, knowingly.
        await body.fill('Their rewrite, and mine.');
        await page.getByTestId('kb-editor-save').click();
        await page.getByTestId('kb-article-body').getByText('Their rewrite, and mine.').waitFor();
        const after = await api.get<Article>(`/kb/articles/${created.id}`);
        expect(after.body).toBe('Their rewrite, and mine.');
        expect(after.version).toBe(created.version + 2);
      },
    );
  });
});
