import type { Browser } from 'playwright-core';
import { openAs, screenshotOnFailure } from '../support/actors';
import { ApiSession, type ApiTicket } from '../support/api';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, DEMO_PASSWORD } from '../support/browser';

const ADMIN = 'admin@relaydesk.local';
/** The demo's help-desk worker in scope "own only" (in L1, which has unassigned tickets). */
const OLGA = 'olga.belova@relaydesk.local';

type Summary = ApiTicket & { assignee?: { id: string } | null };
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface VisibilitySettings {
  defaultScope: string;
  unassignedGroupOnly: boolean;
  version: number;
}

/** Issue 16, item 9: who sees what is configurable, per user and installation-wide. */
describeBrowser('visibility scopes', () => {
  let browser: Browser;
  let admin: ApiSession;
  beforeAll(async () => {
    browser = await launch();
    admin = await ApiSession.as(ADMIN);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the demo agent in scope “own only” lists her own tickets and nothing else', async () => {
    const olga = await ApiSession.as(OLGA);
    const everything = await admin.get<Page<Summary>>('/tickets?view=all&limit=200');
    const hers = everything.items.filter((x) => x.assignee?.id === olga.user.id);
    expect(hers.length).toBeGreaterThan(0);
    expect(everything.items.length).toBeGreaterThan(hers.length);
    const actor = await openAs(browser, { email: OLGA, app: 'agent' });
    try {
      await screenshotOnFailure('visibility-own', { olga: actor.page }, async () => {
        await actor.open('/tickets?view=all');
        await actor.page.getByTestId(`ticket-row-${hers[0].number}`).waitFor();
        const rows = await actor.page
          .locator('[data-testid^="ticket-row-"]')
          .evaluateAll((els) =>
            els.map((el) => Number(el.getAttribute('data-testid')!.replace('ticket-row-', ''))),
          );
        expect(rows.sort()).toEqual(hers.map((x) => x.number).sort());
        // Nor does a search or a ticket's address reach the rest.
        const other = everything.items.find((x) => x.assignee?.id !== olga.user.id)!;
        const found = await olga.get<Page<ApiTicket>>(
          `/tickets?q=${encodeURIComponent(other.subject)}`,
        );
        expect(found.items.map((x) => x.id)).not.toContain(other.id);
        await expect(olga.ticket(other.number)).rejects.toMatchObject({ status: 404 });
      });
    } finally {
      await actor.context.close();
    }
  });

  it('an admin sets a user’s scope on the user form and the default on the Visibility page', async () => {
    const tag = Date.now().toString(36);
    const email = `scoped.${tag}@relaydesk.local`;
    const created = await admin.post<{ id: string }>('/users', {
      email,
      name: `Scoped agent ${tag}`,
      role: 'agent',
      locale: 'en',
      password: DEMO_PASSWORD,
    });
    const agent = await ApiSession.as(email);
    // The default scope (groups) shows every agent the unassigned tickets.
    const before = await agent.get<Page<ApiTicket>>('/tickets?view=all&limit=200');
    expect(before.items.length).toBeGreaterThan(0);
    const initial = await admin.get<VisibilitySettings>('/admin/visibility-settings');

    const desk = await openAs(browser, { email: ADMIN, app: 'agent' });
    try {
      await screenshotOnFailure('visibility-admin', { admin: desk.page }, async () => {
        const page = desk.page;
        await desk.open('/admin/users');
        await page.getByTestId('admin-search').fill(email);
        await page.getByTestId(`admin-row-${created.id}`).getByTestId('admin-edit').click();
        const scope = page.getByTestId('admin-user-visibility-scope');
        // Empty: the installation default, named.
        expect(await scope.inputValue()).toBe('');
        expect(await scope.locator('option:checked').innerText()).toMatch(/default.*own and/i);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await scope.selectOption('own');
        await page.getByTestId('admin-save').click();
        await page.getByTestId('admin-save').waitFor({ state: 'detached' });
        const saved = await admin.get<{ visibilityScope: string | null }>(`/users/${created.id}`);
        expect(saved.visibilityScope).toBe('own');
        const after = await agent.get<Page<ApiTicket>>('/tickets?view=all&limit=200');
        expect(after.items).toEqual([]);

        await desk.open('/admin/visibility');
        expect(await page.getByTestId('admin-tab-visibility').getAttribute('aria-current')).toBe(
          'page',
        );
        await page.getByTestId('visibility-settings').waitFor();
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page.getByTestId('visibility-default-all').check();
        await page.getByTestId('visibility-unassigned-group-only').check();
        await page.getByTestId('visibility-save').click();
        await page.getByText('Visibility settings saved').waitFor();
        const now = await admin.get<VisibilitySettings>('/admin/visibility-settings');
        expect(now).toMatchObject({ defaultScope: 'all', unassignedGroupOnly: true });
        // A user's own scope is theirs: the new default does not widen it.
        expect((await agent.get<Page<ApiTicket>>('/tickets?view=all')).items).toEqual([]);
      });
    } finally {
      await desk.context.close();
      // The other browser tests run on the same demo installation.
      const current = await admin.get<VisibilitySettings>('/admin/visibility-settings');
      await admin.request('PUT', '/admin/visibility-settings', {
        version: current.version,
        defaultScope: initial.defaultScope,
        unassignedGroupOnly: initial.unassignedGroupOnly,
      });
    }
  });
});
