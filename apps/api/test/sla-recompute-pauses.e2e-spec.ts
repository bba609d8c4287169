import { SlaSweepService } from '../src/modules/tickets/ticket-sla-sweep.service';
import { bearer, buildWorld, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

/** Tuesday 2026-03-03 (UTC) at `hh:mm`; `day` moves to the following days. */
const tue = (hhmm: string, day = 0) => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(2026, 2, 3 + day, h, m)).toISOString();
};

/**
 * Issue 16, review F4: a recompute (here a priority change) decides again, against the new
 * dues, which stops of the clocks count, and measures them on the new policy's calendar. A stop
 * counts for a clock only if it began before that clock's due, as when the stop ended.
 * Policies: urgent 30 min / 8 h and everything else 4 h / 16 h around the clock, low 3 h / 8 h in
 * an office open 09:00–12:30 UTC every day. Time moves only with the test's clock.
 */
describe('SLA: a recompute replays the stops of the clocks', () => {
  let t: TestApp;
  let w: World;
  const api = (who: { token: string }) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', bearer(who)),
    post: (path: string, body: object = {}) =>
      t.http().post(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
  });

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const day = (hours: { start: string; end: string }[]) => ({
      mon: hours,
      tue: hours,
      wed: hours,
      thu: hours,
      fri: hours,
      sat: hours,
      sun: hours,
    });
    const always = await api(w.admin).post('/sla/calendars', {
      name: 'Around the clock',
      timeZone: 'UTC',
      week: day([{ start: '00:00', end: '24:00' }]),
    });
    expect(always.status).toBe(201);
    const office = await api(w.admin).post('/sla/calendars', {
      name: 'Short mornings',
      timeZone: 'UTC',
      week: day([{ start: '09:00', end: '12:30' }]),
    });
    expect(office.status).toBe(201);
    const policies = [
      { name: 'Urgent', calendarId: always.body.id, priorities: ['urgent'], first: 1800, res: 8 },
      { name: 'Low', calendarId: office.body.id, priorities: ['low'], first: 3 * 3600, res: 8 },
      { name: 'Standard', calendarId: always.body.id, priorities: [], first: 4 * 3600, res: 16 },
    ];
    for (const [position, p] of policies.entries()) {
      const res = await api(w.admin).post('/sla/policies', {
        name: p.name,
        position,
        calendarId: p.calendarId,
        conditions: { priorities: p.priorities },
        firstResponseSeconds: p.first,
        resolutionSeconds: p.res * 3600,
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => t.close());

  /** A ticket filed Tuesday 10:00 with `priority`, assigned (so it is in progress). */
  const create = async (priority: string) => {
    t.clock.set(tue('10:00'));
    const res = await api(w.dispatcher).post('/tickets', {
      subject: `Replay ${Math.random()}`,
      priority,
      assigneeId: w.agent.id,
      groupId: w.group.id,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  };
  const version = async (id: string) => (await api(w.admin).get(`/tickets/${id}`)).body.version;
  const move = async (id: string, to: string, at: string) => {
    t.clock.set(at);
    const res = await api(w.dispatcher).post(`/tickets/${id}/transitions`, {
      to,
      version: await version(id),
      ...(to === 'needs_clarification' ? { postponeUntil: '2026-03-20T09:00:00Z' } : {}),
    });
    expect(res.status).toBe(200);
    return res.body.sla as Record<string, unknown>;
  };
  /** Stops the clocks from `from` to `to`. */
  const stop = async (id: string, from: string, to: string) => {
    await move(id, 'needs_clarification', from);
    await move(id, 'in_progress', to);
  };
  const reprioritize = async (id: string, priority: string, at: string) => {
    t.clock.set(at);
    const res = await api(w.dispatcher).patch(`/tickets/${id}`, {
      version: await version(id),
      priority,
    });
    expect(res.status).toBe(200);
    return res.body.sla as Record<string, unknown>;
  };
  const row = async (id: string) =>
    (
      (await t.db.query(
        `SELECT sla_pauses, sla_paused_seconds, sla_first_response_paused_seconds,
                sla_resolution_paused_seconds FROM tickets WHERE id = $1`,
        [id],
      )) as Record<string, unknown>[]
    )[0];

  const dues = async (id: string) =>
    (
      (await t.db.query(
        `SELECT first_response_due_at, first_response_remind_at, resolution_due_at,
                resolution_remind_at, sla_next_check_at FROM tickets WHERE id = $1`,
        [id],
      )) as Record<string, unknown>[]
    )[0];

  it('a shorter target: a stop that began after the new due does not move it, and the breach is at the due', async () => {
    const tk = await create('normal');
    await stop(tk.id, tue('12:00'), tue('13:00'));
    // 4 h counted the stop: due 15:00.
    expect((await api(w.admin).get(`/tickets/${tk.id}`)).body.sla).toMatchObject({
      firstResponseDueAt: tue('15:00'),
    });
    const sla = await reprioritize(tk.id, 'urgent', tue('13:30'));
    expect(sla).toMatchObject({
      policy: { name: 'Urgent' },
      // 30 minutes ran out at 10:30, before the stop began.
      firstResponseDueAt: tue('10:30'),
      // 8 h were still running at 12:00: 18:00 plus the hour.
      resolutionDueAt: tue('19:00'),
    });
    await t.app.get(SlaSweepService).runDue();
    const detail = (await api(w.admin).get(`/tickets/${tk.id}`)).body.sla;
    expect(detail.firstResponseBreachedAt).toBe(tue('10:30'));
    expect(await row(tk.id)).toEqual({
      sla_pauses: [[tue('12:00'), tue('13:00')]],
      sla_paused_seconds: 3600,
      sla_first_response_paused_seconds: 0,
      sla_resolution_paused_seconds: 3600,
    });
  });

  it('a longer target: a stop that did not count begins before the new due and counts', async () => {
    const tk = await create('urgent');
    await stop(tk.id, tue('12:00'), tue('13:00'));
    expect((await api(w.admin).get(`/tickets/${tk.id}`)).body.sla).toMatchObject({
      firstResponseDueAt: tue('10:30'),
      resolutionDueAt: tue('19:00'),
    });
    const sla = await reprioritize(tk.id, 'normal', tue('13:30'));
    expect(sla).toMatchObject({
      policy: { name: 'Standard' },
      firstResponseDueAt: tue('15:00'),
      resolutionDueAt: tue('03:00', 1),
    });
  });

  it('another calendar: the stop is measured on the new policy’s business hours', async () => {
    const tk = await create('normal');
    await stop(tk.id, tue('12:00'), tue('13:00'));
    const sla = await reprioritize(tk.id, 'low', tue('13:30'));
    // Office 09:00–12:30: of the stop only 12:00–12:30 is business time. 3 h + 30 min from
    // Tuesday 10:00: 2.5 h on Tuesday, 1 h on Wednesday; 8.5 h: 2.5 + 3.5 + 2.5.
    expect(sla).toMatchObject({
      policy: { name: 'Low' },
      firstResponseDueAt: tue('10:00', 1),
      resolutionDueAt: tue('11:30', 2),
    });
    expect(await row(tk.id)).toMatchObject({
      sla_paused_seconds: 1800,
      sla_first_response_paused_seconds: 1800,
      sla_resolution_paused_seconds: 1800,
    });
  });

  it('a stop still open during the recompute stays open and is counted against the new dues when it ends', async () => {
    const tk = await create('normal');
    await stop(tk.id, tue('12:00'), tue('13:00'));
    await move(tk.id, 'needs_clarification', tue('13:15'));
    const during = await reprioritize(tk.id, 'urgent', tue('13:30'));
    expect(during).toMatchObject({
      pausedAt: tue('13:15'),
      firstResponseDueAt: tue('10:30'),
      resolutionDueAt: tue('19:00'),
    });
    const resumed = await move(tk.id, 'in_progress', tue('14:15'));
    // 10:30 had come at 13:15; 19:00 had not.
    expect(resumed).toMatchObject({
      pausedAt: null,
      firstResponseDueAt: tue('10:30'),
      resolutionDueAt: tue('20:00'),
    });
    expect((await row(tk.id)).sla_pauses).toEqual([
      [tue('12:00'), tue('13:00')],
      [tue('13:15'), tue('14:15')],
    ]);
    // Back to 4 h: the due is 14:00 plus both stops, as both began before it.
    const back = await reprioritize(tk.id, 'normal', tue('14:30'));
    expect(back).toMatchObject({ firstResponseDueAt: tue('16:00') });
  });

  it('a recompute that changes nothing keeps the dues, with a stop at the due instant and one past it', async () => {
    const tk = await create('urgent');
    // Begins at the first response due (10:30): counts only for resolution; so does the next.
    await stop(tk.id, tue('10:30'), tue('11:00'));
    await stop(tk.id, tue('12:00'), tue('13:00'));
    const before = (await api(w.admin).get(`/tickets/${tk.id}`)).body.sla;
    expect(before).toMatchObject({
      firstResponseDueAt: tue('10:30'),
      resolutionDueAt: tue('19:30'),
    });
    const rowBefore = await row(tk.id);
    const duesBefore = await dues(tk.id);
    // An organization edit recomputes; the Urgent policy still applies, so nothing may move.
    const org = await t.factory.organization();
    t.clock.set(tue('13:30'));
    const res = await api(w.dispatcher).patch(`/tickets/${tk.id}`, {
      version: await version(tk.id),
      organizationId: org.id,
    });
    expect(res.status).toBe(200);
    expect(res.body.sla).toMatchObject({
      policy: { name: 'Urgent' },
      firstResponseDueAt: before.firstResponseDueAt,
      resolutionDueAt: before.resolutionDueAt,
    });
    expect(await row(tk.id)).toEqual(rowBefore);
    expect(await dues(tk.id)).toEqual(duesBefore);
    expect(rowBefore.sla_pauses).toHaveLength(2);
  });

  it('a ticket whose stops before the upgrade are unknown keeps its stored seconds', async () => {
    const tk = await create('normal');
    await stop(tk.id, tue('12:00'), tue('13:00'));
    // What migration 1765530000010 leaves on a ticket that had already stood still.
    await t.db.query('UPDATE tickets SET sla_pauses = NULL WHERE id = $1', [tk.id]);
    const sla = await reprioritize(tk.id, 'urgent', tue('13:30'));
    // As before the replay: the hour counted against 4 h stays counted.
    expect(sla).toMatchObject({ firstResponseDueAt: tue('11:30'), resolutionDueAt: tue('19:00') });
    await stop(tk.id, tue('13:45'), tue('14:00'));
    expect(await row(tk.id)).toMatchObject({ sla_pauses: null, sla_paused_seconds: 4500 });
  });
});
