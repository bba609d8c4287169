import { startTestApp, type TestApp } from './support/test-app';
import { bearer, buildWorld, type World } from './support/personas';

describe('tickets', () => {
  let t: TestApp;
  let w: World;
  let types: { id: string; key: string; isPublic: boolean }[];

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    types = (await t.http().get('/api/v1/ticket-types').set('Authorization', bearer(w.admin))).body;
  });
  afterAll(() => t.close());

  const typeId = (key: string) => types.find((x) => x.key === key)!.id;
  const create = (who: { token: string }, body: object, headers: Record<string, string> = {}) =>
    t.http().post('/api/v1/tickets').set('Authorization', bearer(who)).set(headers).send(body);

  describe('ticket types', () => {
    it('gives staff all eight Okdesk types with translated names and clients only the public ones', async () => {
      expect(types).toHaveLength(8);
      const micro = types.find((x) => x.key === 'microclimate') as unknown as {
        name: Record<string, string>;
      };
      expect(micro.name).toEqual({ en: 'Microclimate', ru: 'Микроклимат', cs: 'Mikroklima' });
      const forClient = await t
        .http()
        .get('/api/v1/ticket-types')
        .set('Authorization', bearer(w.clientA));
      expect(forClient.body.map((x: { key: string }) => x.key).sort()).toEqual([
        'microclimate',
        'technological_equipment',
      ]);
    });
  });

  describe('create', () => {
    it('files a client ticket for the client and their organization, whatever the client says', async () => {
      const res = await create(w.clientA, {
        subject: 'Теплица №3: не работает полив',
        typeId: typeId('microclimate'),
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        requesterId: w.clientA.id,
        organizationId: w.orgA.id,
        status: 'open',
        statusCategory: 'open',
        channel: 'portal',
        createdById: w.clientA.id,
        version: 1,
        priority: 'normal',
      });
      expect(res.body.number).toBeGreaterThanOrEqual(1001);
      const byNumber = await t
        .http()
        .get(`/api/v1/tickets/by-number/${res.body.number}`)
        .set('Authorization', bearer(w.clientA));
      expect(byNumber.status).toBe(200);
      expect(byNumber.body.id).toBe(res.body.id);
    });

    it('refuses a client who tries to file for another organization or pick an internal type', async () => {
      const foreign = await create(w.clientA, { subject: 'x', organizationId: w.orgB.id });
      expect(foreign.status).toBe(422);
      expect(foreign.body.errors).toEqual([
        { field: 'organizationId', message: 'clients cannot set this field' },
      ]);
      const internal = await create(w.clientA, { subject: 'x', typeId: typeId('software') });
      expect(internal.status).toBe(422);
      expect(internal.body.errors[0].field).toBe('typeId');
      const count = await t.db.query(`SELECT count(*)::int AS n FROM tickets WHERE subject = 'x'`);
      expect(count[0].n).toBe(0);
    });

    it('lets staff file on behalf of a contact; organization follows the requester', async () => {
      const res = await create(w.agent, {
        subject: 'Requested by phone',
        requesterId: w.clientB.id,
        typeId: typeId('software'),
        priority: 'high',
        groupId: w.group.id,
        dueAt: '2026-03-05T12:00:00Z',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        requesterId: w.clientB.id,
        organizationId: w.orgB.id,
        channel: 'agent',
        groupId: w.group.id,
        group: { id: w.group.id, name: 'L1' },
        requester: { id: w.clientB.id, name: 'Client B' },
        dueAt: '2026-03-05T12:00:00.000Z',
        priority: 'high',
      });
    });

    it('collects one 422 error per bad reference', async () => {
      const res = await create(w.dispatcher, {
        subject: 'bad refs',
        requesterId: '00000000-0000-4000-8000-000000000000',
        assigneeId: w.clientA.id,
        groupId: '00000000-0000-4000-8000-000000000001',
      });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'assigneeId',
        'groupId',
        'requesterId',
      ]);
    });

    it('does not let an agent assign a new ticket to someone else', async () => {
      const res = await create(w.agent, { subject: 'for other', assigneeId: w.otherAgent.id });
      expect(res.status).toBe(403);
    });

    it('returns the first result for a repeated Idempotency-Key and refuses the key for another body', async () => {
      const key = { 'Idempotency-Key': 'create-once-1' };
      const first = await create(w.agent, { subject: 'Idempotent' }, key);
      const again = await create(w.agent, { subject: 'Idempotent' }, key);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.id).toBe(first.body.id);
      const other = await create(w.agent, { subject: 'Something else' }, key);
      expect(other.status).toBe(422);
      const rows = await t.db.query(
        `SELECT count(*)::int AS n FROM tickets WHERE subject = 'Idempotent'`,
      );
      expect(rows[0].n).toBe(1);
      // Keys are per user: the same key from another user is a new request.
      const otherUser = await create(w.dispatcher, { subject: 'Idempotent' }, key);
      expect(otherUser.body.id).not.toBe(first.body.id);
    });

    it('creates once when the same key arrives twice at the same moment', async () => {
      const key = { 'Idempotency-Key': 'parallel-1' };
      const results = await Promise.all([
        create(w.agent, { subject: 'Parallel' }, key),
        create(w.agent, { subject: 'Parallel' }, key),
      ]);
      const created = results.filter((r) => r.status === 201);
      expect(created.length).toBeGreaterThanOrEqual(1);
      for (const r of results) expect([201, 409]).toContain(r.status);
      const rows = await t.db.query(
        `SELECT count(*)::int AS n FROM tickets WHERE subject = 'Parallel'`,
      );
      expect(rows[0].n).toBe(1);
    });
  });

  describe('edit', () => {
    it('records each changed field in history and bumps the version', async () => {
      const ticket = await t.factory.ticket({ subject: 'Before', assigneeId: w.agent.id });
      const res = await t
        .http()
        .patch(`/api/v1/tickets/${ticket.id}`)
        .set('Authorization', bearer(w.agent))
        .send({ version: 1, subject: 'After', priority: 'urgent', dueAt: '2026-04-01T08:00:00Z' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ subject: 'After', priority: 'urgent', version: 2 });
      const history = await t
        .http()
        .get(`/api/v1/tickets/${ticket.id}/history`)
        .set('Authorization', bearer(w.agent));
      const changes = history.body.items.filter(
        (e: { kind: string }) => e.kind === 'field_changed',
      );
      expect(
        changes.map((e: { field: string; oldValue: unknown; newValue: unknown }) => [
          e.field,
          e.oldValue,
          e.newValue,
        ]),
      ).toEqual([
        ['subject', 'Before', 'After'],
        ['priority', 'normal', 'urgent'],
        ['dueAt', null, '2026-04-01T08:00:00.000Z'],
      ]);
    });

    it('lets exactly one of two PATCHes with the same version win, with one history entry', async () => {
      const ticket = await t.factory.ticket({ assigneeId: w.agent.id });
      const [a, b] = await Promise.all([
        t
          .http()
          .patch(`/api/v1/tickets/${ticket.id}`)
          .set('Authorization', bearer(w.agent))
          .send({ version: 1, priority: 'high' }),
        t
          .http()
          .patch(`/api/v1/tickets/${ticket.id}`)
          .set('Authorization', bearer(w.admin))
          .send({ version: 1, priority: 'low' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body).toMatchObject({ status: 409, currentVersion: 2 });
      expect(loser.headers['content-type']).toMatch(/problem\+json/);
      const rows = await t.db.query(
        `SELECT count(*)::int AS n FROM ticket_events WHERE ticket_id = $1 AND kind = 'field_changed'`,
        [ticket.id],
      );
      expect(rows[0].n).toBe(1);
    });

    it('refuses moving a ticket to an organization its requester does not belong to', async () => {
      const ticket = await t.factory.ticket({
        requesterId: w.clientA.id,
        organizationId: w.orgA.id,
      });
      const res = await t
        .http()
        .patch(`/api/v1/tickets/${ticket.id}`)
        .set('Authorization', bearer(w.admin))
        .send({ version: 1, organizationId: w.orgB.id });
      expect(res.status).toBe(422);
      expect(res.body.errors[0].field).toBe('organizationId');
      const both = await t
        .http()
        .patch(`/api/v1/tickets/${ticket.id}`)
        .set('Authorization', bearer(w.admin))
        .send({ version: 1, organizationId: w.orgB.id, requesterId: w.clientB.id });
      expect(both.status).toBe(200);
      expect(both.body).toMatchObject({ organizationId: w.orgB.id, requesterId: w.clientB.id });
    });

    it('does not let clients edit and keeps closed tickets read-only', async () => {
      const own = await t.factory.ticket({ requesterId: w.clientA.id, organizationId: w.orgA.id });
      const byClient = await t
        .http()
        .patch(`/api/v1/tickets/${own.id}`)
        .set('Authorization', bearer(w.clientA))
        .send({ version: 1, subject: 'mine' });
      expect(byClient.status).toBe(403);
      const closed = await t.factory.ticket({ status: 'closed' });
      const edit = await t
        .http()
        .patch(`/api/v1/tickets/${closed.id}`)
        .set('Authorization', bearer(w.admin))
        .send({ version: 1, subject: 'reopen by edit' });
      expect(edit.status).toBe(409);
    });
  });

  describe('comments', () => {
    it("marks a client's comment as needing a reply and a staff public reply as the first response", async () => {
      const ticket = await t.factory.ticket({
        requesterId: w.clientA.id,
        organizationId: w.orgA.id,
      });
      const clientComment = await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/comments`)
        .set('Authorization', bearer(w.clientA))
        .send({ body: 'Jak to vypadá?' });
      expect(clientComment.status).toBe(201);
      expect(clientComment.body).toMatchObject({ internal: false, author: { id: w.clientA.id } });
      let got = await t
        .http()
        .get(`/api/v1/tickets/${ticket.id}`)
        .set('Authorization', bearer(w.agent));
      expect(got.body.needsReply).toBe(true);
      expect(got.body.firstRespondedAt).toBeNull();

      await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/comments`)
        .set('Authorization', bearer(w.agent))
        .send({ body: 'Note', internal: true });
      got = await t
        .http()
        .get(`/api/v1/tickets/${ticket.id}`)
        .set('Authorization', bearer(w.agent));
      expect(got.body.needsReply).toBe(true);

      t.clock.advance(60_000);
      await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/comments`)
        .set('Authorization', bearer(w.agent))
        .send({ body: 'Answer' });
      got = await t
        .http()
        .get(`/api/v1/tickets/${ticket.id}`)
        .set('Authorization', bearer(w.agent));
      expect(got.body.needsReply).toBe(false);
      const firstResponse = got.body.firstRespondedAt;
      expect(firstResponse).toBe(t.clock.now().toISOString());

      t.clock.advance(60_000);
      await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/comments`)
        .set('Authorization', bearer(w.agent))
        .send({ body: 'Second answer' });
      got = await t
        .http()
        .get(`/api/v1/tickets/${ticket.id}`)
        .set('Authorization', bearer(w.agent));
      expect(got.body.firstRespondedAt).toBe(firstResponse);
    });

    it('never shows internal comments or their history to the client, and refuses internal from a client', async () => {
      const ticket = await t.factory.ticket({
        requesterId: w.clientA.id,
        organizationId: w.orgA.id,
      });
      await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/comments`)
        .set('Authorization', bearer(w.agent))
        .send({ body: 'secret staff note', internal: true });
      t.clock.advance(1000);
      await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/comments`)
        .set('Authorization', bearer(w.agent))
        .send({ body: 'public answer' });

      const forClient = await t
        .http()
        .get(`/api/v1/tickets/${ticket.id}/comments`)
        .set('Authorization', bearer(w.clientA));
      expect(forClient.body.items.map((c: { body: string }) => c.body)).toEqual(['public answer']);
      const forAgent = await t
        .http()
        .get(`/api/v1/tickets/${ticket.id}/comments`)
        .set('Authorization', bearer(w.agent));
      expect(forAgent.body.items.map((c: { body: string }) => c.body)).toEqual([
        'secret staff note',
        'public answer',
      ]);

      const clientHistory = await t
        .http()
        .get(`/api/v1/tickets/${ticket.id}/history`)
        .set('Authorization', bearer(w.clientA));
      expect(clientHistory.body.items.some((e: { internal: boolean }) => e.internal)).toBe(false);
      const agentHistory = await t
        .http()
        .get(`/api/v1/tickets/${ticket.id}/history`)
        .set('Authorization', bearer(w.agent));
      expect(agentHistory.body.items.filter((e: { internal: boolean }) => e.internal)).toHaveLength(
        1,
      );

      const attempt = await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/comments`)
        .set('Authorization', bearer(w.clientA))
        .send({ body: 'psst', internal: true });
      expect(attempt.status).toBe(403);
      const rows = await t.db.query(
        `SELECT count(*)::int AS n FROM ticket_comments WHERE body = 'psst'`,
      );
      expect(rows[0].n).toBe(0);
    });

    it('pages through comments without gaps or repeats', async () => {
      const ticket = await t.factory.ticket({ assigneeId: w.agent.id });
      for (let i = 0; i < 5; i++) {
        await t
          .http()
          .post(`/api/v1/tickets/${ticket.id}/comments`)
          .set('Authorization', bearer(w.agent))
          .send({ body: `c${i}` });
        t.clock.advance(1000);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const q: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
        const page = await t
          .http()
          .get(`/api/v1/tickets/${ticket.id}/comments${q}`)
          .set('Authorization', bearer(w.agent));
        seen.push(...page.body.items.map((c: { body: string }) => c.body));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    });
  });
});
