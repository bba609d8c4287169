import { startTestApp, type TestApp } from './support/test-app';
import { bearer, buildWorld, type Persona, type World } from './support/personas';

const HOUR = 3600 * 1000;

/**
 * `Idempotency-Key` beyond the happy path (tickets.e2e-spec covers the plain replay): a failed
 * attempt does not keep the key, keys expire after 24 hours, and comments honour them too.
 */
describe('Idempotency-Key', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const createTicket = (who: Persona, key: string, body: object) =>
    t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', bearer(who))
      .set('Idempotency-Key', key)
      .send(body);
  const addComment = (who: Persona, ticketId: string, key: string, body: object) =>
    t
      .http()
      .post(`/api/v1/tickets/${ticketId}/comments`)
      .set('Authorization', bearer(who))
      .set('Idempotency-Key', key)
      .send(body);
  const ticketsWithSubject = async (subject: string) =>
    (
      (await t.db.query('SELECT count(*)::int AS n FROM tickets WHERE subject = $1', [
        subject,
      ])) as { n: number }[]
    )[0].n;
  const commentsOn = async (ticketId: string) =>
    (
      (await t.db.query('SELECT count(*)::int AS n FROM ticket_comments WHERE ticket_id = $1', [
        ticketId,
      ])) as { n: number }[]
    )[0].n;

  describe('after a failed attempt', () => {
    it('lets a retry with a corrected body through after a 400, and replays that success', async () => {
      const invalid = await createTicket(w.agent, 'retry-after-400', { subject: '' });
      expect(invalid.status).toBe(400);

      const corrected = await createTicket(w.agent, 'retry-after-400', { subject: 'Fixed 400' });
      expect(corrected.status).toBe(201);
      expect(corrected.headers['idempotent-replayed']).toBeUndefined();
      expect(corrected.body.subject).toBe('Fixed 400');

      const replay = await createTicket(w.agent, 'retry-after-400', { subject: 'Fixed 400' });
      expect(replay.status).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body.id).toBe(corrected.body.id);
      expect(await ticketsWithSubject('Fixed 400')).toBe(1);
    });

    it('lets a retry with a corrected body through after a 422', async () => {
      const body = { subject: 'Fixed 422' };
      const refused = await createTicket(w.clientA, 'retry-after-422', {
        ...body,
        organizationId: w.orgB.id,
      });
      expect(refused.status).toBe(422);

      const corrected = await createTicket(w.clientA, 'retry-after-422', body);
      expect(corrected.status).toBe(201);
      expect(corrected.body).toMatchObject({ subject: 'Fixed 422', organizationId: w.orgA.id });
      expect(await ticketsWithSubject('Fixed 422')).toBe(1);
    });

    it('evaluates the same failing body again instead of replaying the failure', async () => {
      const first = await createTicket(w.agent, 'fails-twice', { subject: 'x', bogus: 1 });
      const second = await createTicket(w.agent, 'fails-twice', { subject: 'x', bogus: 1 });
      expect(first.status).toBe(400);
      expect(second.status).toBe(400);
      expect(second.headers['idempotent-replayed']).toBeUndefined();
      expect(second.body).toEqual(first.body);
    });
  });

  describe('after 24 hours', () => {
    it('replays within 24 hours and creates anew once the key has expired', async () => {
      t.clock.set('2026-04-01T08:00:00Z');
      const body = { subject: 'Daily report' };
      const first = await createTicket(w.agent, 'daily-report', body);
      expect(first.status).toBe(201);

      t.clock.set(new Date(Date.parse('2026-04-01T08:00:00Z') + 24 * HOUR - 1000));
      const sameDay = await createTicket(w.agent, 'daily-report', body);
      expect(sameDay.headers['idempotent-replayed']).toBe('true');
      expect(sameDay.body.id).toBe(first.body.id);

      t.clock.set(new Date(Date.parse('2026-04-01T08:00:00Z') + 24 * HOUR + 1000));
      const nextDay = await createTicket(w.agent, 'daily-report', body);
      expect(nextDay.status).toBe(201);
      expect(nextDay.headers['idempotent-replayed']).toBeUndefined();
      expect(nextDay.body.id).not.toBe(first.body.id);
      expect(await ticketsWithSubject('Daily report')).toBe(2);

      // The new use starts a new 24 hours: a retry of it replays the second ticket.
      t.clock.advance(HOUR);
      const retry = await createTicket(w.agent, 'daily-report', body);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body.id).toBe(nextDay.body.id);
    });

    it('accepts an expired key for a different body', async () => {
      t.clock.set('2026-04-10T08:00:00Z');
      const first = await createTicket(w.agent, 'reused-next-day', { subject: 'Monday' });
      expect(first.status).toBe(201);
      expect((await createTicket(w.agent, 'reused-next-day', { subject: 'Tuesday' })).status).toBe(
        422,
      );

      t.clock.advance(25 * HOUR);
      const later = await createTicket(w.agent, 'reused-next-day', { subject: 'Tuesday' });
      expect(later.status).toBe(201);
      expect(later.body.subject).toBe('Tuesday');
    });
  });

  describe('on comments', () => {
    it('replays the first comment for the same key and body and adds no second one', async () => {
      const ticket = await t.factory.ticket({
        requesterId: w.clientA.id,
        organizationId: w.orgA.id,
      });
      const first = await addComment(w.clientA, ticket.id, 'comment-once', {
        body: 'Still broken',
      });
      expect(first.status).toBe(201);
      const again = await addComment(w.clientA, ticket.id, 'comment-once', {
        body: 'Still broken',
      });
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await commentsOn(ticket.id)).toBe(1);

      const other = await addComment(w.clientA, ticket.id, 'comment-once', { body: 'Other text' });
      expect(other.status).toBe(422);
      expect(await commentsOn(ticket.id)).toBe(1);

      const list = await t
        .http()
        .get(`/api/v1/tickets/${ticket.id}/comments`)
        .set('Authorization', bearer(w.clientA));
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([first.body.id]);
    });

    it('refuses the key for the same text on another ticket: a key names one request', async () => {
      const one = await t.factory.ticket({ assigneeId: w.agent.id });
      const two = await t.factory.ticket({ assigneeId: w.agent.id });
      const a = await addComment(w.agent, one.id, 'same-text', { body: 'On my way' });
      const b = await addComment(w.agent, two.id, 'same-text', { body: 'On my way' });
      expect(a.status).toBe(201);
      expect(b.status).toBe(422);
      expect(await commentsOn(two.id)).toBe(0);
    });

    it('lets a corrected comment through after a failed one with the same key', async () => {
      const ticket = await t.factory.ticket({ assigneeId: w.agent.id });
      const empty = await addComment(w.agent, ticket.id, 'comment-retry', { body: '' });
      expect(empty.status).toBe(400);
      const fixed = await addComment(w.agent, ticket.id, 'comment-retry', { body: 'Checked' });
      expect(fixed.status).toBe(201);
      expect(fixed.headers['idempotent-replayed']).toBeUndefined();
      expect(await commentsOn(ticket.id)).toBe(1);
    });
  });

  describe('after the database failed mid-request', () => {
    it('takes over a claim its request could not release, after a minute, for the same request only', async () => {
      // The create fails as in an outage, and so does the release of the key: it stays pending.
      await t.db.query(`
        CREATE FUNCTION fail_outage() RETURNS trigger LANGUAGE plpgsql AS
          $$ BEGIN RAISE EXCEPTION 'terminating connection' USING ERRCODE = '57P01'; END $$;
        CREATE TRIGGER fail_ticket BEFORE INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION fail_outage();
        CREATE TRIGGER fail_release BEFORE DELETE ON idempotency_keys FOR EACH ROW EXECUTE FUNCTION fail_outage();
      `);
      let first;
      try {
        first = await createTicket(w.agent, 'outage-key', { subject: 'Outage retry' });
      } finally {
        await t.db.query(`
          DROP TRIGGER fail_ticket ON tickets;
          DROP TRIGGER fail_release ON idempotency_keys;
          DROP FUNCTION fail_outage();
        `);
      }
      expect(first.status).toBe(503);
      const [pending] = await t.db.query(
        `SELECT status_code FROM idempotency_keys WHERE key = 'outage-key'`,
      );
      expect(pending).toEqual({ status_code: null });

      // Right away, the claim may still be a request in flight: 409.
      expect((await createTicket(w.agent, 'outage-key', { subject: 'Outage retry' })).status).toBe(
        409,
      );
      t.clock.advance(61_000);
      // Another body never takes it over.
      expect(
        (await createTicket(w.agent, 'outage-key', { subject: 'Something else' })).status,
      ).toBe(422);
      const retry = await createTicket(w.agent, 'outage-key', { subject: 'Outage retry' });
      expect(retry.status).toBe(201);
      const replay = await createTicket(w.agent, 'outage-key', { subject: 'Outage retry' });
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body.id).toBe(retry.body.id);
      expect(await ticketsWithSubject('Outage retry')).toBe(1);
    });

    /** Runs `fn` with the recording of answers (the UPDATE that stores status_code) failing. */
    const withAnswersLost = async <T>(fn: () => Promise<T>, releaseFails: boolean) => {
      await t.db.query(`
        CREATE FUNCTION fail_outage() RETURNS trigger LANGUAGE plpgsql AS
          $$ BEGIN RAISE EXCEPTION 'terminating connection' USING ERRCODE = '57P01'; END $$;
        CREATE TRIGGER fail_record BEFORE UPDATE ON idempotency_keys FOR EACH ROW
          WHEN (NEW.status_code IS NOT NULL) EXECUTE FUNCTION fail_outage();
        ${releaseFails ? 'CREATE TRIGGER fail_release BEFORE DELETE ON idempotency_keys FOR EACH ROW EXECUTE FUNCTION fail_outage();' : ''}
      `);
      try {
        return await fn();
      } finally {
        await t.db.query(`
          DROP TRIGGER fail_record ON idempotency_keys;
          ${releaseFails ? 'DROP TRIGGER fail_release ON idempotency_keys;' : ''}
          DROP FUNCTION fail_outage();
        `);
      }
    };
    const claimOf = async (key: string) =>
      (
        (await t.db.query(
          `SELECT status_code, committed_at IS NOT NULL AS committed FROM idempotency_keys WHERE key = $1`,
          [key],
        )) as { status_code: number | null; committed: boolean }[]
      )[0];

    it('does not create again when the create committed and its answer was lost, even after a minute', async () => {
      // The instance dies between the create's commit and the recording of its answer: neither
      // the answer nor a release of the key reaches the database.
      const body = { subject: 'Lost answer' };
      const first = await withAnswersLost(() => createTicket(w.agent, 'lost-answer', body), true);
      expect(first.status).toBe(503);
      expect(await ticketsWithSubject('Lost answer')).toBe(1);
      expect(await claimOf('lost-answer')).toEqual({ status_code: null, committed: true });

      const soon = await createTicket(w.agent, 'lost-answer', body);
      expect(soon.status).toBe(409);
      expect(soon.body.detail).toMatch(/still being processed/);

      t.clock.advance(61_000);
      const retry = await createTicket(w.agent, 'lost-answer', body);
      expect(retry.status).toBe(409);
      expect(retry.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(retry.body).toMatchObject({
        status: 409,
        detail: expect.stringMatching(/carried out, but its answer was lost/),
      });
      // Another body is still another request, and nothing takes the claim over later either.
      expect((await createTicket(w.agent, 'lost-answer', { subject: 'Other' })).status).toBe(422);
      t.clock.advance(3600_000);
      expect((await createTicket(w.agent, 'lost-answer', body)).status).toBe(409);
      expect(await ticketsWithSubject('Lost answer')).toBe(1);
    });

    it.each([
      [
        'a comment (its transaction, then a read of the answer)',
        async () => {
          const ticket = await t.factory.ticket({ assigneeId: w.agent.id });
          return {
            who: w.agent,
            path: `/api/v1/tickets/${ticket.id}/comments`,
            body: { body: 'Lost comment' },
            count: () => commentsOn(ticket.id),
          };
        },
      ],
      [
        'an SLA calendar (repository save, which opens its own transaction)',
        async () => ({
          who: w.admin,
          path: '/api/v1/sla/calendars',
          body: {
            name: 'Lost calendar',
            timeZone: 'Europe/Moscow',
            week: { mon: [{ start: '09:00', end: '18:00' }] },
          },
          count: async () =>
            (
              (await t.db.query(
                `SELECT count(*)::int AS n FROM sla_calendars WHERE name = 'Lost calendar'`,
              )) as { n: number }[]
            )[0].n,
        }),
      ],
    ])('does not run %s again after its answer was lost', async (_name, prepare) => {
      const c = await prepare();
      const key = `lost-${c.path}`;
      const post = () =>
        t
          .http()
          .post(c.path)
          .set('Authorization', bearer(c.who))
          .set('Idempotency-Key', key)
          .send(c.body);
      const first = await withAnswersLost(post, true);
      expect(first.status).toBe(503);
      expect(await c.count()).toBe(1);
      t.clock.advance(61_000);
      const retry = await post();
      expect(retry.status).toBe(409);
      expect(retry.body.detail).toMatch(/answer was lost/);
      expect(await c.count()).toBe(1);
    });

    it('keeps the key of a committed create whose answer could not be recorded, instead of freeing it', async () => {
      // Only the recording fails (the database came back for the release): the release must not
      // free the key of a create that was carried out, or the next retry creates it again.
      const body = { subject: 'Unrecorded answer' };
      const first = await withAnswersLost(
        () => createTicket(w.agent, 'unrecorded-answer', body),
        false,
      );
      expect(first.status).toBe(503);
      const retry = await createTicket(w.agent, 'unrecorded-answer', body);
      expect(retry.status).toBe(409);
      expect(await ticketsWithSubject('Unrecorded answer')).toBe(1);
      t.clock.advance(61_000);
      expect((await createTicket(w.agent, 'unrecorded-answer', body)).body.detail).toMatch(
        /answer was lost/,
      );
      expect(await ticketsWithSubject('Unrecorded answer')).toBe(1);
    });

    it('rolls back a create that outlived the takeover time, once a retry took its key over', async () => {
      // Both attempts wait for the tickets table; the first one's claim is taken over meanwhile.
      const body = { subject: 'Overtaken' };
      const holder = t.db.createQueryRunner();
      await holder.connect();
      const waitingInserts = async (n: number) => {
        for (let i = 0; i < 500; i++) {
          const [{ waiting }] = (await t.db.query(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
              WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO tickets%'`,
          )) as { waiting: number }[];
          if (waiting >= n) return;
          await new Promise((r) => setTimeout(r, 10));
        }
        throw new Error(`${n} ticket inserts never waited for the lock`);
      };
      let slow: Promise<{ status: number; body: { id?: string; detail?: string } }>;
      let retry: Promise<{ status: number; body: { id?: string; detail?: string } }>;
      try {
        await holder.startTransaction();
        await holder.query('LOCK TABLE tickets IN EXCLUSIVE MODE');
        slow = createTicket(w.agent, 'overtaken', body).then((r) => r);
        await waitingInserts(1);
        t.clock.advance(61_000);
        retry = createTicket(w.agent, 'overtaken', body).then((r) => r);
        await waitingInserts(2);
      } finally {
        await holder.commitTransaction().catch(() => holder.rollbackTransaction());
        await holder.release();
      }
      const [a, b] = await Promise.all([slow!, retry!]);
      expect(a.status).toBe(409);
      expect(a.body.detail).toMatch(/took the request over/);
      expect(b.status).toBe(201);
      expect(await ticketsWithSubject('Overtaken')).toBe(1);
      const replay = await createTicket(w.agent, 'overtaken', body);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body.id).toBe(b.body.id);
    });
  });
});
