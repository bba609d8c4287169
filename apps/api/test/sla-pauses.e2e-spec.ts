import { SlaSweepService } from '../src/modules/tickets/ticket-sla-sweep.service';
import { bearer, buildWorld, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

/** Tuesday 2026-03-03 in Prague (CET, UTC+1 until the end of March): `prague('10:00')`. */
const prague = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(2026, 2, 3, h - 1, m)).toISOString();
};
/** Wednesday 2026-03-04 in Prague. */
const wednesday = (h: number, m = 0) => new Date(Date.UTC(2026, 2, 4, h - 1, m)).toISOString();

/**
 * Issue 16, item 7a: a stop of the clocks that begins after a clock's due (or at it) does not move
 * that due. The clock ran out before the stop; its breach is recorded at the due, also when the
 * clocks resume before the next sweep, and a reply during the stop is late. A stop that begins
 * before the due moves it, as before. Prague office hours, first response 60 minutes, resolution
 * 8 hours; time moves only with the test's clock.
 */
describe('SLA: a pause after a clock ran out', () => {
  let t: TestApp;
  let w: World;
  const sweep = () => t.app.get(SlaSweepService).runDue();
  const api = (who: { token: string }) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', bearer(who)),
    post: (path: string, body: object = {}) =>
      t.http().post(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
  });

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const hours = [{ start: '09:00', end: '18:00' }];
    const cal = await api(w.admin).post('/sla/calendars', {
      name: 'Prague office',
      timeZone: 'Europe/Prague',
      week: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
    });
    expect(cal.status).toBe(201);
    const policy = await api(w.admin).post('/sla/policies', {
      name: 'Prague standard',
      position: 0,
      calendarId: cal.body.id,
      firstResponseSeconds: 3600,
      resolutionSeconds: 8 * 3600,
    });
    expect(policy.status).toBe(201);
  });
  afterAll(() => t.close());

  /** A ticket filed Tuesday 10:00 Prague, assigned to the agent. */
  const create = async () => {
    t.clock.set(prague('10:00'));
    const res = await api(w.dispatcher).post('/tickets', {
      subject: `Pause ${Math.random()}`,
      assigneeId: w.agent.id,
      groupId: w.group.id,
    });
    expect(res.status).toBe(201);
    expect(res.body.sla).toMatchObject({
      firstResponseDueAt: prague('11:00'),
      resolutionDueAt: prague('18:00'),
    });
    return res.body as { id: string; version: number };
  };
  /** Moves the ticket to `to` at Prague time `at`; returns its new version and SLA. */
  const move = async (id: string, to: string, version: number, at: string) => {
    t.clock.set(prague(at));
    const res = await api(w.dispatcher).post(`/tickets/${id}/transitions`, {
      to,
      version,
      ...(to === 'needs_clarification' ? { postponeUntil: '2026-03-20T09:00:00Z' } : {}),
    });
    expect(res.status).toBe(200);
    return res.body as { version: number; sla: Record<string, unknown> };
  };
  const sla = async (id: string) => (await api(w.admin).get(`/tickets/${id}`)).body.sla;
  const breachLines = async (id: string) =>
    (await t.db.query(
      `SELECT new_value->>'clock' AS clock, new_value->>'dueAt' AS "dueAt" FROM ticket_events
        WHERE ticket_id = $1 AND kind = 'sla_breached' ORDER BY 1`,
      [id],
    )) as { clock: string; dueAt: string }[];

  it('the issue’s example: paused 11:00–12:00, the due stays 11:00, the breach is recorded at 11:00 and a reply at 11:30 is late', async () => {
    const tk = await create();
    // No sweep between the deadline and the resume: the breach is not on record yet.
    const paused = await move(tk.id, 'needs_clarification', tk.version, '11:00');
    expect(paused.sla).toMatchObject({ pausedAt: prague('11:00'), firstResponseBreachedAt: null });
    t.clock.set(prague('11:30'));
    const reply = await api(w.agent).post(`/tickets/${tk.id}/comments`, {
      body: 'Here is what we found',
      internal: false,
    });
    expect(reply.status).toBe(201);
    const resumed = await move(tk.id, 'in_progress', paused.version, '12:00');
    expect(resumed.sla).toMatchObject({
      pausedAt: null,
      firstResponseDueAt: prague('11:00'),
      // The resolution clock was still running at 11:00: it moves by the paused hour.
      resolutionDueAt: wednesday(10),
    });
    await sweep();
    expect(await sla(tk.id)).toMatchObject({
      firstResponseDueAt: prague('11:00'),
      firstResponseBreachedAt: prague('11:00'),
      resolutionBreachedAt: null,
    });
    expect(await breachLines(tk.id)).toEqual([{ clock: 'first_response', dueAt: prague('11:00') }]);
    const [row] = (await t.db.query(
      `SELECT sla_paused_seconds, sla_first_response_paused_seconds, sla_resolution_paused_seconds
         FROM tickets WHERE id = $1`,
      [tk.id],
    )) as Record<string, number>[];
    expect(row).toEqual({
      sla_paused_seconds: 3600,
      sla_first_response_paused_seconds: 0,
      sla_resolution_paused_seconds: 3600,
    });

    // A later edit that recomputes the deadlines (priority) keeps each clock's own pause.
    t.clock.set(prague('12:30'));
    const current = (await api(w.admin).get(`/tickets/${tk.id}`)).body;
    const edited = await t
      .http()
      .patch(`/api/v1/tickets/${tk.id}`)
      .set('Authorization', bearer(w.dispatcher))
      .send({ version: current.version, priority: 'high' });
    expect(edited.status).toBe(200);
    expect(edited.body.sla).toMatchObject({
      firstResponseDueAt: prague('11:00'),
      resolutionDueAt: wednesday(10),
      firstResponseBreachedAt: prague('11:00'),
    });
  });

  it('a pause that starts exactly at the due instant does not move it either', async () => {
    const tk = await create();
    const paused = await move(tk.id, 'needs_clarification', tk.version, '11:00');
    const resumed = await move(tk.id, 'in_progress', paused.version, '13:00');
    expect(resumed.sla).toMatchObject({
      firstResponseDueAt: prague('11:00'),
      resolutionDueAt: wednesday(11),
    });
    t.clock.set(prague('13:01'));
    await sweep();
    expect(await sla(tk.id)).toMatchObject({ firstResponseBreachedAt: prague('11:00') });
  });

  it('a pause that starts before the due moves it by the paused business time', async () => {
    const tk = await create();
    const paused = await move(tk.id, 'needs_clarification', tk.version, '10:30');
    const resumed = await move(tk.id, 'in_progress', paused.version, '11:30');
    expect(resumed.sla).toMatchObject({
      firstResponseDueAt: prague('12:00'),
      resolutionDueAt: wednesday(10),
    });
    t.clock.set(prague('11:45'));
    const reply = await api(w.agent).post(`/tickets/${tk.id}/comments`, {
      body: 'On it',
      internal: false,
    });
    expect(reply.status).toBe(201);
    t.clock.set(prague('12:30'));
    await sweep();
    expect(await sla(tk.id)).toMatchObject({ firstResponseBreachedAt: null });
    expect(await breachLines(tk.id)).toEqual([]);
  });

  it('a clock already breached when the clocks stopped keeps its due and its one breach; the other moves', async () => {
    const tk = await create();
    t.clock.set(prague('11:05'));
    await sweep();
    expect(await sla(tk.id)).toMatchObject({ firstResponseBreachedAt: prague('11:00') });
    const paused = await move(tk.id, 'needs_clarification', tk.version, '11:10');
    const resumed = await move(tk.id, 'in_progress', paused.version, '14:10');
    expect(resumed.sla).toMatchObject({
      firstResponseDueAt: prague('11:00'),
      firstResponseBreachedAt: prague('11:00'),
      resolutionDueAt: wednesday(12),
    });
    t.clock.set(prague('14:20'));
    await sweep();
    expect(await breachLines(tk.id)).toEqual([{ clock: 'first_response', dueAt: prague('11:00') }]);
  });

  it('a resolution clock that ran out before the ticket was resolved keeps its due after a reopen', async () => {
    const tk = await create();
    // Resolved Wednesday 09:30 Prague, half an hour after the 8-hour deadline (Tuesday 18:00).
    t.clock.set(wednesday(9, 30));
    const resolved = await api(w.dispatcher).post(`/tickets/${tk.id}/transitions`, {
      to: 'resolved',
      version: tk.version,
    });
    expect(resolved.status).toBe(200);
    t.clock.set(wednesday(11));
    const reopened = await api(w.dispatcher).post(`/tickets/${tk.id}/transitions`, {
      to: 'open',
      version: resolved.body.version,
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.sla).toMatchObject({
      pausedAt: null,
      resolutionDueAt: prague('18:00'),
    });
    await sweep();
    expect(await sla(tk.id)).toMatchObject({
      firstResponseBreachedAt: prague('11:00'),
      resolutionBreachedAt: prague('18:00'),
    });
  });
});
