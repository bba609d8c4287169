import type { Browser, Page } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import { describeBrowser, launch, signIn, withPage } from '../support/browser';

/** The demo's department head: an agent heading Service, with Engineering below it. */
const HEAD = 'tereza.dvorakova@relaydesk.local';
const DISPATCHER = 'marina.kuznetsova@relaydesk.local';
const AGENT = 'alexey.smirnov@relaydesk.local';
const CLIENT = 's.petrov@agro-yuzhny.example';

interface Listed {
  items: { id: string; number: number; assignee: { id: string; name: string } | null }[];
}
interface Me {
  headOfDepartmentIds: string[];
}

/** Waits until the list shows exactly these ticket numbers (first page, up to 50). */
async function waitForRows(page: Page, numbers: number[]): Promise<void> {
  const want = [...numbers].sort((a, b) => a - b).join(',');
  await page
    .waitForFunction(
      (expected) => {
        const rows = [...document.querySelectorAll('[data-testid^="ticket-row-"]')];
        const got = rows
          .map((r) => Number(r.getAttribute('data-testid')!.slice('ticket-row-'.length)))
          .sort((a, b) => a - b)
          .join(',');
        return got === expected;
      },
      want,
      { timeout: 20_000 },
    )
    .catch(async () => {
      const got = await page
        .locator('[data-testid^="ticket-row-"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));
      throw new Error(`rows ${got.join(',')}, expected ${want}`);
    });
}

describeBrowser('PayDox queues in the agent app', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it("a department head gets By department with their department picked, its tree's open tickets, and the Closed switch", async () => {
    const head = await ApiSession.as(HEAD);
    const [service] = (await head.get<Me>('/me')).headOfDepartmentIds;
    const open = await head.get<Listed>(
      `/tickets?view=by_department&departmentId=${service}&limit=50`,
    );
    const closed = await head.get<Listed>(
      `/tickets?view=by_department&departmentId=${service}&state=closed&limit=50`,
    );
    // The demo's point: the engineers below Service have tickets, and the head sees them.
    const engineers = await head.get<{ items: { id: string }[] }>(
      `/users?departmentId=${(await head.get<{ items: { id: string; parentId: string | null }[] }>(`/departments?parentId=${service}`)).items[0].id}`,
    );
    const engineerIds = new Set(engineers.items.map((u) => u.id));
    expect(open.items.some((i) => i.assignee && engineerIds.has(i.assignee.id))).toBe(true);
    expect(closed.items.length).toBeGreaterThan(0);

    await withPage(browser, 'paydox-head-department', async (page) => {
      await signIn(page, '/agent/', HEAD);
      await page.getByTestId('queue-by_department').click();
      // Preselected: the department the head heads, in the address and in the picker.
      await page.waitForURL(new RegExp(`departmentId=${service}`));
      await waitForRows(page, open.items.map((i) => i.number).slice(0, 50));
      expect(await page.getByTestId('queue-undistributed').count()).toBe(0);

      await page.getByTestId('subject-state').locator('label').nth(1).click();
      await page.waitForURL(/state=closed/);
      await waitForRows(page, closed.items.map((i) => i.number).slice(0, 50));

      // The picker offers the head's tree only: Service and Engineering.
      const picker = page.getByTestId('by-department-picker');
      await picker.click();
      await picker.fill('отдел');
      const options = page.getByRole('option', { name: /отдел/ });
      await options.nth(1).waitFor();
      expect((await options.allTextContents()).sort()).toEqual([
        'Инженерный отдел / Engineering',
        'Сервисный отдел / Service',
      ]);
    });
  });

  it('an agent has neither By department nor Undistributed; the dispatcher has Undistributed with its count', async () => {
    const client = await ApiSession.as(CLIENT);
    const dispatcher = await ApiSession.as(DISPATCHER);
    await withPage(browser, 'paydox-agent-sidebar', async (page) => {
      await signIn(page, '/agent/', AGENT);
      await page.getByTestId('queue-unassigned').waitFor();
      expect(await page.getByTestId('queue-by_department').count()).toBe(0);
      expect(await page.getByTestId('queue-by_user').count()).toBe(0);
      expect(await page.getByTestId('queue-undistributed').count()).toBe(0);
    });

    // A portal ticket that no rule routes: no group, no assignee.
    const ticket = await client.createTicket(uniqueText('Undistributed: drip line leaks'));
    await withPage(browser, 'paydox-undistributed', async (page) => {
      await signIn(page, '/agent/', DISPATCHER);
      await page.getByTestId('queue-undistributed').click();
      await page.waitForURL(/view=undistributed/);
      await page.getByTestId(`ticket-row-${ticket.number}`).waitFor();
      const counts = await dispatcher.get<{ undistributed: number }>('/tickets/counts');
      const listed = await dispatcher.get<Listed>('/tickets?view=undistributed&limit=200');
      expect(counts.undistributed).toBe(listed.items.length);
      await page.waitForFunction(
        (n) =>
          document.querySelector('[data-testid="queue-count-undistributed"]')?.textContent ===
          String(n),
        counts.undistributed,
        { timeout: 20_000 },
      );
    });
  });
});
