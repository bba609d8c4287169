import { randomBytes } from 'node:crypto';
import { AssignmentRulesEngine } from '../src/modules/assignment/assignment-rules.engine';
import { seedOnFirstStart } from '../src/database/seeds/seed-on-start';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

const uniq = () => randomBytes(4).toString('hex');

interface Ticket {
  id: string;
  version: number;
  priority: string;
  groupId: string | null;
  assigneeId: string | null;
  supportLevel: number | null;
}

interface HistoryLine {
  kind: string;
  field: string | null;
  oldValue: Record<string, unknown> | null;
  newValue: Record<string, unknown> | null;
  actor: { id: string } | null;
  internal: boolean;
}

describe('assignment: rules, group distribution, support levels, dispatcher scope', () => {
  let t: TestApp;
  let w: World;
  let typeIds: Record<string, string>;

  const as = (p: { token: string }) => ({
    get: (path: string) => t.http().get(path).set('Authorization', bearer(p)),
    post: (path: string, body: object) =>
      t.http().post(path).set('Authorization', bearer(p)).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(path).set('Authorization', bearer(p)).send(body),
    delete: (path: string) => t.http().delete(path).set('Authorization', bearer(p)),
  });

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const types = (await as(w.admin).get('/api/v1/ticket-types')).body as {
      id: string;
      key: string;
    }[];
    typeIds = Object.fromEntries(types.map((x) => [x.key, x.id]));
  });
  afterAll(() => t.close());

  /** Rules are global and the first match wins: every test starts without any. */
  async function noRules(): Promise<void> {
    await t.db.query('DELETE FROM assignment_rules');
    t.app.get(AssignmentRulesEngine).invalidate();
  }

  async function rule(body: object): Promise<{ id: string; version: number; position: number }> {
    const res = await as(w.admin).post('/api/v1/assignment-rules', {
      name: `Rule ${uniq()}`,
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function staff(seed: Parameters<TestApp['factory']['user']>[0] = {}): Promise<Persona> {
    const u = await t.factory.user({ role: 'agent', ...seed });
    return { id: u.id, email: u.email, token: await t.tokenFor(u.id) };
  }

  async function group(body: {
    memberIds?: string[];
    supportLevel?: number | null;
    distribution?: string;
    name?: string;
  }): Promise<{ id: string; version: number }> {
    const res = await as(w.admin).post('/api/v1/groups', { name: `Group ${uniq()}`, ...body });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function create(who: Persona, body: object): Promise<Ticket> {
    const res = await as(who).post('/api/v1/tickets', { subject: `Ticket ${uniq()}`, ...body });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function history(ticketId: string): Promise<HistoryLine[]> {
    const res = await as(w.admin).get(`/api/v1/tickets/${ticketId}/history`);
    expect(res.status).toBe(200);
    return res.body.items;
  }

  describe('rules API', () => {
    beforeEach(noRules);

    it('creates, lists in order, moves, changes with a version and deletes rules', async () => {
      const a = await rule({ name: 'A', actions: { priority: 'high' } });
      const b = await rule({ name: 'B', actions: { priority: 'low' } });
      const c = await rule({ name: 'C', actions: { groupId: w.group.id }, position: 1 });
      const names = async () =>
        ((await as(w.admin).get('/api/v1/assignment-rules')).body as { name: string }[]).map(
          (r) => r.name,
        );
      expect(await names()).toEqual(['C', 'A', 'B']);

      const moved = await as(w.admin).patch(`/api/v1/assignment-rules/${b.id}`, {
        version: b.version,
        position: 1,
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ name: 'B', position: 1, version: b.version + 1 });
      expect(await names()).toEqual(['B', 'C', 'A']);

      const stale = await as(w.admin).patch(`/api/v1/assignment-rules/${b.id}`, {
        version: b.version,
        name: 'B2',
      });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(b.version + 1);

      const changed = await as(w.admin).patch(`/api/v1/assignment-rules/${a.id}`, {
        version: a.version,
        applyOnUpdate: true,
        conditions: { priorities: ['urgent'], subjectWords: [' насос '] },
        actions: { supportLevel: 2 },
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        applyOnUpdate: true,
        conditions: { priorities: ['urgent'], subjectWords: ['насос'] },
        actions: { groupId: null, assigneeId: null, priority: null, supportLevel: 2 },
      });

      expect((await as(w.admin).delete(`/api/v1/assignment-rules/${c.id}`)).status).toBe(204);
      expect((await as(w.admin).get(`/api/v1/assignment-rules/${c.id}`)).status).toBe(404);
      const after = (await as(w.admin).get('/api/v1/assignment-rules')).body as {
        name: string;
        position: number;
      }[];
      expect(after.map((r) => [r.name, r.position])).toEqual([
        ['B', 1],
        ['A', 2],
      ]);
    });

    it('refuses rules without actions, with unknown references, and unknown fields', async () => {
      const none = await as(w.admin).post('/api/v1/assignment-rules', {
        name: 'Nothing',
        actions: {},
      });
      expect(none.status).toBe(422);
      const missing = await as(w.admin).post('/api/v1/assignment-rules', {
        name: 'Ghosts',
        conditions: { typeIds: ['00000000-0000-4000-8000-000000000000'] },
        actions: { groupId: '00000000-0000-4000-8000-000000000001', assigneeId: w.clientA.id },
      });
      expect(missing.status).toBe(422);
      expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'actions.assigneeId',
        'actions.groupId',
        'conditions.typeIds',
      ]);
      const level = await as(w.admin).post('/api/v1/assignment-rules', {
        name: 'L4',
        actions: { supportLevel: 4 },
      });
      expect(level.status).toBe(400);
      const unknown = await as(w.admin).post('/api/v1/assignment-rules', {
        name: 'Extra',
        actions: { priority: 'high' },
        conditions: { colour: 'red' },
      });
      expect(unknown.status).toBe(400);
      expect((await as(w.dispatcher).get('/api/v1/assignment-rules')).status).toBe(403);
    });
  });

  describe('conditions', () => {
    beforeEach(noRules);

    /** One rule with `conditions` that sets priority urgent: did `body` match it? */
    const matches = async (who: Persona, body: object) =>
      (await create(who, body)).priority === 'urgent';
    const urgentWhen = (conditions: object) =>
      rule({ conditions, actions: { priority: 'urgent' } }).then(() => undefined);

    it('ticket type', async () => {
      await urgentWhen({ typeIds: [typeIds.microclimate] });
      expect(await matches(w.agent, { typeId: typeIds.microclimate })).toBe(true);
      expect(await matches(w.agent, { typeId: typeIds.technological_equipment })).toBe(false);
      expect(await matches(w.agent, {})).toBe(false);
    });

    it('category, a parent matching its subcategories', async () => {
      const [parent] = (await t.db.query(
        `INSERT INTO categories (name) VALUES ('{"en":"Hardware"}') RETURNING id`,
      )) as { id: string }[];
      const [child] = (await t.db.query(
        `INSERT INTO categories (name, parent_id) VALUES ('{"en":"Printers"}', $1) RETURNING id`,
        [parent.id],
      )) as { id: string }[];
      const [other] = (await t.db.query(
        `INSERT INTO categories (name) VALUES ('{"en":"Software"}') RETURNING id`,
      )) as { id: string }[];
      await urgentWhen({ categoryIds: [parent.id] });
      expect(await matches(w.agent, { categoryId: parent.id })).toBe(true);
      expect(await matches(w.agent, { categoryId: child.id })).toBe(true);
      expect(await matches(w.agent, { categoryId: other.id })).toBe(false);
    });

    it('priority (the one the ticket is filed with)', async () => {
      await rule({ conditions: { priorities: ['high'] }, actions: { groupId: w.otherGroup.id } });
      expect((await create(w.dispatcher, { priority: 'high' })).groupId).toBe(w.otherGroup.id);
      expect((await create(w.dispatcher, { priority: 'normal' })).groupId).toBeNull();
    });

    it('organization', async () => {
      await urgentWhen({ organizationIds: [w.orgA.id] });
      expect(await matches(w.agent, { organizationId: w.orgA.id })).toBe(true);
      expect(await matches(w.agent, { organizationId: w.orgB.id })).toBe(false);
      // a client's ticket belongs to the client's organization
      expect(await matches(w.clientA, {})).toBe(true);
      expect(await matches(w.clientB, {})).toBe(false);
    });

    it('project', async () => {
      const [p] = (await t.db.query(
        `INSERT INTO projects (name, manager_id) VALUES ($1, $2) RETURNING id`,
        [`Project ${uniq()}`, w.dispatcher.id],
      )) as { id: string }[];
      await urgentWhen({ projectIds: [p.id] });
      expect(await matches(w.admin, { projectId: p.id })).toBe(true);
      expect(await matches(w.admin, {})).toBe(false);
    });

    it('channel', async () => {
      await urgentWhen({ channels: ['portal'] });
      expect(await matches(w.clientA, {})).toBe(true);
      expect(await matches(w.agent, {})).toBe(false);
    });

    it('a custom field equal to a value', async () => {
      const key = `site_${uniq()}`;
      await t.db.query(
        `INSERT INTO ticket_type_fields (type_id, key, name, kind) VALUES ($1, $2, '{"en":"Site"}', 'text')`,
        [typeIds.microclimate, key],
      );
      await urgentWhen({ customField: { key, value: 'Теплица Север' } });
      const body = (v: string) => ({ typeId: typeIds.microclimate, customFields: { [key]: v } });
      expect(await matches(w.agent, body('теплица север'))).toBe(true);
      expect(await matches(w.agent, body('Теплица Юг'))).toBe(false);
      expect(await matches(w.agent, { typeId: typeIds.microclimate })).toBe(false);
    });

    it('words in the subject: any of, whole words, ignoring case and diacritics, with prefixes', async () => {
      await urgentWhen({ subjectWords: ['не работает', 'nefunguje', 'tiskárna', 'принтер*'] });
      for (const subject of [
        'Насос НЕ РАБОТАЕТ с утра',
        'Ещё не работает!',
        'Klimatizace NEFUNGUJE',
        'klimatizace nefunguje',
        'Tiskarna v kanceláři',
        'TISKÁRNA hlásí chybu',
        'Замена картриджа принтера',
      ]) {
        expect({ subject, matched: await matches(w.agent, { subject }) }).toEqual({
          subject,
          matched: true,
        });
      }
      for (const subject of [
        'Насос работает',
        'Klimatizace funguje',
        'Tiskárny',
        'Спринтер сломался',
        'nefungujeme',
      ]) {
        expect({ subject, matched: await matches(w.agent, { subject }) }).toEqual({
          subject,
          matched: false,
        });
      }
    });

    it('all conditions of a rule must match', async () => {
      await urgentWhen({ organizationIds: [w.orgA.id], subjectWords: ['pump'] });
      expect(await matches(w.agent, { organizationId: w.orgA.id, subject: 'Pump down' })).toBe(
        true,
      );
      expect(await matches(w.agent, { organizationId: w.orgB.id, subject: 'Pump down' })).toBe(
        false,
      );
      expect(await matches(w.agent, { organizationId: w.orgA.id, subject: 'Fan down' })).toBe(
        false,
      );
    });
  });

  describe('actions, order and history', () => {
    beforeEach(noRules);

    it('sets group, agent and priority, and names the rule in the history', async () => {
      const r = await rule({
        name: 'Pumps to the L2 crew',
        conditions: { subjectWords: ['pump'] },
        actions: { groupId: w.otherGroup.id, assigneeId: w.otherAgent.id, priority: 'high' },
      });
      const created = await create(w.clientA, { subject: 'Pump leaks' });
      // The client's answer has no routing in it; staff see where the ticket went.
      expect(created).not.toHaveProperty('groupId');
      expect(created).not.toHaveProperty('assigneeId');
      const ticket = (await as(w.admin).get(`/api/v1/tickets/${created.id}`)).body as Ticket;
      expect(ticket).toMatchObject({
        groupId: w.otherGroup.id,
        assigneeId: w.otherAgent.id,
        priority: 'high',
      });
      const lines = await history(ticket.id);
      expect(lines.map((l) => l.kind)).toEqual(['created', 'rule_applied']);
      expect(lines[1]).toMatchObject({
        actor: null,
        internal: true,
        newValue: {
          ruleId: r.id,
          ruleName: 'Pumps to the L2 crew',
          groupId: w.otherGroup.id,
          assigneeId: w.otherAgent.id,
          priority: 'high',
        },
      });
      // the client never sees routing
      const forClient = await as(w.clientA).get(`/api/v1/tickets/${ticket.id}/history`);
      expect(forClient.body.items.map((l: HistoryLine) => l.kind)).toEqual(['created']);
    });

    it('sets a support level: the first active group of that level when the rule names none', async () => {
      await group({ name: `ZZ L3 ${uniq()}`, supportLevel: 3 });
      const first = await group({ name: `AA L3 ${uniq()}`, supportLevel: 3 });
      await group({ name: `AA L3 inactive ${uniq()}`, supportLevel: 3 }).then((g) =>
        as(w.admin).patch(`/api/v1/groups/${g.id}`, { version: g.version, active: false }),
      );
      await rule({ conditions: { subjectWords: ['reactor'] }, actions: { supportLevel: 3 } });
      const ticket = await create(w.agent, { subject: 'Reactor warning' });
      expect(ticket).toMatchObject({ groupId: first.id, supportLevel: 3 });
    });

    it('the first matching rule wins; moving a rule up changes the winner', async () => {
      await rule({ name: 'first', actions: { priority: 'high' } });
      const second = await rule({ name: 'second', actions: { priority: 'low' } });
      const one = await create(w.agent, {});
      expect(one.priority).toBe('high');
      await as(w.admin).patch(`/api/v1/assignment-rules/${second.id}`, {
        version: second.version,
        position: 1,
      });
      const two = await create(w.agent, {});
      expect(two.priority).toBe('low');
      const lines = await history(two.id);
      expect(lines.filter((l) => l.kind === 'rule_applied')).toHaveLength(1);
      expect(lines[1].newValue).toMatchObject({ ruleName: 'second' });
    });

    it('skips inactive rules, and what the request says wins over the rule', async () => {
      const off = await rule({ name: 'off', actions: { priority: 'low' } });
      await as(w.admin).patch(`/api/v1/assignment-rules/${off.id}`, {
        version: off.version,
        active: false,
      });
      await rule({
        name: 'on',
        actions: { priority: 'high', groupId: w.otherGroup.id, assigneeId: w.otherAgent.id },
      });
      const own = await create(w.agent, {
        priority: 'urgent',
        assigneeId: w.agent.id,
        groupId: w.group.id,
      });
      expect(own).toMatchObject({
        priority: 'urgent',
        assigneeId: w.agent.id,
        groupId: w.group.id,
      });
    });

    it('re-routes on update when the rule says so and a routing fact changed', async () => {
      const l2 = await group({ supportLevel: 2, distribution: 'manual' });
      await rule({
        name: 'Urgent goes to L2',
        applyOnUpdate: true,
        conditions: { priorities: ['urgent'] },
        actions: { groupId: l2.id },
      });
      await rule({ name: 'Create only', actions: { priority: 'low' } });
      const ticket = await create(w.dispatcher, {
        priority: 'normal',
        groupId: w.group.id,
        assigneeId: w.agent.id,
      });
      // the create-only rule applied at creation, but the request's priority won
      expect(ticket.priority).toBe('normal');
      const subjectOnly = await as(w.dispatcher).patch(`/api/v1/tickets/${ticket.id}`, {
        version: ticket.version,
        subject: 'Still nothing to re-route',
      });
      expect(subjectOnly.body).toMatchObject({ groupId: w.group.id, assigneeId: w.agent.id });
      t.clock.advance(1000); // history is ordered by time
      const res = await as(w.dispatcher).patch(`/api/v1/tickets/${ticket.id}`, {
        version: subjectOnly.body.version,
        priority: 'urgent',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        priority: 'urgent',
        groupId: l2.id,
        assigneeId: null,
        supportLevel: 2,
      });
      const lines = await history(ticket.id);
      expect(lines.at(-1)).toMatchObject({
        kind: 'rule_applied',
        newValue: { ruleName: 'Urgent goes to L2', groupId: l2.id, supportLevel: 2 },
      });
    });
  });

  describe('group distribution', () => {
    beforeEach(noRules);

    const counts = (tickets: Ticket[]) => {
      const n: Record<string, number> = {};
      for (const x of tickets) n[x.assigneeId ?? 'nobody'] = (n[x.assigneeId ?? 'nobody'] ?? 0) + 1;
      return n;
    };

    it('leaves tickets in a manual group unassigned', async () => {
      const member = await staff();
      const g = await group({ memberIds: [member.id] });
      expect((await create(w.dispatcher, { groupId: g.id })).assigneeId).toBeNull();
    });

    it('round robin gives each member N/k tickets, in turn, with a history line', async () => {
      const members = await Promise.all([staff(), staff(), staff()]);
      const g = await group({ memberIds: members.map((m) => m.id), distribution: 'round_robin' });
      const tickets: Ticket[] = [];
      for (let i = 0; i < 9; i++) tickets.push(await create(w.dispatcher, { groupId: g.id }));
      const order = tickets.map((x) => x.assigneeId);
      expect(order.slice(0, 3).sort()).toEqual(members.map((m) => m.id).sort());
      expect(order.slice(3, 6)).toEqual(order.slice(0, 3));
      expect(Object.values(counts(tickets))).toEqual([3, 3, 3]);
      const lines = await history(tickets[0].id);
      expect(lines.map((l) => l.kind)).toEqual(['created', 'auto_assigned']);
      expect(lines[1]).toMatchObject({
        actor: null,
        newValue: { assigneeId: order[0], groupId: g.id, distribution: 'round_robin' },
      });
    });

    it('stays fair under concurrent creates and never picks an out-of-office member', async () => {
      const members = await Promise.all([staff(), staff(), staff()]);
      const away = await staff();
      await t.db.query(
        `UPDATE users SET out_of_office_from = $2, out_of_office_until = $3 WHERE id = $1`,
        [
          away.id,
          new Date(t.clock.now().getTime() - 3600_000),
          new Date(t.clock.now().getTime() + 3600_000),
        ],
      );
      const g = await group({
        memberIds: [...members, away].map((m) => m.id),
        distribution: 'round_robin',
      });
      const tickets = await Promise.all(
        Array.from({ length: 12 }, () => create(w.dispatcher, { groupId: g.id })),
      );
      const n = counts(tickets);
      expect(n[away.id]).toBeUndefined();
      expect(n.nobody).toBeUndefined();
      for (const m of members) expect(Math.abs((n[m.id] ?? 0) - 4)).toBeLessThanOrEqual(1);
    });

    it('least open picks the member with the fewest open tickets; closed ones do not count', async () => {
      const [busy, idle] = await Promise.all([staff(), staff()]);
      for (let i = 0; i < 3; i++) await t.factory.ticket({ assigneeId: busy.id });
      for (let i = 0; i < 5; i++) {
        await t.factory.ticket({ assigneeId: idle.id, status: i % 2 ? 'resolved' : 'closed' });
      }
      const g = await group({ memberIds: [busy.id, idle.id], distribution: 'least_open' });
      const first = [];
      for (let i = 0; i < 3; i++)
        first.push((await create(w.dispatcher, { groupId: g.id })).assigneeId);
      expect(first).toEqual([idle.id, idle.id, idle.id]);
      // now 3 and 3: the two alternate
      const next = [];
      for (let i = 0; i < 4; i++)
        next.push((await create(w.dispatcher, { groupId: g.id })).assigneeId);
      expect(counts(next.map((assigneeId) => ({ assigneeId }) as Ticket))).toEqual({
        [busy.id]: 2,
        [idle.id]: 2,
      });
      expect(next[0]).not.toBe(next[1]);
    });

    it('skips inactive and out-of-office members, and takes them back when the period ends', async () => {
      const [a, b, c] = await Promise.all([staff(), staff(), staff()]);
      const g = await group({ memberIds: [a.id, b.id, c.id], distribution: 'round_robin' });
      const now = t.clock.now();
      const until = new Date(now.getTime() + 2 * 3600_000).toISOString();
      // a sets their own absence; an admin sets b's; c is deactivated
      const me = await as(a).patch('/api/v1/me', { outOfOfficeUntil: until });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ outOfOfficeFrom: null, outOfOfficeUntil: until });
      const bRow = (await as(w.admin).get(`/api/v1/users/${b.id}`)).body;
      const byAdmin = await as(w.admin).patch(`/api/v1/users/${b.id}`, {
        version: bRow.version,
        outOfOfficeFrom: new Date(now.getTime() - 60_000).toISOString(),
        outOfOfficeUntil: until,
      });
      expect(byAdmin.status).toBe(200);
      const cRow = (await as(w.admin).get(`/api/v1/users/${c.id}`)).body;
      await as(w.admin).patch(`/api/v1/users/${c.id}`, { version: cRow.version, active: false });

      expect((await create(w.dispatcher, { groupId: g.id })).assigneeId).toBeNull();

      t.clock.advance(2 * 3600_000);
      const back = [];
      for (let i = 0; i < 4; i++)
        back.push((await create(w.dispatcher, { groupId: g.id })).assigneeId);
      expect(counts(back.map((assigneeId) => ({ assigneeId }) as Ticket))).toEqual({
        [a.id]: 2,
        [b.id]: 2,
      });
    });

    it('refuses an absence that ends before it starts, and only admins change others', async () => {
      const a = await staff();
      const bad = await as(a).patch('/api/v1/me', {
        outOfOfficeFrom: '2026-03-10T10:00:00Z',
        outOfOfficeUntil: '2026-03-09T10:00:00Z',
      });
      expect(bad.status).toBe(422);
      const other = (await as(w.admin).get(`/api/v1/users/${w.otherAgent.id}`)).body;
      const byDispatcher = await as(w.dispatcher).patch(`/api/v1/users/${w.otherAgent.id}`, {
        version: other.version,
        outOfOfficeUntil: '2026-03-09T10:00:00Z',
      });
      expect(byDispatcher.status).toBe(403);
    });

    it('distributes when a dispatcher assigns a ticket to a group without an agent', async () => {
      const [m1] = await Promise.all([staff()]);
      const g = await group({ memberIds: [m1.id], distribution: 'round_robin', supportLevel: 1 });
      const ticket = await create(w.dispatcher, {});
      t.clock.advance(1000); // history is ordered by time
      const res = await as(w.dispatcher).post(`/api/v1/tickets/${ticket.id}/assignment`, {
        version: ticket.version,
        groupId: g.id,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ groupId: g.id, assigneeId: m1.id, supportLevel: 1 });
      const lines = await history(ticket.id);
      expect(lines.map((l) => l.kind)).toEqual([
        'created',
        'assigned',
        'field_changed',
        'auto_assigned',
      ]);
      // the level follows the group; the report reads it from this line
      expect(lines[2]).toMatchObject({ field: 'supportLevel', oldValue: null, newValue: 1 });
    });
  });

  describe('support levels and escalation', () => {
    let l1: { id: string };
    let l2: { id: string };
    let l3: { id: string };
    let l2member: Persona;
    beforeAll(async () => {
      await noRules();
      // Only these groups have levels in this block: earlier tests made others, retire them.
      await t.db.query('UPDATE groups SET support_level = NULL');
      l2member = await staff();
      l1 = await group({ name: 'Escalation L1', supportLevel: 1, memberIds: [w.agent.id] });
      l2 = await group({
        name: 'Escalation L2',
        supportLevel: 2,
        distribution: 'round_robin',
        memberIds: [l2member.id],
      });
      l3 = await group({ name: 'Escalation L3', supportLevel: 3 });
    });

    it('a ticket in a group carries the group’s level', async () => {
      const ticket = await create(w.dispatcher, { groupId: l1.id, assigneeId: w.agent.id });
      expect(ticket.supportLevel).toBe(1);
      const groups = (await as(w.agent).get(`/api/v1/groups/${l2.id}`)).body;
      expect(groups).toMatchObject({ supportLevel: 2, distribution: 'round_robin' });
    });

    it('escalates L1 → L2 → L3 with a reason, unassigning and redistributing, then 409', async () => {
      const ticket = await create(w.dispatcher, { groupId: l1.id, assigneeId: w.agent.id });
      t.clock.advance(1000); // history is ordered by time
      const toL2 = await as(w.agent).post(`/api/v1/tickets/${ticket.id}/escalation`, {
        version: ticket.version,
        reason: 'Needs a specialist',
      });
      expect(toL2.status).toBe(200);
      expect(toL2.body).toMatchObject({ supportLevel: 2, groupId: l2.id, assigneeId: l2member.id });
      // the L1 agent is no longer the assignee nor in L2: the ticket left their view
      expect(toL2.body.ticket).toBeNull();

      const current = (await as(w.admin).get(`/api/v1/tickets/${ticket.id}`)).body as Ticket;
      expect(current).toMatchObject({ supportLevel: 2, groupId: l2.id, assigneeId: l2member.id });
      t.clock.advance(1000);
      const toL3 = await as(w.dispatcher).post(`/api/v1/tickets/${ticket.id}/escalation`, {
        version: current.version,
        reason: 'Firmware bug',
        groupId: l3.id,
      });
      expect(toL3.status).toBe(200);
      expect(toL3.body.ticket).toMatchObject({ supportLevel: 3, groupId: l3.id, assigneeId: null });

      const top = await as(w.dispatcher).post(`/api/v1/tickets/${ticket.id}/escalation`, {
        version: toL3.body.ticket.version,
        reason: 'Even higher',
      });
      expect(top.status).toBe(409);

      const lines = (await history(ticket.id)).filter((l) => l.kind === 'escalated');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatchObject({
        internal: true,
        oldValue: { supportLevel: 1, groupId: l1.id, assigneeId: w.agent.id },
        newValue: { supportLevel: 2, groupId: l2.id, reason: 'Needs a specialist' },
      });
      expect(lines[1].newValue).toMatchObject({ supportLevel: 3, reason: 'Firmware bug' });
    });

    it('requires a reason and the current version, a group of the right level, and staff', async () => {
      const ticket = await create(w.dispatcher, { groupId: l1.id });
      const path = `/api/v1/tickets/${ticket.id}/escalation`;
      expect((await as(w.dispatcher).post(path, { version: ticket.version })).status).toBe(400);
      expect(
        (await as(w.dispatcher).post(path, { version: ticket.version, reason: '   ' })).status,
      ).toBe(400);
      expect((await as(w.dispatcher).post(path, { version: 99, reason: 'x' })).status).toBe(409);
      const wrongLevel = await as(w.dispatcher).post(path, {
        version: ticket.version,
        reason: 'x',
        groupId: l3.id,
      });
      expect(wrongLevel.status).toBe(422);
      expect(
        (await as(w.clientA).post(path, { version: ticket.version, reason: 'x' })).status,
      ).toBe(403);
    });

    it('reports tickets and time per level from the history', async () => {
      t.clock.set('2031-01-05T08:00:00Z');
      const a = await create(w.dispatcher, { groupId: l1.id });
      const b = await create(w.dispatcher, { groupId: l1.id });
      t.clock.advance(3600_000); // a and b: 1 h at L1
      const aL2 = await as(w.dispatcher).post(`/api/v1/tickets/${a.id}/escalation`, {
        version: a.version,
        reason: 'r',
      });
      t.clock.advance(3 * 3600_000); // b: 4 h at L1 when resolved; a: 3 h at L2
      await t.db.query(
        `UPDATE tickets SET resolved_at = $2, status_category = 'resolved' WHERE id = $1`,
        [b.id, t.clock.now()],
      );
      await as(w.dispatcher).post(`/api/v1/tickets/${a.id}/escalation`, {
        version: aL2.body.ticket.version,
        reason: 'r',
      });
      t.clock.advance(2 * 3600_000); // a: 2 h at L3 so far
      const res = await as(w.dispatcher).get(
        '/api/v1/reports/support-levels?from=2031-01-05T00:00:00Z&to=2031-01-06T00:00:00Z',
      );
      expect(res.status).toBe(200);
      expect(res.body.levels).toEqual([
        {
          level: 1,
          tickets: 2,
          averageSeconds: 2.5 * 3600,
          medianSeconds: 2.5 * 3600,
          escalatedOnwards: 1,
        },
        {
          level: 2,
          tickets: 1,
          averageSeconds: 3 * 3600,
          medianSeconds: 3 * 3600,
          escalatedOnwards: 1,
        },
        {
          level: 3,
          tickets: 1,
          averageSeconds: 2 * 3600,
          medianSeconds: 2 * 3600,
          escalatedOnwards: 0,
        },
      ]);
      expect((await as(w.agent).get('/api/v1/reports/support-levels')).status).toBe(403);
      const reversed = await as(w.dispatcher).get(
        '/api/v1/reports/support-levels?from=2031-01-06T00:00:00Z&to=2031-01-05T00:00:00Z',
      );
      expect(reversed.status).toBe(400);
      expect(reversed.body.errors).toEqual([{ field: 'from', message: 'must be before `to`' }]);
    });
  });

  describe('dispatcher scope', () => {
    it('a dispatcher assigns to their department and the ones below it, and to any group', async () => {
      const dispatcherUser = await t.factory.user({ role: 'dispatcher' });
      const dept = await t.factory.department(`Dispatch ${uniq()}`);
      const sub = await t.factory.department(`Dispatch sub ${uniq()}`, null, dept.id);
      await t.db.query('UPDATE users SET department_id = $1 WHERE id = $2', [
        dept.id,
        dispatcherUser.id,
      ]);
      const dispatcher = { ...dispatcherUser, token: await t.tokenFor(dispatcherUser.id) };
      const inDept = await staff({ departmentId: dept.id });
      const inSub = await staff({ departmentId: sub.id });
      const outside = await staff();

      const assign = async (who: Persona, body: object) => {
        const ticket = await t.factory.ticket();
        return as(who).post(`/api/v1/tickets/${ticket.id}/assignment`, {
          version: ticket.version,
          ...body,
        });
      };
      expect((await assign(dispatcher, { assigneeId: inDept.id })).status).toBe(200);
      expect((await assign(dispatcher, { assigneeId: inSub.id })).status).toBe(200);
      expect((await assign(dispatcher, { assigneeId: dispatcher.id })).status).toBe(200);
      expect((await assign(dispatcher, { groupId: w.otherGroup.id })).status).toBe(200);
      const refused = await assign(dispatcher, { assigneeId: outside.id });
      expect(refused.status).toBe(403);
      // a new ticket follows the same rule
      const created = await as(dispatcher).post('/api/v1/tickets', {
        subject: 'Scoped',
        assigneeId: outside.id,
      });
      expect(created.status).toBe(403);
      // admins assign anyone; a dispatcher in no department dispatches for the whole desk
      expect((await assign(w.admin, { assigneeId: outside.id })).status).toBe(200);
      expect((await assign(w.dispatcher, { assigneeId: outside.id })).status).toBe(200);
    });

    it('a dispatcher who heads a department assigns to its staff', async () => {
      const head = await t.factory.user({ role: 'dispatcher' });
      const dept = await t.factory.department(`Headed ${uniq()}`, head.id);
      const member = await staff({ departmentId: dept.id });
      const outside = await staff();
      const token = await t.tokenFor(head.id);
      const ticket = await t.factory.ticket();
      const ok = await as({ token }).post(`/api/v1/tickets/${ticket.id}/assignment`, {
        version: ticket.version,
        assigneeId: member.id,
      });
      expect(ok.status).toBe(200);
      const lines = await history(ticket.id);
      expect(lines.at(-1)).toMatchObject({ kind: 'assigned', newValue: { assigneeId: member.id } });
      const no = await as({ token }).post(`/api/v1/tickets/${ticket.id}/assignment`, {
        version: ok.body.version,
        assigneeId: outside.id,
      });
      expect(no.status).toBe(403);
    });
  });
});

describe('assignment demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedOnFirstStart(t.db, { ...t.config, demoData: true });
  });
  afterAll(() => t.close());

  it('marks the demo groups L1/L2 with distribution modes and adds rules with history lines', async () => {
    const groups = (await t.db.query(
      `SELECT name, support_level, distribution FROM groups ORDER BY name`,
    )) as { name: string; support_level: number | null; distribution: string }[];
    expect(groups).toEqual([
      { name: 'L1 support', support_level: 1, distribution: 'round_robin' },
      { name: 'L2 engineering', support_level: 2, distribution: 'least_open' },
    ]);
    const rules = (await t.db.query('SELECT name FROM assignment_rules ORDER BY position')) as {
      name: string;
    }[];
    expect(rules.length).toBeGreaterThanOrEqual(2);
    const [{ n }] = (await t.db.query(
      `SELECT count(*)::int AS n FROM ticket_events WHERE kind = 'rule_applied'`,
    )) as { n: number }[];
    expect(n).toBeGreaterThan(0);
    const [{ leveled }] = (await t.db.query(
      `SELECT count(*)::int AS leveled FROM tickets WHERE group_id IS NOT NULL AND support_level IS NULL`,
    )) as { leveled: number }[];
    expect(leveled).toBe(0);
  });
});
