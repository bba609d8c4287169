import { TicketTimersService } from '../src/modules/tickets/ticket-timers.service';
import { startTestApp, type TestApp } from './support/test-app';
import { bearer, buildWorld, type World } from './support/personas';
import { createWorkflowFixture } from './support/workflow-fixture';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * The engine's rules, on a workflow written for the test (the presets have their own matrix
 * tests): who may make a transition, required fields and comments, duplicates, postpone caps,
 * timers, reply triggers, read-only statuses and the parent/child close rule.
 */
describe('workflow engine', () => {
  let t: TestApp;
  let w: World;
  let typeKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    ({ typeKey } = await createWorkflowFixture(t.db, {
      statuses: [
        { key: 'new', category: 'new', initial: true },
        { key: 'work', category: 'open' },
        { key: 'hold', category: 'pending', postponeMaxDays: 30 },
        { key: 'fixed', category: 'resolved' },
        { key: 'closed', category: 'closed', final: true },
        { key: 'canceled', category: 'canceled', final: true },
        { key: 'archived', category: 'closed', final: true, readOnly: true },
      ],
      transitions: [
        { from: 'new', to: 'work' },
        { from: 'work', to: 'new', roles: [], assignee: true, comment: true },
        { from: 'work', to: 'hold', postpone: true },
        { from: 'work', to: 'fixed', fields: ['assigneeId', 'custom:serial'] },
        { from: 'work', to: 'canceled', duplicateOf: true },
        { from: 'work', to: 'closed' },
        { from: 'hold', to: 'work' },
        { from: 'fixed', to: 'closed', requester: true },
        { from: 'fixed', to: 'archived', roles: [], requester: true },
      ],
      timers: [
        { status: 'hold', trigger: 'postpone_expired', to: 'work' },
        { status: 'fixed', trigger: 'after_time', afterSeconds: 48 * 3600, to: 'closed' },
        { status: 'fixed', trigger: 'requester_replied', to: 'work' },
      ],
    }));
  });
  afterAll(() => t.close());

  const move = (who: { token: string }, id: string, body: object) =>
    t.http().post(`/api/v1/tickets/${id}/transitions`).set('Authorization', bearer(who)).send(body);
  const get = (who: { token: string }, path: string) =>
    t.http().get(`/api/v1${path}`).set('Authorization', bearer(who));
  const ticket = (status: string, extra: Record<string, unknown> = {}) =>
    t.factory.ticket({
      typeKey,
      status,
      requesterId: w.clientA.id,
      organizationId: w.orgA.id,
      ...extra,
    });
  const row = async (id: string) =>
    (
      await t.db.query(
        'SELECT status, version, next_timer_at, postponed_until FROM tickets WHERE id = $1',
        [id],
      )
    )[0];
  const timers = () => t.app.get(TicketTimersService);

  it('lets the assignee make an assignee-only transition, nobody else, and asks for its comment', async () => {
    const tk = await ticket('work', { assigneeId: w.agent.id });
    const other = await move(w.otherAgent, tk.id, { to: 'new', version: 1, comment: 'x' });
    expect([404, 409]).toContain(other.status);
    const admin = await move(w.admin, tk.id, { to: 'new', version: 1, comment: 'x' });
    expect(admin.status).toBe(409);
    expect(admin.body.allowedTransitions).not.toContain('new');
    const noComment = await move(w.agent, tk.id, { to: 'new', version: 1 });
    expect(noComment.status).toBe(422);
    expect(noComment.body.errors).toEqual([
      { field: 'comment', message: 'is required for this transition' },
    ]);
    const ok = await move(w.agent, tk.id, { to: 'new', version: 1, comment: 'Missing the model' });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('new');
  });

  it('refuses a transition until its required fields are filled, naming each, and offers what is missing', async () => {
    const tk = await ticket('work');
    const options = await get(w.dispatcher, `/tickets/${tk.id}/transitions`);
    expect(options.body.find((o: { to: string }) => o.to === 'fixed')).toMatchObject({
      requiredFields: ['assigneeId', 'custom:serial'],
      missingFields: ['assigneeId', 'custom:serial'],
      category: 'resolved',
    });
    const refused = await move(w.dispatcher, tk.id, { to: 'fixed', version: 1 });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'assigneeId',
      'custom:serial',
    ]);
    expect(await row(tk.id)).toMatchObject({ status: 'work', version: 1 });

    await t.db.query(
      `UPDATE tickets SET assignee_id = $2, custom_fields = '{"serial": "SN-1"}' WHERE id = $1`,
      [tk.id, w.agent.id],
    );
    const again = await get(w.dispatcher, `/tickets/${tk.id}/transitions`);
    expect(again.body.find((o: { to: string }) => o.to === 'fixed').missingFields).toEqual([]);
    expect((await move(w.dispatcher, tk.id, { to: 'fixed', version: 1 })).status).toBe(200);
  });

  it('cancels a duplicate only with the ticket it duplicates, and links the two both ways', async () => {
    const original = await ticket('work');
    const dup = await ticket('work');
    const missing = await move(w.dispatcher, dup.id, { to: 'canceled', version: 1 });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].field).toBe('duplicateOfId');
    const self = await move(w.dispatcher, dup.id, {
      to: 'canceled',
      version: 1,
      duplicateOfId: dup.id,
    });
    expect(self.status).toBe(422);
    // A ticket the agent cannot see is as good as missing.
    const hidden = await t.factory.ticket({ typeKey, status: 'work', assigneeId: w.otherAgent.id });
    const mine = await ticket('work', { assigneeId: w.agent.id });
    const invisible = await move(w.agent, mine.id, {
      to: 'canceled',
      version: 1,
      duplicateOfId: hidden.id,
    });
    expect(invisible.status).toBe(422);
    expect(invisible.body.errors[0]).toEqual({
      field: 'duplicateOfId',
      message: 'no ticket with this id',
    });
    const notThisOne = await move(w.dispatcher, original.id, {
      to: 'closed',
      version: 1,
      duplicateOfId: dup.id,
    });
    expect(notThisOne.status).toBe(422);

    const ok = await move(w.dispatcher, dup.id, {
      to: 'canceled',
      version: 1,
      duplicateOfId: original.id,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'canceled', statusCategory: 'canceled' });
    const fromDup = await get(w.dispatcher, `/tickets/${dup.id}/links`);
    expect(fromDup.body).toEqual([
      expect.objectContaining({
        relation: 'duplicate_of',
        ticket: expect.objectContaining({ id: original.id, number: original.number }),
      }),
    ]);
    const fromOriginal = await get(w.dispatcher, `/tickets/${original.id}/links`);
    expect(fromOriginal.body.map((l: { relation: string }) => l.relation)).toEqual([
      'duplicated_by',
    ]);
    const history = await get(w.dispatcher, `/tickets/${original.id}/history`);
    expect(history.body.items.map((e: { kind: string }) => e.kind)).toContain('link_added');
    // Links are staff-only history: the client never learns of tickets it may not see.
    const clientHistory = await get(w.clientA, `/tickets/${original.id}/history`);
    expect(clientHistory.body.items.map((e: { kind: string }) => e.kind)).not.toContain(
      'link_added',
    );
  });

  it('caps a postpone-until at the status limit and returns the ticket at that time', async () => {
    const tk = await ticket('work');
    const now = t.clock.now().getTime();
    const tooFar = await move(w.agent, tk.id, {
      to: 'hold',
      version: 1,
      postponeUntil: new Date(now + 31 * DAY).toISOString(),
    });
    expect(tooFar.status).toBe(422);
    expect(tooFar.body.errors).toEqual([
      { field: 'postponeUntil', message: 'must be at most 30 days ahead' },
    ]);
    const until = new Date(now + 30 * DAY);
    const ok = await move(w.agent, tk.id, {
      to: 'hold',
      version: 1,
      postponeUntil: until.toISOString(),
    });
    expect(ok.status).toBe(200);
    expect((await row(tk.id)).next_timer_at).toEqual(until);
  });

  describe('timers (the clock moves, nobody sleeps)', () => {
    it('closes a fixed ticket 48 hours after it was fixed, not a second earlier, as the system', async () => {
      await timers().runDue();
      const tk = await ticket('work', { assigneeId: w.agent.id });
      await t.db.query(`UPDATE tickets SET custom_fields = '{"serial": "S"}' WHERE id = $1`, [
        tk.id,
      ]);
      expect((await move(w.agent, tk.id, { to: 'fixed', version: 1 })).status).toBe(200);
      t.clock.advance(48 * HOUR - 1000);
      await timers().runDue();
      expect((await row(tk.id)).status).toBe('fixed');
      t.clock.advance(1000);
      await timers().runDue();
      expect(await row(tk.id)).toMatchObject({ status: 'closed', next_timer_at: null });
      const history = await get(w.agent, `/tickets/${tk.id}/history`);
      expect(
        history.body.items.filter((e: { kind: string }) => e.kind === 'status_changed').at(-1),
      ).toMatchObject({ actor: null, oldValue: 'fixed', newValue: 'closed' });
    });

    it("the requester's reply to a fixed ticket resumes work at once and cancels the closing timer", async () => {
      const tk = await ticket('fixed');
      await t.db.query('UPDATE tickets SET next_timer_at = $2 WHERE id = $1', [
        tk.id,
        new Date(t.clock.now().getTime() + 48 * HOUR),
      ]);
      const staff = await t
        .http()
        .post(`/api/v1/tickets/${tk.id}/comments`)
        .set('Authorization', bearer(w.agent))
        .send({ body: 'Anything else?' });
      expect(staff.status).toBe(201);
      expect((await row(tk.id)).status).toBe('fixed');
      const reply = await t
        .http()
        .post(`/api/v1/tickets/${tk.id}/comments`)
        .set('Authorization', bearer(w.clientA))
        .send({ body: 'It broke again' });
      expect(reply.status).toBe(201);
      expect(await row(tk.id)).toMatchObject({ status: 'work', next_timer_at: null, version: 2 });
      t.clock.advance(49 * HOUR);
      await timers().runDue();
      expect((await row(tk.id)).status).toBe('work');
    });

    it('two API instances sweeping at once run each due timer exactly once', async () => {
      await timers().runDue();
      const second = await t.secondInstance();
      const ids: string[] = [];
      for (let i = 0; i < 24; i++) {
        const tk = await ticket('work', { assigneeId: w.agent.id });
        await t.db.query(`UPDATE tickets SET custom_fields = '{"serial": "S"}' WHERE id = $1`, [
          tk.id,
        ]);
        const res =
          i % 2 === 0
            ? await move(w.agent, tk.id, { to: 'fixed', version: 1 })
            : await move(w.agent, tk.id, {
                to: 'hold',
                version: 1,
                postponeUntil: new Date(t.clock.now().getTime() + DAY).toISOString(),
              });
        expect(res.status).toBe(200);
        ids.push(tk.id);
      }
      t.clock.advance(3 * DAY);
      const [a, b] = await Promise.all([
        timers().runDue(4),
        second.get(TicketTimersService).runDue(4),
      ]);
      expect(a + b).toBe(24);
      const counts = await t.db.query(
        `SELECT ticket_id, count(*)::int AS n FROM ticket_events
          WHERE ticket_id = ANY($1) AND kind = 'status_changed' AND actor_id IS NULL
          GROUP BY ticket_id`,
        [ids],
      );
      expect(counts).toHaveLength(24);
      expect(counts.every((c: { n: number }) => c.n === 1)).toBe(true);
      const statuses = await t.db.query(
        'SELECT status, count(*)::int AS n FROM tickets WHERE id = ANY($1) GROUP BY status ORDER BY status',
        [ids],
      );
      expect(statuses).toEqual([
        { status: 'closed', n: 12 },
        { status: 'work', n: 12 },
      ]);
    });

    it('a timer does not close a parent whose children are open; it looks again later', async () => {
      await timers().runDue();
      const parent = await ticket('fixed');
      const child = await ticket('work');
      const link = await t
        .http()
        .post(`/api/v1/tickets/${parent.id}/links`)
        .set('Authorization', bearer(w.dispatcher))
        .send({ relation: 'child', ticketId: child.id });
      expect(link.status).toBe(201);
      await t.db.query('UPDATE tickets SET next_timer_at = $2 WHERE id = $1', [
        parent.id,
        t.clock.now(),
      ]);
      expect(await timers().runDue()).toBe(0);
      const after = await row(parent.id);
      expect(after.status).toBe('fixed');
      expect(after.next_timer_at.getTime()).toBeGreaterThan(t.clock.now().getTime());
    });
  });

  it('an archived (read-only) ticket takes no comments, files, edits or links', async () => {
    const tk = await ticket('archived');
    const other = await ticket('work');
    const comment = await t
      .http()
      .post(`/api/v1/tickets/${tk.id}/comments`)
      .set('Authorization', bearer(w.clientA))
      .send({ body: 'one more thing' });
    expect(comment.status).toBe(409);
    expect(comment.headers['content-type']).toMatch(/problem\+json/);
    const upload = await t
      .http()
      .post(`/api/v1/tickets/${tk.id}/attachments`)
      .set('Authorization', bearer(w.agent))
      .attach('file', Buffer.from('hello'), 'a.txt');
    expect(upload.status).toBe(409);
    const edit = await t
      .http()
      .patch(`/api/v1/tickets/${tk.id}`)
      .set('Authorization', bearer(w.admin))
      .send({ version: 1, subject: 'changed' });
    expect(edit.status).toBe(409);
    const link = await t
      .http()
      .post(`/api/v1/tickets/${tk.id}/links`)
      .set('Authorization', bearer(w.admin))
      .send({ relation: 'related', ticketId: other.id });
    expect(link.status).toBe(409);
    const [counts] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM ticket_comments WHERE ticket_id = $1) AS comments,
              (SELECT count(*)::int FROM attachments WHERE ticket_id = $1) AS files`,
      [tk.id],
    );
    expect(counts).toEqual({ comments: 0, files: 0 });
  });

  describe('links and the parent close rule', () => {
    it('keeps a parent open while a child is open unless a dispatcher forces it, which is recorded', async () => {
      const parent = await ticket('work');
      const child = await ticket('work');
      const link = await t
        .http()
        .post(`/api/v1/tickets/${child.id}/links`)
        .set('Authorization', bearer(w.agent))
        .send({ relation: 'parent', ticketId: parent.id });
      expect(link.status).toBe(201);
      expect(link.body).toMatchObject({ relation: 'parent', ticket: { id: parent.id } });
      // The linked ticket's status is named as its workflow names it.
      const renameWork = (name: object) =>
        t.db.query(
          `UPDATE workflow_statuses ws SET name = $2 FROM tickets tk
            WHERE tk.id = $1 AND ws.workflow_id = tk.workflow_id AND ws.key = 'work'`,
          [parent.id, name],
        );
      await renameWork({ en: 'In the works', cs: 'Pracuje se' });
      const links = await get(w.agent, `/tickets/${child.id}/links`);
      await renameWork({ en: 'work' });
      expect(links.body).toMatchObject([
        {
          ticket: {
            id: parent.id,
            status: 'work',
            statusName: { en: 'In the works', cs: 'Pracuje se' },
          },
        },
      ]);

      // Links are not field edits: the version stays.
      const agent = await move(w.agent, parent.id, { to: 'closed', version: 1, force: true });
      expect(agent.status).toBe(409);
      expect(agent.body.openChildren).toEqual([child.number]);
      const unforced = await move(w.dispatcher, parent.id, { to: 'closed', version: 1 });
      expect(unforced.status).toBe(409);
      expect((await row(parent.id)).status).toBe('work');

      const forced = await move(w.dispatcher, parent.id, { to: 'closed', version: 1, force: true });
      expect(forced.status).toBe(200);
      const history = await get(w.dispatcher, `/tickets/${parent.id}/history`);
      expect(
        history.body.items.find((e: { kind: string }) => e.kind === 'close_forced'),
      ).toMatchObject({
        actor: { id: w.dispatcher.id },
        newValue: { openChildren: [child.number] },
      });
    });

    it('lets anyone allowed close a parent once its children are closed', async () => {
      const parent = await ticket('work');
      const child = await ticket('work');
      await t
        .http()
        .post(`/api/v1/tickets/${parent.id}/links`)
        .set('Authorization', bearer(w.agent))
        .send({ relation: 'child', ticketId: child.id })
        .expect(201);
      expect((await move(w.agent, parent.id, { to: 'closed', version: 1 })).status).toBe(409);
      expect((await move(w.agent, child.id, { to: 'closed', version: 1 })).status).toBe(200);
      expect((await move(w.agent, parent.id, { to: 'closed', version: 1 })).status).toBe(200);
    });

    it('refuses cycles, second parents, duplicates of a link and self-links; removes a link', async () => {
      const a = await ticket('work');
      const b = await ticket('work');
      const c = await ticket('work');
      const link = (from: string, relation: string, to: string) =>
        t
          .http()
          .post(`/api/v1/tickets/${from}/links`)
          .set('Authorization', bearer(w.dispatcher))
          .send({ relation, ticketId: to });
      expect((await link(a.id, 'child', b.id)).status).toBe(201);
      expect((await link(b.id, 'child', c.id)).status).toBe(201);
      expect((await link(c.id, 'child', a.id)).status).toBe(409); // a would be its own ancestor
      expect((await link(c.id, 'parent', a.id)).status).toBe(409); // c already has a parent
      expect((await link(b.id, 'related', a.id)).status).toBe(409); // already linked
      expect((await link(a.id, 'related', a.id)).status).toBe(422);
      expect((await link(a.id, 'sibling', b.id)).status).toBe(400);
      const fromB = await get(w.dispatcher, `/tickets/${b.id}/links`);
      expect(fromB.body.map((l: { relation: string }) => l.relation).sort()).toEqual([
        'child',
        'parent',
      ]);
      const parentLink = fromB.body.find((l: { relation: string }) => l.relation === 'parent');
      await t
        .http()
        .delete(`/api/v1/tickets/${b.id}/links/${parentLink.id}`)
        .set('Authorization', bearer(w.dispatcher))
        .expect(204);
      expect((await get(w.dispatcher, `/tickets/${a.id}/links`)).body).toEqual([]);
      const again = await t
        .http()
        .delete(`/api/v1/tickets/${b.id}/links/${parentLink.id}`)
        .set('Authorization', bearer(w.dispatcher));
      expect(again.status).toBe(404);
    });

    it('clients cannot link and see only links to tickets they may see', async () => {
      const mine = await ticket('work');
      const foreign = await t.factory.ticket({
        typeKey,
        status: 'work',
        organizationId: w.orgB.id,
      });
      const visibleToo = await ticket('work');
      await t
        .http()
        .post(`/api/v1/tickets/${mine.id}/links`)
        .set('Authorization', bearer(w.dispatcher))
        .send({ relation: 'related', ticketId: foreign.id })
        .expect(201);
      await t
        .http()
        .post(`/api/v1/tickets/${mine.id}/links`)
        .set('Authorization', bearer(w.dispatcher))
        .send({ relation: 'related', ticketId: visibleToo.id })
        .expect(201);
      const seen = await get(w.clientA, `/tickets/${mine.id}/links`);
      expect(seen.body.map((l: { ticket: { id: string } }) => l.ticket.id)).toEqual([
        visibleToo.id,
      ]);
      const create = await t
        .http()
        .post(`/api/v1/tickets/${mine.id}/links`)
        .set('Authorization', bearer(w.clientA))
        .send({ relation: 'related', ticketId: visibleToo.id });
      expect(create.status).toBe(403);
      expect((await get(w.clientB, `/tickets/${mine.id}/links`)).status).toBe(404);
    });
  });
});
