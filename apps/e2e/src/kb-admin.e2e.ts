import type { Browser, Page } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import { chooseLanguage, withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, screenshot, settle } from '../support/browser';
import { sql } from '../support/db';

const DISPATCHER = 'marina.kuznetsova@relaydesk.local';
const YUZHNY_CLIENT = 's.petrov@agro-yuzhny.example';
const NOVAK_CLIENT = 'petr.novak@zahradnictvi-novak.example';

interface Section {
  id: string;
  name: string;
  version: number;
}

/** The section names of the tree as the page shows them, top to bottom. */
const treeOrder = (page: Page, names: string[]) =>
  page
    .getByTestId('kb-section-row')
    .evaluateAll(
      (rows, wanted) =>
        rows
          .map((r) => r.getAttribute('data-section-name') ?? '')
          .filter((n) => (wanted as string[]).includes(n)),
      names,
    );

/** Waits for the tree to show the sections in this order (the page reads it again after a move). */
async function waitForOrder(page: Page, names: string[], expected: string[]): Promise<void> {
  await page
    .waitForFunction(
      ([wanted, order]) =>
        JSON.stringify(
          [...document.querySelectorAll('[data-testid="kb-section-row"]')]
            .map((r) => r.getAttribute('data-section-name') ?? '')
            .filter((n) => wanted.includes(n)),
        ) === JSON.stringify(order),
      [names, expected] as const,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  // Says what the order was when it did not come.
  expect(await treeOrder(page, names)).toEqual(expected);
}

/** Fills the section dialog; the audience stays "Clients" (the default) unless given. */
async function fillSection(
  page: Page,
  name: string,
  opts: { organization?: string; audience?: string } = {},
): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('kb-section-name').fill(name);
  if (opts.audience) await dialog.getByRole('radio', { name: opts.audience }).check();
  if (opts.organization) {
    const orgs = dialog.getByTestId('kb-section-organizations');
    await orgs.click();
    await orgs.fill(opts.organization);
    await page
      .getByRole('option', { name: new RegExp(opts.organization) })
      .first()
      .click();
    await page.keyboard.press('Escape');
  }
  await dialog.getByTestId('kb-section-save').click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('kb-section-row').filter({ hasText: name }).first().waitFor();
}

/**
 * Issue 17, knowledge-base administration in the agent workspace: a dispatcher builds a small
 * tree (a section for one organization's clients with two subsections, one for another
 * organization), reorders the subsections with the buttons and the keyboard, and cannot delete
 * a section that is not empty (told why); each organization's client then reads only the
 * sections meant for them. The review queue lists an article whose last review is years old
 * and drops it once it is marked reviewed; the interval is a setting.
 */
describeBrowser('knowledge-base administration', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('sections are built, restricted and reordered in the UI; each client reads only theirs', async () => {
    const parent = uniqueText('Greenhouse manuals');
    const childA = uniqueText('Boilers');
    const childB = uniqueText('Sensors');
    const other = uniqueText('Novák only');
    const names = [parent, childA, childB, other];

    await withActors(
      browser,
      'kb-admin-sections',
      { dispatcher: { email: DISPATCHER, app: 'agent' } },
      async ({ dispatcher: d }) => {
        const page = d.page;
        await d.open('/tickets');
        await page.getByTestId('nav-kb-admin').click();
        await page.getByRole('heading', { name: 'Knowledge-base sections' }).waitFor();

        await page.getByTestId('kb-section-new').click();
        await fillSection(page, parent, { organization: 'Южный' });
        const parentRow = page.locator(`[data-section-name="${parent}"]`);
        await parentRow.getByTestId('kb-section-org-count').getByText('1 organization').waitFor();
        for (const child of [childA, childB]) {
          await page.getByRole('button', { name: `Add a subsection to “${parent}”` }).click();
          await fillSection(page, child);
        }
        await page.getByTestId('kb-section-new').click();
        await fillSection(page, other, { organization: 'Novák' });
        await waitForOrder(page, names, [parent, childA, childB, other]);

        // Up with the mouse (one request with the whole order: no PATCH per sibling), then
        // down again and up once more with the keyboard alone.
        const writes: string[] = [];
        const onRequest = (r: { method(): string; url(): string }) => {
          if (r.method() !== 'GET' && r.url().includes('/api/v1/kb/sections')) {
            writes.push(`${r.method()} ${new URL(r.url()).pathname}`);
          }
        };
        page.on('request', onRequest);
        await page.getByRole('button', { name: `Move “${childB}” up` }).click();
        await waitForOrder(page, names, [parent, childB, childA, other]);
        page.off('request', onRequest);
        expect(writes).toEqual(['PUT /api/v1/kb/sections/order']);
        await page.getByRole('button', { name: `Move “${childB}” down` }).focus();
        await page.keyboard.press('Enter');
        await waitForOrder(page, names, [parent, childA, childB, other]);
        await page.getByRole('button', { name: `Move “${childB}” up` }).focus();
        await page.keyboard.press('Space');
        await waitForOrder(page, names, [parent, childB, childA, other]);
        // The first and the last of their siblings cannot move further.
        expect(await page.getByRole('button', { name: `Move “${childB}” up` }).isDisabled()).toBe(
          true,
        );
        // Someone else renamed a sibling meanwhile: the move is refused whole, the page says
        // so and shows the tree as it is; the next move goes through.
        const staff = await ApiSession.as(DISPATCHER);
        const current = (await staff.get<Section[]>('/kb/sections')).find(
          (x) => x.name === childA,
        )!;
        const renamed = `${childA} (renamed)`;
        await staff.request('PATCH', `/kb/sections/${current.id}`, {
          version: current.version,
          name: renamed,
        });
        const refused = page.waitForResponse((r) => r.url().endsWith('/kb/sections/order'));
        await page.getByRole('button', { name: `Move “${childB}” down` }).click();
        expect((await refused).status()).toBe(409);
        await page.getByTestId('kb-sections-error').waitFor();
        await page.locator(`[data-section-name="${renamed}"]`).waitFor();
        await page.getByRole('button', { name: `Move “${childB}” down` }).click();
        await page.getByTestId('kb-sections-error').waitFor({ state: 'detached' });
        await waitForOrder(page, [...names, renamed], [parent, renamed, childB, other]);
        await staff.request('PATCH', `/kb/sections/${current.id}`, {
          version: current.version + 2,
          name: childA,
        });
        await page.reload();
        await page.locator(`[data-section-name="${childA}"]`).waitFor();
        await page.getByRole('button', { name: `Move “${childB}” up` }).click();
        await waitForOrder(page, names, [parent, childB, childA, other]);

        // A section with subsections stays, and the page says why.
        await page.getByRole('button', { name: `Delete “${parent}”` }).click();
        await page.getByTestId('kb-section-delete-confirm').click();
        await page
          .getByTestId('kb-sections-error')
          .getByText('The section is not empty (2 subsections, 0 articles)', { exact: false })
          .waitFor();

        // In the user's language: the same refusal in Russian, and then in Czech.
        await chooseLanguage(page, 'ru');
        await page.getByRole('button', { name: `Удалить «${parent}»` }).click();
        await page.getByTestId('kb-section-delete-confirm').click();
        await page
          .getByTestId('kb-sections-error')
          .getByText('Раздел не пуст (подразделов: 2, статей: 0)', { exact: false })
          .waitFor();
        await settle(page);
        await screenshot(page, 'kb-admin-sections-ru');
        await chooseLanguage(page, 'cs');
        await page.getByRole('button', { name: `Smazat „${parent}“` }).click();
        await page.getByTestId('kb-section-delete-confirm').click();
        await page
          .getByTestId('kb-sections-error')
          .getByText('Sekce není prázdná (podsekcí: 2, článků: 0)', { exact: false })
          .waitFor();
        await chooseLanguage(page, 'en');

        await settle(page);
        await screenshot(page, 'kb-admin-sections');
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.getByRole('button', { name: `Edit “${parent}”` }).click();
        await page.getByRole('dialog').getByTestId('kb-section-name').waitFor();
        await screenshot(page, 'kb-admin-section-form');
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.keyboard.press('Escape');
      },
    );

    // What each client reads, from the API the portal uses, and in the order set above.
    const seen = async (email: string) => {
      const api = await ApiSession.as(email);
      const sections = await api.get<Section[]>('/kb/sections');
      return sections.map((s) => s.name).filter((n) => names.includes(n));
    };
    expect(await seen(YUZHNY_CLIENT)).toEqual([parent, childB, childA]);
    expect(await seen(NOVAK_CLIENT)).toEqual([other]);

    // A client of the organization rates an article there; staff read the vote and its comment.
    const staffApi = await ApiSession.as(DISPATCHER);
    const childASection = (await staffApi.get<Section[]>('/kb/sections')).find(
      (s) => s.name === childA,
    )!;
    const written = await staffApi.post<{ id: string; version: number }>('/kb/articles', {
      sectionId: childASection.id,
      title: uniqueText('Boiler pressure'),
      body: 'Keep it between 1.2 and 1.8 bar.',
      language: 'en',
    });
    await staffApi.post(`/kb/articles/${written.id}/status-changes`, {
      version: written.version,
      status: 'published',
    });
    const comment = uniqueText('The figures helped');
    const client = await ApiSession.as(YUZHNY_CLIENT);
    await client.request('PUT', `/kb/articles/${written.id}/my-vote`, { helpful: true, comment });
    await withActors(
      browser,
      'kb-admin-ratings',
      { dispatcher: { email: DISPATCHER, app: 'agent' } },
      async ({ dispatcher: d }) => {
        await d.open(`/kb/articles/${written.id}`);
        const panel = d.page.getByTestId('kb-ratings-panel');
        await panel.getByText(comment).waitFor();
        await panel
          .getByTestId('kb-ratings-summary')
          .getByText('1 helpful · 0 not helpful')
          .waitFor();
        await settle(d.page);
        expect(await seriousA11yViolations(d.page)).toEqual([]);
      },
    );
  });

  it('the review queue lists an article not reviewed for years and drops it once reviewed', async () => {
    const api = await ApiSession.as(DISPATCHER);
    const section = await api.post<Section>('/kb/sections', {
      name: uniqueText('Runbooks'),
      audience: 'staff',
    });
    const title = uniqueText('Restart the boiler controller');
    const draft = await api.post<{ id: string; version: number }>('/kb/articles', {
      sectionId: section.id,
      title,
      body: 'Hold the reset button for five seconds.',
      language: 'en',
    });
    await api.post(`/kb/articles/${draft.id}/status-changes`, {
      version: draft.version,
      status: 'published',
    });
    // Written long ago and never reviewed: due at any interval, and the oldest in the queue.
    await sql(
      `UPDATE kb_articles SET created_at = '2001-01-01T00:00:00Z', reviewed_at = NULL WHERE id = $1`,
      [draft.id],
    );
    // A second one, reviewed from its own page: the sidebar's count follows there too.
    const other = await api.post<{ id: string; version: number }>('/kb/articles', {
      sectionId: section.id,
      title: uniqueText('Check the boiler log'),
      body: 'Once a week.',
      language: 'en',
    });
    await api.post(`/kb/articles/${other.id}/status-changes`, {
      version: other.version,
      status: 'published',
    });
    await sql(
      `UPDATE kb_articles SET created_at = '2002-01-01T00:00:00Z', reviewed_at = NULL WHERE id = $1`,
      [other.id],
    );
    const due = (await api.get<{ count: number }>('/kb/review-queue/count')).count;

    await withActors(
      browser,
      'kb-admin-review',
      { dispatcher: { email: DISPATCHER, app: 'agent' } },
      async ({ dispatcher: d }) => {
        const page = d.page;
        await d.open('/tickets');
        await page.getByTestId('kb-review-count').getByText(String(due)).waitFor();
        await page.getByTestId('nav-kb-review-queue').click();
        await page.getByRole('heading', { name: 'Review queue' }).waitFor();
        const item = page.locator(`[data-testid="kb-review-item"][data-title="${title}"]`);
        await item.getByText('Never reviewed, written 1 Jan 2001', { exact: false }).waitFor();
        // Oldest first: written in 2001, it leads the queue.
        expect(await page.getByTestId('kb-review-item').first().getAttribute('data-title')).toBe(
          title,
        );
        await settle(page);
        await screenshot(page, 'kb-admin-review-queue');
        expect(await seriousA11yViolations(page)).toEqual([]);

        await item.getByRole('button', { name: `Mark “${title}” reviewed` }).click();
        await item.waitFor({ state: 'detached' });
        await page
          .getByTestId('kb-review-count')
          .getByText(String(due - 1))
          .waitFor();
        const reviewed = await sql<{ reviewed_at: Date | null }>(
          'SELECT reviewed_at FROM kb_articles WHERE id = $1',
          [draft.id],
        );
        expect(reviewed[0].reviewed_at).not.toBeNull();

        await d.open(`/kb/articles/${other.id}`);
        await page
          .getByTestId('kb-review-count')
          .getByText(String(due - 1))
          .waitFor();
        await page.getByTestId('kb-mark-reviewed').click();
        await page
          .getByTestId('kb-review-count')
          .getByText(String(due - 2))
          .waitFor();

        // The settings page: the interval is saved with the save bar and read back.
        await d.open('/kb/settings');
        const interval = page.getByTestId('kb-settings-review-interval');
        const before = await interval.inputValue();
        await interval.fill('24');
        await page.getByTestId('settings-unsaved').waitFor();
        await settle(page);
        await screenshot(page, 'kb-admin-settings');
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.getByTestId('kb-settings-save').click();
        await page.getByTestId('settings-unsaved').waitFor({ state: 'detached' });
        await d.open('/kb/review-queue');
        await page.getByText('not reviewed for 24 months', { exact: false }).waitFor();
        await d.open('/kb/settings');
        await interval.fill(before.replace(/\D/g, ''));
        await page.getByTestId('kb-settings-save').click();
        await page.getByTestId('settings-unsaved').waitFor({ state: 'detached' });
      },
    );
  });
});
