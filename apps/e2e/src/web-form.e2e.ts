import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { openAs } from '../support/actors';
import { ApiSession } from '../support/api';
import { seriousA11yViolations } from '../support/axe';
import { BASE_URL, describeBrowser, launch, settle, withPage } from '../support/browser';
import { sql } from '../support/db';

const ADMIN = 'admin@relaydesk.local';

/**
 * The confirmation link in the mail the API sent to `address`: this run's delivery worker writes
 * each mail as an .eml file (the log driver), and the link is taken from the mail's text, as the
 * sender would. Returns the path and fragment (PUBLIC_URL is not where this run listens).
 */
async function mailedLink(address: string): Promise<string> {
  const mailDir = join(process.env.RELAYDESK_E2E_DATA_DIR ?? '', 'mail');
  for (let i = 0; i < 200; i++) {
    const [row] = await sql<{ id: string }>(
      `SELECT id FROM deliveries WHERE address = $1 AND kind = 'web_form_confirmation'
        ORDER BY id DESC LIMIT 1`,
      [address],
    );
    const file =
      row && existsSync(mailDir)
        ? readdirSync(mailDir).find((f) => f.endsWith(`-d${row.id}.eml`))
        : undefined;
    if (file) {
      const mail = await simpleParser(readFileSync(join(mailDir, file)));
      expect(mail.headers.get('auto-submitted')).toBe('auto-replied');
      const link = /https?:\/\/\S+?\/form\/confirm#token=[\w-]+/.exec(mail.text ?? '');
      if (!link) throw new Error(`no confirmation link in the mail to ${address}`);
      const url = new URL(link[0]);
      return url.pathname + url.hash;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no confirmation mail to ${address}`);
}

async function fillForm(page: Page, email: string, subject: string) {
  await page.getByLabel(/^your e-mail address/i).fill(email);
  await page.getByLabel(/^your name/i).fill('Petra Web');
  await page.getByLabel(/^subject/i).fill(subject);
  await page.getByLabel(/^your question or problem/i).fill('The VPN drops every hour.');
}

describeBrowser('public web form', () => {
  let browser: Browser;
  let admin: ApiSession;
  beforeAll(async () => {
    browser = await launch();
    admin = await ApiSession.as(ADMIN);
  });
  afterAll(() => browser?.close());

  it('an admin opens the form; a new sender fills it in, confirms by the mailed link, and the ticket appears', async () => {
    // The admin page: no minimum fill time (a test types fast).
    const desk = await openAs(browser, { email: ADMIN, app: 'agent' });
    try {
      await desk.open('/admin/web-form');
      const settings = desk.page.getByTestId('web-form-settings');
      await settings.waitFor();
      // The demo opens it with the public types; the page shows what is saved.
      expect(await desk.page.getByLabel('The form accepts requests').isChecked()).toBe(true);
      expect(await desk.page.getByRole('checkbox', { checked: true }).count()).toBeGreaterThan(0);
      await desk.page.getByLabel(/^minimum fill time/i).fill('0');
      await desk.page.getByTestId('web-form-save').click();
      await desk.page.getByText('Web form settings saved').waitFor();
      expect(await desk.page.getByTestId('web-form-embed-script').textContent()).toMatch(
        /<script src="http:\/\/127\.0\.0\.1:\d+\/form\/embed\.js"/,
      );
    } finally {
      await desk.context.close();
    }

    const tag = Date.now().toString(36);
    const email = `web.sender.${tag}@form-e2e.example`;
    const subject = `VPN drops ${tag}`;
    await withPage(browser, 'web-form-new-sender', async (page) => {
      await page.goto('/form?lang=en');
      await page.getByRole('heading', { name: 'Write to us' }).waitFor();
      // The honeypot is there for bots, not for people or screen readers.
      expect(await page.getByRole('textbox', { name: /leave this field empty/i }).count()).toBe(0);
      await fillForm(page, email, subject);
      await page.locator('input[type=file]').setInputFiles({
        name: 'vpn.log',
        mimeType: 'text/plain',
        buffer: Buffer.from('12:00 tunnel down\n'),
      });
      await page.getByTestId('web-form-send').click();
      await page.getByText(/check your mailbox/i).waitFor();
      expect(await page.getByTestId('web-form-result').textContent()).toContain(email);
    });
    expect(await sql('SELECT 1 FROM tickets WHERE subject = $1', [subject])).toHaveLength(0);

    const link = await mailedLink(email);
    expect(link).toMatch(/^\/form\/confirm#token=[\w-]{43}$/);
    await withPage(browser, 'web-form-confirm', async (page) => {
      await page.goto(`${link.replace('#', '?lang=en#')}`);
      await page.getByRole('heading', { name: 'Confirm your request' }).waitFor();
      // Opening the link (as a mail scanner does) files nothing: the click does.
      expect(await sql('SELECT 1 FROM tickets WHERE subject = $1', [subject])).toHaveLength(0);
      await page.getByTestId('web-form-confirm').click();
      const result = page.getByTestId('web-form-confirm-result');
      await result.waitFor();
      const number = Number(/#(\d+)/.exec((await result.textContent()) ?? '')?.[1]);
      expect(number).toBeGreaterThan(0);

      const ticket = (await admin.ticket(number)) as unknown as {
        subject: string;
        channel: string;
        requester: { email?: string; name?: string } | null;
      };
      expect(ticket.subject).toBe(subject);
      expect(ticket.channel).toBe('web_form');
      const files = await admin.get<{ items: { fileName: string }[] }>(
        `/tickets/${(ticket as unknown as { id: string }).id}/attachments`,
      );
      expect(files.items.map((f) => f.fileName)).toEqual(['vpn.log']);

      // A second visit says it is done and files nothing more.
      await page.reload();
      await page.getByTestId('web-form-confirm').click();
      await page.getByText(/already confirmed/i).waitFor();
      expect(await sql('SELECT 1 FROM tickets WHERE subject = $1', [subject])).toHaveLength(1);
    });
  });

  it('a contact’s address is answered with the very message a stranger’s gets, and nothing is filed before the link', async () => {
    const tag = Date.now().toString(36);
    const subject = `Who is a contact ${tag}`;
    const shown: string[] = [];
    // A demo client contact, then an address nobody has.
    for (const email of ['s.petrov@agro-yuzhny.example', `stranger.${tag}@form-e2e.example`]) {
      await withPage(browser, 'web-form-same-answer', async (page) => {
        await page.goto('/form?lang=en');
        await page.getByRole('heading', { name: 'Write to us' }).waitFor();
        await fillForm(page, email, subject);
        await page.getByTestId('web-form-send').click();
        await page.getByText(/check your mailbox/i).waitFor();
        const text = (await page.getByTestId('web-form-result').textContent()) ?? '';
        shown.push(text.replace(email, '<address>'));
      });
    }
    expect(shown[0]).toBe(shown[1]);
    expect(shown[0]).not.toMatch(/#\d/);
    expect(await sql('SELECT 1 FROM tickets WHERE subject = $1', [subject])).toHaveLength(0);
  });

  it('a bot that fills the honeypot is told the same, and gets no ticket and no mail', async () => {
    const tag = Date.now().toString(36);
    const email = `bot.${tag}@form-e2e.example`;
    await withPage(browser, 'web-form-bot', async (page) => {
      await page.goto('/form?lang=en');
      await page.getByRole('heading', { name: 'Write to us' }).waitFor();
      await fillForm(page, email, `Cheap pills ${tag}`);
      await page.locator('#web-form-website').fill('http://spam.example', { force: true });
      await page.getByTestId('web-form-send').click();
      await page.getByText(/check your mailbox/i).waitFor();
    });
    // A mail exists only as a deliveries row, written with the submission before the answer:
    // none now means none ever.
    expect(await sql('SELECT 1 FROM web_form_submissions WHERE email = $1', [email])).toHaveLength(
      0,
    );
    expect(await sql('SELECT 1 FROM deliveries WHERE address = $1', [email])).toHaveLength(0);
    expect(await sql('SELECT 1 FROM users WHERE email = $1', [email])).toHaveLength(0);
  });

  it('a form sent sooner than the minimum fill time is explained, in the chosen language', async () => {
    const setMinFill = async (seconds: number) => {
      const current = await admin.get<{ version: number }>('/admin/web-form');
      await admin.request('PUT', '/admin/web-form', {
        version: current.version,
        minFillSeconds: seconds,
      });
    };
    await setMinFill(600);
    try {
      await withPage(browser, 'web-form-too-fast', async (page) => {
        await page.goto('/form?lang=en');
        await page.getByRole('heading', { name: 'Write to us' }).waitFor();
        // What was typed survives a change of language.
        const email = `quick.${Date.now().toString(36)}@form-e2e.example`;
        await page.getByLabel(/^your e-mail address/i).fill(email);
        await page.getByTestId('language-select').selectOption('ru');
        await page.getByRole('heading', { name: 'Напишите нам' }).waitFor();
        expect(await page.getByLabel(/^ваш адрес/i).inputValue()).toBe(email);
        await page.getByLabel(/^ваше имя/i).fill('Быстрый');
        await page.getByLabel(/^тема/i).fill('Вопрос');
        await page.getByLabel(/^ваш вопрос/i).fill('Текст');
        await page.getByTestId('web-form-send').click();
        await page
          .getByTestId('web-form-error')
          .getByText(/слишком быстро/i)
          .waitFor();
      });
    } finally {
      await setMinFill(0);
    }
  });

  it('the form, its errors, the confirmation page and the settings have no serious axe violations', async () => {
    await withPage(browser, 'web-form-axe', async (page) => {
      await page.goto('/form?lang=cs');
      await page.getByRole('heading', { name: 'Napište nám' }).waitFor();
      await settle(page);
      expect(await seriousA11yViolations(page)).toEqual([]);
      // Errors are tied to their fields.
      await page.getByTestId('web-form-send').click();
      const email = page.getByLabel(/^váš e-mail/i);
      expect(await email.getAttribute('aria-invalid')).toBe('true');
      expect(
        await page
          .locator(`#${await email.getAttribute('aria-describedby')}`.split(' ')[0])
          .count(),
      ).toBeGreaterThan(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.goto('/form/confirm?lang=en#token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      await page.getByTestId('web-form-confirm').waitFor();
      await settle(page);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByTestId('web-form-confirm').click();
      await page.getByText(/this link is not valid/i).waitFor();
    });
    const desk = await openAs(browser, { email: ADMIN, app: 'agent' });
    try {
      await desk.open('/admin/web-form');
      await desk.page.getByTestId('web-form-settings').waitFor();
      await settle(desk.page);
      expect(await seriousA11yViolations(desk.page)).toEqual([]);
    } finally {
      await desk.context.close();
    }
  });

  it('a listed customer site embeds the form with the script, which sizes it; an unlisted one cannot frame it', async () => {
    // The customer's site: another origin serving a page with our script tag.
    const site: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><html lang="en"><head><title>Customer</title></head><body>` +
          `<h1>Customer site</h1><script src="${BASE_URL}/form/embed.js" data-lang="en"></script>` +
          `</body></html>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const port = (site.address() as AddressInfo).port;
    try {
      const current = await admin.get<{ version: number }>('/admin/web-form');
      await admin.request('PUT', '/admin/web-form', {
        version: current.version,
        allowedOrigins: [`http://localhost:${port}`],
      });

      await withPage(browser, 'web-form-embedded', async (page) => {
        await page.goto(`http://localhost:${port}/`);
        const frame = page.frameLocator('iframe');
        await frame.getByRole('heading', { name: 'Write to us' }).waitFor();
        const iframe = page.locator('iframe');
        // The form told the page its height, and the script applied it.
        await page.waitForFunction(() =>
          /^\d+px$/.test(document.querySelector('iframe')!.style.height),
        );
        const sized = await iframe.evaluate((el) => (el as HTMLIFrameElement).style.height);
        // A message from anyone else (here the page itself) changes nothing. Listeners run in
        // the order they were added, so once ours has it, the embed script's has handled it.
        await page.evaluate(
          () =>
            new Promise<void>((resolve) => {
              window.addEventListener('message', () => resolve(), { once: true });
              window.postMessage({ type: 'relaydesk:web-form-height', height: 5 }, '*');
            }),
        );
        expect(await iframe.evaluate((el) => (el as HTMLIFrameElement).style.height)).toBe(sized);
      });

      // The same page under a name that is not listed: the browser refuses to frame the form.
      await withPage(browser, 'web-form-not-listed', async (page) => {
        const refused = page.waitForEvent('console', {
          predicate: (m) => /frame-ancestors/.test(m.text()),
        });
        await page.goto(`http://127.0.0.1:${port}/`);
        await refused;
        expect(await page.frameLocator('iframe').getByRole('heading').count()).toBe(0);
      });
    } finally {
      await new Promise((resolve) => site.close(resolve));
    }
  });
});
