import type { Browser, Page } from 'playwright-core';
import { ApiSession, uniqueText, type ApiTicket } from '../support/api';
import { describeBrowser, launch, signIn, withPage } from '../support/browser';

/**
 * Russian and Czech users sign in through the form; the UI switches to their language
 * (stored on their profile) and every label on the list and the ticket page follows it.
 */
interface Strings {
  agent: string;
  client: string;
  subject: string;
  queues: Record<'unassigned' | 'created_by_me' | 'closed' | 'open', string>;
  subjectColumn: string;
  status: { needsClarification: string; open: string; inProgress: string; resolved: string };
  detailHeadings: string[];
  take: string;
  postponed: string;
  portal: { title: string; newTicket: string; statusLabel: string; allStatuses: string };
  portalHeadings: string[];
  reply: string;
  send: string;
}

const LANGS: Record<'ru' | 'cs', Strings> = {
  ru: {
    agent: 'alexey.smirnov@relaydesk.local',
    client: 's.petrov@agro-yuzhny.example',
    // No words of the demo assignment rules: the ticket must stay unassigned (Take is checked).
    subject: 'Теплица 5: мигает досветка',
    queues: {
      unassigned: 'Неназначенные',
      created_by_me: 'Созданные мной',
      closed: 'Закрытые',
      open: 'Открытые',
    },
    subjectColumn: 'Тема',
    status: {
      needsClarification: 'Требует уточнения',
      open: 'Открыта',
      inProgress: 'В работе',
      resolved: 'Решена',
    },
    detailHeadings: ['Назначение', 'Переписка', 'История', 'Вложения'],
    take: 'Взять',
    postponed: 'Отложена до',
    portal: {
      title: 'Мои заявки',
      newTicket: 'Новая заявка',
      statusLabel: 'Статус',
      allStatuses: 'Все статусы',
    },
    portalHeadings: ['Описание', 'Переписка', 'Файлы'],
    reply: 'Ваш ответ',
    send: 'Отправить',
  },
  cs: {
    agent: 'tereza.dvorakova@relaydesk.local',
    client: 'petr.novak@zahradnictvi-novak.example',
    subject: 'Skleník 5: bliká přisvětlování',
    queues: {
      unassigned: 'Nepřiřazené',
      created_by_me: 'Vytvořené mnou',
      closed: 'Uzavřené',
      open: 'Otevřené',
    },
    subjectColumn: 'Předmět',
    status: {
      needsClarification: 'Vyžaduje upřesnění',
      open: 'Otevřený',
      inProgress: 'Řeší se',
      resolved: 'Vyřešený',
    },
    detailHeadings: ['Přiřazení', 'Konverzace', 'Historie', 'Přílohy'],
    take: 'Převzít',
    postponed: 'Odloženo do',
    portal: {
      title: 'Moje požadavky',
      newTicket: 'Nový požadavek',
      statusLabel: 'Stav',
      allStatuses: 'Všechny stavy',
    },
    portalHeadings: ['Popis', 'Konverzace', 'Soubory'],
    reply: 'Vaše odpověď',
    send: 'Odeslat',
  },
};

/** English labels that must be gone once the UI speaks Russian or Czech. */
const ENGLISH_AGENT_LIST = [
  'Unassigned',
  'Created by me',
  'Needs reply',
  'All tickets',
  'New ticket',
  'Calendar',
  'Needs clarification',
  'Subject',
  'Updated',
];
const ENGLISH_AGENT_DETAIL = [
  'Assignment',
  'Conversation',
  'History',
  'Attachments',
  'Change status:',
  'Needs clarification',
  'In progress',
  'Postponed until',
  'Take',
];
const ENGLISH_PORTAL_LIST = ['My tickets', 'New ticket', 'Sign out', 'All statuses', 'Updated'];
const ENGLISH_PORTAL_DETAIL = [
  'Description',
  'Conversation',
  'Files',
  'Your reply',
  'Send',
  'Needs clarification',
  'Back to tickets',
];

/**
 * The interface's own words: every text node and accessible-name attribute on the page except
 * inside what users wrote (subjects, descriptions, comments), which may be in any language.
 */
const USER_CONTENT = [
  'tbody a',
  '[data-testid="ticket-subject"]',
  '[data-testid="ticket-description"]',
  'article[data-testid^="comment-"] p',
  '[data-testid^="portal-ticket-"] p',
  '[data-testid="portal-ticket"] h2',
  '[data-testid^="portal-comment-"] p',
].join(',');

async function englishLeft(page: Page, words: string[]): Promise<string[]> {
  const texts = await page.evaluate((skip) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement?.closest(skip)) out.push(n.textContent ?? '');
    }
    for (const el of document.body.querySelectorAll('[aria-label],[placeholder],[title]')) {
      if (el.closest(skip)) continue;
      for (const a of ['aria-label', 'placeholder', 'title']) out.push(el.getAttribute(a) ?? '');
    }
    return out;
  }, USER_CONTENT);
  return words.filter((w) => texts.some((t) => new RegExp(`\\b${w}\\b`).test(t)));
}

/** A line of each language's shared strings: which languages' strings a page downloaded. */
const COMMON_MARKS = {
  en: 'Something went wrong. Please try again.',
  ru: 'Что-то пошло не так. Попробуйте ещё раз.',
  cs: 'Něco se pokazilo. Zkuste to prosím znovu.',
};

/** Collects the scripts a page downloads; `languages()` says whose strings were among them. */
function watchStrings(page: Page) {
  let bodies: Promise<string>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') {
      bodies.push(response.text().catch(() => ''));
    }
  });
  return {
    async languages(): Promise<string[]> {
      const texts = await Promise.all(bodies);
      bodies = [];
      return Object.entries(COMMON_MARKS)
        .filter(([, mark]) => texts.some((text) => text.includes(mark)))
        .map(([lang]) => lang);
    },
  };
}

describeBrowser('Russian and Czech interfaces', () => {
  let browser: Browser;
  const tickets = {} as Record<'ru' | 'cs', ApiTicket>;

  beforeAll(async () => {
    browser = await launch();
    const admin = await ApiSession.as('admin@relaydesk.local');
    for (const lang of ['ru', 'cs'] as const) {
      const client = await ApiSession.as(LANGS[lang].client);
      const created = await client.createTicket(uniqueText(LANGS[lang].subject));
      tickets[lang] = await admin.transition(created.number, 'needs_clarification', {
        postponeUntil: '2031-03-04T09:30:00.000Z',
      });
    }
  });
  afterAll(() => browser?.close());

  it('a Russian browser downloads Russian strings only, and the language select switches live', async () => {
    await withPage(
      browser,
      'i18n-lazy-strings',
      async (page) => {
        const strings = watchStrings(page);
        await signIn(page, '/agent/', LANGS.ru.agent);
        await page
          .getByTestId('queue-unassigned')
          .filter({ hasText: LANGS.ru.queues.unassigned })
          .waitFor();
        expect(await strings.languages()).toEqual(['ru']);

        // No reload: the loaded namespaces arrive in Czech, then the page re-renders.
        await page.getByTestId('language-select').selectOption('cs');
        await page
          .getByTestId('queue-unassigned')
          .filter({ hasText: LANGS.cs.queues.unassigned })
          .waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('cs');
        await page.getByTestId('queue-open').click();
        await page.getByRole('columnheader', { name: LANGS.cs.subjectColumn }).waitFor();
        expect(await strings.languages()).toEqual(['cs']);
        expect(await englishLeft(page, ENGLISH_AGENT_LIST)).toEqual([]);
      },
      { locale: 'ru-RU' },
    );
  });

  describe.each(['ru', 'cs'] as const)('%s', (lang) => {
    const s = LANGS[lang];

    it('the agent workspace: sidebar, list and ticket page', async () => {
      await withPage(browser, `i18n-agent-${lang}`, async (page) => {
        await signIn(page, '/agent/', s.agent);
        await page.getByTestId('user-menu').waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        expect(await page.getByTestId('language-select').inputValue()).toBe(lang);

        await page.getByTestId('queue-open').click();
        await page.getByTestId('ticket-list-title').filter({ hasText: s.queues.open }).waitFor();
        for (const [view, label] of Object.entries(s.queues)) {
          expect(await page.getByTestId(`queue-${view}`).innerText()).toContain(label);
        }
        await page.getByRole('columnheader', { name: s.subjectColumn }).waitFor();
        const row = page.getByTestId(`ticket-row-${tickets[lang].number}`);
        await row.waitFor();
        expect(await row.textContent()).toContain(s.status.needsClarification);
        expect(await englishLeft(page, ENGLISH_AGENT_LIST)).toEqual([]);

        await row.getByRole('link').click();
        await page.getByTestId('ticket-detail').waitFor();
        expect(await page.getByTestId('ticket-status').textContent()).toBe(
          s.status.needsClarification,
        );
        for (const heading of s.detailHeadings) {
          await page.getByRole('heading', { name: heading }).waitFor();
        }
        expect(await page.getByTestId('take-button').innerText()).toBe(s.take);
        // Transition buttons are named after the target status, in the user's language.
        expect(await page.getByTestId('transition-open').innerText()).toBe(s.status.open);
        expect(await page.getByTestId('transition-in_progress').innerText()).toBe(
          s.status.inProgress,
        );
        expect(await page.getByTestId('transition-resolved').innerText()).toBe(s.status.resolved);
        await page.getByText(s.postponed).first().waitFor();
        expect(await englishLeft(page, ENGLISH_AGENT_DETAIL)).toEqual([]);
      });
    });

    it('the portal: list and ticket page', async () => {
      await withPage(browser, `i18n-portal-${lang}`, async (page) => {
        await signIn(page, '/', s.client);
        await page.getByTestId('logout').waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);

        await page.locator('[data-testid="portal-ticket-list"]:not([data-loading])').waitFor();
        await page.getByRole('heading', { name: s.portal.title, level: 2 }).waitFor();
        await page.getByRole('link', { name: s.portal.newTicket }).waitFor();
        const filter = page.getByTestId('portal-status-filter');
        expect(
          await filter.evaluate((el) => (el as HTMLSelectElement).labels?.[0]?.textContent),
        ).toContain(s.portal.statusLabel);
        expect(await filter.locator('option').first().innerText()).toBe(s.portal.allStatuses);
        const card = page.getByTestId(`portal-ticket-${tickets[lang].number}`);
        expect(await card.textContent()).toContain(s.status.needsClarification);
        expect(await englishLeft(page, ENGLISH_PORTAL_LIST)).toEqual([]);

        await card.click();
        await page.getByTestId('portal-ticket').waitFor();
        expect(await page.getByTestId('portal-ticket-status').textContent()).toBe(
          s.status.needsClarification,
        );
        for (const heading of s.portalHeadings) {
          await page.getByRole('heading', { name: heading }).waitFor();
        }
        await page.getByLabel(s.reply).waitFor();
        expect(await page.getByTestId('portal-reply-send').innerText()).toBe(s.send);
        expect(await englishLeft(page, ENGLISH_PORTAL_DETAIL)).toEqual([]);
      });
    });
  });
});
