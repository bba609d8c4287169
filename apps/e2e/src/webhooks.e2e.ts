import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { withActors } from '../support/actors';
import { ApiSession, uniqueText } from '../support/api';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch } from '../support/browser';

const ADMIN = 'admin@relaydesk.local';

interface Received {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A receiver on the loopback (the e2e server allows 127.0.0.1 in WEBHOOK_ALLOWED_HOSTS). */
async function receiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        url: req.url ?? '',
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"thanks":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/hooks`, received };
}

async function until<T>(read: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeBrowser('webhooks', () => {
  let browser: Browser;
  let hook: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    browser = await launch();
    hook = await receiver();
  });
  afterAll(async () => {
    await browser?.close();
    hook?.server.close();
  });

  it('an admin adds an endpoint, copies the secret shown once, and sees the signed delivery in the log', async () => {
    await withActors(
      browser,
      'webhooks',
      { admin: { email: ADMIN, app: 'agent' } },
      async ({ admin }) => {
        const page = admin.page;
        await admin.open('/admin/webhooks');
        await page.getByTestId('webhook-add').click();
        await page.getByTestId('webhook-url').fill(hook.url);
        // Only new tickets, so nothing else that happens meanwhile lands in this log.
        await page.getByTestId('webhook-event-ticket.status_changed').uncheck();
        await page.getByTestId('webhook-event-comment.added').uncheck();
        await page.getByTestId('webhook-save').click();
        const shown = page.getByTestId('webhook-secret-value');
        await shown.waitFor();
        const secret = (await shown.textContent())!.trim();
        expect(secret).toMatch(/^whsec_/);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await page
          .getByTestId('webhook-secret')
          .getByRole('button', { name: 'I have stored it' })
          .click();
        await shown.waitFor({ state: 'detached' });
        expect(await page.content()).not.toContain(secret);

        // A ticket filed elsewhere reaches the receiver within seconds, signed with that secret.
        const subject = uniqueText('Webhook e2e');
        const api = await ApiSession.as(ADMIN);
        await api.createTicket(subject);
        const message = await until(() =>
          hook.received.find((r) => r.body.includes(subject) && r.body.includes('ticket.created')),
        );
        const payload = new Webhook(secret).verify(message.body, message.headers) as {
          type: string;
          data: { ticket: { subject: string } };
        };
        expect(payload).toMatchObject({ type: 'ticket.created', data: { ticket: { subject } } });

        // The delivery log shows it, and "Send again" makes a second attempt with the same id.
        const row = page.getByTestId('webhook-row').filter({ hasText: hook.url });
        await admin.open('/admin/webhooks');
        await row
          .getByTestId('webhook-last-status')
          .filter({ hasText: 'Delivered · 200' })
          .waitFor();
        await row.getByTestId('webhook-log-toggle').click();
        const delivery = page.getByTestId('webhook-delivery-row').first();
        await delivery.getByText('{"thanks":true}').waitFor();
        expect(await seriousA11yViolations(page)).toEqual([]);
        const before = hook.received.length;
        await delivery.getByTestId('webhook-redeliver').click();
        await delivery.getByText('2 attempts').waitFor();
        expect(hook.received.length).toBe(before + 1);
        expect(hook.received[before].headers['webhook-id']).toBe(
          hook.received.find((r) => r.body.includes(subject))!.headers['webhook-id'],
        );
      },
    );
  });
});
