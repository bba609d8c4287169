import { RatingLinkService } from '../src/modules/tickets/satisfaction/rating-link.service';
import type { TicketSeed } from './support/factory';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;

describe('acceptance and satisfaction', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  /** A resolved Okdesk ticket of clientA's, worked by `agent`. */
  const resolved = (seed: TicketSeed = {}) =>
    t.factory.ticket({
      status: 'resolved',
      requesterId: w.clientA.id,
      organizationId: w.orgA.id,
      assigneeId: w.agent.id,
      ...seed,
    });
  const decide = (who: Persona, id: string, body: object) =>
    t.http().post(`/api/v1/tickets/${id}/acceptance`).set('Authorization', bearer(who)).send(body);
  /** Everything acceptance can change, to show that a refusal changed none of it. */
  const state = async (ticketId: string) =>
    (
      await t.db.query(
        `SELECT t.status, t.version, t.closed_at,
                (SELECT count(*)::int FROM ticket_ratings r WHERE r.ticket_id = t.id) AS ratings,
                (SELECT count(*)::int FROM ticket_comments c WHERE c.ticket_id = t.id) AS comments,
                (SELECT count(*)::int FROM ticket_events e WHERE e.ticket_id = t.id) AS events
           FROM tickets t WHERE t.id = $1`,
        [ticketId],
      )
    )[0];

  describe('POST /tickets/{id}/acceptance', () => {
    it('accepting with a rating closes the ticket and stores the rating, not a comment', async () => {
      const ticket = await resolved();
      const res = await decide(w.clientA, ticket.id, {
        decision: 'accept',
        version: 1,
        rating: 4,
        comment: 'Quick and polite',
      });
      expect(res.status).toBe(200);
      const now = t.clock.now().toISOString();
      expect(res.body).toMatchObject({
        status: 'closed',
        statusCategory: 'closed',
        version: 2,
        closedAt: now,
        satisfaction: { rating: 4, comment: 'Quick and polite', via: 'portal', createdAt: now },
      });
      const ratings = await t.db.query(
        `SELECT rating, comment, rated_by_id, assignee_id, via, link_nonce FROM ticket_ratings WHERE ticket_id = $1`,
        [ticket.id],
      );
      expect(ratings).toEqual([
        {
          rating: 4,
          comment: 'Quick and polite',
          rated_by_id: w.clientA.id,
          assignee_id: w.agent.id,
          via: 'portal',
          link_nonce: null,
        },
      ]);
      const events = await t.db.query(
        `SELECT kind, actor_id, old_value, new_value FROM ticket_events WHERE ticket_id = $1 ORDER BY kind`,
        [ticket.id],
      );
      expect(events).toEqual([
        { kind: 'rated', actor_id: w.clientA.id, old_value: null, new_value: { rating: 4 } },
        {
          kind: 'status_changed',
          actor_id: w.clientA.id,
          old_value: 'resolved',
          new_value: 'closed',
        },
      ]);
      expect((await state(ticket.id)).comments).toBe(0);
    });

    it('accepting without a rating is 422 and changes nothing', async () => {
      const ticket = await resolved();
      const before = await state(ticket.id);
      const res = await decide(w.clientA, ticket.id, { decision: 'accept', version: 1 });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors).toEqual([{ field: 'rating', message: expect.any(String) }]);
      expect(await state(ticket.id)).toEqual(before);
    });

    it('a rating out of 1..5 is 400', async () => {
      const ticket = await resolved();
      const res = await decide(w.clientA, ticket.id, { decision: 'accept', version: 1, rating: 6 });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['rating']);
    });

    it('rejecting without a comment is 422 and changes nothing; a rating is not taken with it', async () => {
      const ticket = await resolved();
      const before = await state(ticket.id);
      const bare = await decide(w.clientA, ticket.id, { decision: 'reject', version: 1 });
      expect(bare.status).toBe(422);
      expect(bare.body.errors).toEqual([{ field: 'comment', message: expect.any(String) }]);
      const blank = await decide(w.clientA, ticket.id, {
        decision: 'reject',
        version: 1,
        comment: '   ',
      });
      expect(blank.status).toBe(422);
      const rated = await decide(w.clientA, ticket.id, {
        decision: 'reject',
        version: 1,
        comment: 'Still broken',
        rating: 1,
      });
      expect(rated.status).toBe(422);
      expect(rated.body.errors).toEqual([{ field: 'rating', message: expect.any(String) }]);
      expect(await state(ticket.id)).toEqual(before);
    });

    it('rejecting with a comment reopens the ticket and posts the comment publicly', async () => {
      const ticket = await resolved();
      const res = await decide(w.clientA, ticket.id, {
        decision: 'reject',
        version: 1,
        comment: 'The valve still leaks',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'open',
        statusCategory: 'open',
        version: 2,
        satisfaction: null,
      });
      // needsReply is the desk's flag: the client's view has none; the desk's says it owes an answer.
      expect(res.body).not.toHaveProperty('needsReply');
      const [{ needs_reply }] = await t.db.query('SELECT needs_reply FROM tickets WHERE id = $1', [
        ticket.id,
      ]);
      expect(needs_reply).toBe(true);
      const comments = await t
        .http()
        .get(`/api/v1/tickets/${ticket.id}/comments`)
        .set('Authorization', bearer(w.clientA));
      expect(comments.body.items).toEqual([
        expect.objectContaining({ body: 'The valve still leaks', internal: false }),
      ]);
      expect((await state(ticket.id)).ratings).toBe(0);
    });

    it('is 409 for a ticket that is not resolved, and changes nothing', async () => {
      for (const status of ['in_progress', 'closed']) {
        const ticket = await resolved({ status });
        const before = await state(ticket.id);
        const res = await decide(w.clientA, ticket.id, {
          decision: 'accept',
          version: 1,
          rating: 5,
        });
        expect(res.status).toBe(409);
        expect(res.body.currentStatus).toBe(status);
        expect(await state(ticket.id)).toEqual(before);
      }
    });

    it('is 404 for a client of another organization', async () => {
      const ticket = await resolved();
      const res = await decide(w.clientB, ticket.id, { decision: 'accept', version: 1, rating: 1 });
      expect(res.status).toBe(404);
      expect((await state(ticket.id)).ratings).toBe(0);
    });

    it('is 409 with the current version for a stale version', async () => {
      const ticket = await resolved();
      await t.db.query('UPDATE tickets SET version = 3 WHERE id = $1', [ticket.id]);
      const res = await decide(w.clientA, ticket.id, { decision: 'accept', version: 1, rating: 5 });
      expect(res.status).toBe(409);
      expect(res.body.currentVersion).toBe(3);
      expect(await state(ticket.id)).toMatchObject({ status: 'resolved', ratings: 0 });
    });

    it('is the requester’s: the assignee may not answer for them; a dispatcher may record it, unrated', async () => {
      const ticket = await resolved();
      const byAgent = await decide(w.agent, ticket.id, {
        decision: 'accept',
        version: 1,
        rating: 5,
      });
      expect(byAgent.status).toBe(403);
      await t.db.query('UPDATE users SET can_view_organization_tickets = true WHERE id = $1', [
        w.clientA2.id,
      ]);
      const byColleague = await decide(w.clientA2, ticket.id, {
        decision: 'accept',
        version: 1,
        rating: 5,
      });
      expect(byColleague.status).toBe(403);
      await t.db.query('UPDATE users SET can_view_organization_tickets = false WHERE id = $1', [
        w.clientA2.id,
      ]);
      // Only the requester rates: staff recording the answer for them send no rating.
      const ratedByDispatcher = await decide(w.dispatcher, ticket.id, {
        decision: 'accept',
        version: 1,
        rating: 3,
      });
      expect(ratedByDispatcher.status).toBe(422);
      expect(ratedByDispatcher.body.errors).toEqual([
        { field: 'rating', message: expect.stringMatching(/only the requester rates/) },
      ]);
      expect(await state(ticket.id)).toMatchObject({ status: 'resolved', ratings: 0 });
      const byDispatcher = await decide(w.dispatcher, ticket.id, {
        decision: 'accept',
        version: 1,
      });
      expect(byDispatcher.status).toBe(200);
      expect(byDispatcher.body.statusCategory).toBe('closed');
      expect(
        await t.db.query('SELECT rated_by_id FROM ticket_ratings WHERE ticket_id = $1', [
          ticket.id,
        ]),
      ).toEqual([]);
    });

    it('commits the status change and the rating together or not at all', async () => {
      const ticket = await resolved();
      const before = await state(ticket.id);
      await t.db.query(`
        CREATE FUNCTION fail_rating() RETURNS trigger LANGUAGE plpgsql AS
          $$ BEGIN RAISE EXCEPTION 'rating store down'; END $$;
        CREATE TRIGGER fail_rating BEFORE INSERT ON ticket_ratings
          FOR EACH ROW EXECUTE FUNCTION fail_rating();`);
      try {
        const res = await decide(w.clientA, ticket.id, {
          decision: 'accept',
          version: 1,
          rating: 5,
        });
        expect(res.status).toBe(500);
        expect(JSON.stringify(res.body)).not.toMatch(/rating store down|ticket_ratings/);
      } finally {
        await t.db.query(
          'DROP TRIGGER fail_rating ON ticket_ratings; DROP FUNCTION fail_rating();',
        );
      }
      expect(await state(ticket.id)).toEqual(before);
    });
  });

  describe('GET /reports/satisfaction', () => {
    const from = '2026-01-01T00:00:00.000Z';
    const to = '2026-03-01T00:00:00.000Z';
    beforeAll(async () => {
      const ratings: [string | null, number, string][] = [
        [w.agent.id, 5, '2026-01-05T10:00:00Z'],
        [w.agent.id, 4, '2026-01-20T10:00:00Z'],
        [w.agent.id, 3, '2026-02-03T10:00:00Z'],
        [w.otherAgent.id, 2, '2026-02-10T10:00:00Z'],
        [w.otherAgent.id, 1, '2026-02-11T10:00:00Z'],
        [null, 5, '2026-02-12T10:00:00Z'],
        // Outside [from, to): the range is half-open.
        [w.agent.id, 1, '2025-12-31T23:59:59Z'],
        [w.agent.id, 1, '2026-03-01T00:00:00Z'],
      ];
      for (const [assigneeId, rating, at] of ratings) {
        const ticket = await t.factory.ticket({
          status: 'closed',
          requesterId: w.clientB.id,
          organizationId: w.orgB.id,
          assigneeId,
        });
        await t.db.query(
          `INSERT INTO ticket_ratings (ticket_id, rating, rated_by_id, assignee_id, via, created_at)
           VALUES ($1, $2, $3, $4, 'portal', $5)`,
          [ticket.id, rating, w.clientB.id, assigneeId, at],
        );
      }
      // Ratings made by staff (recorded for a requester before only requesters could rate, or by
      // a staff requester) never count.
      for (const rater of [w.dispatcher.id, w.agent.id]) {
        const ticket = await t.factory.ticket({
          status: 'closed',
          requesterId: rater,
          assigneeId: w.agent.id,
        });
        await t.db.query(
          `INSERT INTO ticket_ratings (ticket_id, rating, rated_by_id, assignee_id, via, created_at)
           VALUES ($1, 1, $2, $3, 'portal', '2026-01-06T10:00:00Z')`,
          [ticket.id, rater, w.agent.id],
        );
      }
    });
    const report = (who: Persona, query: string) =>
      t.http().get(`/api/v1/reports/satisfaction?${query}`).set('Authorization', bearer(who));

    it('sums up a known set of ratings: average, distribution, by agent, by month', async () => {
      const res = await report(w.dispatcher, `from=${from}&to=${to}&groupBy=month`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        from,
        to,
        count: 6,
        average: 3.33,
        distribution: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 2 },
        byAgent: [
          { agentId: w.agent.id, name: 'Agent', count: 3, average: 4 },
          { agentId: w.otherAgent.id, name: 'Other agent', count: 2, average: 1.5 },
          { agentId: null, name: null, count: 1, average: 5 },
        ],
        byPeriod: [
          { period: '2026-01-01', count: 2, average: 4.5 },
          { period: '2026-02-01', count: 4, average: 2.75 },
        ],
      });
    });

    it('groups by ISO week and by day, and leaves periods out when grouping by agent', async () => {
      const weeks = await report(w.admin, `from=${from}&to=${to}&groupBy=week`);
      expect(weeks.body.byPeriod).toEqual([
        { period: '2026-01-05', count: 1, average: 5 },
        { period: '2026-01-19', count: 1, average: 4 },
        { period: '2026-02-02', count: 1, average: 3 },
        { period: '2026-02-09', count: 3, average: 2.67 },
      ]);
      const days = await report(
        w.admin,
        `from=2026-02-10T00:00:00Z&to=2026-02-12T00:00:00Z&groupBy=day`,
      );
      expect(days.body).toMatchObject({
        count: 2,
        average: 1.5,
        byPeriod: [
          { period: '2026-02-10', count: 1, average: 2 },
          { period: '2026-02-11', count: 1, average: 1 },
        ],
      });
      const agents = await report(w.admin, `from=${from}&to=${to}&groupBy=agent`);
      expect(agents.body).toMatchObject({ count: 6, byPeriod: [] });
      expect(agents.body.byAgent).toHaveLength(3);
    });

    it('an empty range has no average; a reversed one is 400', async () => {
      const empty = await report(w.dispatcher, 'from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z');
      expect(empty.body).toMatchObject({
        count: 0,
        average: null,
        distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
        byAgent: [],
        byPeriod: [],
      });
      const reversed = await report(w.dispatcher, `from=${to}&to=${from}`);
      expect(reversed.status).toBe(400);
      const bad = await report(w.dispatcher, 'groupBy=year');
      expect(bad.status).toBe(400);
    });

    it('is for dispatchers and admins: agents and clients get 403', async () => {
      for (const who of [w.agent, w.departmentHead, w.clientA, w.clientB]) {
        expect((await report(who, `from=${from}&to=${to}`)).status).toBe(403);
      }
      const admin = await report(w.admin, `from=${from}&to=${to}`);
      const dispatcher = await report(w.dispatcher, `from=${from}&to=${to}`);
      expect(admin.body).toEqual(dispatcher.body);
    });
  });

  describe('rating links', () => {
    let ruClient: Persona;
    beforeAll(async () => {
      const u = await t.factory.user({
        role: 'client',
        organizationId: w.orgA.id,
        locale: 'ru',
        name: 'Клиент',
      });
      ruClient = { id: u.id, email: u.email, token: await t.tokenFor(u.id) };
    });

    const ticketOf = (requester: Persona, subject = 'Не работает насос <b>') =>
      t.factory.ticket({
        status: 'resolved',
        subject,
        requesterId: requester.id,
        organizationId: w.orgA.id,
        assigneeId: w.agent.id,
      });
    const issue = async (ticketId: string, who: Persona = w.dispatcher) => {
      const res = await t
        .http()
        .post(`/api/v1/tickets/${ticketId}/rating-links`)
        .set('Authorization', bearer(who));
      expect(res.status).toBe(201);
      return res.body as { url: string; expiresAt: string };
    };
    const ratingsOf = (ticketId: string) =>
      t.db.query(
        'SELECT rating, comment, via, rated_by_id, assignee_id, link_nonce FROM ticket_ratings WHERE ticket_id = $1',
        [ticketId],
      );
    const submitForm = (url: string, form: Record<string, string>) =>
      t.http().post(url).set('Accept', 'text/html').type('form').send(form);

    it('staff issue a link valid for 14 days; it is recorded internally in history', async () => {
      const ticket = await ticketOf(ruClient);
      const link = await issue(ticket.id, w.dispatcher);
      expect(link.url).toMatch(/^\/api\/v1\/public\/ratings\/[\w-]+\.[\w-]{43}$/);
      expect(link.expiresAt).toBe(new Date(t.clock.now().getTime() + 14 * DAY).toISOString());
      const history = async (who: Persona) =>
        (
          await t
            .http()
            .get(`/api/v1/tickets/${ticket.id}/history`)
            .set('Authorization', bearer(who))
        ).body.items.map((e: { kind: string }) => e.kind);
      expect(await history(w.dispatcher)).toContain('rating_link_created');
      expect(await history(ruClient)).not.toContain('rating_link_created');
      const byClient = await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/rating-links`)
        .set('Authorization', bearer(ruClient));
      expect(byClient.status).toBe(403);
    });

    it('nobody gets a usable link to rate their own work', async () => {
      const ticket = await ticketOf(ruClient);
      // The assignee asks: 403, and nothing is recorded.
      const byAssignee = await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/rating-links`)
        .set('Authorization', bearer(w.agent));
      expect(byAssignee.status).toBe(403);
      expect(byAssignee.body).not.toHaveProperty('url');
      // Their deputy neither.
      const deputy = await t.factory.user({ role: 'agent', name: 'Deputy' });
      await t.db.query(
        `INSERT INTO deputyships (principal_id, deputy_id, starts_at, ends_at, created_by_id)
         VALUES ($1, $2, $3::timestamptz - interval '1 day', $3::timestamptz + interval '1 day', $1)`,
        [w.agent.id, deputy.id, t.clock.now()],
      );
      const byDeputy = await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/rating-links`)
        .set('Authorization', `Bearer ${await t.tokenFor(deputy.id)}`);
      expect(byDeputy.status).toBe(403);

      // A link issued by a colleague who is later given the ticket stops working.
      const { url } = await issue(ticket.id, w.dispatcher);
      await t.db.query('UPDATE tickets SET assignee_id = $2 WHERE id = $1', [
        ticket.id,
        w.dispatcher.id,
      ]);
      const opened = await t.http().get(url).set('Accept', 'application/json');
      expect(opened.status).toBe(404);
      const submitted = await t.http().post(url).send({ rating: 5 });
      expect(submitted.status).toBe(404);
      expect(await ratingsOf(ticket.id)).toEqual([]);
      // Given back to the agent, the colleague's link works again, once.
      await t.db.query('UPDATE tickets SET assignee_id = $2 WHERE id = $1', [
        ticket.id,
        w.agent.id,
      ]);
      expect((await t.http().post(url).send({ rating: 5 })).status).toBe(201);
      expect((await t.http().post(url).send({ rating: 4 })).status).toBe(409);
      expect(await ratingsOf(ticket.id)).toHaveLength(1);
    });

    it('opening the link shows the form in the requester’s language and records nothing', async () => {
      const ticket = await ticketOf(ruClient);
      const { url } = await issue(ticket.id);
      for (let i = 0; i < 3; i++) {
        const page = await t.http().get(url).set('Accept', 'text/html');
        expect(page.status).toBe(200);
        expect(page.headers['content-type']).toMatch(/^text\/html/);
        expect(page.headers['cache-control']).toBe('no-store');
        expect(page.headers['content-security-policy']).toMatch(/style-src 'sha256-[^']+'/);
        expect(page.text).toContain('<html lang="ru">');
        expect(page.text).toContain(`Оцените решение заявки №${ticket.number}`);
        expect(page.text).toContain('Не работает насос &lt;b&gt;');
        expect(page.text.match(/type="radio" name="rating"/g)).toHaveLength(5);
        expect(page.text).toContain('<textarea');
        expect(page.text).not.toContain('<script');
      }
      const info = await t.http().get(url).set('Accept', 'application/json');
      expect(info.body).toEqual({
        ticketNumber: ticket.number,
        subject: 'Не работает насос <b>',
        locale: 'ru',
        expiresAt: expect.any(String),
        recorded: false,
      });
      expect(await ratingsOf(ticket.id)).toEqual([]);
    });

    it('submitting the form records the rating once, without changing the status', async () => {
      const ticket = await ticketOf(ruClient);
      const { url } = await issue(ticket.id);
      const first = await submitForm(url, { rating: '2', comment: 'Долго' });
      expect(first.status).toBe(201);
      expect(first.headers['content-type']).toMatch(/^text\/html/);
      expect(first.text).toContain('Спасибо! Ваша оценка сохранена.');
      const stored = await ratingsOf(ticket.id);
      expect(stored).toEqual([
        {
          rating: 2,
          comment: 'Долго',
          via: 'link',
          rated_by_id: ruClient.id,
          assignee_id: w.agent.id,
          link_nonce: expect.stringMatching(/^[\w-]{16,64}$/),
        },
      ]);
      const [row] = await t.db.query('SELECT status, version FROM tickets WHERE id = $1', [
        ticket.id,
      ]);
      expect(row).toEqual({ status: 'resolved', version: 1 });
      const [rated] = await t.db.query(
        `SELECT actor_id, new_value FROM ticket_events WHERE ticket_id = $1 AND kind = 'rated'`,
        [ticket.id],
      );
      expect(rated).toEqual({ actor_id: ruClient.id, new_value: { rating: 2 } });

      const again = await submitForm(url, { rating: '5' });
      expect(again.status).toBe(409);
      expect(again.headers['content-type']).toMatch(/^text\/html/);
      const asJson = await t.http().post(url).send({ rating: 5 });
      expect(asJson.status).toBe(409);
      expect(asJson.headers['content-type']).toMatch(/problem\+json/);
      expect(await ratingsOf(ticket.id)).toHaveLength(1);

      const reopened = await t.http().get(url).set('Accept', 'text/html');
      expect(reopened.status).toBe(200);
      expect(reopened.text).not.toContain('<form');
      const detail = await t
        .http()
        .get(`/api/v1/tickets/${ticket.id}`)
        .set('Authorization', bearer(ruClient));
      expect(detail.body.satisfaction).toMatchObject({ rating: 2, via: 'link' });
    });

    it('takes JSON too, and refuses a bad rating with the form again or a 400', async () => {
      const ticket = await ticketOf(w.clientA, 'Printer');
      const { url } = await issue(ticket.id);
      const badForm = await submitForm(url, { rating: '9', comment: 'keep me' });
      expect(badForm.status).toBe(400);
      expect(badForm.text).toContain('Choose a rating from 1 to 5.');
      expect(badForm.text).toContain('keep me</textarea>');
      const badJson = await t.http().post(url).send({ rating: 0 });
      expect(badJson.status).toBe(400);
      expect(badJson.body.errors).toEqual([{ field: 'rating', message: expect.any(String) }]);
      const unknown = await t.http().post(url).send({ rating: 3, stars: 3 });
      expect(unknown.status).toBe(400);
      const text = await t.http().post(url).set('Content-Type', 'text/plain').send('rating=3');
      expect(text.status).toBe(415);
      expect(await ratingsOf(ticket.id)).toEqual([]);
      const ok = await t.http().post(url).send({ rating: 5 });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ rating: 5, comment: null, via: 'link' });
    });

    it('an expired link is refused: 410, as a page for browsers and problem+json for JSON', async () => {
      const ticket = await ticketOf(w.clientA);
      const { url } = await issue(ticket.id);
      t.clock.advance(14 * DAY + 1000);
      const page = await t.http().get(url).set('Accept', 'text/html');
      expect(page.status).toBe(410);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('This link has expired.');
      const posted = await t.http().post(url).send({ rating: 5 });
      expect(posted.status).toBe(410);
      expect(posted.headers['content-type']).toMatch(/problem\+json/);
      expect(posted.body).toMatchObject({ status: 410, title: 'Gone' });
      const form = await submitForm(url, { rating: '5' });
      expect(form.status).toBe(410);
      expect(await ratingsOf(ticket.id)).toEqual([]);
    });

    it('a tampered token is refused with 404, and ticket A’s link cannot rate ticket B', async () => {
      const a = await ticketOf(w.clientA, 'Ticket A');
      const b = await ticketOf(w.clientA, 'Ticket B');
      const { url } = await issue(a.id);
      const token = url.split('/').pop()!;
      const [body, signature] = token.split('.');
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      const forge = (p: object) =>
        `/api/v1/public/ratings/${Buffer.from(JSON.stringify(p)).toString('base64url')}.${signature}`;
      const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
      const attempts = [
        forge({ ...payload, ticketId: b.id }),
        forge({ ...payload, exp: payload.exp + 365 * 86400 }),
        `/api/v1/public/ratings/${body}.${flipped}`,
        `/api/v1/public/ratings/${body}`,
        '/api/v1/public/ratings/not-a-token',
      ];
      for (const path of attempts) {
        const page = await t.http().get(path).set('Accept', 'text/html');
        expect({ path, status: page.status }).toEqual({ path, status: 404 });
        expect(page.text).toContain('This link is not valid.');
        const posted = await t.http().post(path).send({ rating: 1 });
        expect({ path, status: posted.status }).toEqual({ path, status: 404 });
        expect(posted.headers['content-type']).toMatch(/problem\+json/);
      }
      // Properly signed, but for a requester who is not B's: as good as forged.
      const links = t.app.get(RatingLinkService);
      const foreign = links.create(b.id, w.clientB.id, new Date(t.clock.now().getTime() + DAY));
      const foreignRes = await t.http().post(links.path(foreign)).send({ rating: 1 });
      expect(foreignRes.status).toBe(404);
      expect(await ratingsOf(a.id)).toEqual([]);
      expect(await ratingsOf(b.id)).toEqual([]);
    });
  });
});
