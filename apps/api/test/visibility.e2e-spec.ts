import { startTestApp, type TestApp } from './support/test-app';
import { bearer, buildWorld, type Persona, type World } from './support/personas';

interface Fixture {
  id: string;
  requesterId: string | null;
  organizationId: string | null;
  assigneeId: string | null;
  groupId: string | null;
  createdById: string | null;
  isPublic: boolean;
}

/**
 * Builds tickets in every combination of requester, assignee, group and type, then checks each
 * persona against an independent statement of the visibility rules: what they list is exactly
 * what the rules allow, and everything else is a 404 on every ticket endpoint.
 */
describe('visibility', () => {
  let t: TestApp;
  let w: World;
  const fixtures: Fixture[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    await t.db.query('UPDATE users SET can_view_organization_tickets = true WHERE id = $1', [
      w.clientA2.id,
    ]);
    const orgOf = new Map([
      [w.clientA.id, w.orgA.id],
      [w.clientA2.id, w.orgA.id],
      [w.clientB.id, w.orgB.id],
    ]);
    const requesters = [w.clientA.id, w.clientA2.id, w.clientB.id, w.departmentMember.id, null];
    const assignees = [null, w.agent.id, w.otherAgent.id, w.departmentMember.id];
    const groups = [null, w.group.id, w.otherGroup.id];
    const types = [
      { key: 'microclimate', isPublic: true },
      { key: 'software', isPublic: false },
    ];
    let i = 0;
    for (const requesterId of requesters)
      for (const assigneeId of assignees)
        for (const groupId of groups)
          for (const type of types) {
            const createdById = i++ % 7 === 0 ? w.agent.id : w.dispatcher.id;
            const organizationId = requesterId ? (orgOf.get(requesterId) ?? null) : null;
            const ticket = await t.factory.ticket({
              subject: `zebraword ${i}`,
              requesterId,
              organizationId,
              assigneeId,
              groupId,
              createdById,
              typeKey: type.key,
            });
            await t.factory.comment(ticket.id, w.dispatcher.id, 'hiddenword staff only', true);
            fixtures.push({
              id: ticket.id,
              requesterId,
              organizationId,
              assigneeId,
              groupId,
              createdById,
              isPublic: type.isPublic,
            });
          }
  });
  afterAll(() => t.close());

  const headDeptMembers = () => new Set([w.departmentHead.id, w.departmentMember.id]);

  const rules: Record<string, (f: Fixture) => boolean> = {
    admin: () => true,
    dispatcher: () => true,
    agent: (f) =>
      f.assigneeId === w.agent.id ||
      f.assigneeId === null ||
      f.createdById === w.agent.id ||
      f.requesterId === w.agent.id ||
      f.groupId === w.group.id,
    departmentHead: (f) =>
      f.assigneeId === w.departmentHead.id ||
      f.assigneeId === null ||
      f.createdById === w.departmentHead.id ||
      f.requesterId === w.departmentHead.id ||
      (f.requesterId !== null && headDeptMembers().has(f.requesterId)) ||
      (f.assigneeId !== null && headDeptMembers().has(f.assigneeId)),
    clientA: (f) => f.isPublic && f.requesterId === w.clientA.id,
    clientA2: (f) =>
      f.isPublic && (f.requesterId === w.clientA2.id || f.organizationId === w.orgA.id),
    clientB: (f) => f.isPublic && f.requesterId === w.clientB.id,
  };

  const personas = (): [string, Persona][] => [
    ['admin', w.admin],
    ['dispatcher', w.dispatcher],
    ['agent', w.agent],
    ['departmentHead', w.departmentHead],
    ['clientA', w.clientA],
    ['clientA2', w.clientA2],
    ['clientB', w.clientB],
  ];

  const listAll = async (p: Persona, query = '') => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } =
        await t
          .http()
          .get(`/api/v1/tickets?limit=200${query}${cursor ? `&cursor=${cursor}` : ''}`)
          .set('Authorization', bearer(p));
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((x: { id: string }) => x.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    return seen.sort();
  };

  it.each(['admin', 'dispatcher', 'agent', 'departmentHead', 'clientA', 'clientA2', 'clientB'])(
    '%s lists exactly the tickets the rules allow, and search and counts agree',
    async (name) => {
      const p = personas().find(([n]) => n === name)![1];
      const expected = fixtures
        .filter(rules[name])
        .map((f) => f.id)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(await listAll(p)).toEqual(expected);
      expect(await listAll(p, '&q=zebraword')).toEqual(expected);
      const counts = await t.http().get('/api/v1/tickets/counts').set('Authorization', bearer(p));
      expect(counts.body.open).toBe(expected.length);
      const hidden = await listAll(p, '&q=hiddenword');
      expect(hidden).toEqual(name.startsWith('client') ? [] : expected);
    },
  );

  it.each(['agent', 'departmentHead', 'clientA', 'clientA2', 'clientB'])(
    '%s gets 404 from every ticket endpoint for each ticket the rules hide, and 200 for the rest',
    async (name) => {
      const p = personas().find(([n]) => n === name)![1];
      const paths = (id: string) => [
        `/api/v1/tickets/${id}`,
        `/api/v1/tickets/${id}/comments`,
        `/api/v1/tickets/${id}/history`,
        `/api/v1/tickets/${id}/transitions`,
        `/api/v1/tickets/${id}/attachments`,
      ];
      // Every hidden ticket, and a sample of the visible ones (all of them costs time, not rigor).
      const hidden = fixtures.filter((f) => !rules[name](f));
      const visible = fixtures.filter(rules[name]).slice(0, 8);
      for (const f of hidden) {
        for (const path of paths(f.id)) {
          const res = await t.http().get(path).set('Authorization', bearer(p));
          expect({ path, status: res.status }).toEqual({ path, status: 404 });
        }
        const comment = await t
          .http()
          .post(`/api/v1/tickets/${f.id}/comments`)
          .set('Authorization', bearer(p))
          .send({ body: 'probe' });
        expect(comment.status).toBe(404);
      }
      for (const f of visible) {
        for (const path of paths(f.id)) {
          const res = await t.http().get(path).set('Authorization', bearer(p));
          expect({ path, status: res.status }).toEqual({ path, status: 200 });
        }
      }
      const probes = await t.db.query(
        `SELECT count(*)::int AS n FROM ticket_comments WHERE body = 'probe'`,
      );
      expect(probes[0].n).toBe(0);
    },
  );

  it('404 for a hidden ticket is indistinguishable from a missing one', async () => {
    const hidden = fixtures.find((f) => !rules.clientB(f))!;
    const a = await t
      .http()
      .get(`/api/v1/tickets/${hidden.id}`)
      .set('Authorization', bearer(w.clientB));
    const b = await t
      .http()
      .get('/api/v1/tickets/00000000-0000-4000-8000-000000000000')
      .set('Authorization', bearer(w.clientB));
    expect(a.status).toBe(404);
    expect(a.body).toEqual(b.body);
  });
});
