import type { Browser, Page } from 'playwright-core';
import { ApiSession, login, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import {
  BASE_URL,
  describeBrowser,
  launch,
  newContext,
  screenshot,
  settle,
} from '../support/browser';

const AGENT = 'alexey.smirnov@relaydesk.local';
const CLIENT = 's.petrov@agro-yuzhny.example';
/** A valid 1x1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

interface Section {
  id: string;
  name: string;
  audience: string;
}
interface Article {
  id: string;
  version: number;
  body: string | null;
  bodyHtml: string;
}

/**
 * Pastes a PNG drawn on a canvas into the element, as a screenshot pasted from the clipboard, or
 * drops it there as a file dragged from the desktop.
 */
async function pasteImage(
  page: Page,
  testId: string,
  name: string,
  how: 'paste' | 'drop' = 'paste',
) {
  await page.getByTestId(testId).evaluate(
    async (el, [fileName, kind]) => {
      const canvas = document.createElement('canvas');
      canvas.width = 160;
      canvas.height = 80;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#1c7ed6';
      g.fillRect(0, 0, 160, 80);
      g.fillStyle = '#ffd43b';
      g.fillRect(20, 20, 120, 40);
      const blob = await new Promise<Blob>((done) => canvas.toBlob((b) => done(b!), 'image/png'));
      const data = new DataTransfer();
      data.items.add(new File([blob], fileName, { type: 'image/png' }));
      el.focus();
      el.dispatchEvent(
        kind === 'paste'
          ? new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
          : new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    },
    [name, how] as const,
  );
}

/** The image inside `testId` once it has loaded (its natural width), with its src. */
async function loadedImage(page: Page, testId: string, alt: string) {
  const img = page.getByTestId(testId).locator(`img[alt="${alt}"]`);
  await img.waitFor();
  await page.waitForFunction(
    ([id, a]) => {
      const el = document.querySelector<HTMLImageElement>(`[data-testid="${id}"] img[alt="${a}"]`);
      return !!el && el.complete && el.naturalWidth > 0;
    },
    [testId, alt] as const,
  );
  return img.evaluate((el: HTMLImageElement) => ({ src: el.src, width: el.naturalWidth }));
}

/** Uploads a file to an article through the API, as the editor does. */
async function uploadAs(email: string, articleId: string, name: string, content: Buffer) {
  const { accessToken } = await login(email);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), name);
  const res = await fetch(`${BASE_URL}/api/v1/kb/articles/${articleId}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}` },
    body: form,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; url: string };
}

/**
 * Issue 17, article files and inline images: an agent pastes an image into an article's
 * Markdown and attaches a PDF with the button; the editor inserts them where the cursor is and
 * the preview shows the image (fetched with the agent's token, never a token in a URL). Once
 * published, a client sees the image load on the portal's article page and downloads the PDF;
 * an anonymous reader of the public KB sees a public article's image through the public path.
 */
describeBrowser('knowledge-base files and inline images', () => {
  let browser: Browser;
  let agent: ApiSession;
  let admin: ApiSession;
  beforeAll(async () => {
    browser = await launch();
    agent = await ApiSession.as(AGENT);
    admin = await ApiSession.as('admin@relaydesk.local');
  });
  afterAll(() => browser?.close());

  it('an agent pastes an image and attaches a PDF; a client sees the image and downloads the PDF', async () => {
    const client = await ApiSession.as(CLIENT);
    const sections = await client.get<Section[]>('/kb/sections');
    const section = sections.find((s) => s.audience === 'clients')!;
    const title = uniqueText('Pump wiring');
    const draft = await agent.post<Article>('/kb/articles', {
      sectionId: section.id,
      title,
      body: 'Wire the pump as shown:\n\n',
      language: 'en',
    });

    await withActors(
      browser,
      'kb-attachments',
      {
        agent: { email: AGENT, app: 'agent' },
        client: { email: CLIENT, app: 'portal' },
      },
      async ({ agent: a, client: c }) => {
        const page = a.page;
        const unauthorized: string[] = [];
        for (const p of [page, c.page]) {
          p.on('response', (r) => {
            if (r.url().includes('/attachments/') && r.status() >= 400) unauthorized.push(r.url());
          });
        }

        await a.open(`/kb/articles/${draft.id}/edit`);
        const body = page.getByTestId('kb-editor-body');
        await body.waitFor();
        // The cursor at the end of the text, then the pasted screenshot goes there.
        await body.evaluate((el: HTMLTextAreaElement) =>
          el.setSelectionRange(el.value.length, el.value.length),
        );
        await pasteImage(page, 'kb-editor-body', 'wiring diagram.png');
        await page.waitForFunction(() =>
          /!\[wiring diagram\]\(\/api\/v1\/kb\/articles\/[^)]+\)/.test(
            (document.querySelector('[data-testid="kb-editor-body"]') as HTMLTextAreaElement).value,
          ),
        );
        // Then a PDF with the button: a link (not an image) at the cursor.
        await page.getByTestId('kb-files-input').setInputFiles({
          name: 'manual.pdf',
          mimeType: 'application/pdf',
          buffer: PDF,
        });
        await page.waitForFunction(() =>
          (
            document.querySelector('[data-testid="kb-editor-body"]') as HTMLTextAreaElement
          ).value.includes('[manual.pdf](/api/v1/kb/articles/'),
        );
        // And an image dropped on the text.
        await pasteImage(page, 'kb-editor-body', 'dropped photo.png', 'drop');
        await page.waitForFunction(() =>
          (
            document.querySelector('[data-testid="kb-editor-body"]') as HTMLTextAreaElement
          ).value.includes('![dropped photo](/api/v1/kb/articles/'),
        );
        const text = await body.inputValue();
        expect(text.startsWith('Wire the pump as shown:\n\n![wiring diagram](')).toBe(true);
        // Each on a paragraph of its own.
        expect(text).toMatch(/\)\n\n\[manual\.pdf\]\(/);
        expect(text).not.toMatch(/!\[manual/);

        // The preview shows the image, loaded through the API client as a blob.
        const preview = await loadedImage(page, 'kb-preview', 'wiring diagram');
        expect(preview).toMatchObject({ width: 160 });
        expect(preview.src).toMatch(/^blob:/);
        await screenshot(page, 'kb-attachments-editor');

        await page.getByTestId('kb-editor-save').click();
        await page.getByTestId('kb-files').getByText('manual.pdf').waitFor();
        expect(await page.getByTestId('kb-files').getByText('wiring diagram.png').count()).toBe(1);
        await loadedImage(page, 'kb-article-body', 'wiring diagram');
        await page.getByTestId('kb-status-published').click();
        await page.getByTestId('kb-status').getByText('Published').waitFor();
        await settle(page);
        await screenshot(page, 'kb-attachments-article');
        expect(await seriousA11yViolations(page)).toEqual([]);

        // The client: the image loads on the portal page, the PDF downloads under its name.
        await c.open(`/kb/articles/${draft.id}`);
        const shown = await loadedImage(c.page, 'kb-article-body', 'wiring diagram');
        expect(shown.width).toBe(160);
        expect(shown.src).toMatch(/^blob:/);
        const files = c.page.getByTestId('kb-files');
        await files.getByText('manual.pdf').waitFor();
        const [download] = await Promise.all([
          c.page.waitForEvent('download'),
          files.getByRole('button', { name: 'Download manual.pdf' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe('manual.pdf');
        const chunks: Buffer[] = [];
        for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
        expect(Buffer.compare(Buffer.concat(chunks), PDF)).toBe(0);
        // The link in the text downloads the file the same way (a plain link would carry no
        // token and get a 401).
        const [fromText] = await Promise.all([
          c.page.waitForEvent('download'),
          c.page.getByTestId('kb-article-body').getByRole('link', { name: 'manual.pdf' }).click(),
        ]);
        expect(fromText.suggestedFilename()).toBe('manual.pdf');
        await settle(c.page);
        await screenshot(c.page, 'kb-attachments-portal');
        // A phone: the image and the file names fit, no sideways scrolling.
        await c.page.setViewportSize({ width: 375, height: 740 });
        await settle(c.page);
        expect(
          await c.page.evaluate(() => document.documentElement.scrollWidth),
        ).toBeLessThanOrEqual(375);
        await screenshot(c.page, 'kb-attachments-portal-375');
        expect(await seriousA11yViolations(c.page)).toEqual([]);
        // No image was ever asked for without the token.
        expect(unauthorized).toEqual([]);

        // The agent deletes the PDF: gone from the list and for the client, kept in the history.
        await a.open(`/kb/articles/${draft.id}`);
        const agentFiles = page.getByTestId('kb-files');
        await agentFiles.getByRole('button', { name: 'Delete manual.pdf' }).click();
        await page.getByTestId('kb-file-delete-confirm').click();
        await agentFiles.getByText('manual.pdf').waitFor({ state: 'detached' });
        await page.getByTestId('kb-files-deleted-toggle').click();
        await page
          .getByTestId('kb-files-deleted')
          .getByText(/^manual\.pdf: deleted .+ by Алексей Смирнов$/)
          .waitFor();
        await screenshot(page, 'kb-attachments-deleted');
        const left = await client.get<{ items: { fileName: string; url: string }[] }>(
          `/kb/articles/${draft.id}/attachments`,
        );
        expect(left.items.map((f) => f.fileName)).toEqual([
          'wiring diagram.png',
          'dropped photo.png',
        ]);
      },
    );
  });

  it('an anonymous reader of the public KB sees a public article image through the public path', async () => {
    const current = await admin.get<{ version: number }>('/admin/kb-settings');
    await admin.request('PUT', '/admin/kb-settings', {
      version: current.version,
      publicEnabled: true,
    });
    const sections = await agent.get<Section[]>('/kb/sections');
    const section =
      sections.find((s) => s.audience === 'public' && s.name.includes('Getting')) ??
      sections.find((s) => s.audience === 'public')!;
    const article = await agent.post<Article>('/kb/articles', {
      sectionId: section.id,
      title: uniqueText('Public photo'),
      body: 'Draft',
      language: 'en',
    });
    const file = await uploadAs(AGENT, article.id, 'front panel.png', PNG);
    const edited = await agent.request<Article>('PATCH', `/kb/articles/${article.id}`, {
      version: article.version,
      body: `The front panel:\n\n![front panel](${file.url})`,
    });
    await agent.post(`/kb/articles/${article.id}/status-changes`, {
      version: edited.version,
      status: 'published',
    });

    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`/kb/articles/${article.id}`);
      await page.getByTestId('kb-article').waitFor();
      const shown = await loadedImage(page, 'kb-article-body', 'front panel');
      expect(new URL(shown.src).pathname).toBe(
        `/api/v1/public/kb/articles/${article.id}/attachments/${file.id}`,
      );
      await page.getByTestId('kb-files').getByText('front panel.png').waitFor();
    } catch (e) {
      await screenshot(page, 'kb-attachments-public-failed');
      throw e;
    } finally {
      await context.close();
    }
  });
});
