import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JwtService } from '@nestjs/jwt';
import { EventLogListener } from '../src/common/events/event-log-listener';
import { LiveHub, MAX_STREAMS_PER_USER } from '../src/modules/notifications/live/live-hub';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { SseReader, type SseEvent } from './support/sse-reader';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app';

/**
 * GET /api/v1/me/events over real HTTP (a listening server, read with fetch as the SPAs read
 * it): each user hears of the tickets they may see now, clients never of internal work, events
 * cross instances through LISTEN/NOTIFY, Last-Event-ID replays what was missed, the bell is
 * pushed, and streams end with the token, the session, the cap and the instance.
 *
 * "Did not receive" is never a wait: the user is sent a later event they do see, and NOTIFYs are
 * handled in commit order, so anything about the earlier event would have come first.
 */
describe('live events (SSE)', () => {
  let t: TestApp;
  let w: World;
  let base: string;
  const open: SseReader[] = [];

  const listen = async (app: NestExpressApplication): Promise<string> => {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    await app.get(EventLogListener).ready();
    return `http://127.0.0.1:${port}/api/v1/me/events`;
  };
  const stream = async (who: { token: string }, url = base, headers?: Record<string, string>) => {
    const s = await SseReader.open(url, who.token, headers);
    open.push(s);
    expect(`${s.status} ${s.body}`).toBe('200 ');
    // The stream is registered once its first frame (retry + id) has come.
    await until(() => s.retry !== null);
    return s;
  };
  const createTicket = async (who: Persona, subject = 'Live') => {
    const res = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', bearer(who))
      .send({ subject });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: number };
  };
  const comment = async (who: Persona, ticketId: string, internal: boolean) => {
    const res = await t
      .http()
      .post(`/api/v1/tickets/${ticketId}/comments`)
      .set('Authorization', bearer(who))
      .send({ body: internal ? 'Internal note' : 'Public reply', internal });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const eventIdOf = async (name: string, where: string, params: unknown[]) => {
    const [row] = (await t.db.query(
      `SELECT id::text FROM event_log WHERE name = $1 AND ${where} ORDER BY id DESC LIMIT 1`,
      [name, ...params],
    )) as { id: string }[];
    return row.id;
  };
  const about = (ticketId: string, name?: string) => (e: SseEvent) =>
    e.event === 'ticket' &&
    (e.data as { ticketId: string }).ticketId === ticketId &&
    (name === undefined || (e.data as { name: string }).name === name);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    base = await listen(t.app);
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  afterAll(() => t.close());

  it('sends a ticket event to the user who may see the ticket, and nothing to a client of another organization', async () => {
    const a = await stream(w.clientA);
    const b = await stream(w.clientB);
    expect(a.headers?.get('content-type')).toMatch(/^text\/event-stream/);
    expect(a.headers?.get('x-accel-buffering')).toBe('no');
    expect(a.headers?.get('cache-control')).toMatch(/no-cache/);

    const ticket = await createTicket(w.clientA, 'Printer on fire');
    const got = await a.next(about(ticket.id));
    expect(got.data).toEqual({
      ticketId: ticket.id,
      number: ticket.number,
      name: 'ticket.created',
      at: t.clock.now().toISOString(),
    });
    expect(got.id).toBe(await eventIdOf('ticket.created', 'ticket_id = $2', [ticket.id]));

    const own = await createTicket(w.clientB, 'Marker');
    await b.next(about(own.id));
    expect(b.events.filter(about(ticket.id))).toEqual([]);
    expect(a.events.filter(about(own.id))).toEqual([]);
  });

  it('follows what the user may see now, not what they could see when the stream opened', async () => {
    const colleague = await t.factory.user({
      role: 'client',
      organizationId: w.orgA.id,
      canViewOrganizationTickets: true,
    });
    const colleagueP = { ...colleague, token: await t.tokenFor(colleague.id) };
    const s = await stream(colleagueP);
    const before = await createTicket(w.clientA, 'Seen organization-wide');
    await s.next(about(before.id));

    await t.db.query('UPDATE users SET can_view_organization_tickets = false WHERE id = $1', [
      colleague.id,
    ]);
    await t.app.get(LiveHub).tick();
    const after = await createTicket(w.clientA, 'No longer theirs to see');
    const own = await createTicket(colleagueP, 'Marker');
    await s.next(about(own.id));
    expect(s.events.filter(about(after.id))).toEqual([]);
  });

  it('tells staff of an internal comment and the requester only of the public one', async () => {
    const ticket = await createTicket(w.clientA);
    const agent = await stream(w.agent);
    const client = await stream(w.clientA);
    const note = await comment(w.agent, ticket.id, true);
    const reply = await comment(w.agent, ticket.id, false);
    const noteEvent = await eventIdOf('ticket.comment_added', "payload->>'commentId' = $2", [
      note.id,
    ]);
    const replyEvent = await eventIdOf('ticket.comment_added', "payload->>'commentId' = $2", [
      reply.id,
    ]);

    await agent.next((e) => e.id === noteEvent);
    await agent.next((e) => e.id === replyEvent);
    await client.next((e) => e.id === replyEvent);
    expect(client.events.map((e) => e.id)).not.toContain(noteEvent);
  });

  it('keeps an edit of staff-only fields among staff', async () => {
    const ticket = await createTicket(w.clientA);
    const client = await stream(w.clientA);
    const agent = await stream(w.agent);
    const current = await t
      .http()
      .get(`/api/v1/tickets/${ticket.id}`)
      .set('Authorization', bearer(w.agent));
    const edit = await t
      .http()
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set('Authorization', bearer(w.agent))
      .send({ version: current.body.version, dueAt: '2026-03-09T09:00:00.000Z' });
    expect(edit.status).toBe(200);
    const editEvent = await eventIdOf('ticket.updated', 'ticket_id = $2', [ticket.id]);
    await agent.next((e) => e.id === editEvent);
    const reply = await comment(w.agent, ticket.id, false);
    await client.next(about(ticket.id, 'ticket.comment_added'));
    expect(client.events.map((e) => e.id)).not.toContain(editEvent);
    expect(reply.id).toBeDefined();
  });

  it('replays what was missed after Last-Event-ID, only what the user may see', async () => {
    const first = await stream(w.clientA);
    const seen = await createTicket(w.clientA);
    const seenEvent = await first.next(about(seen.id));
    first.close();

    const missed = await createTicket(w.clientA, 'Missed while away');
    const others = await createTicket(w.clientB, 'Not theirs');
    const missedReply = await comment(w.agent, missed.id, false);
    const missedNote = await comment(w.agent, missed.id, true);
    const noteEvent = await eventIdOf('ticket.comment_added', "payload->>'commentId' = $2", [
      missedNote.id,
    ]);
    const replyEvent = await eventIdOf('ticket.comment_added', "payload->>'commentId' = $2", [
      missedReply.id,
    ]);

    const again = await stream(w.clientA, base, { 'Last-Event-ID': seenEvent.id });
    const replayed = again.events.filter((e) => e.event === 'ticket').map((e) => e.id);
    expect(replayed).toContain(await eventIdOf('ticket.created', 'ticket_id = $2', [missed.id]));
    expect(replayed).toContain(replyEvent);
    expect(replayed).not.toContain(noteEvent);
    expect(again.events.filter(about(others.id))).toEqual([]);
    // Ids ascend, and the stream resumes from the newest event, whoever's it was.
    expect(replayed).toEqual([...replayed].sort((x, y) => Number(x) - Number(y)));
    expect(BigInt(again.lastEventId)).toBeGreaterThanOrEqual(BigInt(noteEvent));
  });

  it('sends reset when the gap cannot be replayed, and 400 for an id it never gave', async () => {
    const [{ id: latest }] = (await t.db.query('SELECT max(id)::text AS id FROM event_log')) as {
      id: string;
    }[];
    // An id this log does not have (pruned, another database).
    const unknown = await stream(w.clientA, base, {
      'Last-Event-ID': String(BigInt(latest) + 1000n),
    });
    await unknown.next((e) => e.event === 'reset');

    await t.db.query(
      `INSERT INTO event_log (name, payload, created_at) SELECT 'test.noise', '{}', $1 FROM generate_series(1, 201)`,
      [t.clock.now()],
    );
    const tooMany = await stream(w.clientA, base, { 'Last-Event-ID': latest });
    await tooMany.next((e) => e.event === 'reset');
    expect(tooMany.events.filter((e) => e.event === 'ticket')).toEqual([]);

    const res = await fetch(base, {
      headers: { Authorization: bearer(w.clientA), 'Last-Event-ID': 'abc' },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(((await res.json()) as { errors: { field: string }[] }).errors).toEqual([
      expect.objectContaining({ field: 'Last-Event-ID' }),
    ]);
  });

  it('pushes the bell when the fan-out has notified the user, and to their other tabs when they read it', async () => {
    const unread = async () =>
      (
        await t
          .http()
          .get('/api/v1/me/notifications/unread-count')
          .set('Authorization', bearer(w.dispatcher))
      ).body.unread as number;
    const tab1 = await stream(w.dispatcher);
    const tab2 = await stream(w.dispatcher);
    const before = await unread();
    // No group: the dispatchers hear of the new ticket.
    await createTicket(w.clientA, 'Ring the bell');
    await t.drainNotifications();
    const now = await unread();
    expect(now).toBeGreaterThan(before);
    await tab1.next(
      (e) => e.event === 'notification' && (e.data as { unread: number }).unread === now,
    );
    await tab2.next(
      (e) => e.event === 'notification' && (e.data as { unread: number }).unread === now,
    );

    const read = await t
      .http()
      .post('/api/v1/me/notifications/read-all')
      .set('Authorization', bearer(w.dispatcher));
    expect(read.body).toEqual({ unread: 0 });
    await tab2.next(
      (e) => e.event === 'notification' && (e.data as { unread: number }).unread === 0,
    );
  });

  it('is refused without a token', async () => {
    const res = await fetch(base);
    expect(res.status).toBe(401);
  });

  it('ends the stream when the access token expires and when the session is revoked', async () => {
    const hub = t.app.get(LiveHub);
    const [{ id: sid }] = (await t.db.query(
      'INSERT INTO auth_sessions (user_id) VALUES ($1) RETURNING id',
      [w.agent.id],
    )) as { id: string }[];
    const shortToken = await t.app
      .get(JwtService)
      .signAsync(
        { sub: w.agent.id, sid, iat: Math.floor(t.clock.now().getTime() / 1000) },
        { secret: TEST_JWT_SECRET, expiresIn: 600, algorithm: 'HS256' },
      );
    const expiring = await stream({ token: shortToken });
    const revoked = await stream(w.clientA2);
    const staying = await stream(w.clientB);

    await hub.tick();
    expect(expiring.ended).toBe(false);
    await until(() => staying.comments > 0); // the heartbeat comment

    t.clock.advance(601_000);
    await t.db.query(`UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1`, [
      w.clientA2.id,
    ]);
    await hub.tick();
    await expiring.whenEnded();
    await revoked.whenEnded();
    expect(expiring.events.at(-1)).toMatchObject({ event: 'closed', data: { reason: 'expired' } });
    expect(revoked.events.at(-1)).toMatchObject({
      event: 'closed',
      data: { reason: 'session_ended' },
    });
    expect(staying.ended).toBe(false);
  });

  it(`keeps at most ${MAX_STREAMS_PER_USER} streams per user, closing the oldest`, async () => {
    const streams: SseReader[] = [];
    for (let i = 0; i <= MAX_STREAMS_PER_USER; i++) streams.push(await stream(w.dispatcher));
    await streams[0].whenEnded();
    expect(streams[0].events.at(-1)).toMatchObject({ data: { reason: 'replaced' } });
    expect(streams.slice(1).every((s) => !s.ended)).toBe(true);
  });
  it('carries an event published through one instance to a client connected to another', async () => {
    const other = await t.secondInstance();
    const otherUrl = await listen(other);
    const client = await stream(w.clientA, otherUrl);
    const ticket = await createTicket(w.clientA, 'Through instance A'); // t.http() is instance A
    const got = await client.next(about(ticket.id));
    expect((got.data as { number: number }).number).toBe(ticket.number);

    // Shutting instance B down ends its streams with a reason, so clients reconnect elsewhere.
    // (Last in this file: passport's strategy is process-global, and the second instance's
    // replaces the first one's, so requests after this close would reach a closed pool.)
    await other.close();
    await client.whenEnded();
    expect(client.events.at(-1)).toMatchObject({ event: 'closed', data: { reason: 'shutdown' } });
  });
});

/** Polls a condition the test cannot await directly (a frame arriving on a socket). */
async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
