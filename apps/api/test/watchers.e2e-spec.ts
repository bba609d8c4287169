import { startTestApp, type TestApp } from './support/test-app';
import { bearer, buildWorld, type Persona, type World } from './support/personas';

interface Watcher {
  user: { id: string; name: string };
  kind: 'staff' | 'client';
  addedBy: { id: string; name: string } | null;
}

/**
 * Ticket watchers: who may watch which ticket, who may add and remove whom, what clients see of
 * the list and of its history, all through THE visibility rule.
 */
describe('ticket watchers', () => {
  let t: TestApp;
  let w: World;
  /** Contacts of org A who see their organization's tickets. */
  let orgViewer: Persona;
  let orgViewer2: Persona;
  let inactiveAgent: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const persona = async (seed: Parameters<TestApp['factory']['user']>[0]) => {
      const u = await t.factory.user(seed);
      return { id: u.id, email: u.email, token: await t.tokenFor(u.id) };
    };
    orgViewer = await persona({
      role: 'client',
      organizationId: w.orgA.id,
      canViewOrganizationTickets: true,
      name: 'Org viewer',
    });
    orgViewer2 = await persona({
      role: 'client',
      organizationId: w.orgA.id,
      canViewOrganizationTickets: true,
      name: 'Org viewer 2',
    });
    inactiveAgent = await t.factory.user({ role: 'dispatcher', active: false });
  });
  afterAll(() => t.close());

  /** Requested by clientA for org A, with otherAgent in otherGroup: `agent` cannot see it. */
  const ticket = () =>
    t.factory.ticket({
      organizationId: w.orgA.id,
      requesterId: w.clientA.id,
      createdById: w.clientA.id,
      assigneeId: w.otherAgent.id,
      groupId: w.otherGroup.id,
    });
  const list = (who: { token: string }, id: string) =>
    t.http().get(`/api/v1/tickets/${id}/watchers`).set('Authorization', bearer(who));
  const add = (who: { token: string }, id: string, userId: string) =>
    t
      .http()
      .post(`/api/v1/tickets/${id}/watchers`)
      .set('Authorization', bearer(who))
      .send({ userId });
  const remove = (who: { token: string }, id: string, userId: string) =>
    t.http().delete(`/api/v1/tickets/${id}/watchers/${userId}`).set('Authorization', bearer(who));
  const ids = (body: unknown) => (body as Watcher[]).map((x) => x.user.id).sort();
  const historyLines = async (who: { token: string }, id: string) =>
    (
      (await t.http().get(`/api/v1/tickets/${id}/history`).set('Authorization', bearer(who)))
        .body as { items: { kind: string; newValue: { userId?: string } | null }[] }
    ).items.filter((e) => e.kind.startsWith('watcher_'));

  it('hides the list and refuses changes where the ticket is invisible: 404', async () => {
    const { id } = await ticket();
    for (const who of [w.clientB, w.agent, w.departmentHead]) {
      expect((await list(who, id)).status).toBe(404);
      expect((await add(who, id, who.id)).status).toBe(404);
      expect((await remove(who, id, who.id)).status).toBe(404);
    }
    expect((await list(w.dispatcher, id)).body).toEqual([]);
  });

  it('lets staff add colleagues and contacts who see the ticket, once, and nobody else (422)', async () => {
    const { id } = await ticket();
    const first = await add(w.dispatcher, id, w.otherAgent.id);
    expect(first.status).toBe(200);
    expect(first.body).toEqual([
      expect.objectContaining({
        user: { id: w.otherAgent.id, name: 'Other agent' },
        kind: 'staff',
        addedBy: { id: w.dispatcher.id, name: 'Dispatcher' },
      }),
    ]);
    // Idempotent: the same list, and one history line, not two.
    const again = await add(w.dispatcher, id, w.otherAgent.id);
    expect(again.status).toBe(200);
    expect(ids(again.body)).toEqual([w.otherAgent.id]);
    expect(await historyLines(w.dispatcher, id)).toHaveLength(1);

    const refused = [
      [w.agent.id, 'cannot see this ticket, so would never hear of it'],
      [w.departmentMember.id, 'cannot see this ticket, so would never hear of it'],
      [w.clientA2.id, 'cannot see this ticket, so would never hear of it'],
      [w.clientB.id, 'is not a contact of the ticket’s organization'],
      [inactiveAgent.id, 'no active user with this id'],
      ['7d3c2b1a-0000-4000-8000-000000000000', 'no active user with this id'],
    ] as const;
    for (const [userId, message] of refused) {
      const res = await add(w.dispatcher, id, userId);
      expect({ userId, status: res.status, errors: res.body.errors }).toEqual({
        userId,
        status: 422,
        errors: [{ field: 'userId', message }],
      });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    t.clock.advance(1000);
    const contact = await add(w.dispatcher, id, orgViewer.id);
    expect(contact.status).toBe(200);
    expect(ids(contact.body)).toEqual([w.otherAgent.id, orgViewer.id].sort());
    // A watcher added by staff appears in the staff history with who and by whom.
    const lines = await historyLines(w.dispatcher, id);
    expect(lines.map((l) => [l.kind, l.newValue?.userId])).toEqual([
      ['watcher_added', w.otherAgent.id],
      ['watcher_added', orgViewer.id],
    ]);
  });

  it('shows clients only the client watchers of their organization, in the list and the history', async () => {
    const { id } = await ticket();
    expect((await add(w.dispatcher, id, w.otherAgent.id)).status).toBe(200);
    expect((await add(w.dispatcher, id, orgViewer.id)).status).toBe(200);
    const mine = await list(w.clientA, id);
    expect(mine.status).toBe(200);
    // The staff member who added the contact is not named to a client either.
    expect(mine.body).toEqual([
      expect.objectContaining({ user: { id: orgViewer.id, name: 'Org viewer' }, addedBy: null }),
    ]);
    expect(JSON.stringify(mine.body)).not.toContain(w.otherAgent.id);
    const history = await historyLines(w.clientA, id);
    expect(history.map((l) => l.newValue?.userId)).toEqual([orgViewer.id]);
    // Staff see both.
    expect(ids((await list(w.otherAgent, id)).body)).toEqual(
      [w.otherAgent.id, orgViewer.id].sort(),
    );
  });

  it('lets anyone who sees the ticket watch and unwatch themselves', async () => {
    const { id } = await ticket();
    const watch = await add(w.clientA, id, w.clientA.id);
    expect(watch.status).toBe(200);
    expect(ids(watch.body)).toEqual([w.clientA.id]);
    t.clock.advance(1000);
    expect((await add(w.otherAgent, id, w.otherAgent.id)).status).toBe(200);
    t.clock.advance(1000);
    expect((await remove(w.clientA, id, w.clientA.id)).status).toBe(204);
    // Again: nothing to remove, no change, no second history line.
    expect((await remove(w.clientA, id, w.clientA.id)).status).toBe(204);
    expect(ids((await list(w.dispatcher, id)).body)).toEqual([w.otherAgent.id]);
    const lines = await historyLines(w.dispatcher, id);
    expect(lines.map((l) => l.kind)).toEqual(['watcher_added', 'watcher_added', 'watcher_removed']);
  });

  it('refuses a client without organization view to add or remove colleagues (403)', async () => {
    const { id } = await ticket();
    expect((await add(w.dispatcher, id, orgViewer.id)).status).toBe(200);
    const added = await add(w.clientA, id, orgViewer2.id);
    expect(added.status).toBe(403);
    expect(added.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await remove(w.clientA, id, orgViewer.id)).status).toBe(403);
    expect(ids((await list(w.dispatcher, id)).body)).toEqual([orgViewer.id]);
  });

  it('lets a client with organization view manage colleagues who see the ticket, and only them', async () => {
    const { id } = await ticket();
    expect((await add(w.dispatcher, id, w.otherAgent.id)).status).toBe(200);
    const colleague = await add(orgViewer, id, orgViewer2.id);
    expect(colleague.status).toBe(200);
    expect(ids(colleague.body)).toEqual([orgViewer2.id]);
    // A colleague who cannot see the ticket, a staff member, another organization's contact.
    for (const [userId, message] of [
      [w.clientA2.id, 'cannot see this ticket, so would never hear of it'],
      [w.dispatcher.id, 'no active colleague of your organization with this id'],
      [w.clientB.id, 'no active colleague of your organization with this id'],
    ]) {
      const res = await add(orgViewer, id, userId);
      expect({ status: res.status, errors: res.body.errors }).toEqual({
        status: 422,
        errors: [{ field: 'userId', message }],
      });
    }
    // A staff watcher is nobody a client can know of: 404, and it stays.
    expect((await remove(orgViewer, id, w.otherAgent.id)).status).toBe(404);
    expect((await remove(orgViewer, id, orgViewer2.id)).status).toBe(204);
    expect(ids((await list(w.dispatcher, id)).body)).toEqual([w.otherAgent.id]);
  });

  it('lets staff remove any watcher', async () => {
    const { id } = await ticket();
    expect((await add(w.dispatcher, id, orgViewer.id)).status).toBe(200);
    expect((await remove(w.otherAgent, id, orgViewer.id)).status).toBe(204);
    expect((await list(w.dispatcher, id)).body).toEqual([]);
  });

  const candidates = (who: { token: string }, id: string, q?: string) =>
    t
      .http()
      .get(`/api/v1/tickets/${id}/watchers/candidates`)
      .query(q === undefined ? {} : { q })
      .set('Authorization', bearer(who));
  const offered = (body: unknown) => (body as { id: string }[]).map((c) => c.id);

  it('offers a client with organization view the colleagues who see the ticket, and every one is accepted', async () => {
    const { id } = await ticket();
    const res = await candidates(orgViewer, id);
    expect(res.status).toBe(200);
    const names = offered(res.body);
    // Colleagues who see the ticket: the requester and the other org viewer; clientA2 sees only
    // their own tickets, clientB is another organization, staff are never offered to a client.
    expect(names).toEqual(expect.arrayContaining([w.clientA.id, orgViewer2.id]));
    for (const never of [w.clientA2.id, w.clientB.id, w.dispatcher.id, orgViewer.id]) {
      expect(names).not.toContain(never);
    }
    for (const userId of names) expect((await add(orgViewer, id, userId)).status).toBe(200);
    // Watching already: no longer offered.
    expect(offered((await candidates(orgViewer, id)).body)).toEqual([]);
    // Search by name; a client cannot search colleagues by e-mail.
    const { id: other } = await ticket();
    expect(offered((await candidates(orgViewer, other, 'viewer 2')).body)).toEqual([orgViewer2.id]);
    expect(offered((await candidates(orgViewer, other, orgViewer2.email)).body)).toEqual([]);
  });

  it('offers staff colleagues and contacts who see the ticket, never who cannot; refuses clients without organization view', async () => {
    const { id } = await ticket();
    const res = await candidates(w.dispatcher, id);
    expect(res.status).toBe(200);
    const names = offered(res.body);
    expect(names).toEqual(expect.arrayContaining([w.otherAgent.id, w.clientA.id, orgViewer.id]));
    // agent cannot see the ticket; clientB belongs to another organization; inactive people never.
    for (const never of [w.agent.id, w.clientB.id, inactiveAgent.id, w.dispatcher.id]) {
      expect(names).not.toContain(never);
    }
    expect((await candidates(w.clientA, id)).status).toBe(403);
    expect((await candidates(w.clientB, id)).status).toBe(404);
    expect((await candidates(w.dispatcher, id, 'x'.repeat(101))).status).toBe(400);
  });
});

/** A project's notification list: replaced as a whole by project managers and its own manager. */
describe('project notification lists', () => {
  let t: TestApp;
  let w: World;
  let projectId: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const [row] = (await t.db.query(
      `INSERT INTO projects (name, manager_id) VALUES ('Pump house', $1) RETURNING id`,
      [w.agent.id],
    )) as { id: string }[];
    projectId = row.id;
  });
  afterAll(() => t.close());

  const get = (who: { token: string }, id = projectId) =>
    t.http().get(`/api/v1/projects/${id}/watchers`).set('Authorization', bearer(who));
  const put = (who: { token: string }, userIds: string[], id = projectId) =>
    t
      .http()
      .put(`/api/v1/projects/${id}/watchers`)
      .set('Authorization', bearer(who))
      .send({ userIds });
  const listed = (body: unknown) =>
    (body as { items: { id: string }[] }).items.map((x) => x.id).sort();

  it('is replaced by a dispatcher with staff and contacts, and read by staff only', async () => {
    const res = await put(w.dispatcher, [w.otherAgent.id, w.clientA.id]);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: w.clientA.id, kind: 'client', active: true }),
        expect.objectContaining({ id: w.otherAgent.id, kind: 'staff' }),
      ]),
    );
    expect(listed((await get(w.departmentHead)).body)).toEqual(
      [w.otherAgent.id, w.clientA.id].sort(),
    );
    expect((await get(w.clientA)).status).toBe(403);
  });

  it('may be edited by the project’s manager, not by other agents (403)', async () => {
    expect((await put(w.otherAgent, [w.otherAgent.id])).status).toBe(403);
    const byManager = await put(w.agent, [w.clientB.id]);
    expect(byManager.status).toBe(200);
    expect(listed(byManager.body)).toEqual([w.clientB.id]);
    expect(listed((await get(w.admin)).body)).toEqual([w.clientB.id]);
  });

  it('takes only active users (422 per id) and keeps the list when it refuses', async () => {
    const inactive = await t.factory.user({ role: 'agent', active: false });
    const res = await put(w.admin, [w.agent.id, inactive.id]);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { field: 'userIds[1]', message: 'no active user with this id' },
    ]);
    expect(listed((await get(w.admin)).body)).toEqual([w.clientB.id]);
    // Someone deactivated while on the list may stay on it.
    await t.db.query('UPDATE users SET active = false WHERE id = $1', [w.clientB.id]);
    const kept = await put(w.admin, [w.clientB.id, w.agent.id]);
    expect(kept.status).toBe(200);
    await t.db.query('UPDATE users SET active = true WHERE id = $1', [w.clientB.id]);
    expect((await put(w.admin, [])).body).toEqual({ items: [] });
  });

  it('answers 404 for a project that does not exist', async () => {
    const missing = '7d3c2b1a-0000-4000-8000-000000000000';
    expect((await get(w.admin, missing)).status).toBe(404);
    expect((await put(w.admin, [], missing)).status).toBe(404);
  });
});
