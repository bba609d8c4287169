import type { Browser } from 'playwright-core';
import { openAs } from '../support/actors';
import { ApiSession, type ApiComment } from '../support/api';
import { seriousA11yViolations } from '../support/axe';
import { BASE_URL, describeBrowser, launch } from '../support/browser';

const ADMIN = 'admin@relaydesk.local';

interface AlertResult {
  outcome: string;
  ticketId: string;
  ticketNumber: number;
  transitioned: boolean;
}

/** Posts an Alertmanager webhook with one alert, as Alertmanager does, with the token. */
async function postAlert(token: string, status: 'firing' | 'resolved', team: string) {
  const res = await fetch(`${BASE_URL}/api/v1/integrations/alerts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      version: '4',
      groupKey: '{}:{alertname="DiskFull"}',
      status,
      receiver: 'relaydesk',
      alerts: [
        {
          status,
          labels: { alertname: 'DiskFull', instance: `nas-${team}`, severity: 'warning', team },
          annotations: { description: 'The backup volume is 97% full' },
          startsAt: '2026-12-06T08:00:00Z',
          endsAt: status === 'resolved' ? '2026-12-06T09:00:00Z' : '0001-01-01T00:00:00Z',
          fingerprint: `e2e-${team}`,
        },
      ],
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { alerts: AlertResult[] }).alerts[0];
}

describeBrowser('alerts from monitoring', () => {
  let browser: Browser;
  let admin: ApiSession;
  beforeAll(async () => {
    browser = await launch();
    admin = await ApiSession.as(ADMIN);
  });
  afterAll(() => browser?.close());

  it('an admin sets up an alert rule; a monitoring alert opens a ticket and its resolve resolves it', async () => {
    const tag = Date.now().toString(36);
    const team = `storage-${tag}`;
    // The monitoring system's credentials, as an admin issues them.
    const account = await admin.post<{ id: string }>('/admin/service-accounts', {
      name: `Prometheus ${tag}`,
      role: 'agent',
    });
    const { token } = await admin.post<{ token: string }>(
      `/admin/service-accounts/${account.id}/tokens`,
      { name: 'alertmanager', scopes: ['alerts:write'] },
    );

    const desk = await openAs(browser, { email: ADMIN, app: 'agent' });
    try {
      const page = desk.page;
      await desk.open('/admin/alert-rules');
      expect(await page.getByTestId('alert-endpoint').textContent()).toMatch(
        /^POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/integrations\/alerts$/,
      );
      // The examples on the page work as shown, with a real token in place of the placeholder.
      for (const id of [
        'alert-setup-alertmanager-curl',
        'alert-setup-zabbix',
        'alert-setup-generic',
      ]) {
        const shown = (await page.getByTestId(id).textContent()) ?? '';
        const body = /-d '([\s\S]*)'\s*$/.exec(shown)?.[1] ?? '';
        const res = await fetch(`${BASE_URL}/api/v1/integrations/alerts`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body,
        });
        expect([id, res.status]).toEqual([id, 200]);
      }
      await page.getByTestId('alert-rule-create').click();
      await page.getByTestId('alert-rule-name').fill(`Storage ${tag}`);
      await page.getByTestId('alert-rule-source').selectOption('alertmanager');
      await page.getByTestId('alert-rule-add-matcher').click();
      await page.getByTestId('alert-rule-matcher-label-0').fill('team');
      await page.getByTestId('alert-rule-matcher-op-0').selectOption('glob');
      await page.getByTestId('alert-rule-matcher-value-0').fill(`storage-${tag}*`);
      // The form, with a condition row, is usable by keyboard and screen reader.
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByTestId('alert-rule-priority').selectOption('urgent');
      await page.getByTestId('alert-rule-resolve-status').fill('resolved');
      await page.getByTestId('admin-save').click();
      const row = page.locator(`[data-testid^="alert-rule-row-"][data-name="Storage ${tag}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain(`team matches pattern “storage-${tag}*”`);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // Alertmanager fires: a ticket on channel Monitoring, urgent by the rule (warning alone
      // would be normal).
      const fired = await postAlert(token, 'firing', team);
      expect(fired.outcome).toBe('ticket_created');
      await desk.open(`/tickets/${fired.ticketNumber}`);
      const details = page.getByTestId('ticket-fields');
      await details.waitFor();
      expect(await details.textContent()).toContain('Monitoring');
      await page.getByText(`DiskFull: nas-${team}`).first().waitFor();
      expect(
        await admin.get<{ channel: string; priority: string }>(`/tickets/${fired.ticketId}`),
      ).toMatchObject({ channel: 'monitoring', priority: 'urgent' });

      // It resolves: an internal note and the rule's status.
      const resolved = await postAlert(token, 'resolved', team);
      expect(resolved).toMatchObject({ outcome: 'resolved', transitioned: true });
      await page.reload();
      await page.locator('[data-testid="ticket-status"][data-status="resolved"]').waitFor();
      await page
        .getByText('Resolved at 2026-12-06T09:00:00.000Z (Prometheus Alertmanager).')
        .waitFor();
      const comments = await admin.comments(fired.ticketId);
      expect(comments.map((c: ApiComment) => [c.body, c.internal])).toEqual([
        ['Resolved at 2026-12-06T09:00:00.000Z (Prometheus Alertmanager).', true],
      ]);
    } finally {
      await desk.context.close();
    }
  });
});
