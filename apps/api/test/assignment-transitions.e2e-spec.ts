import { randomBytes, randomUUID } from 'node:crypto';
import { PresetAssignmentTransitions1765500000001 } from '../src/database/migrations/1765500000001-preset-assignment-transitions';
import { HAPPYDESK_SHIPPED_1765500000001 } from '../src/database/migrations/shipped-workflows';
import { createWorkflow } from '../src/modules/workflow/create-workflow';
import { startTestApp, type TestApp } from './support/test-app';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { createWorkflowFixture } from './support/workflow-fixture';

const uniq = () => randomBytes(4).toString('hex');

/**
 * Automatic transitions on assignment (issue 16, items 5 and 6): HappyDesk moves a ticket in New
 * to In Progress once it is taken or assigned by any means; Pythagoras moves it to Solving when
 * the project manager, whatever their role, hands it to a member of the project.
 */
describe('automatic transitions on assignment, take and handover', () => {
  let t: TestApp;
  let w: World;
  const typeKeys: Record<string, string> = {};
  const workflowIds: Record<string, string> = {};

  const api = (who: { token: string }) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', bearer(who)),
    post: (path: string, body: object = {}) =>
      t.http().post(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
    put: (path: string, body: object) =>
      t.http().put(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
    delete: (path: string) => t.http().delete(`/api/v1${path}`).set('Authorization', bearer(who)),
  });
  const row = async (id: string) =>
    (
      await t.db.query(
        'SELECT status, status_category, assignee_id, version FROM tickets WHERE id = $1',
        [id],
      )
    )[0] as {
      status: string;
      status_category: string;
      assignee_id: string | null;
      version: number;
    };
  /** The ticket's history after "created", oldest first: kind, actor and status values. */
  const history = async (id: string) =>
    (await t.db.query(
      `SELECT kind, actor_id AS "actorId", old_value AS "oldValue", new_value AS "newValue"
         FROM ticket_events WHERE ticket_id = $1 AND kind <> 'created' ORDER BY created_at, id`,
      [id],
    )) as { kind: string; actorId: string | null; oldValue: unknown; newValue: unknown }[];
  const statusEvents = async (id: string) =>
    (await t.db.query(
      `SELECT payload->>'from' AS "from", payload->>'to' AS "to", payload->>'actorId' AS "actorId"
         FROM event_log WHERE ticket_id = $1 AND name = 'ticket.status_changed' ORDER BY id`,
      [id],
    )) as { from: string; to: string; actorId: string | null }[];
  const updates = async (id: string) =>
    Number(
      (
        await t.db.query('SELECT count(*) AS n FROM test_ticket_updates WHERE ticket_id = $1', [id])
      )[0].n,
    );

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    for (const key of ['happydesk', 'pythagoras']) {
      const res = await api(w.admin).post(`/workflows/presets/${key}/install`, {
        key: `${key}_${uniq()}`,
      });
      expect(res.status).toBe(201);
      workflowIds[key] = res.body.id as string;
      typeKeys[key] = `${key}_type_${uniq()}`;
      await t.db.query(
        `INSERT INTO ticket_types (key, name, is_public, workflow_id) VALUES ($1, $2, true, $3)`,
        [typeKeys[key], JSON.stringify({ en: key }), res.body.id],
      );
    }
    // Counts the UPDATEs of each ticket row: an assignment and its status change are one.
    await t.db.query(`
      CREATE TABLE test_ticket_updates (ticket_id uuid NOT NULL);
      CREATE FUNCTION test_count_ticket_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO test_ticket_updates VALUES (NEW.id); RETURN NEW; END $$;
      CREATE TRIGGER test_count_ticket_update AFTER UPDATE ON tickets
        FOR EACH ROW EXECUTE FUNCTION test_count_ticket_update();`);
  });
  afterAll(() => t.close());

  const happy = (status: string, seed: { assigneeId?: string | null; groupId?: string } = {}) =>
    t.factory.ticket({
      typeKey: typeKeys.happydesk,
      status,
      requesterId: w.clientA.id,
      organizationId: w.orgA.id,
      groupId: seed.groupId ?? w.group.id,
      assigneeId: seed.assigneeId ?? null,
    });

  describe('HappyDesk: taken or assigned in New → In Progress', () => {
    it('taking a ticket in New moves it to In Progress in the same single UPDATE', async () => {
      const tk = await happy('new');
      const res = await api(w.agent).post(`/tickets/${tk.id}/take`, { version: tk.version });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'in_progress', statusCategory: 'open', version: 2 });
      expect(await row(tk.id)).toEqual({
        status: 'in_progress',
        status_category: 'open',
        assignee_id: w.agent.id,
        version: 2,
      });
      expect(await updates(tk.id)).toBe(1);
      // The take is the agent's; the move is the system's, as for every automatic transition.
      expect(await history(tk.id)).toEqual([
        expect.objectContaining({ kind: 'taken', actorId: w.agent.id }),
        { kind: 'status_changed', actorId: null, oldValue: 'new', newValue: 'in_progress' },
      ]);
      expect(await statusEvents(tk.id)).toEqual([
        { from: 'new', to: 'in_progress', actorId: null },
      ]);
    });

    it('a dispatcher assigning a ticket in New moves it to In Progress', async () => {
      const tk = await happy('new');
      const res = await api(w.dispatcher).post(`/tickets/${tk.id}/assignment`, {
        version: tk.version,
        assigneeId: w.otherAgent.id,
      });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('in_progress');
      expect(await updates(tk.id)).toBe(1);
      expect((await history(tk.id)).map((h) => [h.kind, h.actorId])).toEqual([
        ['assigned', w.dispatcher.id],
        ['status_changed', null],
      ]);
    });

    it("the group's distribution picking an agent is an assignment too", async () => {
      const group = await t.factory.group(`RR ${uniq()}`, [w.otherAgent.id]);
      await t.db.query(`UPDATE groups SET distribution = 'round_robin' WHERE id = $1`, [group.id]);
      const tk = await happy('new');
      const res = await api(w.dispatcher).post(`/tickets/${tk.id}/assignment`, {
        version: tk.version,
        groupId: group.id,
      });
      expect(res.status).toBe(200);
      expect(await row(tk.id)).toMatchObject({
        status: 'in_progress',
        assignee_id: w.otherAgent.id,
      });
    });

    it('a ticket filed with an assignee (an agent for themselves, or a rule) starts in In Progress', async () => {
      const typeId = (
        await t.db.query('SELECT id FROM ticket_types WHERE key = $1', [typeKeys.happydesk])
      )[0].id as string;
      const own = await api(w.agent).post('/tickets', {
        subject: 'Printer on fire',
        typeId,
        assigneeId: w.agent.id,
      });
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ status: 'in_progress', assigneeId: w.agent.id });
      expect((await history(own.body.id)).map((h) => [h.kind, h.newValue])).toEqual([
        ['status_changed', 'in_progress'],
      ]);

      const word = `assignword${uniq()}`;
      const rule = await api(w.admin).post('/assignment-rules', {
        name: `To the agent ${word}`,
        conditions: { subjectWords: [word] },
        actions: { assigneeId: w.otherAgent.id },
      });
      expect(rule.status).toBe(201);
      const byRule = await api(w.clientA).post('/tickets', { subject: `Help ${word}`, typeId });
      expect(byRule.status).toBe(201);
      expect(byRule.body.status).toBe('in_progress');
      expect(await row(byRule.body.id)).toMatchObject({
        status: 'in_progress',
        assignee_id: w.otherAgent.id,
      });
      const unassigned = await api(w.clientA).post('/tickets', { subject: 'Nobody yet', typeId });
      expect(unassigned.body.status).toBe('new');
    });

    it('a rule applied on an edit, and an escalation whose group picks an agent, are assignments too', async () => {
      const rule = await api(w.admin).post('/assignment-rules', {
        name: `Urgent to the other agent ${uniq()}`,
        conditions: { priorities: ['urgent'] },
        actions: { assigneeId: w.otherAgent.id },
        applyOnUpdate: true,
      });
      expect(rule.status).toBe(201);
      try {
        const edited = await happy('new');
        const fixtureUpdates = await updates(edited.id);
        const res = await t
          .http()
          .patch(`/api/v1/tickets/${edited.id}`)
          .set('Authorization', bearer(w.dispatcher))
          .send({ version: 1, priority: 'urgent' });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'in_progress', assigneeId: w.otherAgent.id });
        expect((await updates(edited.id)) - fixtureUpdates).toBe(1);
      } finally {
        await api(w.admin).delete(`/assignment-rules/${rule.body.id}`).expect(204);
      }

      const level1 = await t.factory.group(`L1 ${uniq()}`, [w.otherAgent.id]);
      await t.db.query(
        `UPDATE groups SET support_level = 1, distribution = 'round_robin' WHERE id = $1`,
        [level1.id],
      );
      const escalated = await happy('new');
      const esc = await api(w.agent).post(`/tickets/${escalated.id}/escalation`, {
        version: 1,
        reason: 'Needs the second pair of eyes',
        groupId: level1.id,
      });
      expect(esc.status).toBe(200);
      expect(await row(escalated.id)).toMatchObject({
        status: 'in_progress',
        assignee_id: w.otherAgent.id,
      });
    });

    it.each(['waiting_for_customer', 'hold', 'in_progress'])(
      'taking or assigning a ticket in %s leaves its status alone',
      async (status) => {
        const taken = await happy(status);
        expect((await api(w.agent).post(`/tickets/${taken.id}/take`, { version: 1 })).status).toBe(
          200,
        );
        const assigned = await happy(status);
        expect(
          (
            await api(w.dispatcher).post(`/tickets/${assigned.id}/assignment`, {
              version: 1,
              assigneeId: w.agent.id,
            })
          ).status,
        ).toBe(200);
        for (const id of [taken.id, assigned.id]) {
          expect(await row(id)).toMatchObject({ status, assignee_id: w.agent.id, version: 2 });
          expect(await statusEvents(id)).toEqual([]);
        }
      },
    );

    it('clearing the assignee or changing only the group moves nothing', async () => {
      const tk = await happy('new');
      const res = await api(w.dispatcher).post(`/tickets/${tk.id}/assignment`, {
        version: 1,
        groupId: w.otherGroup.id,
      });
      expect(res.status).toBe(200);
      expect(await row(tk.id)).toMatchObject({ status: 'new', assignee_id: null });
    });
  });

  describe('which trigger wins', () => {
    it('a take meets `taken` before `assigned`; an assignment only `assigned`', async () => {
      const fx = await createWorkflowFixture(t.db, {
        statuses: [
          { key: 'new', category: 'new', initial: true },
          { key: 'mine', category: 'open' },
          { key: 'routed', category: 'open' },
        ],
        transitions: [{ from: 'new', to: 'mine' }],
        timers: [
          { status: 'new', trigger: 'taken', to: 'mine' },
          { status: 'new', trigger: 'assigned', to: 'routed' },
        ],
      });
      const seed = { typeKey: fx.typeKey, status: 'new', groupId: w.group.id };
      const taken = await t.factory.ticket(seed);
      const assigned = await t.factory.ticket(seed);
      await api(w.agent).post(`/tickets/${taken.id}/take`, {}).expect(200);
      await api(w.dispatcher)
        .post(`/tickets/${assigned.id}/assignment`, { version: 1, assigneeId: w.agent.id })
        .expect(200);
      expect((await row(taken.id)).status).toBe('mine');
      expect((await row(assigned.id)).status).toBe('routed');
    });
  });

  describe('Pythagoras: the project manager hands a ticket to a member → Solving', () => {
    let manager: Persona;
    let member: Persona;
    let outsider: Persona;
    let projectId: string;
    let otherProjectId: string;

    const persona = async (name: string): Promise<Persona> => {
      const u = await t.factory.user({ role: 'agent', name });
      return { id: u.id, email: u.email, token: await t.tokenFor(u.id) };
    };

    beforeAll(async () => {
      manager = await persona('Project manager (agent role)');
      member = await persona('Project member');
      outsider = await persona('Not in the project');
      const insert = async (managerId: string, members: string[]) => {
        const [p] = await t.db.query(
          'INSERT INTO projects (name, manager_id) VALUES ($1, $2) RETURNING id',
          [`Project ${uniq()}`, managerId],
        );
        for (const m of members) {
          await t.db.query('INSERT INTO project_members (project_id, user_id) VALUES ($1, $2)', [
            p.id,
            m,
          ]);
        }
        return p.id as string;
      };
      projectId = await insert(manager.id, [member.id]);
      // The manager is a member of another project they do not manage: they see its tickets.
      otherProjectId = await insert(w.admin.id, [manager.id, member.id]);
    });

    /** A new ticket of the project, addressed to its manager as Pythagoras does. */
    const projectTicket = async (project = projectId, status = 'new') => {
      const tk = await t.factory.ticket({
        typeKey: typeKeys.pythagoras,
        status,
        requesterId: w.clientA.id,
        organizationId: w.orgA.id,
        assigneeId: project === projectId ? manager.id : w.admin.id,
      });
      await t.db.query('UPDATE tickets SET project_id = $2 WHERE id = $1', [tk.id, project]);
      return tk;
    };

    it('an agent-role manager hands a ticket of their project to a member: it becomes Solving', async () => {
      const tk = await projectTicket();
      const fixtureUpdates = await updates(tk.id);
      const res = await api(manager).post(`/tickets/${tk.id}/assignment`, {
        version: tk.version,
        assigneeId: member.id,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'solving', assigneeId: member.id, version: 2 });
      expect((await updates(tk.id)) - fixtureUpdates).toBe(1);
      expect(await history(tk.id)).toEqual([
        expect.objectContaining({
          kind: 'assigned',
          actorId: manager.id,
          newValue: { assigneeId: member.id, groupId: null },
        }),
        { kind: 'status_changed', actorId: null, oldValue: 'new', newValue: 'solving' },
      ]);
      // The solver now works it along the workflow.
      await api(member)
        .post(`/tickets/${tk.id}/transitions`, { to: 'done', version: 2 })
        .expect(200);
    });

    it('a non-member is a 422 and a group change a 403; nothing is written', async () => {
      const tk = await projectTicket();
      const notMember = await api(manager).post(`/tickets/${tk.id}/assignment`, {
        version: 1,
        assigneeId: outsider.id,
      });
      expect(notMember.status).toBe(422);
      expect(notMember.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(notMember.body.errors).toEqual([
        { field: 'assigneeId', message: "is not a member of the ticket's project" },
      ]);
      const noOne = await api(manager).post(`/tickets/${tk.id}/assignment`, {
        version: 1,
        assigneeId: null,
      });
      expect(noOne.status).toBe(422);
      const group = await api(manager).post(`/tickets/${tk.id}/assignment`, {
        version: 1,
        assigneeId: member.id,
        groupId: w.group.id,
      });
      expect(group.status).toBe(403);
      expect(await row(tk.id)).toMatchObject({
        status: 'new',
        assignee_id: manager.id,
        version: 1,
      });
    });

    it('only inside their project: a project they are a member of is 403, an invisible ticket 404', async () => {
      const other = await projectTicket(otherProjectId);
      const res = await api(manager).post(`/tickets/${other.id}/assignment`, {
        version: 1,
        assigneeId: member.id,
      });
      expect(res.status).toBe(403);
      const invisible = await t.factory.ticket({
        typeKey: typeKeys.pythagoras,
        status: 'new',
        assigneeId: w.otherAgent.id,
        groupId: w.otherGroup.id,
      });
      const hidden = await api(manager).post(`/tickets/${invisible.id}/assignment`, {
        version: 1,
        assigneeId: member.id,
      });
      expect(hidden.status).toBe(404);
      // A member who does not manage the project cannot hand it over either.
      const tk = await projectTicket();
      const byMember = await api(member).post(`/tickets/${tk.id}/assignment`, {
        version: 1,
        assigneeId: member.id,
      });
      expect(byMember.status).toBe(403);
      expect(await row(other.id)).toMatchObject({ status: 'new', assignee_id: w.admin.id });
      expect(await row(tk.id)).toMatchObject({ status: 'new', assignee_id: manager.id });
    });

    it('a client is refused before any lookup', async () => {
      const tk = await projectTicket();
      const res = await api(w.clientA).post(`/tickets/${tk.id}/assignment`, {
        version: 1,
        assigneeId: member.id,
      });
      expect(res.status).toBe(403);
    });

    it('a dispatcher assigning is no handover: the ticket stays New', async () => {
      const tk = await projectTicket();
      const res = await api(w.dispatcher).post(`/tickets/${tk.id}/assignment`, {
        version: 1,
        assigneeId: member.id,
      });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('new');
    });

    describe('a dispatcher who manages the project (the department rule is for other assignments)', () => {
      let dispatcherManager: Persona;
      let ownProjectId: string;

      beforeAll(async () => {
        // In a department of their own, so `member` (in none) is outside it.
        const dept = await t.factory.department(`Dispatch ${uniq()}`);
        const u = await t.factory.user({
          role: 'dispatcher',
          departmentId: dept.id,
          name: 'Dispatcher managing a project',
        });
        dispatcherManager = { id: u.id, email: u.email, token: await t.tokenFor(u.id) };
        const [p] = await t.db.query(
          'INSERT INTO projects (name, manager_id) VALUES ($1, $2) RETURNING id',
          [`Project ${uniq()}`, u.id],
        );
        ownProjectId = p.id as string;
        await t.db.query('INSERT INTO project_members (project_id, user_id) VALUES ($1, $2)', [
          ownProjectId,
          member.id,
        ]);
      });

      const ownTicket = async () => {
        const tk = await projectTicket(ownProjectId);
        await t.db.query('UPDATE tickets SET assignee_id = $2 WHERE id = $1', [
          tk.id,
          dispatcherManager.id,
        ]);
        return tk;
      };

      it('hands a ticket of their project to a member outside their department: it becomes Solving', async () => {
        const tk = await ownTicket();
        const res = await api(dispatcherManager).post(`/tickets/${tk.id}/assignment`, {
          version: tk.version,
          assigneeId: member.id,
        });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'solving', assigneeId: member.id });
      });

      it('the department rule still holds outside the project, for a non-member and with a group change', async () => {
        // Another manager's project: an ordinary dispatcher's assignment.
        const elsewhere = await projectTicket(projectId);
        const notTheirProject = await api(dispatcherManager).post(
          `/tickets/${elsewhere.id}/assignment`,
          { version: elsewhere.version, assigneeId: member.id },
        );
        expect(notTheirProject.status).toBe(403);
        const own = await ownTicket();
        const notMember = await api(dispatcherManager).post(`/tickets/${own.id}/assignment`, {
          version: own.version,
          assigneeId: outsider.id,
        });
        expect(notMember.status).toBe(403);
        const withGroup = await api(dispatcherManager).post(`/tickets/${own.id}/assignment`, {
          version: own.version,
          assigneeId: member.id,
          groupId: w.group.id,
        });
        expect(withGroup.status).toBe(403);
        expect(await row(elsewhere.id)).toMatchObject({ status: 'new', assignee_id: manager.id });
        expect(await row(own.id)).toMatchObject({
          status: 'new',
          assignee_id: dispatcherManager.id,
        });
      });
    });

    it('the permission is decided before the references: 403 for one who manages no project, 422 after it for the manager', async () => {
      const unknownId = randomUUID();
      // `w.agent` sees this ticket (their group) and manages no project.
      const tk = await happy('new');
      for (const body of [
        { version: tk.version, assigneeId: unknownId },
        { version: tk.version, assigneeId: w.clientA.id },
        { version: tk.version, assigneeId: w.otherAgent.id },
        { version: tk.version, groupId: unknownId },
        { version: tk.version + 5, assigneeId: unknownId },
      ]) {
        const res = await api(w.agent).post(`/tickets/${tk.id}/assignment`, body);
        expect({ body, status: res.status }).toEqual({ body, status: 403 });
      }
      const own = await projectTicket();
      const unknown = await api(manager).post(`/tickets/${own.id}/assignment`, {
        version: own.version,
        assigneeId: unknownId,
      });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([
        { field: 'assigneeId', message: 'no active user with this id' },
      ]);
      // A group change is refused as such, whether or not the group exists.
      const group = await api(manager).post(`/tickets/${own.id}/assignment`, {
        version: own.version,
        assigneeId: member.id,
        groupId: unknownId,
      });
      expect(group.status).toBe(403);
      expect(await row(tk.id)).toMatchObject({ status: 'new', assignee_id: null, version: 1 });
      expect(await row(own.id)).toMatchObject({ status: 'new', assignee_id: manager.id });
    });
  });

  describe('notifications of the automatic change', () => {
    it('skip the person whose assignment caused it, and reach the others', async () => {
      // A workflow that reopens a resolved ticket once it is assigned: a reopen is told to
      // the assignee, who here may be the dispatcher who just assigned it to themselves.
      const { typeKey } = await createWorkflowFixture(t.db, {
        statuses: [
          { key: 'new', category: 'new', initial: true },
          { key: 'open', category: 'open' },
          { key: 'done', category: 'resolved' },
        ],
        transitions: [],
        timers: [{ status: 'done', trigger: 'assigned', to: 'open' }],
      });
      const done = () =>
        t.factory.ticket({
          typeKey,
          status: 'done',
          requesterId: w.clientA.id,
          organizationId: w.orgA.id,
          groupId: w.group.id,
          assigneeId: w.otherAgent.id,
        });
      const reopenedTo = async (id: string) =>
        (
          await t.db.query(
            `SELECT user_id FROM notifications WHERE ticket_id = $1 AND kind = 'ticket_reopened'`,
            [id],
          )
        ).map((r: { user_id: string }) => r.user_id);
      await t.drainNotifications();

      const self = await done();
      const mine = await api(w.dispatcher).post(`/tickets/${self.id}/assignment`, {
        version: self.version,
        assigneeId: w.dispatcher.id,
      });
      expect(mine.status).toBe(200);
      expect(mine.body.status).toBe('open');
      const other = await done();
      const theirs = await api(w.dispatcher).post(`/tickets/${other.id}/assignment`, {
        version: other.version,
        assigneeId: w.agent.id,
      });
      expect(theirs.body.status).toBe('open');
      await t.drainNotifications();
      expect(await reopenedTo(self.id)).toEqual([]);
      expect(await reopenedTo(other.id)).toEqual([w.agent.id]);
      // The change itself stays the system's.
      expect(await statusEvents(self.id)).toEqual([{ from: 'done', to: 'open', actorId: null }]);
    });
  });

  describe('the editor round trip', () => {
    it('stores and returns the new triggers; afterSeconds stays for after_time only', async () => {
      const created = await api(w.admin).post('/workflows', {
        key: `assign_${uniq()}`,
        name: { en: 'Assignment triggers' },
        statuses: [
          { key: 'new', name: { en: 'New' }, category: 'new', isInitial: true },
          { key: 'triage', name: { en: 'Triage' }, category: 'new' },
          { key: 'work', name: { en: 'Work' }, category: 'open' },
          { key: 'done', name: { en: 'Done' }, category: 'closed', isFinal: true },
        ],
        transitions: [{ from: 'work', to: 'done' }],
        autoTransitions: [
          { status: 'new', trigger: 'assigned', to: 'work' },
          { status: 'triage', trigger: 'assigned', to: 'work' },
          { status: 'new', trigger: 'taken', to: 'work' },
          { status: 'new', trigger: 'handed_over', to: 'triage' },
        ],
      });
      expect(created.status).toBe(201);
      const read = await api(w.admin).get(`/workflows/${created.body.id}`);
      expect(read.body.autoTransitions).toEqual([
        { status: 'new', trigger: 'assigned', afterSeconds: null, to: 'work' },
        { status: 'new', trigger: 'handed_over', afterSeconds: null, to: 'triage' },
        { status: 'new', trigger: 'taken', afterSeconds: null, to: 'work' },
        { status: 'triage', trigger: 'assigned', afterSeconds: null, to: 'work' },
      ]);
      const bad = await api(w.admin).put(`/workflows/${created.body.id}`, {
        ...read.body,
        id: undefined,
        autoTransitions: [
          { status: 'new', trigger: 'taken', afterSeconds: 60, to: 'work' },
          { status: 'done', trigger: 'assigned', to: 'work' },
          { status: 'new', trigger: 'handed_over', to: 'new' },
        ],
      });
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'autoTransitions[0].afterSeconds',
        'autoTransitions[1].status',
        'autoTransitions[2].to',
      ]);
      const unknown = await api(w.admin).put(`/workflows/${created.body.id}`, {
        ...read.body,
        id: undefined,
        autoTransitions: [{ status: 'new', trigger: 'reassigned', to: 'work' }],
      });
      expect(unknown.status).toBe(400);
    });

    it('the presets ship the new transitions', async () => {
      const auto = async (key: string) =>
        (await api(w.admin).get(`/workflows/${workflowIds[key]}`)).body.autoTransitions;
      expect(await auto('happydesk')).toContainEqual({
        status: 'new',
        trigger: 'assigned',
        afterSeconds: null,
        to: 'in_progress',
      });
      expect(await auto('pythagoras')).toEqual([
        { status: 'new', trigger: 'handed_over', afterSeconds: null, to: 'solving' },
      ]);
    });
  });

  describe('the upgrade of existing installations (migration 1765500000001)', () => {
    /**
     * A preset installed before issue 16: the preset as issue 16 shipped it less the row it
     * gained. HappyDesk from its frozen copy (the live preset has changed since); Pythagoras is
     * still as issue 16 shipped it.
     */
    const installOld = async (preset: string, trigger: string) => {
      const key = `old_${preset}_${uniq()}`;
      let id: string;
      if (preset === 'happydesk') {
        id = await createWorkflow(
          t.db.manager,
          { key, name: { en: key }, ...HAPPYDESK_SHIPPED_1765500000001 },
          t.clock.now(),
        );
      } else {
        const res = await api(w.admin).post(`/workflows/presets/${preset}/install`, { key });
        expect(res.status).toBe(201);
        id = res.body.id as string;
      }
      await t.db.query('DELETE FROM workflow_timers WHERE workflow_id = $1 AND trigger = $2', [
        id,
        trigger,
      ]);
      return id;
    };
    const triggers = async (id: string) =>
      (
        (await t.db.query(
          'SELECT status_key, trigger, to_status FROM workflow_timers WHERE workflow_id = $1 ORDER BY status_key, trigger',
          [id],
        )) as { status_key: string; trigger: string; to_status: string }[]
      ).map((r) => `${r.status_key}:${r.trigger}:${r.to_status}`);

    it('adds the transitions to unchanged presets only, under any key; edited ones are left alone', async () => {
      const happyOld = await installOld('happydesk', 'assigned');
      const pythOld = await installOld('pythagoras', 'handed_over');
      // An admin renamed a status of one and added a transition to the other.
      const happyEdited = await installOld('happydesk', 'assigned');
      await t.db.query(
        `UPDATE workflow_statuses SET name = '{"en":"Working","ru":"В работе","cs":"Řeší se"}'
          WHERE workflow_id = $1 AND key = 'in_progress'`,
        [happyEdited],
      );
      const pythEdited = await installOld('pythagoras', 'handed_over');
      await t.db.query(
        `INSERT INTO workflow_transitions (workflow_id, from_status, to_status, allowed_roles, position)
         VALUES ($1, 'new', 'returned', '{admin}', 99)`,
        [pythEdited],
      );
      const before = {
        happyEdited: await triggers(happyEdited),
        pythEdited: await triggers(pythEdited),
        happyCurrent: await triggers(workflowIds.happydesk),
      };
      const versions = async () =>
        Object.fromEntries(
          (
            (await t.db.query('SELECT id, version FROM workflows WHERE id = ANY($1)', [
              [happyOld, pythOld, happyEdited, pythEdited, workflowIds.happydesk],
            ])) as { id: string; version: number }[]
          ).map((r) => [r.id, r.version]),
        );
      const versionsBefore = await versions();

      const runner = t.db.createQueryRunner();
      try {
        await new PresetAssignmentTransitions1765500000001().up(runner);
      } finally {
        await runner.release();
      }

      expect(await triggers(happyOld)).toContain('new:assigned:in_progress');
      expect(await triggers(pythOld)).toEqual(['new:handed_over:solving']);
      expect(await triggers(happyEdited)).toEqual(before.happyEdited);
      expect(await triggers(happyEdited)).not.toContain('new:assigned:in_progress');
      expect(await triggers(pythEdited)).toEqual([]);
      expect(before.pythEdited).toEqual([]);
      // Already current: not touched a second time.
      expect(await triggers(workflowIds.happydesk)).toEqual(before.happyCurrent);
      const versionsAfter = await versions();
      expect(versionsAfter[happyOld]).toBe(versionsBefore[happyOld] + 1);
      expect(versionsAfter[happyEdited]).toBe(versionsBefore[happyEdited]);
      expect(versionsAfter[workflowIds.happydesk]).toBe(versionsBefore[workflowIds.happydesk]);

      // The upgraded preset works like a fresh one.
      const typeKey = `upgraded_${uniq()}`;
      await t.db.query(
        `INSERT INTO ticket_types (key, name, is_public, workflow_id) VALUES ($1, '{"en":"u"}', true, $2)`,
        [typeKey, happyOld],
      );
      const tk = await t.factory.ticket({ typeKey, status: 'new', groupId: w.group.id });
      await api(w.agent).post(`/tickets/${tk.id}/take`, {}).expect(200);
      expect((await row(tk.id)).status).toBe('in_progress');
    });
  });
});
