import { randomBytes } from 'node:crypto';
import { PresetRequesterClose1765850000000 } from '../src/database/migrations/1765850000000-preset-requester-close';
import {
  HAPPYDESK_SHIPPED_1765500000001,
  OKDESK_SHIPPED_1764000000000,
  type ShippedLifecycle,
} from '../src/database/migrations/shipped-workflows';
import { DeliveryWorker } from '../src/modules/notifications/delivery/delivery-worker';
import { createWorkflow } from '../src/modules/workflow/create-workflow';
import { HAPPYDESK_PRESET } from '../src/modules/workflow/presets/happydesk.preset';
import { OKDESK_PRESET } from '../src/modules/workflow/presets/okdesk.preset';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { SmtpSink, type ReceivedMail } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorkflowFixture } from './support/workflow-fixture';

const PUBLIC_URL = 'https://help.example.test/desk';

/**
 * The automatic answer (issue 17): a client's new ticket gets up to three articles that the
 * requester may read and that match well enough; the acknowledgement mail links them; the
 * portal reads them through the audience rule again; "this solved my problem" closes the ticket
 * once, by the workflow's requester transition.
 */
describe('knowledge base: automatic answer', () => {
  let t: TestApp;
  let w: World;
  let sink: SmtpSink;
  const ids: Record<string, string> = {};

  const as = (p: Persona) => ({
    get: (path: string) => t.http().get(path).set('Authorization', bearer(p)),
    post: (path: string, body: object) =>
      t.http().post(path).set('Authorization', bearer(p)).send(body),
    put: (path: string, body: object) =>
      t.http().put(path).set('Authorization', bearer(p)).send(body),
  });

  async function section(name: string, audience: string, extra: object = {}): Promise<string> {
    const res = await as(w.admin).post('/api/v1/kb/sections', { name, audience, ...extra });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function article(sectionId: string, title: string, publish = true): Promise<string> {
    const res = await as(w.agent).post('/api/v1/kb/articles', {
      sectionId,
      title,
      body: `How to deal with it: ${title.toLowerCase()}.`,
      language: 'en',
    });
    expect(res.status).toBe(201);
    if (publish) {
      const pub = await as(w.agent).post(`/api/v1/kb/articles/${res.body.id}/status-changes`, {
        version: res.body.version,
        status: 'published',
      });
      expect(pub.status).toBe(200);
    }
    return res.body.id as string;
  }

  async function settings(change: object): Promise<Record<string, unknown>> {
    const current = await as(w.admin).get('/api/v1/admin/kb-settings');
    expect(current.status).toBe(200);
    const res = await as(w.admin).put('/api/v1/admin/kb-settings', {
      version: current.body.version,
      ...change,
    });
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>;
  }

  const SUBJECT = 'Cannot reset my VPN password';
  const DESCRIPTION = 'Since Monday the VPN rejects my password, also after the reset.';

  async function fileTicket(by: Persona = w.clientA, extra: object = {}) {
    const res = await as(by).post('/api/v1/tickets', {
      subject: SUBJECT,
      description: DESCRIPTION,
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: number; version: number };
  }

  const suggested = async (ticketId: string, p: Persona = w.clientA) => {
    const res = await as(p).get(`/api/v1/tickets/${ticketId}/kb-suggestions`);
    expect(res.status).toBe(200);
    return (res.body.items as { articleId: string }[]).map((i) => i.articleId);
  };

  /** The acknowledgement mail of one ticket, as the SMTP server received it. */
  async function ackMail(number: number): Promise<ReceivedMail> {
    await t.drainNotifications();
    await t.app.get(DeliveryWorker).deliver();
    const mail = sink.received.find(
      (m) => m.parsed.subject?.includes(`#${number}`) && m.rcptTo.includes(w.clientA.email),
    );
    expect(mail).toBeDefined();
    return mail!;
  }

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({
      mailDriver: 'smtp',
      smtpUrl: sink.url,
      smtpEndpoint: { host: '127.0.0.1', port: sink.port, secure: false, user: null },
      mailFrom: 'Relaydesk <support@help.example.test>',
      publicUrl: PUBLIC_URL,
    });
    w = await buildWorld(t);
    // The default workflow (Okdesk) as shipped: since migration 1765850000000 its requester
    // closes from the first status, so the one-click close works without an admin's change.
    const clients = await section('For clients', 'clients');
    const orgB = await section('Org B only', 'clients', { organizationIds: [w.orgB.id] });
    const staff = await section('Runbooks', 'staff');
    ids.good = await article(clients, 'Reset your VPN password');
    ids.draft = await article(clients, 'Reset the VPN password again', false);
    ids.staff = await article(staff, 'VPN password reset runbook');
    ids.otherOrg = await article(orgB, 'Reset VPN password quickly');
    // Shares "password" with the ticket, one word of four in its title: under the threshold.
    ids.weak = await article(clients, 'Printer password and toner settings');
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('settings: off by default, switched and tuned on /admin/kb-settings (0-1)', async () => {
    const before = await as(w.admin).get('/api/v1/admin/kb-settings');
    expect(before.body).toMatchObject({ autoAnswerEnabled: false, autoAnswerMinScore: 0.5 });
    const bad = await as(w.admin).put('/api/v1/admin/kb-settings', {
      version: before.body.version,
      autoAnswerMinScore: 1.5,
    });
    expect(bad.status).toBe(400);
    expect(await settings({ autoAnswerEnabled: true })).toMatchObject({
      autoAnswerEnabled: true,
      autoAnswerMinScore: 0.5,
    });
    const client = await as(w.clientA).get('/api/v1/admin/kb-settings');
    expect(client.status).toBe(403);
  });

  it('a client ticket gets the matching clients article only, and its mail links it', async () => {
    await settings({ autoAnswerEnabled: true, autoAnswerMinScore: 0.5 });
    const ticket = await fileTicket();
    // Never a staff-only, draft or other-organization article; not the weak match.
    expect(await suggested(ticket.id)).toEqual([ids.good]);
    const own = await as(w.clientA).get(`/api/v1/tickets/${ticket.id}/kb-suggestions`);
    expect(own.body).toEqual({
      items: [
        {
          articleId: ids.good,
          title: 'Reset your VPN password',
          language: 'en',
          position: 1,
          solvedAt: null,
        },
      ],
      canClose: true,
    });
    const staffView = await as(w.admin).get(`/api/v1/tickets/${ticket.id}/kb-suggestions`);
    expect(staffView.body.items).toEqual([
      expect.objectContaining({ articleId: ids.good, position: 1, score: 1, solvedAt: null }),
    ]);

    const mail = await ackMail(ticket.number);
    const articleUrl = `${PUBLIC_URL}/kb/articles/${ids.good}`;
    const solvedUrl = `${PUBLIC_URL}/tickets/${ticket.number}?solvedBy=${ids.good}`;
    const html = String(mail.parsed.html);
    const text = String(mail.parsed.text);
    for (const part of [html, text]) {
      expect(part).toContain('Reset your VPN password');
      expect(part).toContain(articleUrl);
      expect(part).toContain(solvedUrl);
      for (const key of ['draft', 'staff', 'otherOrg', 'weak'])
        expect(part).not.toContain(ids[key]);
      expect(part).not.toContain('runbook');
    }
    expect(html).toContain(`href="${articleUrl}"`);
  });

  it('a ticket staff file for a client is answered too; staff requesters are not', async () => {
    const forClient = await fileTicket(w.agent, {
      requesterId: w.clientA.id,
      organizationId: w.orgA.id,
    });
    expect(await suggested(forClient.id)).toEqual([ids.good]);
    const own = await fileTicket(w.agent);
    expect(await suggested(own.id, w.agent)).toEqual([]);
  });

  it('the threshold decides: a lower one lets the weak match in, below the good one', async () => {
    await settings({ autoAnswerMinScore: 0.2 });
    const ticket = await fileTicket();
    expect(await suggested(ticket.id)).toEqual([ids.good, ids.weak]);
    await settings({ autoAnswerMinScore: 0.5 });
  });

  it("one article per translation group, in the requester's language", async () => {
    const sectionId = (await as(w.admin).get(`/api/v1/kb/articles/${ids.good}`)).body.sectionId;
    const en = await article(sectionId, 'Modem firmware upgrade');
    const ru = await as(w.agent).post('/api/v1/kb/articles', {
      sectionId,
      title: 'Обновление прошивки модема',
      body: 'Как обновить прошивку.',
      language: 'ru',
      translationOf: en,
    });
    expect(ru.status).toBe(201);
    const pub = await as(w.agent).post(`/api/v1/kb/articles/${ru.body.id}/status-changes`, {
      version: ru.body.version,
      status: 'published',
    });
    expect(pub.status).toBe(200);
    const u = await t.factory.user({ role: 'client', organizationId: w.orgA.id, locale: 'ru' });
    const russian: Persona = { id: u.id, email: u.email, token: await t.tokenFor(u.id) };
    // Both titles are wholly in the text: the group is offered once, in the reader's language.
    const text = {
      subject: 'Modem firmware upgrade / обновление прошивки модема',
      description: 'Не получается обновить прошивку модема.',
    };
    const byRu = await as(russian).post('/api/v1/tickets', text);
    expect(byRu.status).toBe(201);
    expect(await suggested(byRu.body.id, russian)).toEqual([ru.body.id]);
    const byEn = await as(w.clientA).post('/api/v1/tickets', text);
    expect(await suggested(byEn.body.id)).toEqual([en]);
  });

  it('switched off, a new ticket gets no articles and its mail none', async () => {
    await settings({ autoAnswerEnabled: false });
    const ticket = await fileTicket();
    expect(await suggested(ticket.id)).toEqual([]);
    const mail = await ackMail(ticket.number);
    expect(String(mail.parsed.text)).not.toContain('/kb/articles/');
    expect(String(mail.parsed.text)).not.toContain('knowledge base');
    await settings({ autoAnswerEnabled: true });
  });

  it("another client's ticket is a 404; an article archived later is gone for the client", async () => {
    const ticket = await fileTicket();
    for (const path of ['kb-suggestions']) {
      const res = await as(w.clientB).get(`/api/v1/tickets/${ticket.id}/${path}`);
      expect(res.status).toBe(404);
    }
    const solve = await as(w.clientB).post(`/api/v1/tickets/${ticket.id}/kb-solutions`, {
      articleId: ids.good,
      version: ticket.version,
    });
    expect(solve.status).toBe(404);

    const extra = await article(
      (await as(w.admin).get(`/api/v1/kb/articles/${ids.good}`)).body.sectionId,
      'VPN password reset',
    );
    const second = await fileTicket();
    expect(await suggested(second.id)).toEqual(expect.arrayContaining([ids.good, extra]));
    const current = await as(w.agent).get(`/api/v1/kb/articles/${extra}`);
    const archived = await as(w.agent).post(`/api/v1/kb/articles/${extra}/status-changes`, {
      version: current.body.version,
      status: 'archived',
    });
    expect(archived.status).toBe(200);
    expect(await suggested(second.id)).toEqual([ids.good]);
    // The agent still sees what was offered.
    expect(await suggested(second.id, w.admin)).toEqual(expect.arrayContaining([extra]));
  });

  it('"this solved my problem" closes the ticket once, with the article recorded', async () => {
    const ticket = await fileTicket();
    const notSuggested = await as(w.clientA).post(`/api/v1/tickets/${ticket.id}/kb-solutions`, {
      articleId: ids.staff,
      version: ticket.version,
    });
    expect(notSuggested.status).toBe(404);
    const byStaff = await as(w.admin).post(`/api/v1/tickets/${ticket.id}/kb-solutions`, {
      articleId: ids.good,
      version: ticket.version,
    });
    expect(byStaff.status).toBe(403);

    const first = await as(w.clientA).post(`/api/v1/tickets/${ticket.id}/kb-solutions`, {
      articleId: ids.good,
      version: ticket.version,
    });
    expect(first.status).toBe(200);
    expect(first.body.items[0]).toMatchObject({
      articleId: ids.good,
      solvedAt: expect.any(String),
    });
    const after = await as(w.clientA).get(`/api/v1/tickets/${ticket.id}`);
    expect(['closed', 'resolved']).toContain(after.body.statusCategory);
    const comments = await as(w.clientA).get(`/api/v1/tickets/${ticket.id}/comments`);
    expect(JSON.stringify(comments.body)).toContain('Reset your VPN password');
    const staffView = await as(w.admin).get(`/api/v1/tickets/${ticket.id}/kb-suggestions`);
    expect(staffView.body.items[0].solvedBy).toMatchObject({ id: w.clientA.id });

    const again = await as(w.clientA).post(`/api/v1/tickets/${ticket.id}/kb-solutions`, {
      articleId: ids.good,
      version: after.body.version,
    });
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('a workflow without a requester close: articles, but no "solved" in the mail or the API', async () => {
    const { typeId } = await createWorkflowFixture(t.db, {
      statuses: [
        { key: 'open', category: 'open', initial: true },
        { key: 'closed', category: 'closed', final: true },
      ],
      transitions: [{ from: 'open', to: 'closed' }],
    });
    const ticket = await fileTicket(w.clientA, { typeId });
    const own = await as(w.clientA).get(`/api/v1/tickets/${ticket.id}/kb-suggestions`);
    expect(own.body).toMatchObject({ items: [{ articleId: ids.good }], canClose: false });
    const mail = await ackMail(ticket.number);
    expect(String(mail.parsed.text)).toContain(`/kb/articles/${ids.good}`);
    expect(String(mail.parsed.text)).not.toContain('solvedBy');
    expect(String(mail.parsed.html)).not.toContain('solvedBy');
    const solve = await as(w.clientA).post(`/api/v1/tickets/${ticket.id}/kb-solutions`, {
      articleId: ids.good,
      version: ticket.version,
    });
    expect(solve.status).toBe(409);
    expect(solve.body.detail).toContain('does not let the requester close');
  });

  it('bad input is a 400, never a 500', async () => {
    const ticket = await fileTicket();
    for (const body of [{}, { articleId: 'nope', version: 1 }, { articleId: ids.good }]) {
      const res = await as(w.clientA).post(`/api/v1/tickets/${ticket.id}/kb-solutions`, body);
      expect(res.status).toBe(400);
    }
    const stale = await as(w.clientA).post(`/api/v1/tickets/${ticket.id}/kb-solutions`, {
      articleId: ids.good,
      version: ticket.version + 5,
    });
    expect(stale.status).toBe(409);
  });
  describe('the requester close in installed presets (migration 1765850000000)', () => {
    const install = (shipped: ShippedLifecycle) => {
      const key = `shipped_${randomBytes(4).toString('hex')}`;
      return createWorkflow(t.db.manager, { key, name: { en: key }, ...shipped }, t.clock.now());
    };
    const requesterCloses = async (id: string) =>
      (
        (await t.db.query(
          `SELECT from_status FROM workflow_transitions
            WHERE workflow_id = $1 AND to_status = 'closed' AND allow_requester
              AND allowed_roles = '{}' ORDER BY position`,
          [id],
        )) as { from_status: string }[]
      ).map((r) => r.from_status);
    const spec = async (id: string) => {
      const res = await as(w.admin).get(`/api/v1/workflows/${id}`);
      expect(res.status).toBe(200);
      return { transitions: res.body.transitions, statuses: res.body.statuses };
    };

    it('adds it to Okdesk and HappyDesk as shipped, under any key; edited ones are left alone', async () => {
      const okdesk = await install(OKDESK_SHIPPED_1764000000000);
      const happydesk = await install(HAPPYDESK_SHIPPED_1765500000001);
      // An admin renamed a status of this one: it is theirs now.
      const edited = await install(HAPPYDESK_SHIPPED_1765500000001);
      await t.db.query(
        `UPDATE workflow_statuses SET name = '{"en":"Working","ru":"В работе","cs":"Řeší se"}'
          WHERE workflow_id = $1 AND key = 'in_progress'`,
        [edited],
      );
      const [{ id: current }] = await t.db.query(`SELECT id FROM workflows WHERE key = 'okdesk'`);
      const version = async (id: string) =>
        (await t.db.query('SELECT version FROM workflows WHERE id = $1', [id]))[0].version;
      const before = { edited: await version(edited), current: await version(current) };
      expect(await requesterCloses(okdesk)).toEqual([]);

      const runner = t.db.createQueryRunner();
      try {
        await new PresetRequesterClose1765850000000().up(runner);
      } finally {
        await runner.release();
      }

      expect(await requesterCloses(okdesk)).toEqual(['open', 'in_progress', 'needs_clarification']);
      expect(await requesterCloses(happydesk)).toEqual([
        'new',
        'in_progress',
        'waiting_for_customer',
        'hold',
      ]);
      expect(await requesterCloses(edited)).toEqual([]);
      expect(await version(edited)).toBe(before.edited);
      // The default workflow, upgraded when the database was made, is not touched twice.
      expect(await requesterCloses(current)).toEqual([
        'open',
        'in_progress',
        'needs_clarification',
      ]);
      expect(await version(current)).toBe(before.current);
      // Upgraded, each is today's preset.
      expect(await spec(okdesk)).toEqual({
        transitions: OKDESK_PRESET.transitions,
        statuses: OKDESK_PRESET.statuses,
      });
      expect(await spec(happydesk)).toEqual({
        transitions: HAPPYDESK_PRESET.transitions,
        statuses: HAPPYDESK_PRESET.statuses,
      });
    });

    it('the requester closes an open ticket; staff still go through Resolved', async () => {
      const ticket = await fileTicket();
      const forClient = await as(w.clientA).get(`/api/v1/tickets/${ticket.id}/transitions`);
      expect(forClient.status).toBe(200);
      expect(JSON.stringify(forClient.body)).toContain('"closed"');
      const forAgent = await as(w.admin).get(`/api/v1/tickets/${ticket.id}/transitions`);
      expect(JSON.stringify(forAgent.body)).not.toContain('"closed"');
    });
  });
});
