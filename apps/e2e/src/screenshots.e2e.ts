import { statSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { ApiSession, uniqueText } from '../support/api';
import {
  chooseLanguage,
  freezeAnimations,
  openAs,
  screenshotOnFailure,
  type Actor,
  type Lang,
} from '../support/actors';
import { describeBrowser, launch, screenshot, settle } from '../support/browser';

/**
 * Screenshots of every main page in every language, for people to look at
 * (.test-results/screenshots/<lang>-<app>-<page>.png, gitignored). Each page is checked to be
 * in the right language before it is photographed.
 */
const QUEUE_UNASSIGNED: Record<Lang, string> = {
  en: 'Unassigned',
  ru: 'Неназначенные',
  cs: 'Nepřiřazené',
};
const PORTAL_NEW_TICKET: Record<Lang, string> = {
  en: 'New ticket',
  ru: 'Новая заявка',
  cs: 'Nový požadavek',
};

describeBrowser('screenshots of the main pages in en, ru and cs', () => {
  let browser: Browser;
  let agent: Actor;
  let client: Actor;
  let number: number;

  beforeAll(async () => {
    browser = await launch();
    const clientApi = await ApiSession.as('s.petrov@agro-yuzhny.example');
    const agentApi = await ApiSession.as('alexey.smirnov@relaydesk.local');
    const ticket = await clientApi.createTicket(
      uniqueText('Теплица 4: не открываются форточки'),
      'С утра форточки в теплице 4 не открываются, температура 34 °C. Контроллер показывает ошибку E17.',
    );
    number = ticket.number;
    await agentApi.take(number);
    await agentApi.transition(number, 'in_progress');
    await agentApi.post(`/tickets/${ticket.id}/comments`, {
      body: 'Сергей, здравствуйте! Пришлите, пожалуйста, фото экрана контроллера.',
    });
    await agentApi.post(`/tickets/${ticket.id}/comments`, {
      body: 'E17 — обрыв концевика. Взять концевик со склада.',
      internal: true,
    });
    await clientApi.post(`/tickets/${ticket.id}/comments`, {
      body: 'Фото отправил на почту, ошибка E17 не уходит.',
    });
    [agent, client] = await Promise.all([
      openAs(browser, { email: 'admin@relaydesk.local', app: 'agent' }),
      openAs(browser, { email: 's.petrov@agro-yuzhny.example', app: 'portal' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([agent?.context.close(), client?.context.close()]);
    await browser?.close();
  });

  it.each(['en', 'ru', 'cs'] as Lang[])('%s', async (lang) => {
    const pages: [Actor, string, string, string][] = [
      [agent, 'agent-list', '/tickets?view=open', '[data-testid^="ticket-row-"]'],
      [agent, 'agent-ticket', `/tickets/${number}`, '[data-testid="history"]'],
      [agent, 'agent-new-ticket', '/tickets/new', '[data-testid="new-ticket-form"]'],
      [agent, 'agent-calendar', '/calendar', '[data-testid="calendar"]'],
      [agent, 'agent-admin-users', '/admin/users', '[data-testid^="admin-row-"]'],
      [agent, 'agent-profile', '/profile', '[data-testid="profile-language"]'],
      [client, 'portal-list', '/tickets', '[data-testid="portal-ticket-list"]:not([data-loading])'],
      [client, 'portal-new-ticket', '/tickets/new', '[data-testid="portal-new-ticket-form"]'],
      [client, 'portal-ticket', `/tickets/${number}`, '[data-testid^="portal-comment-"]'],
    ];
    await screenshotOnFailure(
      `screenshots-${lang}`,
      { agent: agent.page, client: client.page },
      // The two actors are separate browser contexts and users: their pages are photographed
      // side by side, each actor's in order (one page waiting to settle while the other renders).
      () =>
        Promise.all(
          [agent, client].map(async (actor) => {
            const { page } = actor;
            await actor.open('/');
            await chooseLanguage(page, lang);
            for (const [, name, path, ready] of pages.filter(([a]) => a === actor)) {
              await actor.open(path);
              await page.locator(ready).first().waitFor();
              await settle(page);
              expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
              if (actor === agent) {
                expect(await page.getByTestId('queue-unassigned').textContent()).toContain(
                  QUEUE_UNASSIGNED[lang],
                );
              } else {
                await page.getByRole('link', { name: PORTAL_NEW_TICKET[lang] }).first().waitFor();
              }
              await freezeAnimations(page);
              const file = await screenshot(page, `${lang}-${name}`);
              expect(statSync(file).size).toBeGreaterThan(10_000);
            }
          }),
        ).then(() => undefined),
    );
  });
});
