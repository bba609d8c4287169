import { startTestApp, type TestApp } from './support/test-app';
import { bearer, buildWorld, type World } from './support/personas';

/** Bad input gets a clear problem+json error, never a 500 or a stack trace, and writes nothing. */
describe('bad input', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp({ jsonBodyLimitBytes: 1024 * 1024 });
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const ticketCount = async () =>
    (await t.db.query('SELECT count(*)::int AS n FROM tickets'))[0].n as number;
  const post = (body: unknown, type = 'application/json') =>
    t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', bearer(w.agent))
      .set('Content-Type', type)
      .send(typeof body === 'string' ? body : JSON.stringify(body));

  const expectProblem = (
    res: {
      status: number;
      headers: Record<string, string>;
      body: Record<string, unknown>;
      text: string;
    },
    status: number,
  ) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status,
      type: expect.stringMatching(/^https:\/\//),
      title: expect.any(String),
    });
    expect(res.text).not.toMatch(
      /at .*\.(js|ts):\d+|node_modules|QueryFailedError|SELECT |INSERT /,
    );
  };

  it.each([
    ['an unknown field', { subject: 'ok', color: 'red' }, 'color'],
    ['a wrong type', { subject: 42 }, 'subject'],
    ['a subject of 251 characters', { subject: 'x'.repeat(251) }, 'subject'],
    ['an empty subject', { subject: '   ' }, 'subject'],
    ['a bad priority', { subject: 'ok', priority: 'asap' }, 'priority'],
    ['a non-uuid reference', { subject: 'ok', typeId: 'abc' }, 'typeId'],
    ['a non-ISO due date', { subject: 'ok', dueAt: 'tomorrow' }, 'dueAt'],
  ])('answers 400 for %s and stores nothing', async (_name, body, field) => {
    const before = await ticketCount();
    const res = await post(body);
    expectProblem(res, 400);
    expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    expect(await ticketCount()).toBe(before);
  });

  it('answers 400 for a NUL byte anywhere in the body', async () => {
    const before = await ticketCount();
    const res = await post('{"subject":"ok","description":"a\\u0000b"}');
    expectProblem(res, 400);
    expect(res.body.errors).toEqual([{ field: 'description', message: 'contains a NUL byte' }]);
    expect(await ticketCount()).toBe(before);
  });

  it('answers 400 for a NUL byte in the query string', async () => {
    const res = await t.http().get('/api/v1/tickets?q=a%00b').set('Authorization', bearer(w.agent));
    expectProblem(res, 400);
  });

  it('answers 400 for malformed JSON', async () => {
    expectProblem(await post('{"subject": "unterminated'), 400);
  });

  it('answers 413 for a 10 MB JSON body, before parsing it', async () => {
    const before = await ticketCount();
    const res = await post({ subject: 'big', description: 'x'.repeat(10 * 1024 * 1024) });
    expectProblem(res, 413);
    expect(await ticketCount()).toBe(before);
  });

  it('answers 404 for ids that are not UUIDs and for unknown routes', async () => {
    expectProblem(
      await t.http().get('/api/v1/tickets/not-a-uuid').set('Authorization', bearer(w.agent)),
      404,
    );
    expectProblem(
      await t.http().get('/api/v1/tickets/by-number/abc').set('Authorization', bearer(w.agent)),
      404,
    );
    expectProblem(
      await t.http().get('/api/v1/nothing-here').set('Authorization', bearer(w.agent)),
      404,
    );
  });

  it('answers 400 for bad list parameters', async () => {
    for (const q of [
      'limit=0',
      'limit=201',
      'limit=abc',
      'view=everything',
      'sort=subject:asc',
      'status=',
      'priority=asap',
      'createdFrom=yesterday',
    ]) {
      const res = await t.http().get(`/api/v1/tickets?${q}`).set('Authorization', bearer(w.agent));
      if (q === 'status=') {
        expect(res.status).toBe(200);
        continue;
      }
      expectProblem(res, 400);
    }
  });

  it('answers 400 for a bad Idempotency-Key', async () => {
    const res = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', bearer(w.agent))
      .set('Idempotency-Key', 'x'.repeat(201))
      .send({ subject: 'ok' });
    expectProblem(res, 400);
  });

  it('answers 400 for an unknown field on every kind of write', async () => {
    const ticket = await t.factory.ticket({ assigneeId: w.agent.id });
    const writes = [
      t.http().patch(`/api/v1/tickets/${ticket.id}`).send({ version: 1, status: 'closed' }),
      t.http().post(`/api/v1/tickets/${ticket.id}/comments`).send({ body: 'x', pinned: true }),
      t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/transitions`)
        .send({ to: 'resolved', version: 1, skipChecks: true }),
      t.http().post(`/api/v1/tickets/${ticket.id}/take`).send({ version: 1, as: 'someone' }),
    ];
    for (const req of writes) expectProblem(await req.set('Authorization', bearer(w.agent)), 400);
    const [row] = await t.db.query('SELECT status, version FROM tickets WHERE id = $1', [
      ticket.id,
    ]);
    expect(row).toEqual({ status: 'open', version: 1 });
  });

  /** An admin sends `body` to `route` and gets a 400 whose errors name `field`. */
  const refusedNaming = async (route: string, body: object, field: string) => {
    const [method, path] = route.split(' ');
    const res = await t
      .http()
      [method.toLowerCase() as 'post'](path)
      .set('Authorization', bearer(w.admin))
      .send(body);
    expectProblem(res, 400);
    expect(res.body.errors).toContainEqual({ field, message: expect.any(String) });
  };

  it.each([
    ['POST /api/v1/categories', {}, 'name'],
    ['POST /api/v1/categories', { name: [] }, 'name'],
    ['POST /api/v1/assignment-rules', { name: 'Rule' }, 'actions'],
    ['POST /api/v1/assignment-rules', { name: 'Rule', actions: [] }, 'actions'],
    ['POST /api/v1/sla/calendars', { name: 'Cal', timeZone: 'UTC' }, 'week'],
    ['POST /api/v1/ticket-types', { key: 'fuzz', name: null }, 'name'],
  ])('%s with %j: a missing or non-object nested field is a 400 naming it', refusedNaming);

  it.each([
    ['POST /api/v1/workflows', { key: 'w', name: { en: 'W' }, statuses: [[]] }, 'statuses'],
    ['POST /api/v1/sla/calendars', { name: 'C', timeZone: 'UTC', exceptions: [[]] }, 'exceptions'],
  ])('%s with %j: an array item that is not an object is a 400 naming the array', refusedNaming);

  it('answers 400 naming cursor for a cursor whose value does not fit the sort column', async () => {
    const ticket = await t.factory.ticket({ requesterId: w.clientA.id });
    const cursor = (v: unknown) =>
      Buffer.from(JSON.stringify([v, '00000000-0000-4000-8000-000000000000'])).toString(
        'base64url',
      );
    for (const url of [
      `/api/v1/tickets?sort=number:asc&cursor=${cursor('2026-01-01T00:00:00Z')}`,
      `/api/v1/tickets?sort=number:asc&cursor=${cursor(1e300)}`,
      `/api/v1/tickets?sort=updatedAt:desc&cursor=${cursor(42)}`,
      `/api/v1/tickets?sort=createdAt:asc&cursor=${cursor('2026-02-30 00:00:00+00')}`,
      `/api/v1/tickets/${ticket.id}/comments?cursor=${cursor('not a date')}`,
      `/api/v1/tickets/${ticket.id}/history?cursor=${cursor('')}`,
      `/api/v1/me/deputies?cursor=${cursor(42)}`,
      `/api/v1/me/notifications?cursor=${cursor('0000-01-01T00:00:00Z')}`,
      `/api/v1/tickets/${ticket.id}/attachments?cursor=${cursor('42')}`,
      `/api/v1/groups?cursor=${cursor(42)}`,
    ]) {
      const res = await t.http().get(url).set('Authorization', bearer(w.admin));
      expectProblem(res, 400);
      expect([url, res.body.errors]).toEqual([
        url,
        [{ field: 'cursor', message: expect.any(String) }],
      ]);
    }
    // A cursor the API issued still pages on, in both text forms of a timestamp.
    for (const v of ['2026-01-01 00:00:00.123456+00', '2026-01-01T00:00:00Z']) {
      const res = await t
        .http()
        .get(`/api/v1/tickets?sort=createdAt:asc&cursor=${cursor(v)}`)
        .set('Authorization', bearer(w.admin));
      expect(res.status).toBe(200);
    }
  });
});
