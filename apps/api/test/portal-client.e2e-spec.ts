import { SlaSweepService } from '../src/modules/tickets/ticket-sla-sweep.service';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The client portal's part A (issue 16: items 1, 12, 13, 15) as the API serves it: the
 * status-category filter for any workflow, the history a client may see, filing against one's
 * own project, and the promised response and resolution times.
 */

// Monday 12:00 in Moscow: inside the office hours of the calendar below.
const MONDAY_NOON_MSK = '2026-03-02T09:00:00Z';
const HOUR = 3_600_000;

interface EventLine {
  kind: string;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  actor: { id: string; name: string } | null;
  onBehalfOf: { id: string; name: string } | null;
  internal: boolean;
  oldStatusName: Record<string, string> | null;
  newStatusName: Record<string, string> | null;
}

describe('client portal, part A', () => {
  let t: TestApp;
  let w: World;
  const typeKeys: Record<string, string> = {};

  const api = (p: Persona) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', bearer(p)),
    post: (path: string, body: object = {}) =>
      t.http().post(`/api/v1${path}`).set('Authorization', bearer(p)).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/v1${path}`).set('Authorization', bearer(p)).send(body),
  });
  const numbers = (body: { items: { number: number }[] }) =>
    body.items.map((i) => i.number).sort((a, b) => a - b);
  const history = async (p: Persona, id: string): Promise<EventLine[]> => {
    const res = await api(p).get(`/tickets/${id}/history`);
    expect(res.status).toBe(200);
    return res.body.items as EventLine[];
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    for (const key of ['happydesk', 'pythagoras']) {
      const res = await api(w.admin).post(`/workflows/presets/${key}/install`);
      expect(res.status).toBe(201);
      await t.db.query(
        `INSERT INTO ticket_types (key, name, is_public, workflow_id) VALUES ($1, $2, true, $3)`,
        [`${key}_type`, JSON.stringify({ en: key }), res.body.id],
      );
      typeKeys[key] = `${key}_type`;
    }
  });
  afterAll(() => t?.close());
  beforeEach(() => t.clock.set(MONDAY_NOON_MSK));

  describe('statusCategory filter (item 1)', () => {
    it('finds HappyDesk, Pythagoras and Okdesk tickets by category, for clients too', async () => {
      const mine = (typeKey: string, status: string) =>
        t.factory.ticket({
          typeKey,
          status,
          requesterId: w.clientA.id,
          organizationId: w.orgA.id,
        });
      const okWaiting = await mine('microclimate', 'needs_clarification');
      const okOpen = await mine('microclimate', 'in_progress');
      const hdNew = await mine(typeKeys.happydesk, 'new');
      const hdHold = await mine(typeKeys.happydesk, 'hold');
      const hdFixed = await mine(typeKeys.happydesk, 'fixed');
      const pyReturned = await mine(typeKeys.pythagoras, 'returned');
      const pySolving = await mine(typeKeys.pythagoras, 'solving');
      // Another organization's pending ticket stays invisible through the filter.
      await t.factory.ticket({
        typeKey: typeKeys.happydesk,
        status: 'hold',
        requesterId: w.clientB.id,
        organizationId: w.orgB.id,
      });

      const pending = await api(w.clientA).get('/tickets?statusCategory=pending');
      expect(pending.status).toBe(200);
      expect(numbers(pending.body)).toEqual(
        [okWaiting, hdHold, pyReturned].map((x) => x.number).sort((a, b) => a - b),
      );
      const working = await api(w.clientA).get('/tickets?statusCategory=new,open');
      expect(numbers(working.body)).toEqual(
        [okOpen, hdNew, pySolving].map((x) => x.number).sort((a, b) => a - b),
      );
      const resolved = await api(w.clientA).get('/tickets?statusCategory=resolved');
      expect(numbers(resolved.body)).toEqual([hdFixed.number]);
      // With other filters and search alike.
      const searched = await api(w.clientA).get(
        `/tickets?statusCategory=pending&typeId=${await typeId(typeKeys.happydesk)}`,
      );
      expect(numbers(searched.body)).toEqual([hdHold.number]);
      // Staff use it as well.
      const staff = await api(w.admin).get('/tickets?statusCategory=pending');
      expect(numbers(staff.body)).toHaveLength(4);
    });

    it('refuses an unknown category (400)', async () => {
      const res = await api(w.clientA).get('/tickets?statusCategory=open,waiting');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    async function typeId(key: string): Promise<string> {
      const [row] = (await t.db.query('SELECT id FROM ticket_types WHERE key = $1', [key])) as {
        id: string;
      }[];
      return row.id;
    }
  });

  describe('history as the client sees it (item 12)', () => {
    it('status names, "assigned to the support team", and no internal event of any kind', async () => {
      const deputy = await t.factory.user({ role: 'agent', name: 'Deputy Dana' });
      const deputyToken = await t.tokenFor(deputy.id);
      const dep: Persona = { ...deputy, token: deputyToken };
      await t.db.query(`UPDATE groups SET name = 'Secret squad', support_level = 2 WHERE id = $1`, [
        w.group.id,
      ]);
      const created = await api(w.clientA).post('/tickets', { subject: 'Printer jammed' });
      expect(created.status).toBe(201);
      t.clock.advance(60_000);
      const id = created.body.id as string;
      // A minute between steps, so the history's order is the order of the steps.
      const later = () => t.clock.advance(60_000);
      const version = async () => (await api(w.admin).get(`/tickets/${id}`)).body.version as number;

      // The desk routes it: a group with a support level, then an agent.
      expect(
        (
          await api(w.dispatcher).post(`/tickets/${id}/assignment`, {
            version: await version(),
            assigneeId: w.agent.id,
            groupId: w.group.id,
          })
        ).status,
      ).toBe(200);
      later();
      await api(w.agent).post(`/tickets/${id}/comments`, { body: 'Internal hint', internal: true });
      later();
      await api(w.agent).post(`/tickets/${id}/comments`, { body: 'On my way' });
      later();
      // A deputy of the assignee moves the status (their line is on behalf of the assignee).
      const start = new Date(t.clock.now().getTime() - HOUR).toISOString();
      const end = new Date(t.clock.now().getTime() + 24 * HOUR).toISOString();
      expect(
        (
          await api(w.agent).post('/me/deputies', {
            deputyId: deputy.id,
            startsAt: start,
            endsAt: end,
          })
        ).status,
      ).toBe(201);
      const moved = await api(dep).post(`/tickets/${id}/transitions`, {
        to: 'in_progress',
        version: await version(),
      });
      expect(moved.status).toBe(200);
      later();
      // Unassigning and a link are the desk's business.
      const other = await t.factory.ticket({ subject: 'Other' });
      await api(w.admin).post(`/tickets/${id}/links`, { relation: 'related', ticketId: other.id });
      expect(
        (
          await api(w.dispatcher).post(`/tickets/${id}/assignment`, {
            version: await version(),
            assigneeId: null,
          })
        ).status,
      ).toBe(200);

      const staffLines = await history(w.admin, id);
      const staffKinds = staffLines.map((e) => e.kind);
      // The test is not vacuous: staff see the lines the client does not.
      expect(staffKinds).toEqual(expect.arrayContaining(['assigned', 'link_added']));
      expect(staffLines.some((e) => e.internal)).toBe(true);
      expect(staffLines.find((e) => e.kind === 'status_changed')?.onBehalfOf?.id).toBe(w.agent.id);

      const lines = await history(w.clientA, id);
      expect(lines.map((e) => e.kind)).toEqual([
        'created',
        'assigned',
        'comment_added',
        'status_changed',
      ]);
      expect(lines.every((e) => !e.internal)).toBe(true);
      const assigned = lines.find((e) => e.kind === 'assigned')!;
      expect(assigned).toMatchObject({ field: null, oldValue: null, newValue: null, actor: null });
      const status = lines.find((e) => e.kind === 'status_changed')!;
      expect(status).toMatchObject({
        oldValue: 'open',
        newValue: 'in_progress',
        oldStatusName: { en: 'Open' },
        newStatusName: { en: 'In progress', ru: 'В работе' },
        onBehalfOf: null,
      });
      // Neither the group, its level, the unassignment nor whom the deputy stood in for.
      const text = JSON.stringify(lines);
      for (const secret of [w.group.id, 'Secret squad', 'supportLevel', other.id]) {
        expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
      }
      expect(lines.filter((e) => e.onBehalfOf !== null)).toEqual([]);
      expect(lines.filter((e) => e.actor?.id === w.agent.id).map((e) => e.kind)).toEqual([
        'comment_added',
      ]);
    });

    it('an SLA breach line never reaches the client', async () => {
      await withPolicy(async () => {
        const created = await api(w.clientA).post('/tickets', { subject: 'Slow answer' });
        const id = created.body.id as string;
        t.clock.set(new Date(Date.parse(MONDAY_NOON_MSK) + 8 * HOUR));
        await t.app.get(SlaSweepService).runDue();
        const staffKinds = (await history(w.admin, id)).map((e) => e.kind);
        expect(staffKinds).toContain('sla_breached');
        expect((await history(w.clientA, id)).map((e) => e.kind)).toEqual(['created']);
      });
    });
  });

  describe('filing against one’s own project (item 13)', () => {
    let own: { id: string; name: string };
    let foreign: { id: string; name: string };

    beforeAll(async () => {
      const project = async (name: string, memberIds: string[]) => {
        const res = await api(w.admin).post('/projects', {
          name,
          managerId: w.departmentHead.id,
          memberIds,
        });
        expect(res.status).toBe(201);
        return { id: res.body.id as string, name };
      };
      // A client contact may be a project member (Pythagoras' customer).
      own = await project('Warehouse rollout', [w.agent.id, w.clientA.id]);
      foreign = await project('Board secrets', [w.clientB.id]);
    });

    it('lists the client’s own projects only', async () => {
      const res = await api(w.clientA).get('/me/projects');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [{ id: own.id, name: own.name }] });
      expect((await api(w.clientA2).get('/me/projects')).body.items).toEqual([]);
    });

    it('files against a project the client is a member of; any other is 422 alike', async () => {
      const ok = await api(w.clientA).post('/tickets', {
        subject: 'Shelves for hall B',
        projectId: own.id,
      });
      expect(ok.status).toBe(201);
      expect(ok.body.projectId).toBeUndefined();
      const staffView = await api(w.admin).get(`/tickets/${ok.body.id}`);
      // Pythagoras: a project's ticket is addressed to the project's manager.
      expect(staffView.body).toMatchObject({
        projectId: own.id,
        assigneeId: w.departmentHead.id,
        channel: 'portal',
      });

      const refused: unknown[] = [];
      for (const projectId of [foreign.id, '0b5f8a4e-3b6f-4a5e-9c1d-2f3e4a5b6c7d']) {
        const res = await api(w.clientA).post('/tickets', { subject: 'Sneak in', projectId });
        refused.push({ status: res.status, errors: res.body.errors });
      }
      const expected = {
        status: 422,
        errors: [{ field: 'projectId', message: 'no active project with this id' }],
      };
      expect(refused).toEqual([expected, expected]);
      // An inactive project of theirs is no choice either.
      const retired = await api(w.admin).get(`/projects/${own.id}`);
      await api(w.admin).patch(`/projects/${own.id}`, {
        version: retired.body.version,
        active: false,
      });
      const late = await api(w.clientA).post('/tickets', { subject: 'Late', projectId: own.id });
      expect(late.status).toBe(422);
      const back = await api(w.admin).get(`/projects/${own.id}`);
      await api(w.admin).patch(`/projects/${own.id}`, { version: back.body.version, active: true });
    });

    it('filters the client’s list by their project; another project finds nothing', async () => {
      const inProject = await api(w.clientA).post('/tickets', {
        subject: 'Forklift training',
        projectId: own.id,
      });
      await api(w.clientA).post('/tickets', { subject: 'Not in a project' });
      // clientA's ticket that staff put into a project clientA is no member of.
      const staffFiled = await api(w.admin).post('/tickets', {
        subject: 'Placed by the desk',
        requesterId: w.clientA.id,
        projectId: foreign.id,
      });
      expect(staffFiled.status).toBe(201);

      const mine = await api(w.clientA).get(`/tickets?projectId=${own.id}`);
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(inProject.body.id);
      const subjects = mine.body.items.map((i: { subject: string }) => i.subject);
      expect(subjects).not.toContain('Not in a project');
      expect(subjects).not.toContain('Placed by the desk');
      const foreignList = await api(w.clientA).get(`/tickets?projectId=${foreign.id}`);
      expect({ status: foreignList.status, items: foreignList.body.items }).toEqual({
        status: 200,
        items: [],
      });
    });
  });

  describe('promised times (item 15)', () => {
    it('while the clocks run, paused in a pausing status, gone once met or resolved', async () => {
      await withPolicy(async () => {
        const created = await api(w.clientA).post('/tickets', { subject: 'Leaking tap' });
        expect(created.status).toBe(201);
        const id = created.body.id as string;
        // 12:00 MSK + 1 h / + 4 h of office time.
        const promised = {
          firstResponseBy: '2026-03-02T10:00:00.000Z',
          resolutionBy: '2026-03-02T13:00:00.000Z',
          paused: false,
        };
        expect(created.body.promise).toEqual(promised);
        const client = async () => (await api(w.clientA).get(`/tickets/${id}`)).body;
        const row = async () =>
          ((await api(w.clientA).get('/tickets?q=Leaking')).body.items as { id: string }[]).find(
            (i) => i.id === id,
          ) as unknown as { promise: unknown };
        expect((await row()).promise).toEqual(promised);

        // The first answer meets the first clock.
        await api(w.agent).post(`/tickets/${id}/comments`, { body: 'Looking into it' });
        const answered = { ...promised, firstResponseBy: null };
        expect((await client()).promise).toEqual(answered);
        expect((await row()).promise).toEqual(answered);

        // Waiting for the client: the clocks stand still.
        const c1 = await client();
        const wait = await api(w.dispatcher).post(`/tickets/${id}/transitions`, {
          to: 'needs_clarification',
          version: c1.version,
          comment: 'Which floor?',
          postponeUntil: '2026-03-05T09:00:00.000Z',
        });
        expect(wait.status).toBe(200);
        expect((await client()).promise).toEqual({ ...answered, paused: true });
        expect((await row()).promise).toEqual({ ...answered, paused: true });

        const c2 = await client();
        const done = await api(w.dispatcher).post(`/tickets/${id}/transitions`, {
          to: 'resolved',
          version: c2.version,
        });
        expect(done.status).toBe(200);
        const none = { firstResponseBy: null, resolutionBy: null, paused: false };
        expect((await client()).promise).toEqual(none);
        expect((await row()).promise).toEqual(none);
      });
    });

    it('promises nothing without an SLA policy', async () => {
      const created = await api(w.clientA).post('/tickets', { subject: 'No SLA here' });
      expect(created.body.promise).toEqual({
        firstResponseBy: null,
        resolutionBy: null,
        paused: false,
      });
    });
  });

  /** Runs `body` with one SLA policy for every ticket (Moscow office hours), then retires it. */
  async function withPolicy(body: () => Promise<void>): Promise<void> {
    const nine = [{ start: '09:00', end: '18:00' }];
    const cal = await api(w.admin).post('/sla/calendars', {
      name: `Moscow ${Math.random()}`,
      timeZone: 'Europe/Moscow',
      week: { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine },
    });
    expect(cal.status).toBe(201);
    const policy = await api(w.admin).post('/sla/policies', {
      name: `Everyone ${Math.random()}`,
      position: 0,
      calendarId: cal.body.id,
      firstResponseSeconds: 3600,
      resolutionSeconds: 4 * 3600,
    });
    expect(policy.status).toBe(201);
    try {
      await body();
    } finally {
      await api(w.admin).patch(`/sla/policies/${policy.body.id}`, {
        version: policy.body.version,
        active: false,
      });
    }
  }
});
