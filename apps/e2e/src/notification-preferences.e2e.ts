import type { Browser } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import { withActors } from '../support/actors';
import { describeBrowser, launch, screenshot } from '../support/browser';

const CLIENT = 's.petrov@agro-yuzhny.example';
const AGENT = 'alexey.smirnov@relaydesk.local';
const DISPATCHER = 'marina.kuznetsova@relaydesk.local';
/** A colleague of CLIENT who sees only her own tickets. */
const COLLEAGUE = 'a.lebedeva@agro-yuzhny.example';

interface Cell {
  kind: string;
  channel: string;
  enabled: boolean;
  default: boolean;
}

describeBrowser('notification preferences and watchers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('a client turns off reply e-mails in the portal profile, and the choice is there after a reload', async () => {
    const clientApi = await ApiSession.as(CLIENT);
    const cellOf = async () =>
      (await clientApi.get<{ items: Cell[] }>('/me/notification-preferences')).items.find(
        (c) => c.kind === 'comment_public' && c.channel === 'email',
      )!;
    const before = await cellOf();

    await withActors(
      browser,
      'notification-preferences',
      { client: { email: CLIENT, app: 'portal', lang: 'ru' } },
      async ({ client }) => {
        const p = client.page;
        // The portal has the bell too, with "mark all read".
        await client.open('/tickets');
        await p.getByTestId('notification-bell').click();
        await p.getByTestId('notification-panel').waitFor();
        await p.getByTestId('notifications-mark-all').waitFor();
        await screenshot(p, 'notification-bell-portal-ru');
        await p.keyboard.press('Escape');
        await client.open('/profile');
        const box = p.getByTestId('pref-comment_public/email');
        await box.waitFor();
        expect(await box.isChecked()).toBe(before.enabled);
        // Russian names in the matrix, and the SMS hint for a client without a phone.
        await p.getByRole('rowheader', { name: 'Ответы' }).waitFor();
        await p.getByTestId('pref-sms-unavailable').waitFor();
        // Saved on click: the API says so before the page is reloaded.
        const saved = (page: typeof p) =>
          page.waitForResponse(
            (r) =>
              r.url().endsWith('/api/v1/me/notification-preferences') &&
              r.request().method() === 'PUT',
          );
        const [put] = await Promise.all([saved(p), box.click()]);
        expect(put.status()).toBe(200);
        expect(await cellOf()).toMatchObject({ enabled: !before.enabled, default: false });
        await screenshot(p, 'notification-preferences-portal-ru');

        await p.reload();
        const again = p.getByTestId('pref-comment_public/email');
        await again.waitFor();
        expect(await again.isChecked()).toBe(!before.enabled);
        expect(await again.getAttribute('data-default')).toBe('false');

        // "Reset to defaults" follows the installation's default again.
        const [reset] = await Promise.all([saved(p), p.getByTestId('pref-reset').click()]);
        expect(reset.status()).toBe(200);
        expect((await cellOf()).default).toBe(true);
        await p.reload();
        await p.getByTestId('pref-comment_public/email').waitFor();
        expect(await p.getByTestId('pref-comment_public/email').getAttribute('data-default')).toBe(
          'true',
        );

        // With a phone number and the consent to SMS, the SMS cells can be turned on.
        const sms = p.getByTestId('pref-status_changed/sms');
        expect(await sms.isDisabled()).toBe(true);
        await p.getByTestId('profile-phone').fill('+420 601 123 456');
        await p.getByTestId('profile-sms-opt-in').check();
        await p.getByTestId('profile-phone-save').click();
        await p.getByTestId('pref-sms-unavailable').waitFor({ state: 'detached' });
        expect(await p.getByTestId('pref-status_changed/sms').isDisabled()).toBe(false);
        // Back as it was: no number, so no consent either.
        await p.getByTestId('profile-phone').fill('');
        await p.getByTestId('profile-phone-save').click();
        await p.getByTestId('pref-sms-unavailable').waitFor();
      },
    );
  });

  it('an agent adds a colleague as a watcher of a ticket', async () => {
    const clientApi = await ApiSession.as(CLIENT);
    const dispatcherApi = await ApiSession.as(DISPATCHER);
    const ticket = await clientApi.createTicket(uniqueText('Watchers: boiler pressure drops'));

    await withActors(
      browser,
      'ticket-watchers',
      { agent: { email: AGENT, app: 'agent', lang: 'en' } },
      async ({ agent }) => {
        const p = agent.page;
        await agent.open(`/tickets/${ticket.number}`);
        const card = p.getByTestId('ticket-watchers');
        await card.waitFor();
        const picker = p.getByTestId('watcher-picker');
        await picker.click();
        await picker.fill('Марина');
        await p
          .getByRole('option', { name: /Марина Кузнецова/ })
          .first()
          .click();
        await card.getByTestId(`watcher-${dispatcherApi.user.id}`).waitFor();
        // The ticket's history says so, without a reload.
        const line = p.locator('[data-kind="watcher_added"]');
        await line.waitFor();
        expect(await line.textContent()).toContain('Марина Кузнецова watches the ticket');
        await screenshot(p, 'ticket-watchers-agent');
      },
    );
    const watchers = await dispatcherApi.get<{ user: { id: string } }[]>(
      `/tickets/${ticket.id}/watchers`,
    );
    expect(watchers.map((w) => w.user.id)).toEqual([dispatcherApi.user.id]);
  });

  it('a client who sees the organization’s tickets adds a colleague from the portal', async () => {
    // Anna files it; Sergey (who sees his organization's tickets) adds her as a watcher. The
    // picker offers only colleagues who can see the ticket: here, Anna.
    const annaApi = await ApiSession.as(COLLEAGUE);
    const ticket = await annaApi.createTicket(uniqueText('Watchers: greenhouse 3 vents stuck'));
    await withActors(
      browser,
      'ticket-watchers-portal',
      { client: { email: CLIENT, app: 'portal', lang: 'ru' } },
      async ({ client }) => {
        const p = client.page;
        await client.open(`/tickets/${ticket.number}`);
        const card = p.getByTestId('ticket-watchers');
        await card.waitFor();
        const picker = p.getByTestId('watcher-candidates');
        await picker.click();
        await picker.fill('Анна');
        await p.getByRole('option', { name: 'Анна Лебедева' }).click();
        await card.getByTestId(`watcher-${annaApi.user.id}`).waitFor();
        await screenshot(p, 'ticket-watchers-portal-ru');
      },
    );
    const watchers = await annaApi.get<{ user: { id: string } }[]>(
      `/tickets/${ticket.id}/watchers`,
    );
    expect(watchers.map((w) => w.user.id)).toEqual([annaApi.user.id]);
  });
});
