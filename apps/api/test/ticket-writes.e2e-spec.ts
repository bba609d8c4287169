import type { EntityManager } from 'typeorm';
import { DomainEvents, type DomainEvent } from '../src/common/events/domain-events';
import {
  CommentAdded,
  TicketAssigned,
  TicketCreated,
  TicketStatusChanged,
  TicketUpdated,
} from '../src/modules/tickets/index';
import { startTestApp, type TestApp } from './support/test-app';
import { bearer, buildWorld, type World } from './support/personas';

const MONDAY_NOON_MSK = '2026-03-02T09:00:00Z';

/**
 * One writer for the ticket row: each action is one UPDATE of `tickets`, whatever SLA, routing
 * and comments add to it; its domain events reach listeners inside its transaction.
 */
describe('ticket writes', () => {
  let t: TestApp;
  let w: World;
  const seen: { event: DomainEvent; inTransaction: boolean }[] = [];

  const api = (who: { token: string }) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', bearer(who)),
    post: (path: string, body: object = {}) =>
      t.http().post(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
  });
  /** UPDATEs of the ticket's row since the trigger below was installed. */
  const updates = async (id: string) =>
    Number(
      (
        await t.db.query('SELECT count(*) AS n FROM test_ticket_updates WHERE ticket_id = $1', [id])
      )[0].n,
    );

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    t.clock.set(MONDAY_NOON_MSK);
    const nine = [{ start: '09:00', end: '18:00' }];
    const cal = await api(w.admin).post('/sla/calendars', {
      name: 'Moscow office',
      timeZone: 'Europe/Moscow',
      week: { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine },
    });
    expect(cal.status).toBe(201);
    const policy = await api(w.admin).post('/sla/policies', {
      name: 'Everything',
      position: 0,
      calendarId: cal.body.id,
      firstResponseSeconds: 3600,
      resolutionSeconds: 4 * 3600,
    });
    expect(policy.status).toBe(201);
    await t.db.query(`
      CREATE TABLE test_ticket_updates (ticket_id uuid NOT NULL);
      CREATE FUNCTION test_count_ticket_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO test_ticket_updates VALUES (NEW.id); RETURN NEW; END $$;
      CREATE TRIGGER test_count_ticket_update AFTER UPDATE ON tickets
        FOR EACH ROW EXECUTE FUNCTION test_count_ticket_update();`);
    const events = t.app.get(DomainEvents);
    const record = async (event: DomainEvent, em: EntityManager) => {
      seen.push({ event, inTransaction: em.queryRunner?.isTransactionActive === true });
    };
    for (const type of [
      TicketCreated,
      TicketUpdated,
      TicketStatusChanged,
      TicketAssigned,
      CommentAdded,
    ]) {
      events.on(type, record);
    }
  });
  afterAll(() => t.close());

  const create = async () => {
    const res = await api(w.dispatcher).post('/tickets', {
      subject: `Pump ${Math.random()}`,
      organizationId: w.orgA.id,
      requesterId: w.clientA.id,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number; number: number };
  };
  const eventsOf = (id: string) =>
    seen.filter((s) => (s.event as unknown as { ticketId: string }).ticketId === id);

  it('a transition that pauses the SLA and carries a comment is one UPDATE, with its events', async () => {
    const tk = await create();
    expect(await updates(tk.id)).toBe(0);
    const created = eventsOf(tk.id);
    expect(created.map((s) => s.event.constructor)).toEqual([TicketCreated]);
    expect(created[0]).toMatchObject({
      inTransaction: true,
      event: {
        number: tk.number,
        requesterId: w.clientA.id,
        status: 'open',
        actorId: w.dispatcher.id,
      },
    });

    const moved = await api(w.dispatcher).post(`/tickets/${tk.id}/transitions`, {
      to: 'needs_clarification',
      version: tk.version,
      postponeUntil: '2026-03-20T09:00:00Z',
      comment: 'Which pump, the left or the right one?',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'needs_clarification', version: tk.version + 1 });
    expect(moved.body.sla.pausedAt).toBe('2026-03-02T09:00:00.000Z');
    expect(moved.body.sla.firstResponseAt ?? moved.body.firstRespondedAt ?? 'x').toBeTruthy();
    expect(await updates(tk.id)).toBe(1);

    const history = await t.db.query(
      `SELECT kind FROM ticket_events WHERE ticket_id = $1 ORDER BY created_at, kind`,
      [tk.id],
    );
    expect(history.map((h: { kind: string }) => h.kind)).toEqual(
      expect.arrayContaining(['status_changed', 'comment_added']),
    );
    const after = eventsOf(tk.id).slice(1);
    expect(after.every((s) => s.inTransaction)).toBe(true);
    expect(after.map((s) => s.event)).toEqual([
      expect.objectContaining({
        constructor: TicketStatusChanged,
        from: 'open',
        to: 'needs_clarification',
        actorId: w.dispatcher.id,
      }),
      expect.objectContaining({
        constructor: CommentAdded,
        internal: false,
        authorIsClient: false,
      }),
    ]);
  });

  it('an edit that moves the SLA policy is one UPDATE and tells what changed', async () => {
    const tk = await create();
    const before = (await api(w.admin).get(`/tickets/${tk.id}`)).body;
    const edited = await api(w.dispatcher).patch(`/tickets/${tk.id}`, {
      version: tk.version,
      priority: 'urgent',
      subject: 'Pump 3 is leaking',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(tk.version + 1);
    // The SLA was computed again for the edit (the same policy, the deadlines recomputed from creation).
    expect(edited.body.sla.firstResponseDueAt).toBe(before.sla.firstResponseDueAt);
    expect(await updates(tk.id)).toBe(1);
    const updated = eventsOf(tk.id).find((s) => s.event instanceof TicketUpdated);
    expect(updated?.inTransaction).toBe(true);
    expect((updated?.event as TicketUpdated).changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'priority', oldValue: 'normal', newValue: 'urgent' }),
        expect.objectContaining({ field: 'subject', newValue: 'Pump 3 is leaking' }),
      ]),
    );
  });

  it('assigning is one UPDATE and publishes TicketAssigned with who had it before', async () => {
    const tk = await create();
    const res = await api(w.dispatcher).post(`/tickets/${tk.id}/assignment`, {
      version: tk.version,
      assigneeId: w.agent.id,
      groupId: w.group.id,
    });
    expect(res.status).toBe(200);
    expect(await updates(tk.id)).toBe(1);
    const assigned = eventsOf(tk.id).find((s) => s.event instanceof TicketAssigned);
    expect(assigned).toMatchObject({
      inTransaction: true,
      event: {
        assigneeId: w.agent.id,
        groupId: w.group.id,
        previous: { assigneeId: null, groupId: null },
        actorId: w.dispatcher.id,
      },
    });
  });

  it('a listener that fails takes the whole change back with it', async () => {
    const tk = await create();
    const events = t.app.get(DomainEvents);
    events.on(CommentAdded, async (e, em) => {
      if (e.ticketId !== tk.id) return;
      await em.query(`INSERT INTO test_ticket_updates VALUES ($1)`, [tk.id]);
      throw new Error('the outbox is full');
    });
    const res = await api(w.dispatcher).post(`/tickets/${tk.id}/comments`, { body: 'On my way' });
    expect(res.status).toBe(500);
    expect(await updates(tk.id)).toBe(0);
    const comments = await t.db.query('SELECT 1 FROM ticket_comments WHERE ticket_id = $1', [
      tk.id,
    ]);
    expect(comments).toHaveLength(0);
    // A client's ticket needs a reply from its filing on; the answer rolled back did not clear it.
    const ticket = await api(w.dispatcher).get(`/tickets/${tk.id}`);
    expect(ticket.body.needsReply).toBe(true);
  });
});
