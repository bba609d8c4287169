import { SlaService } from '../src/modules/sla/sla.service';
import { SlaSweepService } from '../src/modules/tickets/ticket-sla-sweep.service';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';
import { Ticket } from '../src/modules/tickets/entities/ticket.entity';

const MIN = 60_000;
/** Monday 2026-03-02 12:00 in Moscow (UTC+3, no DST). */
const MONDAY_NOON_MSK = '2026-03-02T09:00:00Z';

/**
 * SLA on business hours end to end: policies pick deadlines in a Moscow calendar, priority
 * changes recompute them, pausing statuses shift them, the first public reply stops the first
 * clock, and the sweep sends each reminder, breach and escalation exactly once with two API
 * instances. Time moves only with the test's clock.
 */
describe('SLA', () => {
  let t: TestApp;
  let w: World;
  let lead: Persona;
  let calendarId: string;
  const sweep = () => t.app.get(SlaSweepService).runDue();

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
    t.clock.set(MONDAY_NOON_MSK);
    // A supervisor is told of a breach only on a ticket they may see: this lead sees them all.
    const u = await t.factory.user({ role: 'agent', name: 'Lead', canViewAll: true });
    lead = { id: u.id, email: u.email, token: await t.tokenFor(u.id) };
    const group = await api(w.admin).get(`/groups/${w.group.id}`);
    const patched = await api(w.admin).patch(`/groups/${w.group.id}`, {
      version: group.body.version,
      leadId: lead.id,
    });
    expect(patched.status).toBe(200);
    expect(patched.body.leadId).toBe(lead.id);

    const nine = [{ start: '09:00', end: '18:00' }];
    const cal = await api(w.admin).post('/sla/calendars', {
      name: 'Moscow office',
      timeZone: 'Europe/Moscow',
      week: { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine },
      holidays: ['2026-03-09'],
    });
    expect(cal.status).toBe(201);
    calendarId = cal.body.id;
    const fast = await api(w.admin).post('/sla/policies', {
      name: 'High and urgent',
      position: 0,
      calendarId,
      conditions: { priorities: ['high', 'urgent'] },
      firstResponseSeconds: 3600,
      resolutionSeconds: 4 * 3600,
    });
    expect(fast.status).toBe(201);
    expect(fast.body.reminderPercent).toBe(75);
    const standard = await api(w.admin).post('/sla/policies', {
      name: 'Standard',
      position: 1,
      calendarId,
      firstResponseSeconds: 4 * 3600,
      resolutionSeconds: 16 * 3600,
    });
    expect(standard.status).toBe(201);
  });
  afterAll(() => t.close());

  beforeEach(() => t.clock.set(MONDAY_NOON_MSK));

  const create = async (body: Record<string, unknown>, who: Persona = w.dispatcher) => {
    const res = await api(who).post('/tickets', { subject: `SLA ${Math.random()}`, ...body });
    expect(res.status).toBe(201);
    return res.body as {
      id: string;
      version: number;
      sla: Record<string, unknown> & { policy: { name: string } | null };
    };
  };
  const sla = async (id: string) => (await api(w.admin).get(`/tickets/${id}`)).body.sla;

  describe('admin API', () => {
    it('refuses a bad zone, reversed hours and a week without work with field errors', async () => {
      const res = await api(w.admin).post('/sla/calendars', {
        name: 'Broken',
        timeZone: 'Mars/Olympus',
        week: { mon: [{ start: '18:00', end: '09:00' }] },
        holidays: ['2026-02-30'],
      });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['timeZone', 'week.mon', 'holidays.0']));
      const empty = await api(w.admin).post('/sla/calendars', {
        name: 'Nothing',
        timeZone: 'UTC',
        week: {},
      });
      expect(empty.status).toBe(422);
      expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'week' })]);
    });

    it('refuses unknown fields (400) and a policy without targets or calendar (422)', async () => {
      const unknown = await api(w.admin).post('/sla/policies', { name: 'X', calendarId, foo: 1 });
      expect(unknown.status).toBe(400);
      const bad = await api(w.admin).post('/sla/policies', {
        name: 'X',
        calendarId: '00000000-0000-4000-8000-000000000000',
      });
      expect(bad.status).toBe(422);
      const fields = (bad.body.errors as { field: string }[]).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['calendarId', 'resolutionSeconds']));
    });

    it('uses optimistic versions', async () => {
      const cal = await api(w.admin).get(`/sla/calendars/${calendarId}`);
      expect(cal.body.week.mon).toEqual([{ start: '09:00', end: '18:00' }]);
      expect(cal.body.week.sat).toEqual([]);
      const stale = await api(w.admin).patch(`/sla/calendars/${calendarId}`, {
        version: cal.body.version + 5,
        name: 'Renamed',
      });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(cal.body.version);
      const ok = await api(w.admin).patch(`/sla/calendars/${calendarId}`, {
        version: cal.body.version,
        name: 'Moscow office (MSK)',
      });
      expect(ok.status).toBe(200);
      expect(ok.body.version).toBe(cal.body.version + 1);
      const policies = await api(w.admin).get('/sla/policies');
      expect(policies.body.map((p: { name: string }) => p.name)).toEqual([
        'High and urgent',
        'Standard',
      ]);
    });

    it('is for admins only', async () => {
      expect((await api(w.dispatcher).get('/sla/policies')).status).toBe(403);
      expect((await api(w.agent).get('/sla/calendars')).status).toBe(403);
    });
  });

  describe('deadlines', () => {
    it('a new ticket gets the matching policy’s deadlines in business time', async () => {
      const tk = await create({ priority: 'high' });
      expect(tk.sla).toEqual({
        policy: { id: expect.any(String), name: 'High and urgent' },
        firstResponseDueAt: '2026-03-02T10:00:00.000Z', // 13:00 MSK
        firstResponseBreachedAt: null,
        resolutionDueAt: '2026-03-02T13:00:00.000Z', // 16:00 MSK
        resolutionBreachedAt: null,
        pausedAt: null,
      });
      const list = await api(w.dispatcher).get('/tickets?view=open&limit=200');
      const row = list.body.items.find((i: { id: string }) => i.id === tk.id);
      expect(row.sla.resolutionDueAt).toBe('2026-03-02T13:00:00.000Z');
    });

    it('a priority change picks the policy again and recomputes', async () => {
      const tk = await create({ priority: 'high' });
      t.clock.advance(30 * MIN);
      const res = await api(w.dispatcher).patch(`/tickets/${tk.id}`, {
        version: tk.version,
        priority: 'normal',
      });
      expect(res.status).toBe(200);
      expect(res.body.sla).toMatchObject({
        policy: { name: 'Standard' },
        firstResponseDueAt: '2026-03-02T13:00:00.000Z', // created 12:00 MSK + 4 h
        // 6 h on Monday, 9 h on Tuesday, 1 h on Wednesday: 10:00 MSK
        resolutionDueAt: '2026-03-04T07:00:00.000Z',
      });
    });

    it('a pausing status stops the clocks and resuming shifts them by the business time paused', async () => {
      const tk = await create({ priority: 'high' });
      t.clock.advance(30 * MIN);
      const paused = await api(w.dispatcher).post(`/tickets/${tk.id}/transitions`, {
        to: 'needs_clarification',
        version: tk.version,
        postponeUntil: '2026-03-20T09:00:00Z',
      });
      expect(paused.status).toBe(200);
      expect(paused.body.sla.pausedAt).toBe('2026-03-02T09:30:00.000Z');
      // Paused from Monday 12:30 to Tuesday 11:30 MSK: 5.5 h + 2.5 h = 8 business hours.
      t.clock.set('2026-03-03T08:30:00Z');
      const resumed = await api(w.dispatcher).post(`/tickets/${tk.id}/transitions`, {
        to: 'in_progress',
        version: paused.body.version,
      });
      expect(resumed.status).toBe(200);
      expect(resumed.body.sla).toMatchObject({
        pausedAt: null,
        firstResponseDueAt: '2026-03-03T09:00:00.000Z', // Tue 12:00 MSK
        resolutionDueAt: '2026-03-03T12:00:00.000Z', // Tue 15:00 MSK
      });
      // Nothing was due while it was paused, and nothing fires before the new deadlines.
      t.clock.set('2026-03-03T08:55:00Z');
      await sweep();
      expect(await sla(tk.id)).toMatchObject({ firstResponseBreachedAt: null });
    });

    it('two pauses on one ticket: the deadlines move by both paused spans', async () => {
      const tk = await create({ priority: 'high' });
      const move = async (to: string, version: number, at: string) => {
        t.clock.set(at);
        const res = await api(w.dispatcher).post(`/tickets/${tk.id}/transitions`, {
          to,
          version,
          ...(to === 'needs_clarification' ? { postponeUntil: '2026-03-20T09:00:00Z' } : {}),
        });
        expect(res.status).toBe(200);
        return res.body as { version: number; sla: Record<string, unknown> };
      };
      // First pause: Monday 12:30 to 13:30 MSK, one business hour.
      let v = (await move('needs_clarification', tk.version, '2026-03-02T09:30:00Z')).version;
      const first = await move('in_progress', v, '2026-03-02T10:30:00Z');
      expect(first.sla).toMatchObject({
        pausedAt: null,
        firstResponseDueAt: '2026-03-02T11:00:00.000Z', // Mon 14:00 MSK
        resolutionDueAt: '2026-03-02T14:00:00.000Z', // Mon 17:00 MSK
      });
      // Second pause: Monday 13:45 to Tuesday 10:15 MSK, 4.25 h + 1.25 h = 5.5 business hours.
      v = (await move('needs_clarification', first.version, '2026-03-02T10:45:00Z')).version;
      const second = await move('in_progress', v, '2026-03-03T07:15:00Z');
      // 1 h + 6.5 h paused = 7.5 h from Monday 12:00: 6 h on Monday, 1.5 h on Tuesday.
      expect(second.sla).toMatchObject({
        pausedAt: null,
        firstResponseDueAt: '2026-03-03T07:30:00.000Z', // Tue 10:30 MSK
        resolutionDueAt: '2026-03-03T10:30:00.000Z', // 4 h + 6.5 h: Tue 13:30 MSK
      });
      const [row] = (await t.db.query('SELECT sla_paused_seconds FROM tickets WHERE id = $1', [
        tk.id,
      ])) as { sla_paused_seconds: number }[];
      expect(row.sla_paused_seconds).toBe(6.5 * 3600);

      // The sweep agrees: no breach a minute before the moved deadline, one at it.
      t.clock.set('2026-03-03T07:29:00Z');
      await sweep();
      expect(await sla(tk.id)).toMatchObject({ firstResponseBreachedAt: null });
      t.clock.set('2026-03-03T07:30:00Z');
      await sweep();
      expect(await sla(tk.id)).toMatchObject({
        firstResponseBreachedAt: '2026-03-03T07:30:00.000Z',
        resolutionBreachedAt: null,
      });
    });

    it('a reopen after resolve resumes the clocks: resolved time does not count, a recorded breach stays', async () => {
      const tk = await create({ priority: 'high' });
      // No reply: the first-response clock breaches at Monday 13:00 MSK.
      t.clock.set('2026-03-02T10:20:00Z');
      await sweep();
      expect(await sla(tk.id)).toMatchObject({
        firstResponseBreachedAt: '2026-03-02T10:00:00.000Z',
      });
      const resolved = await api(w.dispatcher).post(`/tickets/${tk.id}/transitions`, {
        to: 'resolved',
        version: tk.version,
      });
      expect(resolved.status).toBe(200);
      expect(resolved.body.sla).toMatchObject({
        pausedAt: '2026-03-02T10:20:00.000Z',
        resolutionDueAt: '2026-03-02T13:00:00.000Z',
      });
      // Resolved time is not counted: nothing breaches while it stays resolved.
      t.clock.set('2026-03-03T06:00:00Z');
      await sweep();
      expect(await sla(tk.id)).toMatchObject({ resolutionBreachedAt: null });

      // Reopened Tuesday 10:00 MSK: resolved from Monday 13:20 MSK, 4 h 40 min + 1 h.
      t.clock.set('2026-03-03T07:00:00Z');
      const reopened = await api(w.dispatcher).post(`/tickets/${tk.id}/transitions`, {
        to: 'open',
        version: resolved.body.version,
      });
      expect(reopened.status).toBe(200);
      expect(reopened.body.sla).toMatchObject({
        pausedAt: null,
        // 4 h + 5 h 40 min from Monday 12:00: 6 h on Monday, 3 h 40 min on Tuesday.
        resolutionDueAt: '2026-03-03T09:40:00.000Z', // Tue 12:40 MSK
        firstResponseBreachedAt: '2026-03-02T10:00:00.000Z',
        resolutionBreachedAt: null,
      });
      t.clock.set('2026-03-03T09:39:00Z');
      await sweep();
      expect(await sla(tk.id)).toMatchObject({ resolutionBreachedAt: null });
      t.clock.set('2026-03-03T09:40:00Z');
      await sweep();
      expect(await sla(tk.id)).toMatchObject({
        firstResponseBreachedAt: '2026-03-02T10:00:00.000Z',
        resolutionBreachedAt: '2026-03-03T09:40:00.000Z',
      });
      const breaches = (await t.db.query(
        `SELECT new_value->>'clock' AS clock, count(*)::int AS n FROM ticket_events
          WHERE ticket_id = $1 AND kind = 'sla_breached' GROUP BY 1 ORDER BY 1`,
        [tk.id],
      )) as { clock: string; n: number }[];
      expect(breaches).toEqual([
        { clock: 'first_response', n: 1 },
        { clock: 'resolution', n: 1 },
      ]);
    });

    it('the same deadline after a restart: a fresh instance computes the same', async () => {
      const tk = await create({ priority: 'urgent' });
      const before = await sla(tk.id);
      const other = await t.secondInstance();
      await t.db.transaction(async (em) =>
        other
          .get(SlaService)
          .recompute(em, await em.findOneByOrFail(Ticket, { id: tk.id }), t.clock.now()),
      );
      expect(await sla(tk.id)).toEqual(before);
    });
  });

  describe('the sweep', () => {
    // The fan-out turns the sweep's events into notifications after their commit; the tickets'
    // other news (ticket_new, ...) is not the sweep's.
    const notificationsOf = async (ticketIds: string[]) => {
      await t.drainNotifications();
      return (await t.db.query(
        `SELECT ticket_id, user_id, kind, data->>'clock' AS clock FROM notifications
          WHERE ticket_id = ANY($1) AND kind LIKE 'sla\_%' ORDER BY kind, ticket_id`,
        [ticketIds],
      )) as { ticket_id: string; user_id: string; kind: string; clock: string }[];
    };

    it('reminds at 75 %, records the breach and escalates at the deadline, each once with two instances', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        const tk = await create({ priority: 'high', assigneeId: w.agent.id, groupId: w.group.id });
        ids.push(tk.id);
      }
      const second = await t.secondInstance();
      const both = () =>
        Promise.all([t.app.get(SlaSweepService).runDue(3), second.get(SlaSweepService).runDue(3)]);

      t.clock.set('2026-03-02T09:44:00Z'); // before 75 % of the first hour
      await both();
      expect(await notificationsOf(ids)).toEqual([]);

      t.clock.set('2026-03-02T09:45:00Z'); // 75 % of the first-response hour
      await both();
      let n = await notificationsOf(ids);
      expect(n).toHaveLength(12);
      expect(n.every((x) => x.kind === 'sla_reminder' && x.user_id === w.agent.id)).toBe(true);

      t.clock.set('2026-03-02T10:00:00Z'); // the first-response deadline
      await both();
      n = await notificationsOf(ids);
      expect(n.filter((x) => x.kind === 'sla_breached')).toHaveLength(12);
      const escalations = n.filter((x) => x.kind === 'sla_escalated');
      expect(escalations).toHaveLength(12);
      expect(escalations.every((x) => x.user_id === lead.id && x.clock === 'first_response')).toBe(
        true,
      );
      const history = (await t.db.query(
        `SELECT ticket_id, count(*)::int AS n FROM ticket_events
          WHERE ticket_id = ANY($1) AND kind = 'sla_breached' GROUP BY ticket_id`,
        [ids],
      )) as { n: number }[];
      expect(history).toHaveLength(12);
      expect(history.every((h) => h.n === 1)).toBe(true);
      expect(await sla(ids[0])).toMatchObject({
        firstResponseBreachedAt: '2026-03-02T10:00:00.000Z',
        resolutionBreachedAt: null,
      });

      // Past both resolution times at once: the breach, and no late reminder.
      t.clock.set('2026-03-02T13:30:00Z');
      await both();
      await both();
      n = await notificationsOf(ids);
      expect(n).toHaveLength(12 * 5);
      expect(n.filter((x) => x.kind === 'sla_escalated' && x.clock === 'resolution')).toHaveLength(
        12,
      );
      expect(await sla(ids[0])).toMatchObject({
        resolutionBreachedAt: '2026-03-02T13:00:00.000Z',
      });
      const pending = (await t.db.query(
        'SELECT count(*)::int AS n FROM tickets WHERE id = ANY($1) AND sla_next_check_at IS NOT NULL',
        [ids],
      )) as { n: number }[];
      expect(pending[0].n).toBe(0);
    });

    it('an unassigned ticket reminds its group; without a group lead the assignee’s department head is the supervisor', async () => {
      const unassigned = await create({ priority: 'high', groupId: w.group.id });
      const member = await create({ priority: 'high', assigneeId: w.departmentMember.id });
      t.clock.set('2026-03-02T10:05:00Z');
      await sweep();
      const rows = await notificationsOf([unassigned.id, member.id]);
      const of = (ticketId: string, kind: string) =>
        rows.filter((r) => r.ticket_id === ticketId && r.kind === kind).map((r) => r.user_id);
      expect(of(unassigned.id, 'sla_breached')).toEqual([w.agent.id]);
      expect(of(unassigned.id, 'sla_escalated')).toEqual([lead.id]);
      expect(of(member.id, 'sla_breached')).toEqual([w.departmentMember.id]);
      expect(of(member.id, 'sla_escalated')).toEqual([w.departmentHead.id]);
    });

    it('the first public staff reply stops the first-response clock', async () => {
      const tk = await create({ priority: 'high', assigneeId: w.agent.id });
      t.clock.advance(10 * MIN);
      const reply = await api(w.agent).post(`/tickets/${tk.id}/comments`, {
        body: 'Looking into it',
        internal: false,
      });
      expect(reply.status).toBe(201);
      t.clock.set('2026-03-02T10:30:00Z');
      await sweep();
      expect(await sla(tk.id)).toMatchObject({ firstResponseBreachedAt: null });
      expect(await notificationsOf([tk.id])).toEqual([]);
    });

    it('resolving before the deadline meets it; resolving late still records the breach', async () => {
      const onTime = await create({ priority: 'high', assigneeId: w.agent.id });
      const late = await create({ priority: 'high', assigneeId: w.agent.id });
      t.clock.set('2026-03-02T09:30:00Z');
      await api(w.agent).post(`/tickets/${onTime.id}/comments`, { body: 'Done', internal: false });
      const resolved = await api(w.dispatcher).post(`/tickets/${onTime.id}/transitions`, {
        to: 'resolved',
        version: onTime.version,
      });
      expect(resolved.status).toBe(200);
      expect(resolved.body.sla.pausedAt).toBe('2026-03-02T09:30:00.000Z');
      t.clock.set('2026-03-02T10:20:00Z'); // the late one resolves after its first-response deadline
      await api(w.dispatcher).post(`/tickets/${late.id}/transitions`, {
        to: 'resolved',
        version: late.version,
      });
      t.clock.set('2026-03-02T15:00:00Z');
      await sweep();
      expect(await sla(onTime.id)).toMatchObject({
        firstResponseBreachedAt: null,
        resolutionBreachedAt: null,
      });
      expect(await sla(late.id)).toMatchObject({
        firstResponseBreachedAt: '2026-03-02T10:00:00.000Z',
        resolutionBreachedAt: null,
      });
    });
  });

  describe('queues', () => {
    it('the Overdue queue and due filters use the SLA deadline when no manual due date is set', async () => {
      const slaOnly = await create({ priority: 'high' });
      const manualLater = await create({ priority: 'high', dueAt: '2026-03-10T09:00:00Z' });
      t.clock.set('2026-03-02T14:00:00Z'); // after 16:00 MSK
      const overdue = await api(w.dispatcher).get('/tickets?view=overdue&limit=200');
      const ids = overdue.body.items.map((i: { id: string }) => i.id);
      expect(ids).toContain(slaOnly.id);
      expect(ids).not.toContain(manualLater.id);
      const counts = await api(w.dispatcher).get('/tickets/counts');
      expect(counts.body.overdue).toBeGreaterThanOrEqual(1);
      const dueRange = await api(w.dispatcher).get(
        '/tickets?dueFrom=2026-03-02T12:59:00Z&dueTo=2026-03-02T13:01:00Z&limit=200',
      );
      expect(dueRange.body.items.map((i: { id: string }) => i.id)).toContain(slaOnly.id);
    });
  });

  describe('notifications', () => {
    it('lists your own, newest first, with unread filter, count, read and read-all; others’ are 404', async () => {
      const tk = await create({
        priority: 'high',
        assigneeId: w.otherAgent.id,
        groupId: w.otherGroup.id,
      });
      const insert = (userId: string, at: string, ticketId: string | null = tk.id) =>
        t.db.query(
          `INSERT INTO notifications (user_id, kind, ticket_id, data, created_at)
           VALUES ($1, 'sla_reminder', $2, '{"clock":"resolution"}', $3) RETURNING id`,
          [userId, ticketId, at],
        ) as Promise<{ id: string }[]>;
      const [first] = await insert(w.otherAgent.id, '2026-03-02T09:01:00Z');
      const [second] = await insert(w.otherAgent.id, '2026-03-02T09:02:00Z');
      const [third] = await insert(w.otherAgent.id, '2026-03-02T09:03:00Z');
      // `agent` cannot see the ticket (another assignee and group): its notification is hidden.
      const [hidden] = await insert(w.agent.id, '2026-03-02T09:04:00Z');

      const me = api(w.otherAgent);
      const page1 = await me.get('/me/notifications?limit=2');
      expect(page1.status).toBe(200);
      expect(page1.body.items.map((i: { id: string }) => i.id)).toEqual([third.id, second.id]);
      expect(page1.body.items[0].ticket).toMatchObject({ id: tk.id });
      const page2 = await me.get(
        `/me/notifications?limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`,
      );
      expect(page2.body.items.map((i: { id: string }) => i.id)).toEqual([first.id]);
      expect((await me.get('/me/notifications/unread-count')).body).toEqual({ unread: 3 });

      const read = await me.post(`/me/notifications/${second.id}/read`);
      expect(read.status).toBe(200);
      expect(read.body.readAt).toBe(t.clock.now().toISOString());
      const unread = await me.get('/me/notifications?unread=true');
      expect(unread.body.items.map((i: { id: string }) => i.id)).toEqual([third.id, first.id]);

      expect((await api(w.agent).post(`/me/notifications/${second.id}/read`)).status).toBe(404);
      expect((await api(w.agent).post(`/me/notifications/${hidden.id}/read`)).status).toBe(404);
      const agentSees = await api(w.agent).get('/me/notifications?limit=200');
      expect(agentSees.body.items.map((i: { id: string }) => i.id)).not.toContain(hidden.id);
      const visibleCount = (await t.db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
        [w.agent.id],
      )) as { n: number }[];
      expect((await api(w.agent).get('/me/notifications/unread-count')).body).toEqual({
        unread: visibleCount[0].n - 1,
      });

      const all = await me.post('/me/notifications/read-all');
      expect(all.status).toBe(200);
      expect(all.body).toEqual({ unread: 0 });
      expect((await me.get('/me/notifications/unread-count')).body).toEqual({ unread: 0 });
    });
  });
});
