import { DeputyExpiryService } from '../src/modules/deputies/deputy-expiry.service';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorkflowFixture } from './support/workflow-fixture';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

interface HistoryItem {
  kind: string;
  actor: { id: string; name: string } | null;
  onBehalfOf: { id: string; name: string } | null;
}

/**
 * CDESK deputies: a staff member names a colleague who, for a period, sees and works their
 * tickets; every action is recorded on their behalf; access begins and ends with the clock, and
 * the end is recorded once however many instances run the sweep.
 */
describe('deputies', () => {
  let t: TestApp;
  let w: World;
  let typeKey: string;
  /** otherAgent is the principal throughout: neither agent nor departmentHead sees their work. */
  let principal: Persona;
  let deputy: Persona;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    principal = w.otherAgent;
    deputy = w.agent;
    ({ typeKey } = await createWorkflowFixture(t.db, {
      statuses: [
        { key: 'new', category: 'new', initial: true },
        { key: 'work', category: 'open' },
        { key: 'done', category: 'closed', final: true },
      ],
      transitions: [
        { from: 'new', to: 'work' },
        // Only the assignee may send it back: the deputy may, as the assignee's stand-in.
        { from: 'work', to: 'new', roles: [], assignee: true },
        { from: 'work', to: 'done', roles: ['admin'] },
      ],
    }));
  });
  afterAll(() => t.close());

  const api = (who: Persona) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', bearer(who)),
    post: (path: string, body: object = {}) =>
      t.http().post(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
    del: (path: string) => t.http().delete(`/api/v1${path}`).set('Authorization', bearer(who)),
  });
  const at = (ms: number) => new Date(t.clock.now().getTime() + ms).toISOString();
  const principalTicket = (extra: Record<string, unknown> = {}) =>
    t.factory.ticket({
      typeKey,
      status: 'work',
      requesterId: w.clientA.id,
      organizationId: w.orgA.id,
      assigneeId: principal.id,
      groupId: w.otherGroup.id,
      ...extra,
    });
  const name = async (p: Persona) =>
    ((await t.db.query('SELECT name FROM users WHERE id = $1', [p.id])) as { name: string }[])[0]
      .name;
  const history = async (ticketId: string): Promise<HistoryItem[]> => {
    const res = await api(w.admin).get(`/tickets/${ticketId}/history`);
    expect(res.status).toBe(200);
    return (res.body as { items: HistoryItem[] }).items;
  };
  const listed = async (who: Persona): Promise<string[]> => {
    const res = await api(who).get('/tickets?limit=200');
    expect(res.status).toBe(200);
    return (res.body as { items: { id: string }[] }).items.map((x) => x.id);
  };
  /** Ends every deputyship still open, so each test starts from none. */
  afterEach(async () => {
    await t.db.query(
      `UPDATE deputyships SET ends_at = LEAST(ends_at, $1), starts_at = LEAST(starts_at, $1)`,
      [t.clock.now()],
    );
    t.clock.advance(HOUR);
  });

  it('gives access at the start of the period and takes it away at its end', async () => {
    const tk = await principalTicket();
    expect((await api(deputy).get(`/tickets/${tk.id}`)).status).toBe(404);

    const created = await api(principal).post('/me/deputies', {
      deputyId: deputy.id,
      startsAt: at(2 * HOUR),
      endsAt: at(2 * HOUR + 3 * DAY),
      note: 'Vacation',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      principal: { id: principal.id },
      deputy: { id: deputy.id },
      state: 'upcoming',
      note: 'Vacation',
      createdBy: { id: principal.id },
      canceledAt: null,
    });
    const { startsAt, endsAt } = created.body as { startsAt: string; endsAt: string };

    // Before: invisible, exactly like a ticket that does not exist.
    t.clock.set(new Date(new Date(startsAt).getTime() - 1000));
    expect((await api(deputy).get(`/tickets/${tk.id}`)).status).toBe(404);
    expect(await listed(deputy)).not.toContain(tk.id);

    // During: visible everywhere the rule applies (detail, by number, list, history).
    t.clock.set(startsAt);
    expect((await api(deputy).get(`/tickets/${tk.id}`)).status).toBe(200);
    expect((await api(deputy).get(`/tickets/by-number/${tk.number}`)).status).toBe(200);
    expect((await api(deputy).get(`/tickets/${tk.id}/history`)).status).toBe(200);
    expect(await listed(deputy)).toContain(tk.id);
    const mine = await api(deputy).get('/me/deputies?as=deputy');
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        principal: expect.objectContaining({ id: principal.id }),
        state: 'active',
      }),
    ]);

    // After: gone again, with nothing having run.
    t.clock.set(endsAt);
    expect((await api(deputy).get(`/tickets/${tk.id}`)).status).toBe(404);
    expect(await listed(deputy)).not.toContain(tk.id);
    const ended = await api(principal).get('/me/deputies');
    expect(ended.body.items[0]).toMatchObject({ state: 'ended' });
  });

  it('covers the principal’s assigned tickets, not their groups’ or other people’s', async () => {
    const third = await t.factory.user({ role: 'agent' });
    const ofGroup = await principalTicket({ assigneeId: third.id }); // principal's group, not theirs
    const own = await principalTicket();
    const res = await api(principal).post('/me/deputies', {
      deputyId: deputy.id,
      startsAt: at(0),
      endsAt: at(DAY),
    });
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('active');
    expect((await api(principal).get(`/tickets/${ofGroup.id}`)).status).toBe(200);
    expect((await api(deputy).get(`/tickets/${ofGroup.id}`)).status).toBe(404);
    expect((await api(deputy).get(`/tickets/${own.id}`)).status).toBe(200);
    // Not transitive: the deputy's own deputy gets nothing of the principal's.
    const res2 = await api(deputy).post('/me/deputies', {
      deputyId: w.departmentHead.id,
      startsAt: at(0),
      endsAt: at(DAY),
    });
    expect(res2.status).toBe(201);
    expect((await api(w.departmentHead).get(`/tickets/${own.id}`)).status).toBe(404);
  });

  it('lets the deputy work the ticket, recorded on behalf of the principal', async () => {
    const tk = await principalTicket();
    // Not yet a deputy: the assignee-only transition is not theirs (the ticket is invisible).
    expect(
      (await api(deputy).post(`/tickets/${tk.id}/transitions`, { to: 'new', version: 1 })).status,
    ).toBe(404);
    await api(principal).post('/me/deputies', {
      deputyId: deputy.id,
      startsAt: at(0),
      endsAt: at(DAY),
    });
    const allowed = await api(deputy).get(`/tickets/${tk.id}/transitions`);
    expect(allowed.status).toBe(200);
    expect(JSON.stringify(allowed.body)).toContain('"new"');

    const moved = await api(deputy).post(`/tickets/${tk.id}/transitions`, {
      to: 'new',
      version: 1,
    });
    expect(moved.status).toBe(200);
    // History is ordered by time: let a second pass between the actions.
    t.clock.advance(1000);
    const commented = await api(deputy).post(`/tickets/${tk.id}/comments`, {
      body: 'Covering for a colleague',
    });
    expect(commented.status).toBe(201);
    t.clock.advance(1000);
    // The principal themselves and a dispatcher act on their own account.
    expect(
      (await api(principal).post(`/tickets/${tk.id}/comments`, { body: 'Back briefly' })).status,
    ).toBe(201);
    t.clock.advance(1000);
    expect(
      (await api(w.dispatcher).post(`/tickets/${tk.id}/comments`, { body: 'Noted' })).status,
    ).toBe(201);

    const principalRef = { id: principal.id, name: await name(principal) };
    const lines = (await history(tk.id)).map((e) => [e.kind, e.actor?.id, e.onBehalfOf]);
    expect(lines).toEqual([
      ['status_changed', deputy.id, principalRef],
      ['comment_added', deputy.id, principalRef],
      ['comment_added', principal.id, null],
      ['comment_added', w.dispatcher.id, null],
    ]);

    // After the period the same action is refused and nothing is recorded on anyone's behalf.
    t.clock.advance(DAY);
    const late = await api(deputy).post(`/tickets/${tk.id}/comments`, { body: 'Too late' });
    expect(late.status).toBe(404);
  });

  it('ends a deputyship early: access stops with the request, once', async () => {
    const tk = await principalTicket();
    const res = await api(principal).post('/me/deputies', {
      deputyId: deputy.id,
      startsAt: at(0),
      endsAt: at(5 * DAY),
    });
    const id = (res.body as { id: string }).id;
    expect((await api(deputy).get(`/tickets/${tk.id}`)).status).toBe(200);
    // Someone else's deputyship is not found through /me.
    expect((await api(w.departmentHead).del(`/me/deputies/${id}`)).status).toBe(404);
    expect((await api(principal).del(`/me/deputies/${id}`)).status).toBe(204);
    expect((await api(deputy).get(`/tickets/${tk.id}`)).status).toBe(404);
    expect((await api(principal).del(`/me/deputies/${id}`)).status).toBe(204);
    const list = await api(principal).get('/me/deputies');
    expect(list.body.items.find((d: { id: string }) => d.id === id)).toMatchObject({
      state: 'ended',
      endsAt: t.clock.now().toISOString(),
      canceledAt: t.clock.now().toISOString(),
    });
    // Its end is already recorded: the sweep does not announce it again.
    t.clock.advance(HOUR);
    await t.app.get(DeputyExpiryService).runDue();
    const events = await t.db.query(
      'SELECT kind, actor_id FROM deputyship_events WHERE deputyship_id = $1 ORDER BY created_at',
      [id],
    );
    expect(events).toEqual([
      { kind: 'created', actor_id: principal.id },
      { kind: 'ended', actor_id: principal.id },
    ]);
    // Principal and deputy each hear of it once, in their in-app notifications.
    await t.drainNotifications();
    for (const who of [principal, deputy]) {
      const inbox = await api(who).get('/me/notifications?limit=200');
      expect(inbox.status).toBe(200);
      const mine = (
        inbox.body as { items: { kind: string; data: Record<string, unknown> }[] }
      ).items.filter((n) => n.kind === 'deputyship_ended' && n.data.deputyshipId === id);
      expect(mine).toEqual([
        expect.objectContaining({
          ticket: null,
          data: expect.objectContaining({
            reason: 'ended',
            principal: { id: principal.id, name: await name(principal) },
            deputy: { id: deputy.id, name: await name(deputy) },
          }),
        }),
      ]);
    }
  });

  it('lets admins manage anyone’s deputies, and nobody else', async () => {
    const body = { deputyId: deputy.id, startsAt: at(0), endsAt: at(DAY) };
    expect((await api(w.dispatcher).post(`/users/${principal.id}/deputies`, body)).status).toBe(
      403,
    );
    const res = await api(w.admin).post(`/users/${principal.id}/deputies`, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      createdBy: { id: w.admin.id },
      principal: { id: principal.id },
    });
    const list = await api(w.admin).get(`/users/${principal.id}/deputies`);
    expect(list.body.items[0].id).toBe(res.body.id);
    expect((await api(principal).get('/me/deputies')).body.items[0].id).toBe(res.body.id);
    expect(
      (await api(w.admin).del(`/users/${w.dispatcher.id}/deputies/${res.body.id}`)).status,
    ).toBe(404);
    expect((await api(w.admin).del(`/users/${principal.id}/deputies/${res.body.id}`)).status).toBe(
      204,
    );
    const client = await api(w.admin).post(`/users/${w.clientA.id}/deputies`, body);
    expect(client.status).toBe(422);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await api(w.admin).post(`/users/${missing}/deputies`, body)).status).toBe(404);
    expect((await api(w.admin).get(`/users/${missing}/deputies`)).status).toBe(404);
  });

  it('validates: staff only, an active staff deputy, not oneself, a bounded future period', async () => {
    const inactive = await t.factory.user({ role: 'agent', active: false });
    const ok = { deputyId: deputy.id, startsAt: at(0), endsAt: at(DAY) };
    const post = (body: object, who: Persona = principal) => api(who).post('/me/deputies', body);
    const fieldOf = (res: { body: { errors?: { field: string }[] } }) =>
      res.body.errors?.map((e) => e.field);

    expect((await post(ok, w.clientA)).status).toBe(403);
    expect((await api(w.clientA).get('/me/deputies')).status).toBe(403);

    for (const [body, field] of [
      [{ ...ok, deputyId: principal.id }, 'deputyId'],
      [{ ...ok, deputyId: w.clientA.id }, 'deputyId'],
      [{ ...ok, deputyId: inactive.id }, 'deputyId'],
      [{ ...ok, deputyId: '00000000-0000-4000-8000-000000000000' }, 'deputyId'],
      [{ ...ok, startsAt: at(2 * DAY), endsAt: at(DAY) }, 'endsAt'],
      [{ ...ok, startsAt: at(DAY), endsAt: at(DAY) }, 'endsAt'],
      [{ ...ok, startsAt: at(-2 * DAY), endsAt: at(-DAY) }, 'endsAt'],
      [{ ...ok, endsAt: at(91 * DAY) }, 'endsAt'],
    ] as const) {
      const res = await post(body);
      expect({ body, status: res.status, fields: fieldOf(res) }).toEqual({
        body,
        status: 422,
        fields: [field],
      });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    for (const body of [
      { ...ok, extra: 1 },
      { ...ok, startsAt: 'tomorrow' },
      { ...ok, deputyId: 'nobody' },
      { ...ok, note: 'x'.repeat(501) },
      { startsAt: ok.startsAt, endsAt: ok.endsAt },
    ]) {
      expect({ body, status: (await post(body)).status }).toEqual({ body, status: 400 });
    }
    expect((await api(principal).get('/me/deputies?as=boss')).status).toBe(400);

    // 90 days exactly is fine; a start in the past means now.
    const longest = await post({ ...ok, startsAt: at(-HOUR), endsAt: at(90 * DAY) });
    expect(longest.status).toBe(201);
    expect(longest.body.startsAt).toBe(t.clock.now().toISOString());
    // The same deputy twice for overlapping periods is refused; another deputy is fine.
    const again = await post({ ...ok, startsAt: at(DAY), endsAt: at(2 * DAY) });
    expect(again.status).toBe(422);
    expect((await post({ ...ok, deputyId: w.departmentHead.id })).status).toBe(201);
    const rows = await t.db.query(
      `SELECT count(*)::int AS n FROM deputyships WHERE principal_id = $1 AND ends_at > $2`,
      [principal.id, t.clock.now()],
    );
    expect(rows).toEqual([{ n: 2 }]);
  });

  it('records each expiry exactly once with two instances sweeping at the same time', async () => {
    // Earlier tests' deputyships have ended too: record those first, so only these count.
    await t.app.get(DeputyExpiryService).runDue();
    const second = await t.secondInstance();
    const principals = await Promise.all(
      Array.from({ length: 6 }, () => t.factory.user({ role: 'agent' })),
    );
    const ids: string[] = [];
    for (const p of principals) {
      for (const d of [w.agent, w.departmentHead]) {
        const [row] = (await t.db.query(
          `INSERT INTO deputyships (principal_id, deputy_id, starts_at, ends_at, created_by_id)
           VALUES ($1, $2, $3, $4, $1) RETURNING id`,
          [p.id, d.id, t.clock.now(), new Date(t.clock.now().getTime() + DAY)],
        )) as { id: string }[];
        ids.push(row.id);
      }
    }
    // One that is still running is left alone.
    const [running] = (await t.db.query(
      `INSERT INTO deputyships (principal_id, deputy_id, starts_at, ends_at)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [
        principals[0].id,
        w.dispatcher.id,
        t.clock.now(),
        new Date(t.clock.now().getTime() + 9 * DAY),
      ],
    )) as { id: string }[];

    t.clock.advance(2 * DAY);
    const [a, b] = await Promise.all([
      t.app.get(DeputyExpiryService).runDue(2),
      second.get(DeputyExpiryService).runDue(2),
    ]);
    expect(a + b).toBe(ids.length);
    const counts = (await t.db.query(
      `SELECT deputyship_id, count(*)::int AS n FROM deputyship_events
        WHERE kind = 'expired' AND deputyship_id = ANY($1) GROUP BY deputyship_id`,
      [[...ids, running.id]],
    )) as { deputyship_id: string; n: number }[];
    expect(counts.map((c) => c.deputyship_id).sort()).toEqual([...ids].sort());
    expect(counts.every((c) => c.n === 1)).toBe(true);
    // Each end is announced once to each of the two people concerned.
    await t.drainNotifications();
    const notified = (await t.db.query(
      `SELECT data->>'deputyshipId' AS id, count(*)::int AS n,
              count(DISTINCT user_id)::int AS people, min(data->>'reason') AS reason
         FROM notifications WHERE kind = 'deputyship_ended' AND data->>'deputyshipId' = ANY($1)
        GROUP BY 1`,
      [[...ids, running.id]],
    )) as { id: string; n: number; people: number; reason: string }[];
    expect(notified.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(notified.every((r) => r.n === 2 && r.people === 2 && r.reason === 'expired')).toBe(true);

    // Nothing is due any more, on either instance.
    expect(await t.app.get(DeputyExpiryService).runDue()).toBe(0);
    expect(await second.get(DeputyExpiryService).runDue()).toBe(0);
  });
});
