import { randomUUID } from 'node:crypto';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Deflection (issue 17): a client opens suggested articles from the new-ticket form (recorded per
 * session and article), and the session counts as a deflection when no ticket was filed with it
 * within 24 hours of its last open; the report decides at read time, by the clock.
 */
describe('knowledge-base deflection', () => {
  let t: TestApp;
  let w: World;
  const ids: Record<string, string> = {};

  const get = (p: Persona, path: string) => t.http().get(path).set('Authorization', bearer(p));
  const post = (p: Persona, path: string, body: object) =>
    t.http().post(path).set('Authorization', bearer(p)).send(body);
  const open = (p: Persona, sessionId: string, articleId: string) =>
    post(p, '/api/v1/kb/suggestion-opens', { sessionId, articleId });
  const file = async (p: Persona, body: object, idempotencyKey?: string) => {
    const req = t.http().post('/api/v1/tickets').set('Authorization', bearer(p));
    if (idempotencyKey) req.set('Idempotency-Key', idempotencyKey);
    const res = await req.send({ subject: 'My printer jams', ...body });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const report = async (query: string, p: Persona = w.dispatcher) => {
    const res = await get(p, `/api/v1/reports/kb-deflections?${query}`);
    expect(res.status).toBe(200);
    return res.body as {
      deflections: number;
      filed: number;
      pending: number;
      rate: number | null;
      byPeriod: { period: string; deflections: number; filed: number; pending: number }[];
      byArticle: { articleId: string; opens: number; deflections: number; filed: number }[];
    };
  };
  const article = (r: Awaited<ReturnType<typeof report>>, key: string) =>
    r.byArticle.find((a) => a.articleId === ids[key]);
  const sessionRows = async (sessionId: string) =>
    (await t.db.query(
      `SELECT s.filed_at, s.ticket_id, (SELECT count(*)::int FROM kb_suggestion_opens o
                                         WHERE o.session_id = s.id) AS opens
         FROM kb_suggestion_sessions s WHERE s.id = $1`,
      [sessionId],
    )) as { filed_at: Date | null; ticket_id: string | null; opens: number }[];

  async function section(name: string, audience: string, extra: object = {}) {
    const res = await post(w.admin, '/api/v1/kb/sections', { name, audience, ...extra });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  async function write(sectionId: string, title: string, publish = true) {
    const res = await post(w.agent, '/api/v1/kb/articles', {
      sectionId,
      title,
      body: `${title}: what to do.`,
      language: 'en',
    });
    expect(res.status).toBe(201);
    if (publish) {
      const pub = await post(w.agent, `/api/v1/kb/articles/${res.body.id}/status-changes`, {
        version: res.body.version,
        status: 'published',
      });
      expect(pub.status).toBe(200);
    }
    return res.body.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const clients = await section('Clients', 'clients');
    const orgA = await section('Org A only', 'clients', { organizationIds: [w.orgA.id] });
    const staff = await section('Staff', 'staff');
    ids.printer = await write(clients, 'Printer jams');
    ids.scanner = await write(clients, 'Scanner is slow');
    ids.orgA = await write(orgA, 'Org A printer');
    ids.staff = await write(staff, 'Printer runbook');
    ids.draft = await write(clients, 'Printer draft', false);
  });
  afterAll(() => t.close());

  it('records an open once per session and article, for the session’s own client only', async () => {
    const s = randomUUID();
    expect((await open(w.clientA, s, ids.printer)).status).toBe(204);
    t.clock.advance(60_000);
    expect((await open(w.clientA, s, ids.printer)).status).toBe(204);
    expect(await sessionRows(s)).toEqual([{ filed_at: null, ticket_id: null, opens: 1 }]);
    // Upper-case ids are the same session and article.
    expect((await open(w.clientA, s.toUpperCase(), ids.printer.toUpperCase())).status).toBe(204);
    expect((await sessionRows(s))[0].opens).toBe(1);
    expect((await open(w.clientA, s, ids.scanner)).status).toBe(204);
    expect((await sessionRows(s))[0].opens).toBe(2);

    // Someone else's session id is nobody's business: 404, and nothing added to it.
    const stolen = await open(w.clientA2, s, ids.orgA);
    expect(stolen.status).toBe(404);
    expect(stolen.headers['content-type']).toContain('application/problem+json');
    expect((await sessionRows(s))[0].opens).toBe(2);
  });

  it('a client cannot record an open of an article they cannot see (404, nothing stored)', async () => {
    for (const key of ['orgA', 'staff', 'draft']) {
      const s = randomUUID();
      const res = await open(w.clientB, s, ids[key]);
      expect({ key, status: res.status }).toEqual({ key, status: 404 });
      expect(await sessionRows(s)).toEqual([]);
    }
    expect((await open(w.clientB, randomUUID(), randomUUID())).status).toBe(404);
    // The organization's own client sees its article.
    expect((await open(w.clientA, randomUUID(), ids.orgA)).status).toBe(204);
  });

  it('refuses staff (403) and bad input (400)', async () => {
    expect((await open(w.agent, randomUUID(), ids.printer)).status).toBe(403);
    expect((await open(w.clientA, 'not-a-uuid', ids.printer)).status).toBe(400);
    expect(
      (
        await post(w.clientA, '/api/v1/kb/suggestion-opens', {
          sessionId: randomUUID(),
          articleId: ids.printer,
          extra: 1,
        })
      ).status,
    ).toBe(400);
    const bad = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', bearer(w.clientA))
      .send({ subject: 'x', suggestionSessionId: 'nope' });
    expect(bad.status).toBe(400);
  });

  it('a client cannot read the report; an agent without the reports permission neither', async () => {
    expect((await get(w.clientA, '/api/v1/reports/kb-deflections')).status).toBe(403);
    expect((await get(w.agent, '/api/v1/reports/kb-deflections')).status).toBe(403);
    expect((await get(w.admin, '/api/v1/reports/kb-deflections?groupBy=year')).status).toBe(400);
  });

  describe('filed, not filed, the window, per article and per period', () => {
    // A fresh stretch of time of its own: the earlier tests' sessions are before it.
    const day1 = '2026-04-06T10:00:00Z'; // a Monday
    const range = 'from=2026-04-06T00:00:00Z&to=2026-05-01T00:00:00Z';
    const s = {
      filed: randomUUID(),
      filedByKey: randomUUID(),
      left: randomUUID(),
      leftTwice1: randomUUID(),
      leftTwice2: randomUUID(),
      otherFiler: randomUUID(),
      late: randomUUID(),
      nextWeek: randomUUID(),
    };

    beforeAll(async () => {
      t.clock.set(day1);
      // clientA opens the printer article, then files anyway (without an Idempotency-Key).
      expect((await open(w.clientA, s.filed, ids.printer)).status).toBe(204);
      const ticket = await file(w.clientA, { suggestionSessionId: s.filed });
      expect((await sessionRows(s.filed))[0].ticket_id).toBe(ticket.id);
      // clientA2 opens both articles and files with a key, as the portal does.
      expect((await open(w.clientA2, s.filedByKey, ids.printer)).status).toBe(204);
      expect((await open(w.clientA2, s.filedByKey, ids.scanner)).status).toBe(204);
      await file(w.clientA2, { suggestionSessionId: s.filedByKey }, randomUUID());
      // clientB opens the printer article and leaves.
      expect((await open(w.clientB, s.left, ids.printer)).status).toBe(204);
      // clientA2 opens in two more sessions the same day and leaves both: one deflection.
      expect((await open(w.clientA2, s.leftTwice1, ids.scanner)).status).toBe(204);
      expect((await open(w.clientA2, s.leftTwice2, ids.scanner)).status).toBe(204);
      // clientA's session, but clientB files a ticket naming it: not clientA's filing.
      expect((await open(w.clientA, s.otherFiler, ids.printer)).status).toBe(204);
      await file(w.clientB, { suggestionSessionId: s.otherFiler });
      // clientB opens at 10:00 and files only the next day at 11:00, past the window.
      expect((await open(w.clientB, s.late, ids.scanner)).status).toBe(204);
    });

    it('within the window nothing unfiled is a deflection yet', async () => {
      t.clock.set('2026-04-07T09:59:00Z');
      const r = await report(`${range}&groupBy=day`);
      expect(r).toMatchObject({ deflections: 0, filed: 2, pending: 5, rate: 0 });
      expect(article(r, 'printer')).toMatchObject({ opens: 4, deflections: 0, filed: 2 });
      // A ticket with a session that has no opens, or is unknown, is just a ticket.
      await file(w.clientB, { suggestionSessionId: randomUUID() });
    });

    it('after the window: filed sessions are not deflections, the others are', async () => {
      t.clock.set('2026-04-07T11:00:00Z');
      await file(w.clientB, { suggestionSessionId: s.late });
      expect((await sessionRows(s.late))[0].filed_at).not.toBeNull();

      const r = await report(`${range}&groupBy=day`);
      // left (clientB), leftTwice1+2 (clientA2, once), otherFiler (clientA), late (clientB,
      // the same day as left: once) → clientB, clientA2, clientA.
      expect(r).toMatchObject({ deflections: 3, filed: 2, pending: 0, rate: 0.6 });
      expect(r.byPeriod).toEqual([
        { period: '2026-04-06', deflections: 3, filed: 2, pending: 0, rate: 0.6 },
      ]);
      expect(article(r, 'printer')).toMatchObject({ opens: 4, deflections: 2, filed: 2 });
      expect(article(r, 'scanner')).toMatchObject({ opens: 4, deflections: 2, filed: 1 });
      // Most deflections first, then most opens.
      expect(r.byArticle.map((a) => a.articleId)).toEqual([ids.printer, ids.scanner]);
    });

    it('groups by day, week and month, by the day of the first open', async () => {
      t.clock.set('2026-04-14T08:00:00Z'); // the next Tuesday
      expect((await open(w.clientA, s.nextWeek, ids.printer)).status).toBe(204);
      t.clock.set('2026-04-16T08:00:00Z');

      const days = await report(`${range}&groupBy=day`);
      expect(days.byPeriod.map((p) => [p.period, p.deflections])).toEqual([
        ['2026-04-06', 3],
        ['2026-04-14', 1],
      ]);
      const weeks = await report(`${range}&groupBy=week`);
      expect(weeks.byPeriod.map((p) => [p.period, p.deflections, p.filed])).toEqual([
        ['2026-04-06', 3, 2],
        ['2026-04-13', 1, 0],
      ]);
      const months = await report(`${range}&groupBy=month`);
      expect(months.byPeriod.map((p) => [p.period, p.deflections, p.filed])).toEqual([
        ['2026-04-01', 4, 2],
      ]);
      expect(months.deflections).toBe(4);
      expect(article(months, 'printer')).toMatchObject({ opens: 5, deflections: 3 });

      // The range is on the first open: the week after day 1 only.
      const later = await report('from=2026-04-13T00:00:00Z&to=2026-04-20T00:00:00Z');
      expect(later).toMatchObject({ deflections: 1, filed: 0, pending: 0 });
      expect(later.byArticle.map((a) => a.articleId)).toEqual([ids.printer]);
    });
  });
});
