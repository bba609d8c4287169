import { startTestApp, type TestApp } from './support/test-app';
import { bearer, buildWorld, type World } from './support/personas';

type Item = { id: string; number: number; subject: string };

describe('queues, filters, search and take', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const list = async (who: { token: string }, query: string): Promise<Item[]> => {
    const res = await t.http().get(`/api/v1/tickets?${query}`).set('Authorization', bearer(who));
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const ids = (items: Item[]) => items.map((i) => i.id).sort();

  describe('views and counts', () => {
    let tickets: Record<string, { id: string }>;
    beforeAll(async () => {
      const past = new Date(t.clock.now().getTime() - 3600_000);
      const f = t.factory;
      tickets = {
        unassignedOpen: await f.ticket({ subject: 'unassigned open', createdById: w.clientA.id }),
        mineOpen: await f.ticket({ assigneeId: w.agent.id, status: 'in_progress' }),
        mineClosed: await f.ticket({ assigneeId: w.agent.id, status: 'closed' }),
        createdByAgent: await f.ticket({ assigneeId: w.otherAgent.id, createdById: w.agent.id }),
        needsReply: await f.ticket({ assigneeId: w.agent.id, needsReply: true }),
        overdue: await f.ticket({ assigneeId: w.agent.id, dueAt: past }),
        overdueButResolved: await f.ticket({
          assigneeId: w.agent.id,
          dueAt: past,
          status: 'resolved',
        }),
        groupTicket: await f.ticket({ groupId: w.group.id, assigneeId: w.otherAgent.id }),
        invisible: await f.ticket({ assigneeId: w.otherAgent.id, groupId: w.otherGroup.id }),
      };
    });

    it('each view returns exactly its tickets, and counts match the lists', async () => {
      const a = w.agent;
      // An agent's Unassigned is their groups' (issue 16); a ticket without a group is a
      // dispatcher's (Undistributed).
      expect(ids(await list(a, 'view=unassigned'))).toEqual([]);
      expect(ids(await list(w.dispatcher, 'view=unassigned'))).toContain(tickets.unassignedOpen.id);
      expect(ids(await list(a, 'view=mine'))).toEqual(
        [
          tickets.mineOpen.id,
          tickets.needsReply.id,
          tickets.overdue.id,
          tickets.overdueButResolved.id,
        ].sort(),
      );
      expect(ids(await list(a, 'view=created_by_me'))).toEqual([tickets.createdByAgent.id]);
      expect(ids(await list(a, 'view=closed'))).toEqual([tickets.mineClosed.id]);
      expect(ids(await list(a, 'view=needs_reply'))).toEqual([tickets.needsReply.id]);
      expect(ids(await list(a, 'view=overdue'))).toEqual([tickets.overdue.id]);
      const all = ids(await list(a, 'view=all'));
      expect(all).not.toContain(tickets.invisible.id);
      expect(all).toContain(tickets.groupTicket.id);

      const counts = (await t.http().get('/api/v1/tickets/counts').set('Authorization', bearer(a)))
        .body;
      expect(counts).toEqual({
        unassigned: 0,
        mine: 4,
        createdByMe: 1,
        open: (await list(a, 'view=open')).length,
        closed: 1,
        needsReply: 1,
        overdue: 1,
      });
    });

    it('recent lists newest first', async () => {
      const items = await list(w.admin, 'view=recent&limit=3');
      const numbers = items.map((i) => i.number);
      expect(numbers).toEqual([...numbers].sort((x, y) => y - x));
    });

    it('filters combine with views', async () => {
      expect(
        ids(await list(w.admin, `view=open&assigneeId=${w.agent.id}&status=in_progress`)),
      ).toEqual([tickets.mineOpen.id]);
      expect(ids(await list(w.admin, `groupId=${w.group.id}`))).toEqual([tickets.groupTicket.id]);
    });

    it('by_user and by_department are for admins and heads of that department (more in paydox-queues)', async () => {
      const member = w.departmentMember;
      const t1 = await t.factory.ticket({
        requesterId: member.id,
        assigneeId: w.otherAgent.id,
        groupId: w.otherGroup.id,
      });
      expect(ids(await list(w.admin, `view=by_user&userId=${member.id}`))).toEqual([t1.id]);
      expect(
        ids(await list(w.departmentHead, `view=by_department&departmentId=${w.department.id}`)),
      ).toContain(t1.id);
      expect(ids(await list(w.departmentHead, `view=by_user&userId=${member.id}`))).toEqual([
        t1.id,
      ]);
      const denied = await t
        .http()
        .get(`/api/v1/tickets?view=by_department&departmentId=${w.department.id}`)
        .set('Authorization', bearer(w.agent));
      expect(denied.status).toBe(403);
      const deniedUser = await t
        .http()
        .get(`/api/v1/tickets?view=by_user&userId=${member.id}`)
        .set('Authorization', bearer(w.agent));
      expect(deniedUser.status).toBe(403);
      const missing = await t
        .http()
        .get('/api/v1/tickets?view=by_user')
        .set('Authorization', bearer(w.admin));
      expect(missing.status).toBe(400);
    });
  });

  describe('keyset pagination', () => {
    it.each(['updatedAt:desc', 'createdAt:asc', 'number:desc', 'number:asc'])(
      'walks every visible ticket once with sort=%s',
      async (sort) => {
        const expected = ids(await list(w.admin, 'limit=200'));
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const res: { body: { items: Item[]; nextCursor: string | null } } = await t
            .http()
            .get(`/api/v1/tickets?limit=4&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`)
            .set('Authorization', bearer(w.admin));
          seen.push(...res.body.items.map((i: Item) => i.id));
          cursor = res.body.nextCursor;
          pages++;
        } while (cursor && pages < 100);
        expect(seen.length).toBe(new Set(seen).size);
        expect([...seen].sort()).toEqual(expected);
      },
    );

    it('rejects a forged cursor with 400', async () => {
      const res = await t
        .http()
        .get('/api/v1/tickets?cursor=bm9wZQ')
        .set('Authorization', bearer(w.admin));
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('cursor');
    });
  });

  describe('full-text search', () => {
    let ru: { id: string }, cs: { id: string }, en: { id: string }, secret: { id: string };
    beforeAll(async () => {
      ru = await t.factory.ticket({
        subject: 'Не работает полив в теплице',
        requesterId: w.clientA.id,
        organizationId: w.orgA.id,
      });
      cs = await t.factory.ticket({
        subject: 'Porucha',
        description: 'Čerpadlo ve skleníku nefunguje',
        requesterId: w.clientA.id,
        organizationId: w.orgA.id,
      });
      en = await t.factory.ticket({
        subject: 'Boiler pressure alarms',
        requesterId: w.clientA.id,
        organizationId: w.orgA.id,
      });
      secret = await t.factory.ticket({
        subject: 'Ordinary',
        requesterId: w.clientA.id,
        organizationId: w.orgA.id,
      });
      await t.factory.comment(secret.id, w.agent.id, 'контрагент задолжал оплату', true);
      await t.factory.comment(en.id, w.agent.id, 'Replaced the valve gasket', false);
    });

    it('finds Russian word forms, Czech without diacritics, English stems and comment text', async () => {
      expect(ids(await list(w.admin, `q=${encodeURIComponent('теплицы')}`))).toEqual([ru.id]);
      expect(ids(await list(w.admin, 'q=cerpadlo'))).toEqual([cs.id]);
      expect(ids(await list(w.admin, 'q=alarm'))).toEqual([en.id]);
      expect(ids(await list(w.admin, 'q=gasket'))).toEqual([en.id]);
    });

    it('finds a ticket by its number', async () => {
      const [row] = await t.db.query('SELECT number FROM tickets WHERE id = $1', [cs.id]);
      expect(ids(await list(w.admin, `q=%23${row.number}`))).toEqual([cs.id]);
    });

    it('searches within a queue and follows the ticket when its status changes', async () => {
      const open = await t.factory.ticket({ subject: 'Flowmeter drifts' });
      const closed = await t.factory.ticket({ subject: 'Flowmeter replaced', status: 'closed' });
      const q = 'q=flowmeter';
      expect(ids(await list(w.admin, `view=open&${q}`))).toEqual([open.id]);
      expect(ids(await list(w.admin, `view=unassigned&${q}`))).toEqual([open.id]);
      expect(ids(await list(w.admin, `view=closed&${q}`))).toEqual([closed.id]);
      expect(ids(await list(w.admin, q))).toEqual([open.id, closed.id].sort());

      // Resolve and close through the API: the search documents follow the status category.
      let version = open.version;
      for (const to of ['resolved', 'closed']) {
        const res = await t
          .http()
          .post(`/api/v1/tickets/${open.id}/transitions`)
          .set('Authorization', bearer(w.admin))
          .send({ to, version });
        expect(res.status).toBe(200);
        version = res.body.version;
      }
      expect(await list(w.admin, `view=open&${q}`)).toEqual([]);
      expect(await list(w.admin, `view=unassigned&${q}`)).toEqual([]);
      expect(ids(await list(w.admin, `view=closed&${q}`))).toEqual([open.id, closed.id].sort());
      const drift = (await t.db.query(
        `SELECT count(*)::int AS n FROM ticket_search s JOIN tickets tk ON tk.id = s.ticket_id
          WHERE s.status_category <> tk.status_category`,
      )) as { n: number }[];
      expect(drift[0].n).toBe(0);
    });

    it('moves a search document between index halves only when its ticket is closed or reopened', async () => {
      // The GIN indexes are split on `done`, not on the category: a change of category that
      // keeps the ticket not done must stay a HOT update (no lexeme inserted into any index).
      const tk = await t.factory.ticket({ subject: 'Anemometer stuck', status: 'in_progress' });
      // This backend's counters, read twice in one transaction (they are flushed between transactions only).
      const counters = `SELECT pg_stat_get_xact_tuples_updated('ticket_search'::regclass)::int AS updated,
                               pg_stat_get_xact_tuples_hot_updated('ticket_search'::regclass)::int AS hot,
                               (SELECT done FROM ticket_search WHERE ticket_id = $1) AS done`;
      type Counters = { updated: number; hot: number; done: boolean };
      const change = (status: string, category: string) =>
        t.db.transaction(async (em) => {
          const [before] = (await em.query(counters, [tk.id])) as Counters[];
          await em.query('UPDATE tickets SET status = $2, status_category = $3 WHERE id = $1', [
            tk.id,
            status,
            category,
          ]);
          const [after] = (await em.query(counters, [tk.id])) as Counters[];
          return {
            updated: after.updated - before.updated,
            hot: after.hot - before.hot,
            done: after.done,
          };
        });
      expect(await change('needs_clarification', 'pending')).toEqual({
        updated: 1,
        hot: 1,
        done: false,
      });
      expect(await change('closed', 'closed')).toEqual({ updated: 1, hot: 0, done: true });
      expect(ids(await list(w.admin, 'view=closed&q=anemometer'))).toEqual([tk.id]);
      expect(await change('in_progress', 'open')).toEqual({ updated: 1, hot: 0, done: false });
      expect(ids(await list(w.admin, 'view=open&q=anemometer'))).toEqual([tk.id]);
      expect(await list(w.admin, 'view=closed&q=anemometer')).toEqual([]);
    });

    it('still finds a ticket whose search document has no category yet', async () => {
      // As a document written while the migration that added the column ran.
      const tk = await t.factory.ticket({ subject: 'Hygrometer cracked' });
      await t.db.query('UPDATE ticket_search SET status_category = NULL WHERE ticket_id = $1', [
        tk.id,
      ]);
      expect(ids(await list(w.admin, 'view=open&q=hygrometer'))).toEqual([tk.id]);
      expect(ids(await list(w.admin, 'view=unassigned&q=hygrometer'))).toEqual([tk.id]);
      expect(await list(w.admin, 'view=closed&q=hygrometer')).toEqual([]);
    });

    it('never lets a client find a ticket by words that only appear in internal notes', async () => {
      const q = `q=${encodeURIComponent('задолжал')}`;
      expect(ids(await list(w.agent, q))).toEqual([secret.id]);
      expect(await list(w.clientA, q)).toEqual([]);
    });
  });

  describe('take and assign', () => {
    it('of two agents taking at once, exactly one wins and the other gets 409', async () => {
      // Both agents are in the ticket's group, so the loser still sees the ticket afterwards
      // and must get 409 whether the requests overlap in the database or not.
      const team = await t.factory.group('Both', [w.agent.id, w.otherAgent.id]);
      const ticket = await t.factory.ticket({ status: 'open', groupId: team.id });
      const [a, b] = await Promise.all([
        t
          .http()
          .post(`/api/v1/tickets/${ticket.id}/take`)
          .set('Authorization', bearer(w.agent))
          .send({}),
        t
          .http()
          .post(`/api/v1/tickets/${ticket.id}/take`)
          .set('Authorization', bearer(w.otherAgent))
          .send({}),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? w.agent : w.otherAgent;
      const [row] = await t.db.query('SELECT assignee_id, version FROM tickets WHERE id = $1', [
        ticket.id,
      ]);
      expect(row).toEqual({ assignee_id: winner.id, version: 2 });
      const events = await t.db.query(
        `SELECT actor_id FROM ticket_events WHERE ticket_id = $1 AND kind = 'taken'`,
        [ticket.id],
      );
      expect(events).toEqual([{ actor_id: winner.id }]);
    });

    it('lets dispatchers assign and reassign, not agents or clients', async () => {
      const ticket = await t.factory.ticket({
        requesterId: w.clientA.id,
        organizationId: w.orgA.id,
      });
      const byAgent = await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/assignment`)
        .set('Authorization', bearer(w.agent))
        .send({ version: 1, assigneeId: w.agent.id });
      expect(byAgent.status).toBe(403);
      const byClient = await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/assignment`)
        .set('Authorization', bearer(w.clientA))
        .send({ version: 1, assigneeId: w.agent.id });
      expect(byClient.status).toBe(403);
      const first = await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/assignment`)
        .set('Authorization', bearer(w.dispatcher))
        .send({ version: 1, assigneeId: w.agent.id, groupId: w.group.id });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ assigneeId: w.agent.id, groupId: w.group.id, version: 2 });
      const toClient = await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/assignment`)
        .set('Authorization', bearer(w.dispatcher))
        .send({ version: 2, assigneeId: w.clientB.id });
      expect(toClient.status).toBe(422);
      t.clock.advance(1000);
      const again = await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/assignment`)
        .set('Authorization', bearer(w.dispatcher))
        .send({ version: 2, assigneeId: w.otherAgent.id });
      expect(again.body.assigneeId).toBe(w.otherAgent.id);
      const events = await t.db.query(
        `SELECT old_value, new_value FROM ticket_events WHERE ticket_id = $1 AND kind = 'assigned' ORDER BY created_at`,
        [ticket.id],
      );
      expect(events).toHaveLength(2);
      expect(events[1]).toEqual({
        old_value: { assigneeId: w.agent.id, groupId: w.group.id },
        new_value: { assigneeId: w.otherAgent.id, groupId: w.group.id },
      });
    });
  });
});

describe('search with more matches than the id step takes (10,000)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    // 10,286 open and 1,714 closed tickets with the same word; the search trigger indexes each.
    await t.db.query(
      `INSERT INTO tickets (subject, priority, status, status_category, workflow_id, channel,
                            resolved_at, closed_at, updated_at)
       SELECT 'Kompressor ' || g, 'normal', s.v, s.v, wf.id, 'api',
              CASE WHEN s.v = 'closed' THEN now() END, CASE WHEN s.v = 'closed' THEN now() END,
              now() - make_interval(secs => g)
         FROM generate_series(1, 12000) g
        CROSS JOIN LATERAL (SELECT CASE WHEN g % 7 = 0 THEN 'closed' ELSE 'open' END AS v) s
        CROSS JOIN workflows wf
        WHERE wf.key = 'okdesk'`,
    );
  }, 60_000);
  afterAll(() => t.close());

  const page = async (query: string) => {
    const res = await t
      .http()
      .get(`/api/v1/tickets?q=kompressor&limit=100&${query}`)
      .set('Authorization', bearer(w.admin));
    expect(res.status).toBe(200);
    return res.body as {
      items: { subject: string; statusCategory: string }[];
      nextCursor: string | null;
    };
  };

  it('still answers every view, narrowed to its status categories', async () => {
    // 10,286 open matches: more than the id step takes, so the open view uses the single-query
    // form; 1,714 closed ones fit the id step; the whole set (all) does not.
    for (const [view, category] of [
      ['open', 'open'],
      ['closed', 'closed'],
      ['all', undefined],
    ] as const) {
      const body = await page(`view=${view}`);
      expect(body.items).toHaveLength(100);
      expect(body.nextCursor).not.toBeNull();
      for (const item of body.items) {
        expect(item.subject).toMatch(/^Kompressor \d+$/);
        if (category) expect(item.statusCategory).toBe(category);
      }
    }
    // Newest first: the open view starts at 1 (closed every 7th: 7, 14, …).
    expect((await page('view=open')).items.slice(0, 3).map((i) => i.subject)).toEqual([
      'Kompressor 1',
      'Kompressor 2',
      'Kompressor 3',
    ]);
    expect((await page('view=closed')).items[0].subject).toBe('Kompressor 7');
  });
});
