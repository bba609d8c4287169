import { bearer, buildWorld, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Issue 16, item 2, the API side of the agent calendar: the two list queries it makes for a
 * range (`view` with dueFrom/dueTo, and createdFrom/createdTo) and what a summary carries to
 * place a ticket. The range filters use the effective due (the manual due date, else the SLA
 * resolution deadline), and each summary has both, so the calendar can place a ticket whose only
 * deadline is the SLA's on that deadline's day, as the iCal feed does. The browser test
 * (apps/e2e/src/calendar-sla.e2e.ts) checks the placing and the overdue mark.
 */
describe('agent calendar queries', () => {
  let t: TestApp;
  let w: World;
  const api = (who: { token: string }) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', bearer(who)),
    post: (path: string, body: object = {}) =>
      t.http().post(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
  });
  const start = new Date('2026-03-02T00:00:00Z');
  const day = (n: number) => new Date(start.getTime() + n * DAY).toISOString();

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const always = [{ start: '00:00', end: '24:00' }];
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const cal = await api(w.admin).post('/sla/calendars', {
      name: 'Always',
      timeZone: 'UTC',
      week: Object.fromEntries(days.map((d) => [d, always])),
    });
    expect(cal.status).toBe(201);
    const policy = await api(w.admin).post('/sla/policies', {
      name: 'Three days',
      position: 0,
      calendarId: cal.body.id,
      resolutionSeconds: 72 * 3600,
    });
    expect(policy.status).toBe(201);
  });
  afterAll(() => t.close());

  /** The calendar's due query for one day, as the agent's "mine". */
  const dueOn = async (n: number) => {
    const res = await api(w.agent).get(
      `/tickets?view=mine&dueFrom=${day(n)}&dueTo=${day(n + 1)}&sort=createdAt:asc&limit=200`,
    );
    expect(res.status).toBe(200);
    return res.body.items as {
      id: string;
      dueAt: string | null;
      sla: { resolutionDueAt: string | null };
    }[];
  };

  it('finds an SLA-only ticket on its deadline’s day, not on its creation day; a manual due date wins', async () => {
    t.clock.set(new Date(start.getTime() + 10 * HOUR));
    const slaOnly = await api(w.dispatcher).post('/tickets', {
      subject: 'SLA only',
      assigneeId: w.agent.id,
    });
    const manual = await api(w.dispatcher).post('/tickets', {
      subject: 'Manual due',
      assigneeId: w.agent.id,
      dueAt: day(4),
    });
    expect(slaOnly.status).toBe(201);
    expect(manual.status).toBe(201);

    const onDue = await dueOn(3);
    const row = onDue.find((i) => i.id === slaOnly.body.id);
    expect(row).toMatchObject({
      dueAt: null,
      sla: { resolutionDueAt: '2026-03-05T10:00:00.000Z' },
    });
    expect(onDue.map((i) => i.id)).not.toContain(manual.body.id);
    expect((await dueOn(0)).map((i) => i.id)).not.toContain(slaOnly.body.id);
    expect((await dueOn(4)).map((i) => i.id)).toContain(manual.body.id);

    // Past its SLA deadline it is overdue, as the calendar marks it.
    t.clock.set(day(5));
    const overdue = await api(w.agent).get('/tickets?view=overdue&limit=200');
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining([slaOnly.body.id, manual.body.id]),
    );
  });
});
