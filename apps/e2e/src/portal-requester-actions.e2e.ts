import type { Browser, Page } from 'playwright-core';
import { ApiSession, uniqueText, type ApiTicket } from '../support/api';
import { withActors } from '../support/actors';
import { seriousA11yViolations } from '../support/axe';
import { describeBrowser, launch, screenshot, settle } from '../support/browser';

const CLIENT = 's.petrov@agro-yuzhny.example';
const ADMIN = 'admin@relaydesk.local';
const AGENT = 'alexey.smirnov@relaydesk.local';
/** Manager of the demo Pythagoras project: new project tickets are addressed to him. */
const MANAGER = 'dmitry.volkov@relaydesk.local';
const PROJECT = 'Greenhouse 7 retrofit';

interface Named {
  id: string;
  key?: string;
  name: string | { en: string };
}

const statusIs = (page: Page, value: string) =>
  page.locator(`[data-testid="portal-ticket-status"][data-status="${value}"]`).waitFor();

/** The test ids of the requester's move buttons on the page, in order. */
const moveButtons = (page: Page) =>
  page
    .locator('button[data-testid^="portal-transition-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));

/** Rating stars are radios hidden behind their labels: click the label, as a person does. */
async function chooseStar(page: Page, name: string): Promise<void> {
  const radio = page.getByRole('radio', { name });
  await page.locator(`label[for="${await radio.getAttribute('id')}"]`).click();
  expect(await radio.isChecked()).toBe(true);
}

const nameOf = (x: Named) => (typeof x.name === 'string' ? x.name : x.name.en);

describeBrowser('portal: the requester’s own workflow moves as buttons', () => {
  let browser: Browser;
  let admin: ApiSession;
  let client: ApiSession;
  beforeAll(async () => {
    browser = await launch();
    [admin, client] = await Promise.all([ApiSession.as(ADMIN), ApiSession.as(CLIENT)]);
  });
  afterAll(() => browser?.close());

  interface Workflow {
    id: string;
    key: string;
    name: unknown;
    version: number;
    statuses: unknown[];
    transitions: { from: string; to: string }[];
    autoTransitions: unknown[];
  }

  /**
   * A public request type on a fresh copy of the Pythagoras preset (the demo's "Project task" is
   * internal, and a client never sees a ticket of an internal type), with the client-editable
   * field `order_no`; `change` rewrites the copy's transitions.
   */
  async function pythagorasType(
    change: (tr: Workflow['transitions'][number]) => object = (tr) => tr,
  ): Promise<string> {
    const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const wf = await admin.post<Workflow>('/workflows/presets/pythagoras/install', {
      key: `pyth_${tag}`,
    });
    const type = await admin.post<{ id: string }>('/ticket-types', {
      key: `requests_${tag}`,
      name: { en: `Requests ${tag}`, ru: `Запросы ${tag}`, cs: `Požadavky ${tag}` },
      workflowId: wf.id,
      isPublic: true,
    });
    await admin.post(`/ticket-types/${type.id}/fields`, {
      key: 'order_no',
      name: { en: 'Order number', ru: 'Номер заказа', cs: 'Číslo objednávky' },
      kind: 'text',
      clientVisible: true,
      clientEditable: true,
    });
    await admin.request('PUT', `/workflows/${wf.id}`, {
      key: wf.key,
      name: wf.name,
      version: wf.version,
      statuses: wf.statuses,
      autoTransitions: wf.autoTransitions,
      transitions: wf.transitions.map(change),
    });
    return type.id;
  }

  /** A Pythagoras request of the project filed by staff for the client, returned by its manager. */
  async function returnedProjectTask(typeId: string, reason: string): Promise<ApiTicket> {
    const projects = await admin.get<{ items: Named[] }>('/projects');
    const project = projects.items.find((p) => nameOf(p).includes(PROJECT))!;
    const ticket = await admin.post<ApiTicket>('/tickets', {
      subject: uniqueText('Pump station sizing'),
      description: 'Size the pumps for sections A–D.',
      typeId,
      requesterId: client.user.id,
      projectId: project.id,
    });
    const manager = await ApiSession.as(MANAGER);
    await manager.transition(ticket.number, 'solving');
    return manager.transition(ticket.number, 'returned', { comment: reason });
  }

  it('Pythagoras: a returned request is completed and resubmitted by the submitter (ru), marked done and accepted; another one is closed by the submitter', async () => {
    const typeId = await pythagorasType();
    const reason = uniqueText('Не хватает расхода воды по секциям');
    const ticket = await returnedProjectTask(typeId, reason);
    const other = await returnedProjectTask(typeId, uniqueText('Нужны чертежи'));

    await withActors(
      browser,
      'portal-pythagoras-moves',
      { client: { email: CLIENT, app: 'portal', lang: 'ru' } },
      async ({ client: c }) => {
        const p = c.page;
        await c.open(`/tickets/${ticket.number}`);
        await statusIs(p, 'returned');
        const panel = p.getByTestId('portal-requester-actions');
        await panel.getByRole('heading', { name: 'Что дальше?' }).waitFor();
        await p.locator('[data-testid^="portal-comment-"]', { hasText: reason }).first().waitFor();
        await p.getByTestId('portal-transition-solving').waitFor();
        await settle(p);
        // Exactly the submitter's two moves, named as actions.
        expect(await moveButtons(p)).toEqual([
          'portal-transition-solving',
          'portal-transition-closed',
        ]);
        expect(await p.getByTestId('portal-transition-solving').textContent()).toBe(
          'Отправить снова',
        );
        expect(await p.getByTestId('portal-transition-closed').textContent()).toBe(
          'Закрыть заявку',
        );
        await screenshot(p, 'portal-returned-moves-ru');
        expect(await seriousA11yViolations(p)).toEqual([]);

        // Resubmit with what was missing.
        await p.getByTestId('portal-transition-solving').click();
        await p.getByTestId('portal-transition-form-solving').waitFor();
        const completion = uniqueText('Расход: A 12, B 9, C 14, D 7 м³/ч');
        await p.getByTestId('portal-transition-comment').fill(completion);
        await p.getByTestId('portal-transition-confirm').click();
        await statusIs(p, 'solving');
        await p.getByTestId('portal-requester-actions').waitFor({ state: 'detached' });
        await p
          .locator('[data-testid^="portal-comment-"]', { hasText: completion })
          .first()
          .waitFor();
        expect(await client.ticket(ticket.number)).toMatchObject({ status: 'solving' });

        // Done (resolved): Accept and Reject, nothing else; accepting closes it.
        const manager = await ApiSession.as(MANAGER);
        await manager.transition(ticket.number, 'done');
        await c.open(`/tickets/${ticket.number}`);
        await statusIs(p, 'done');
        await p.getByTestId('portal-accept').waitFor();
        await settle(p);
        expect(await moveButtons(p)).toEqual([]);
        await p.getByTestId('portal-accept').click();
        await chooseStar(p, '5 из 5');
        await p.getByTestId('portal-accept-confirm').click();
        await statusIs(p, 'closed');
        expect(await p.getByTestId('portal-resolution').count()).toBe(0);

        // The other one the submitter no longer needs: closed from Returned.
        await c.open(`/tickets/${other.number}`);
        await statusIs(p, 'returned');
        await p.getByTestId('portal-transition-closed').click();
        await p.getByTestId('portal-transition-confirm').click();
        await statusIs(p, 'closed');
        expect(await client.ticket(other.number)).toMatchObject({ status: 'closed' });
      },
    );
  });

  it('Okdesk: the requester reopens a resolved ticket with a reason, then accepts (en)', async () => {
    const agent = await ApiSession.as(AGENT);
    const ticket = await client.createTicket(uniqueText('Fan 2 rattles'));
    await agent.transition(ticket.number, 'resolved');

    await withActors(
      browser,
      'portal-okdesk-moves',
      { client: { email: CLIENT, app: 'portal' } },
      async ({ client: c }) => {
        const p = c.page;
        await c.open(`/tickets/${ticket.number}`);
        await statusIs(p, 'resolved');
        await p.getByTestId('portal-reject').waitFor();
        await settle(p);
        // Accept and Reject stand for the moves to Closed and Open: no duplicate buttons.
        expect(await moveButtons(p)).toEqual([]);
        await p.getByTestId('portal-reject').click();
        const reason = uniqueText('Still rattles above 60%');
        await p.getByTestId('portal-acceptance-comment').fill(reason);
        await p.getByTestId('portal-reject-confirm').click();
        await statusIs(p, 'open');
        expect(await p.getByTestId('portal-resolution').count()).toBe(0);
        // On an open ticket the client has no move at all.
        await settle(p);
        expect(await moveButtons(p)).toEqual([]);

        await agent.transition(ticket.number, 'resolved');
        await c.open(`/tickets/${ticket.number}`);
        await statusIs(p, 'resolved');
        await p.getByTestId('portal-accept').click();
        await chooseStar(p, '4 of 5');
        await p.getByTestId('portal-accept-confirm').click();
        await statusIs(p, 'closed');
      },
    );
  });

  it('a move that requires a field and a comment asks for both, says each at its input, and goes through when filled (cs)', async () => {
    // Resubmitting needs the client's order number and a comment.
    const typeId = await pythagorasType((tr) =>
      tr.from === 'returned' && tr.to === 'solving'
        ? { ...tr, requiredFields: ['custom:order_no'], commentRequired: true }
        : tr,
    );
    const ticket = await admin.post<ApiTicket>('/tickets', {
      subject: uniqueText('Order delivery'),
      typeId,
      requesterId: client.user.id,
    });
    await admin.transition(ticket.number, 'solving');
    await admin.transition(ticket.number, 'returned', { comment: 'Which order is it?' });

    await withActors(
      browser,
      'portal-required-field-move',
      { client: { email: CLIENT, app: 'portal', lang: 'cs' } },
      async ({ client: c }) => {
        const p = c.page;
        await c.open(`/tickets/${ticket.number}`);
        await statusIs(p, 'returned');
        await p.getByTestId('portal-transition-solving').click();
        const field = p.getByTestId('portal-transition-field-order_no');
        await field.waitFor();
        await p.getByLabel(/^Číslo objednávky/).waitFor();
        const comment = p.getByTestId('portal-transition-comment');
        expect(await comment.getAttribute('required')).not.toBeNull();
        // Both are said at their inputs, and nothing is sent.
        await p.getByTestId('portal-transition-confirm').click();
        await p.getByText('Pro tento krok toto pole vyplňte').waitFor();
        await p.getByText('Napište ke kroku komentář').waitFor();
        await p.locator('[data-testid="portal-transition-comment"][aria-invalid="true"]').waitFor();
        expect(await client.ticket(ticket.number)).toMatchObject({ status: 'returned' });
        await screenshot(p, 'portal-required-field-move-cs');
        expect(await seriousA11yViolations(p)).toEqual([]);

        await field.fill('PO-4471');
        await comment.fill('Objednávka PO-4471 z 3. listopadu');
        await p.getByTestId('portal-transition-confirm').click();
        await statusIs(p, 'solving');
        const after = await client.get<{ customFields: Record<string, unknown>; status: string }>(
          `/tickets/${ticket.id}`,
        );
        expect(after).toMatchObject({ status: 'solving', customFields: { order_no: 'PO-4471' } });
      },
    );
  });
  it('the API’s 422 is said at the field it names: a hold asked for too far ahead (en)', async () => {
    const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    // An Okdesk copy where the requester may also put a solved ticket on hold for up to 7 days
    // ("I can test it on Monday"): the limit is the workflow's, checked by the API.
    const wf = await admin.post<Omit<Workflow, 'statuses'> & { statuses: { key: string }[] }>(
      '/workflows/presets/okdesk/install',
      { key: `okdesk_${tag}` },
    );
    await admin.request('PUT', `/workflows/${wf.id}`, {
      key: wf.key,
      name: wf.name,
      version: wf.version,
      statuses: wf.statuses.map((st) =>
        st.key === 'needs_clarification' ? { ...st, postponeMaxDays: 7 } : st,
      ),
      autoTransitions: wf.autoTransitions,
      transitions: [
        ...wf.transitions,
        {
          from: 'resolved',
          to: 'needs_clarification',
          allowedRoles: [],
          allowRequester: true,
          requiresPostpone: true,
        },
      ],
    });
    const type = await admin.post<{ id: string }>('/ticket-types', {
      key: `hold_${tag}`,
      name: { en: `Hold ${tag}`, ru: `Пауза ${tag}`, cs: `Pauza ${tag}` },
      workflowId: wf.id,
      isPublic: true,
    });
    const ticket = await client.post<ApiTicket>('/tickets', {
      subject: uniqueText('Printer offline'),
      typeId: type.id,
    });
    await admin.transition(ticket.number, 'resolved');

    await withActors(
      browser,
      'portal-move-422',
      { client: { email: CLIENT, app: 'portal' } },
      async ({ client: c }) => {
        const p = c.page;
        await c.open(`/tickets/${ticket.number}`);
        await statusIs(p, 'resolved');
        // Accept and Reject, and the hold as a move of its own.
        await p.getByTestId('portal-accept').waitFor();
        await p.getByTestId('portal-transition-needs_clarification').click();
        const until = p.getByTestId('portal-transition-postpone');
        const local = (d: Date) => {
          const pad = (n: number) => String(n).padStart(2, '0');
          return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
        };
        await until.fill(local(new Date(Date.now() + 30 * 86_400_000)));
        const sent = p.waitForResponse(
          (r) => r.url().endsWith('/transitions') && r.request().method() === 'POST',
        );
        await p.getByTestId('portal-transition-confirm').click();
        expect((await sent).status()).toBe(422);
        await p
          .locator('[data-testid="portal-transition-postpone"][aria-invalid="true"]')
          .waitFor();
        await p.getByText('must be at most 7 days ahead').waitFor();
        expect(await client.ticket(ticket.number)).toMatchObject({ status: 'resolved' });

        await until.fill(local(new Date(Date.now() + 3 * 86_400_000)));
        await p.getByTestId('portal-transition-confirm').click();
        await statusIs(p, 'needs_clarification');
        expect((await client.ticket(ticket.number)).postponedUntil).not.toBeNull();
      },
    );
  });
});
