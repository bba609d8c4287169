import { SlaSweepService } from '../src/modules/tickets/ticket-sla-sweep.service';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR = 3_600_000;

/**
 * Issue 16, item 8: the status category `informational` (PayDox's "Информационное"). A ticket in
 * it is kept for the record: never overdue, not open work (out of the work queues and their
 * counts), its SLA clocks stopped; `all` and an explicit filter still find it. The Okdesk
 * workflow gets such a status the way an admin adds one: a PUT of its definition.
 */
describe('informational status', () => {
  let t: TestApp;
  let w: World;
  const api = (who: { token: string }) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', bearer(who)),
    post: (path: string, body: object = {}) =>
      t.http().post(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
    put: (path: string, body: object) =>
      t.http().put(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
  });
  const ids = async (who: Persona, query: string) => {
    const res = await api(who).get(`/tickets?${query}&limit=200`);
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((i) => i.id);
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    t.clock.set('2026-03-02T09:00:00Z');
    // Round-the-clock business time: deadlines are plain hours after creation.
    const always = [{ start: '00:00', end: '24:00' }];
    const cal = await api(w.admin).post('/sla/calendars', {
      name: 'Always',
      timeZone: 'UTC',
      week: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, always]),
      ),
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

    const list = await api(w.admin).get('/workflows');
    const okdesk = (list.body as { key: string; id: string }[]).find((x) => x.key === 'okdesk')!;
    const wf = (await api(w.admin).get(`/workflows/${okdesk.id}`)).body;
    const staff = ['admin', 'dispatcher', 'agent'];
    const put = await api(w.admin).put(`/workflows/${wf.id}`, {
      version: wf.version,
      key: wf.key,
      name: wf.name,
      statuses: [
        ...wf.statuses,
        {
          key: 'informational',
          name: { en: 'Informational', ru: 'Информационная', cs: 'Informativní' },
          // Not pausing by its flag: the category alone stops the clocks.
          category: 'informational',
          pausesSla: false,
        },
      ],
      transitions: [
        ...wf.transitions,
        { from: 'open', to: 'informational', allowedRoles: staff },
        { from: 'informational', to: 'open', allowedRoles: staff },
      ],
      autoTransitions: wf.autoTransitions,
    });
    expect(put.status).toBe(200);
    expect(put.body.statuses).toContainEqual(
      expect.objectContaining({ key: 'informational', category: 'informational' }),
    );
  });
  afterAll(() => t.close());

  /** A ticket of the agent's, due in an hour, that needs a reply; moved to `status` if given. */
  const ticket = async (status?: string, extra: Record<string, unknown> = {}) => {
    const res = await api(w.dispatcher).post('/tickets', {
      subject: `Info ${Math.random()}`,
      assigneeId: w.agent.id,
      groupId: w.group.id,
      dueAt: new Date(t.clock.now().getTime() + HOUR).toISOString(),
      ...extra,
    });
    expect(res.status).toBe(201);
    await t.db.query('UPDATE tickets SET needs_reply = true WHERE id = $1', [res.body.id]);
    if (!status) return res.body as { id: string; version: number; sla: Record<string, unknown> };
    const moved = await api(w.dispatcher).post(`/tickets/${res.body.id}/transitions`, {
      to: status,
      version: res.body.version,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.statusCategory).toBe(status);
    return moved.body as { id: string; version: number; sla: Record<string, unknown> };
  };

  it('is in no work queue and no work count, but in all and by an explicit filter', async () => {
    t.clock.set('2026-03-02T09:00:00Z');
    const work = await ticket();
    const info = await ticket('informational');
    const infoUnassigned = await ticket('informational', { assigneeId: undefined });
    const before = (await api(w.agent).get('/tickets/counts')).body;
    const dispatcherBefore = (await api(w.dispatcher).get('/tickets/counts')).body;

    // Both are past their manual due now: only the working one is overdue.
    t.clock.set('2026-03-02T11:00:00Z');
    for (const view of ['open', 'mine', 'needs_reply']) {
      const listed = await ids(w.agent, `view=${view}`);
      expect(listed).toContain(work.id);
      expect(listed).not.toContain(info.id);
    }
    const overdue = await ids(w.dispatcher, 'view=overdue');
    expect(overdue).toContain(work.id);
    expect(overdue).not.toContain(info.id);
    expect(await ids(w.dispatcher, 'view=unassigned')).not.toContain(infoUnassigned.id);
    expect(await ids(w.dispatcher, 'view=closed')).not.toContain(info.id);
    // Search within a work queue leaves it out too.
    const subject = (await api(w.admin).get(`/tickets/${info.id}`)).body.subject as string;
    expect(await ids(w.agent, `view=open&q=${encodeURIComponent(subject)}`)).toEqual([]);

    expect(await ids(w.agent, 'view=all')).toEqual(expect.arrayContaining([work.id, info.id]));
    expect(await ids(w.agent, 'status=informational')).toEqual(expect.arrayContaining([info.id]));
    const byCategory = await ids(w.agent, 'statusCategory=informational');
    expect(byCategory).toContain(info.id);
    expect(byCategory).not.toContain(work.id);
    const row = (await api(w.agent).get('/tickets?view=all&limit=200')).body.items.find(
      (i: { id: string }) => i.id === info.id,
    );
    expect(row).toMatchObject({ status: 'informational', statusCategory: 'informational' });

    // Counts, for the same user before and after: the work ticket counts, the others do not.
    const after = (await api(w.agent).get('/tickets/counts')).body;
    const dispatcherAfter = (await api(w.dispatcher).get('/tickets/counts')).body;
    expect(after.open).toBe(before.open);
    expect(after.mine).toBe(before.mine);
    expect(after.needsReply).toBe(before.needsReply);
    expect(dispatcherAfter.overdue).toBe(dispatcherBefore.overdue + 1);
    expect(dispatcherAfter.unassigned).toBe(dispatcherBefore.unassigned);
    expect(dispatcherAfter.closed).toBe(dispatcherBefore.closed);
  });

  it("counts a client's informational tickets on their own, and their filter finds them (portal)", async () => {
    t.clock.set('2026-03-02T12:00:00Z');
    const before = (await api(w.clientA).get('/tickets/counts')).body;
    const info = await ticket('informational', {
      requesterId: w.clientA.id,
      organizationId: w.orgA.id,
    });
    const after = (await api(w.clientA).get('/tickets/counts')).body;
    // Neither open nor closed: counted as informational, and only there.
    expect(after).toEqual({ ...before, informational: before.informational + 1 });
    expect(await ids(w.clientA, 'statusCategory=informational')).toContain(info.id);
    expect(await ids(w.clientA, 'statusCategory=new&statusCategory=open')).not.toContain(info.id);
    // Another organization's client counts none of it.
    const other = (await api(w.clientB).get('/tickets/counts')).body;
    expect(other.informational).toBe(0);
  });

  it('stops the SLA clocks: no breach while informational; back to open they run on', async () => {
    t.clock.set('2026-03-03T09:00:00Z');
    const info = await ticket('informational', { dueAt: undefined });
    expect(info.sla).toMatchObject({
      pausedAt: '2026-03-03T09:00:00.000Z',
      firstResponseDueAt: '2026-03-03T10:00:00.000Z',
      resolutionDueAt: '2026-03-03T13:00:00.000Z',
    });
    t.clock.set('2026-03-03T15:00:00Z');
    await t.app.get(SlaSweepService).runDue();
    const still = (await api(w.admin).get(`/tickets/${info.id}`)).body;
    expect(still.sla).toMatchObject({ firstResponseBreachedAt: null, resolutionBreachedAt: null });
    // Its SLA deadline is past, but an informational ticket is never overdue.
    expect(await ids(w.dispatcher, 'view=overdue')).not.toContain(info.id);

    // Six hours stood still: back to work, both deadlines move by them.
    const reopened = await api(w.dispatcher).post(`/tickets/${info.id}/transitions`, {
      to: 'open',
      version: still.version,
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.sla).toMatchObject({
      pausedAt: null,
      firstResponseDueAt: '2026-03-03T16:00:00.000Z',
      resolutionDueAt: '2026-03-03T19:00:00.000Z',
    });
  });

  it('leaves the iCal feed, and does not keep a parent from closing', async () => {
    t.clock.set('2026-03-04T09:00:00Z');
    const work = await ticket();
    const info = await ticket('informational');
    const number = async (id: string) =>
      (await api(w.admin).get(`/tickets/${id}`)).body.number as number;
    const feed = await api(w.agent).post('/me/calendar-feed');
    expect(feed.status).toBe(201);
    const ics = (await t.http().get(feed.body.path).buffer(true)).text;
    expect(ics).toContain(`#${await number(work.id)} `);
    expect(ics).not.toContain(`#${await number(info.id)} `);

    // A resolved parent whose only child is informational closes.
    const parent = await ticket('resolved');
    await t.db.query(
      `INSERT INTO ticket_links (ticket_id, linked_ticket_id, kind) VALUES ($1, $2, 'child_of')`,
      [info.id, parent.id],
    );
    const closed = await api(w.dispatcher).post(`/tickets/${parent.id}/transitions`, {
      to: 'closed',
      version: parent.version,
    });
    expect(closed.status).toBe(200);
  });

  it('the open queue still walks its partial index with the longer NOT IN', async () => {
    await t.db.transaction(async (em) => {
      await em.query('SET LOCAL enable_seqscan = off');
      await em.query('SET LOCAL enable_bitmapscan = off');
      const plan = (await em.query(
        `EXPLAIN SELECT t.id FROM tickets t
          WHERE t.status_category NOT IN ('closed', 'canceled', 'informational')
          ORDER BY t.updated_at DESC, t.id DESC LIMIT 50`,
      )) as { 'QUERY PLAN': string }[];
      expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('tickets_not_done_updated_idx');
    });
  });
});
