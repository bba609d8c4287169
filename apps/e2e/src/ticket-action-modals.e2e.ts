import type { Browser, Page } from 'playwright-core';
import { ApiSession, type ApiTicket, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch } from '../support/browser';

const ADMIN = 'admin@relaydesk.local';

/**
 * Buttons a screen reader cannot name or read (axe's button-name and color-contrast): the
 * orange Escalate button was 4.29:1 on white until it took a darker orange.
 */
async function unreadableButtons(page: Page): Promise<string[]> {
  return (await seriousA11yViolations(page)).filter(
    (v) => v.startsWith('button-name') || v.startsWith('color-contrast'),
  );
}

/**
 * The ticket page's dialogs that write to the ticket (assign, escalate; hand over is in
 * assignment-transitions.e2e.ts) share one frame, TicketActionModal: every dialog's × button
 * has a name, a field's problem is said at the field, and the write uses the open version.
 */
describeBrowser('ticket dialogs: assign and escalate', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('an admin escalates (reason required, an accessible dialog) and assigns to themselves', async () => {
    const admin = await ApiSession.as(ADMIN);
    const tag = uniqueText('Dialogs e2e');
    const group = await admin.post<{ id: string }>('/groups', {
      name: `${tag} L1`,
      active: true,
      memberIds: [],
      distribution: 'manual',
      supportLevel: 1,
    });
    const created = await admin.post<ApiTicket>('/tickets', { subject: tag, description: '' });
    await admin.post(`/tickets/${created.id}/assignment`, {
      version: (await admin.ticket(created.number)).version,
      groupId: group.id,
    });

    await withActors(
      browser,
      'ticket-action-modals',
      { admin: { email: ADMIN, app: 'agent', lang: 'en' } },
      async ({ admin: a }) => {
        const p = a.page;
        await a.open(`/tickets/${created.number}`);

        await p.getByTestId('escalate-button').waitFor();
        expect(await unreadableButtons(p)).toEqual([]);
        await p.getByTestId('escalate-button').click();
        const escalate = p.getByTestId('escalate-modal');
        await escalate.getByTestId('escalate-reason').waitFor();
        expect(await unreadableButtons(p)).toEqual([]);
        await escalate.getByTestId('confirm-escalate').click();
        await escalate.getByText('Enter a reason.').waitFor();
        await escalate.getByRole('button', { name: 'Cancel' }).first().click();
        await escalate.waitFor({ state: 'detached' });

        await p.getByTestId('assign-button').click();
        const assign = p.getByTestId('assign-modal');
        await assign.getByTestId('assign-group').waitFor();
        expect(await unreadableButtons(p)).toEqual([]);
        // Nothing changed yet: nothing to save.
        expect(await assign.getByTestId('confirm-assign').isDisabled()).toBe(true);
        // The assignee picker has the focus and its list open over the button: the keyboard.
        await assign.getByRole('button', { name: 'Assign to me' }).focus();
        await p.keyboard.press('Enter');
        await assign.getByTestId('confirm-assign').click();
        await assign.waitFor({ state: 'detached' });
        await p.getByTestId('ticket-assignee').filter({ hasText: admin.user.name }).waitFor();
        const after = await admin.ticket(created.number);
        expect(after).toMatchObject({ assigneeId: admin.user.id, groupId: group.id });
      },
    );
  });
});
