import { DataSource } from 'typeorm';
import { DomainEvents } from '../src/common/events/domain-events';
import { EventLogListener, type CommittedEvent } from '../src/common/events/event-log-listener';
import { EVENT_LOG_RETENTION_MS, EventLogPruner } from '../src/common/events/event-log-pruner';
import { TicketUpdated } from '../src/modules/tickets/index';
import { bearer, buildWorld, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

interface LogRow {
  id: string;
  name: string;
  ticket_id: string | null;
  actor_id: string | null;
  payload: Record<string, unknown>;
}

/**
 * Every published domain event is recorded in event_log in the transaction of its change, and
 * announced on commit (and only on commit) to every instance's EventLogListener, which comes
 * back by itself after it loses its connection.
 */
describe('event log', () => {
  let t: TestApp;
  let w: World;
  let listener: EventLogListener;
  const heard: CommittedEvent[] = [];
  /** Resolves with the first event heard (from now on) that `match` accepts. */
  let expectations: {
    match: (e: CommittedEvent) => boolean;
    resolve: (e: CommittedEvent) => void;
  }[] = [];
  const next = (match: (e: CommittedEvent) => boolean) =>
    new Promise<CommittedEvent>((resolve) => expectations.push({ match, resolve }));

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    listener = t.app.get(EventLogListener);
    listener.onEvent((e) => {
      heard.push(e);
      const [hit, rest] = [
        expectations.filter((x) => x.match(e)),
        expectations.filter((x) => !x.match(e)),
      ];
      expectations = rest;
      for (const x of hit) x.resolve(e);
    });
    await listener.ready();
  });
  afterAll(() => t.close());

  const rows = (where: string, params: unknown[]) =>
    t.db.query(
      `SELECT id::text, name, ticket_id, actor_id, payload FROM event_log WHERE ${where} ORDER BY id`,
      params,
    ) as Promise<LogRow[]>;

  it('records a ticket creation with its ticket, actor and payload, and announces it after the commit', async () => {
    const announced = next((e) => e.name === 'ticket.created');
    const res = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', bearer(w.clientA))
      .send({ subject: 'Logged' });
    expect(res.status).toBe(201);
    const [row] = await rows('ticket_id = $1', [res.body.id]);
    expect(row).toMatchObject({
      name: 'ticket.created',
      ticket_id: res.body.id,
      actor_id: w.clientA.id,
    });
    expect(row.payload).toMatchObject({
      ticketId: res.body.id,
      number: res.body.number,
      subject: 'Logged',
      requesterId: w.clientA.id,
      at: t.clock.now().toISOString(),
    });
    expect(await announced).toEqual({ id: row.id, name: 'ticket.created', ticketId: res.body.id });
  });

  it('records a create in the same shape once, with or without an Idempotency-Key (the keyed one runs in a transaction)', async () => {
    const shapes: unknown[] = [];
    for (const key of [null, 'event-log-keyed-create']) {
      const req = t.http().post('/api/v1/tickets').set('Authorization', bearer(w.clientA));
      if (key) req.set('Idempotency-Key', key);
      const res = await req.send({ subject: `Shape ${key ?? 'plain'}` });
      expect(res.status).toBe(201);
      const logged = await rows('ticket_id = $1', [res.body.id]);
      expect(logged.map((r) => r.name)).toEqual(['ticket.created']);
      // The payload is what JSON.stringify of the TicketCreated event gives, key for key.
      expect(logged[0].payload).toEqual({
        ticketId: res.body.id,
        number: res.body.number,
        subject: `Shape ${key ?? 'plain'}`,
        organizationId: w.orgA.id,
        requesterId: w.clientA.id,
        groupId: res.body.group?.id ?? null,
        assigneeId: res.body.assignee?.id ?? null,
        priority: res.body.priority,
        status: res.body.status,
        actorId: w.clientA.id,
        at: t.clock.now().toISOString(),
      });
      shapes.push(Object.keys(logged[0].payload).sort());
    }
    expect(shapes[0]).toEqual(shapes[1]);
  });

  it('records a comment with its author as the actor', async () => {
    const ticket = await t.factory.ticket({ requesterId: w.clientA.id, organizationId: w.orgA.id });
    const res = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/comments`)
      .set('Authorization', bearer(w.clientA))
      .send({ body: 'Hello' });
    expect(res.status).toBe(201);
    const logged = await rows('ticket_id = $1', [ticket.id]);
    expect(logged.map((r) => [r.name, r.actor_id])).toContainEqual([
      'ticket.comment_added',
      w.clientA.id,
    ]);
  });

  it('leaves no row and sends no announcement when the change rolls back', async () => {
    const events = t.app.get(DomainEvents);
    const ticket = await t.factory.ticket();
    const event = (field: string) =>
      new TicketUpdated(
        ticket.id,
        [{ field, oldValue: 1, newValue: 2, internal: false }],
        w.agent.id,
        t.clock.now(),
      );
    await expect(
      t.db.transaction(async (em) => {
        await events.publish(em, event('rolled_back'));
        throw new Error('the change fails after its event');
      }),
    ).rejects.toThrow('the change fails');
    const committed = next((e) => e.ticketId === ticket.id);
    await t.db.transaction((em) => events.publish(em, event('committed')));
    // NOTIFYs arrive in commit order: had the first been sent, it would have come first.
    const first = await committed;
    const logged = await rows('ticket_id = $1', [ticket.id]);
    expect(logged.map((r) => (r.payload.changes as { field: string }[])[0].field)).toEqual([
      'committed',
    ]);
    expect(first.id).toBe(logged[0].id);
    expect(heard.filter((e) => e.ticketId === ticket.id)).toHaveLength(1);
  });

  it('hears events of another instance', async () => {
    const other = await t.secondInstance();
    const ticket = await t.factory.ticket();
    const heardHere = next((e) => e.ticketId === ticket.id);
    await other
      .get(DataSource)
      .transaction((em) =>
        other.get(DomainEvents).publish(em, new TicketUpdated(ticket.id, [], null, t.clock.now())),
      );
    expect((await heardHere).name).toBe('ticket.updated');
  });

  it('reconnects after losing its connection, tells its consumers, and hears events again', async () => {
    const reconnected = new Promise<void>((resolve) => listener.onReconnect(resolve));
    const [{ killed }] = (await t.db.query(
      `SELECT count(pg_terminate_backend(pid))::int AS killed FROM pg_stat_activity
        WHERE application_name = 'relaydesk-listen' AND datname = current_database()`,
    )) as { killed: number }[];
    // This instance's, and the second instance's when a consumer there has connected it.
    expect(killed).toBeGreaterThanOrEqual(1);
    await reconnected;
    await listener.ready();
    const ticket = await t.factory.ticket();
    const again = next((e) => e.ticketId === ticket.id);
    await t.db.transaction((em) =>
      t.app.get(DomainEvents).publish(em, new TicketUpdated(ticket.id, [], null, t.clock.now())),
    );
    expect((await again).name).toBe('ticket.updated');
  });

  it('prunes events both consumers are done with past the retention, never one still waiting for its fan-out or its webhooks', async () => {
    const now = t.clock.now().getTime();
    const at = (ms: number) => new Date(now - ms);
    const insert = async (createdAt: Date, fannedOutAt: Date | null, webhooksAt: Date | null) =>
      (
        (await t.db.query(
          `INSERT INTO event_log (name, payload, created_at, fanned_out_at, webhooks_at)
           VALUES ('test.pruned', '{}', $1, $2, $3) RETURNING id::text`,
          [createdAt, fannedOutAt, webhooksAt],
        )) as { id: string }[]
      )[0].id;
    const past = at(EVENT_LOG_RETENTION_MS + 60_000);
    const done = at(EVENT_LOG_RETENTION_MS);
    const old = await insert(past, done, done);
    const oldPending = await insert(past, null, done);
    const oldWebhooksPending = await insert(past, done, null);
    const recent = await insert(at(EVENT_LOG_RETENTION_MS - 60_000), at(60_000), at(60_000));
    await t.app.get(EventLogPruner).prune();
    const left = (await t.db.query(
      `SELECT id::text FROM event_log WHERE name = 'test.pruned' ORDER BY id`,
    )) as { id: string }[];
    expect(left.map((r) => r.id)).toEqual([oldPending, oldWebhooksPending, recent]);
    expect(left.map((r) => r.id)).not.toContain(old);
  });
});
