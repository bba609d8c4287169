import type { Browser, Page } from 'playwright-core';
import { ApiSession, uniqueText, type ApiTicket } from '../support/api';
import { withActors } from '../support/actors';
import { describeBrowser, launch } from '../support/browser';

/**
 * The portal, part A (issue 16: items 1, 12, 13, 15) as a client sees it: a HappyDesk ticket
 * under the right status filter, the promised times (paused while the ticket waits), the
 * history beside the conversation, and filing against the client's own project.
 */

const ADMIN = 'admin@relaydesk.local';
const DISPATCHER = 'marina.kuznetsova@relaydesk.local';
/** The demo's Russian customer, a member of the demo project; the UI runs in English here. */
const CLIENT = 's.petrov@agro-yuzhny.example';
const ASSIGNEE_NAME = 'Алексей Смирнов';
/** A Czech customer of another organization, in no project. */
const LUCIE = 'lucie.svobodova@zahradnictvi-novak.example';
const DAY = 86_400_000;
const CLIENT_KINDS = ['created', 'assigned', 'status_changed', 'field_changed'];

interface TicketWithPromise extends ApiTicket {
  promise: { firstResponseBy: string | null; resolutionBy: string | null; paused: boolean };
  projectId?: string | null;
}

/** Waits for the list to settle after a filter change (no placeholder rows). */
async function settledList(page: Page): Promise<void> {
  await page.locator('[data-testid="portal-ticket-list"]:not([data-loading])').waitFor();
}

/** Picks a filter and waits until the list answers it (the URL first, then the rows). */
async function choose(page: Page, testId: string, param: string, value: string): Promise<void> {
  await page.getByTestId(testId).selectOption(value);
  await page.waitForURL((url) => (url.searchParams.get(param) ?? '') === value);
  await settledList(page);
}

async function cardVisible(page: Page, number: number): Promise<boolean> {
  await settledList(page);
  return page.getByTestId(`portal-ticket-${number}`).isVisible();
}

describeBrowser('the portal: status by category, promised times, history, projects', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('a HappyDesk ticket sits under the right filter, promises its times (paused on hold), and its history shows the support team, never internal lines', async () => {
    const admin = await ApiSession.as(ADMIN);
    const dispatcher = await ApiSession.as(DISPATCHER);
    const clientApi = await ApiSession.as(CLIENT);
    const types = await admin.get<{ id: string; key: string }[]>('/ticket-types');
    const website = types.find((x) => x.key === 'website_issue');
    if (!website) throw new Error('the demo type "Website issue" (HappyDesk) is missing');
    const subject = uniqueText('Checkout page shows a blank screen');
    const created = await clientApi.post<TicketWithPromise>('/tickets', {
      subject,
      typeId: website.id,
    });
    expect(created.promise.firstResponseBy).not.toBeNull();

    await withActors(
      browser,
      'portal-progress',
      { client: { email: CLIENT, app: 'portal', lang: 'en' } },
      async ({ client }) => {
        const p = client.page;

        // New in HappyDesk is the category "new": the client's "Open" filter finds it.
        await client.open(`/tickets?q=${encodeURIComponent(subject)}`);
        await choose(p, 'portal-status-filter', 'status', 'open');
        expect(await cardVisible(p, created.number)).toBe(true);
        const card = p.getByTestId(`portal-ticket-${created.number}`);
        expect(await card.getByTestId('portal-card-promise').textContent()).toContain('Answer by');
        await choose(p, 'portal-status-filter', 'status', 'waiting');
        expect(await cardVisible(p, created.number)).toBe(false);

        // The desk takes it on, writes an internal note, and puts it on hold.
        const alexey = await admin.get<{ items: { id: string; name: string }[] }>(
          `/users?q=${encodeURIComponent('Смирнов')}`,
        );
        const assigneeId = alexey.items.find((u) => u.name === ASSIGNEE_NAME)!.id;
        let ticket = await dispatcher.ticket(created.number);
        await dispatcher.post(`/tickets/${ticket.id}/assignment`, {
          version: ticket.version,
          assigneeId,
        });
        await dispatcher.post(`/tickets/${ticket.id}/comments`, {
          body: 'Internal: the CDN cache is stale',
          internal: true,
        });
        ticket = await dispatcher.ticket(created.number);
        await dispatcher.request('PATCH', `/tickets/${ticket.id}`, {
          version: ticket.version,
          priority: 'low',
        });
        ticket = await dispatcher.ticket(created.number);
        // Taking or assigning may already have moved it to In Progress (HappyDesk).
        if (ticket.status === 'new') await dispatcher.transition(created.number, 'in_progress');
        await dispatcher.transition(created.number, 'hold', {
          postponeUntil: new Date(Date.now() + 3 * DAY).toISOString(),
        });

        // On hold is "waiting" (pending) for every workflow, with the clock paused.
        await client.open(`/tickets?q=${encodeURIComponent(subject)}`);
        await choose(p, 'portal-status-filter', 'status', 'open');
        expect(await cardVisible(p, created.number)).toBe(false);
        await choose(p, 'portal-status-filter', 'status', 'waiting');
        expect(await cardVisible(p, created.number)).toBe(true);
        const pausedLine = p.locator(
          `[data-testid="portal-ticket-${created.number}"] [data-testid="portal-card-promise"][data-paused]`,
        );
        expect(await pausedLine.textContent()).toContain('paused');

        await p.getByTestId(`portal-ticket-${created.number}`).click();
        await p.getByTestId('portal-ticket').waitFor();
        const promise = p.locator('[data-testid="portal-promise"][data-paused]');
        await promise.waitFor();
        expect(await promise.getByTestId('portal-promise-paused').textContent()).toBe('Paused');
        expect(await promise.getByTestId('portal-promise-resolution').textContent()).toContain(
          'Solution expected by',
        );

        // The history beside the conversation: the support team, status names, no internals.
        await p.getByRole('heading', { name: 'History' }).waitFor();
        const timeline = p.getByTestId('portal-timeline');
        await timeline.locator('[data-kind="status_changed"]').last().waitFor();
        const kinds = await timeline
          .getByTestId('portal-timeline-item')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
        expect(kinds[0]).toBe('created');
        expect(kinds).toContain('assigned');
        // The hold's date is the client's business too (field_changed postponedUntil).
        expect(kinds.filter((k) => !CLIENT_KINDS.includes(k!))).toEqual([]);
        const text = (await timeline.textContent()) ?? '';
        expect(text).toContain('Taken on by the support team');
        expect(text).toContain('In Progress → Hold');
        expect(text).toContain('Priority: Low');
        expect(text).not.toContain(ASSIGNEE_NAME);
        expect(text).not.toContain('CDN');
        // Beside the conversation on a desktop-wide page.
        const conversation = await p.locator('#ticket-conversation').boundingBox();
        const history = await p.locator('#ticket-history').boundingBox();
        expect(history!.x).toBeGreaterThan(conversation!.x + conversation!.width);
      },
    );
  });

  it('a project member files against their project and filters the list by it', async () => {
    const admin = await ApiSession.as(ADMIN);
    const clientApi = await ApiSession.as(CLIENT);
    const { items: projects } = await clientApi.get<{ items: { id: string; name: string }[] }>(
      '/me/projects',
    );
    expect(projects).toHaveLength(1);
    const project = projects[0];
    // One word both subjects share, to list just these two.
    const marker = uniqueText('Irrigation').split(' ')[1];
    const outside = await clientApi.createTicket(`Outside any project ${marker}`);
    const subject = `Drip irrigation valve spec ${marker}`;

    await withActors(
      browser,
      'portal-projects',
      { client: { email: CLIENT, app: 'portal', lang: 'en' } },
      async ({ client }) => {
        const p = client.page;
        await client.open('/tickets/new');
        const choice = p.getByTestId('portal-project');
        await choice.waitFor();
        expect(await choice.locator('option').allInnerTexts()).toEqual([
          'No project',
          project.name,
        ]);
        await choice.selectOption(project.id);
        await p.getByTestId('portal-subject').fill(subject);
        await p.getByTestId('portal-submit').click();
        await p.waitForURL(/\/tickets\/\d+$/);
        const number = Number(/\/tickets\/(\d+)$/.exec(p.url())![1]);
        const filed = await admin.get<TicketWithPromise>(`/tickets/by-number/${number}`);
        expect(filed.projectId).toBe(project.id);

        await client.open(`/tickets?q=${marker}`);
        await settledList(p);
        expect(await cardVisible(p, outside.number)).toBe(true);
        await choose(p, 'portal-project-filter', 'project', project.id);
        expect(await cardVisible(p, number)).toBe(true);
        expect(await cardVisible(p, outside.number)).toBe(false);
        await choose(p, 'portal-project-filter', 'project', '');
        expect(await cardVisible(p, outside.number)).toBe(true);
      },
    );
  });

  it('an admin makes a customer a project member in the agent app; the customer may then file against it', async () => {
    const admin = await ApiSession.as(ADMIN);
    const lucie = await ApiSession.as(LUCIE);
    const {
      items: [project],
    } = await (
      await ApiSession.as(CLIENT)
    ).get<{ items: { id: string; name: string }[] }>('/me/projects');
    expect((await lucie.get<{ items: unknown[] }>('/me/projects')).items).toEqual([]);
    try {
      await withActors(
        browser,
        'project-customers',
        { desk: { email: ADMIN, app: 'agent', lang: 'en' } },
        async ({ desk }) => {
          const a = desk.page;
          await desk.open('/admin/projects');
          await a.getByTestId(`admin-row-${project.id}`).getByTestId('admin-edit').click();
          const members = a.getByTestId('project-members');
          await members.waitFor();
          // The seeded customer shows as a member, marked as a customer.
          const field = a.locator('.mantine-MultiSelect-root', { has: members });
          await field.getByText('Сергей Петров (customer)').waitFor();
          await members.click();
          await members.fill('Svobodov');
          await a.getByRole('option', { name: 'Lucie Svobodová (customer)' }).click();
          await field.getByText('Lucie Svobodová (customer)').waitFor();
          // The picker stays open for more picks; close it as a user does.
          await a.keyboard.press('Escape');
          await a.getByTestId('admin-save').click();
          await a.getByTestId('admin-save').waitFor({ state: 'detached' });
        },
      );
      const mine = await lucie.get<{ items: { id: string }[] }>('/me/projects');
      expect(mine.items.map((x) => x.id)).toEqual([project.id]);
      const stored = await admin.get<{ memberIds: string[] }>(`/projects/${project.id}`);
      expect(stored.memberIds).toContain(lucie.user.id);
    } finally {
      // Leave the demo as seeded for the other files.
      const current = await admin.get<{ memberIds: string[]; version: number }>(
        `/projects/${project.id}`,
      );
      if (current.memberIds.includes(lucie.user.id)) {
        await admin.request('PATCH', `/projects/${project.id}`, {
          version: current.version,
          memberIds: current.memberIds.filter((id) => id !== lucie.user.id),
        });
      }
    }
  });
});
