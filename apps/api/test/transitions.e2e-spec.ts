import { OKDESK_STATUSES } from '@relaydesk/contracts';
import { TicketTimersService } from '../src/modules/tickets/ticket-timers.service';
import { startTestApp, type TestApp } from './support/test-app';
import { bearer, buildWorld, type World } from './support/personas';

/** The Okdesk lifecycle from the issue, as data the test checks the API against. */
const ALLOWED: Record<string, string[]> = {
  open: ['in_progress', 'needs_clarification', 'resolved'],
  in_progress: ['needs_clarification', 'resolved'],
  needs_clarification: ['open', 'in_progress', 'resolved'],
  resolved: ['closed', 'open'],
  closed: [],
};
/** The requester accepts or reopens a resolution, and closes their own request as solved. */
const CLIENT_ALLOWED: Record<string, string[]> = {
  open: ['closed'],
  in_progress: ['closed'],
  needs_clarification: ['closed'],
  resolved: ['closed', 'open'],
};

const HOUR = 3600_000;

describe('Okdesk workflow transitions', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const move = (who: { token: string }, id: string, body: object) =>
    t.http().post(`/api/v1/tickets/${id}/transitions`).set('Authorization', bearer(who)).send(body);
  const future = () => new Date(t.clock.now().getTime() + HOUR).toISOString();

  const pairs = OKDESK_STATUSES.flatMap((from) =>
    OKDESK_STATUSES.filter((to) => to !== from).map((to) => [from, to] as const),
  );

  describe.each([
    ['agent', (world: World) => world.agent, ALLOWED],
    ['dispatcher', (world: World) => world.dispatcher, ALLOWED],
    ['admin', (world: World) => world.admin, ALLOWED],
    ['client requester', (world: World) => world.clientA, CLIENT_ALLOWED],
  ])('as %s', (_name, who, allowed) => {
    it.each(pairs)('%s -> %s', async (from, to) => {
      const ticket = await t.factory.ticket({
        status: from,
        requesterId: w.clientA.id,
        organizationId: w.orgA.id,
      });
      const body = {
        to,
        version: 1,
        ...(to === 'needs_clarification' ? { postponeUntil: future() } : {}),
      };
      const res = await move(who(w), ticket.id, body);
      const expected = (allowed[from] ?? []).includes(to);
      if (expected) {
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: to, version: 2 });
        const ev = await t.db.query(
          `SELECT actor_id, old_value, new_value FROM ticket_events WHERE ticket_id = $1 AND kind = 'status_changed'`,
          [ticket.id],
        );
        expect(ev).toEqual([{ actor_id: who(w).id, old_value: from, new_value: to }]);
      } else {
        expect(res.status).toBe(409);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
        expect(res.body.allowedTransitions.sort()).toEqual([...(allowed[from] ?? [])].sort());
        const [row] = await t.db.query('SELECT status, version FROM tickets WHERE id = $1', [
          ticket.id,
        ]);
        expect(row).toEqual({ status: from, version: 1 });
      }
    });
  });

  it('lists exactly the transitions the caller may make', async () => {
    const ticket = await t.factory.ticket({
      status: 'resolved',
      requesterId: w.clientA.id,
      organizationId: w.orgA.id,
    });
    const forAgent = await t
      .http()
      .get(`/api/v1/tickets/${ticket.id}/transitions`)
      .set('Authorization', bearer(w.agent));
    expect(forAgent.body.map((o: { to: string }) => o.to).sort()).toEqual(['closed', 'open']);
    const open = await t.factory.ticket({
      status: 'open',
      requesterId: w.clientA.id,
      organizationId: w.orgA.id,
    });
    const forClient = await t
      .http()
      .get(`/api/v1/tickets/${open.id}/transitions`)
      .set('Authorization', bearer(w.clientA));
    expect(forClient.body.map((o: { to: string }) => o.to)).toEqual(['closed']);
    const forStaff = await t
      .http()
      .get(`/api/v1/tickets/${open.id}/transitions`)
      .set('Authorization', bearer(w.agent));
    expect(forStaff.body.find((o: { to: string }) => o.to === 'needs_clarification')).toMatchObject(
      {
        requiresPostpone: true,
        name: { en: 'Needs clarification', ru: 'Требует уточнения', cs: 'Vyžaduje upřesnění' },
      },
    );
  });

  it('lets only the requester accept: an organization colleague with org-wide visibility cannot', async () => {
    await t.db.query('UPDATE users SET can_view_organization_tickets = true WHERE id = $1', [
      w.clientA2.id,
    ]);
    const ticket = await t.factory.ticket({
      status: 'resolved',
      requesterId: w.clientA.id,
      organizationId: w.orgA.id,
    });
    const colleague = await move(w.clientA2, ticket.id, { to: 'closed', version: 1 });
    expect(colleague.status).toBe(409);
    const otherOrg = await move(w.clientB, ticket.id, { to: 'closed', version: 1 });
    expect(otherOrg.status).toBe(404);
    const requester = await move(w.clientA, ticket.id, { to: 'closed', version: 1 });
    expect(requester.status).toBe(200);
    expect(requester.body.closedAt).toBe(t.clock.now().toISOString());
  });

  it('a comment carried by a transition has the same effects as one posted on its own', async () => {
    const ticket = await t.factory.ticket({
      status: 'in_progress',
      requesterId: w.clientA.id,
      organizationId: w.orgA.id,
      needsReply: true,
    });
    const resolved = await move(w.agent, ticket.id, {
      to: 'resolved',
      version: 1,
      comment: 'Fixed the valve',
    });
    expect(resolved.body).toMatchObject({
      needsReply: false,
      firstRespondedAt: t.clock.now().toISOString(),
    });
    t.clock.advance(1000);
    const reopened = await move(w.clientA, ticket.id, {
      to: 'open',
      version: 2,
      comment: 'Still leaking',
    });
    expect(reopened.body).toMatchObject({ status: 'open' });
    // needsReply is staff-only: the desk's view of the ticket says it owes an answer.
    const [{ needs_reply }] = await t.db.query('SELECT needs_reply FROM tickets WHERE id = $1', [
      ticket.id,
    ]);
    expect(needs_reply).toBe(true);
    const comments = await t
      .http()
      .get(`/api/v1/tickets/${ticket.id}/comments`)
      .set('Authorization', bearer(w.clientA));
    expect(
      comments.body.items.map((c: { body: string; internal: boolean }) => [c.body, c.internal]),
    ).toEqual([
      ['Fixed the valve', false],
      ['Still leaking', false],
    ]);
  });

  it('needs a future postponeUntil for needs_clarification (422) and refuses a stale version (409)', async () => {
    const ticket = await t.factory.ticket({ status: 'open' });
    const missing = await move(w.agent, ticket.id, { to: 'needs_clarification', version: 1 });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].field).toBe('postponeUntil');
    const past = await move(w.agent, ticket.id, {
      to: 'needs_clarification',
      version: 1,
      postponeUntil: new Date(t.clock.now().getTime() - 1000).toISOString(),
    });
    expect(past.status).toBe(422);
    const stale = await move(w.agent, ticket.id, { to: 'in_progress', version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(1);
  });

  it('moves a postponed ticket back to open when its time passes, as the system, once', async () => {
    const timers = t.app.get(TicketTimersService);
    const ticket = await t.factory.ticket({ status: 'in_progress' });
    // Later than anything the matrix above postponed, so those are swept first.
    const until = new Date(t.clock.now().getTime() + 5 * HOUR).toISOString();
    const res = await move(w.agent, ticket.id, {
      to: 'needs_clarification',
      version: 1,
      postponeUntil: until,
    });
    expect(res.body.postponedUntil).toBe(until);

    t.clock.advance(2 * HOUR);
    await timers.runDue();
    t.clock.advance(3 * HOUR - 1000);
    expect(await timers.runDue()).toBe(0);
    const [still] = await t.db.query('SELECT status FROM tickets WHERE id = $1', [ticket.id]);
    expect(still.status).toBe('needs_clarification');
    t.clock.advance(2000);
    expect(await timers.runDue()).toBe(1);
    expect(await timers.runDue()).toBe(0);

    const after = await t
      .http()
      .get(`/api/v1/tickets/${ticket.id}`)
      .set('Authorization', bearer(w.agent));
    expect(after.body).toMatchObject({ status: 'open', postponedUntil: null, version: 3 });
    const history = await t
      .http()
      .get(`/api/v1/tickets/${ticket.id}/history`)
      .set('Authorization', bearer(w.agent));
    const last = history.body.items
      .filter((e: { kind: string }) => e.kind === 'status_changed')
      .at(-1);
    expect(last).toMatchObject({ actor: null, oldValue: 'needs_clarification', newValue: 'open' });
  });

  it('leaves a ticket alone when someone moved it before its postpone time', async () => {
    const timers = t.app.get(TicketTimersService);
    const ticket = await t.factory.ticket({ status: 'open' });
    await move(w.agent, ticket.id, {
      to: 'needs_clarification',
      version: 1,
      postponeUntil: future(),
    });
    await move(w.agent, ticket.id, { to: 'in_progress', version: 2 });
    t.clock.advance(2 * HOUR);
    await timers.runDue();
    const [row] = await t.db.query('SELECT status, postponed_until FROM tickets WHERE id = $1', [
      ticket.id,
    ]);
    expect(row).toEqual({ status: 'in_progress', postponed_until: null });
  });

  it('with two API instances sweeping at once, moves each due ticket exactly once', async () => {
    const second = await t.secondInstance();
    await t.app.get(TicketTimersService).runDue();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const ticket = await t.factory.ticket({ status: 'open' });
      await move(w.agent, ticket.id, {
        to: 'needs_clarification',
        version: 1,
        postponeUntil: future(),
      });
      ids.push(ticket.id);
    }
    t.clock.advance(2 * HOUR);
    const [a, b] = await Promise.all([
      t.app.get(TicketTimersService).runDue(5),
      second.get(TicketTimersService).runDue(5),
    ]);
    expect(a + b).toBe(30);
    const rows = await t.db.query(
      `SELECT ticket_id, count(*)::int AS n FROM ticket_events
        WHERE ticket_id = ANY($1) AND kind = 'status_changed' AND actor_id IS NULL GROUP BY ticket_id`,
      [ids],
    );
    expect(rows).toHaveLength(30);
    expect(rows.every((r: { n: number }) => r.n === 1)).toBe(true);
  });
});
