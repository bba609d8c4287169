import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The review queue (issue 17): published articles whose last review, or creation when never
 * reviewed, is older than N months, oldest first, keyset pages; and the KB settings that hold
 * the default N. Time moves by the test's clock, so "six months ago" is exact.
 */
describe('knowledge-base review queue and settings', () => {
  let t: TestApp;
  let w: World;
  const ids: Record<string, string> = {};

  const as = (p: Persona) => ({
    get: (path: string) => t.http().get(path).set('Authorization', bearer(p)),
    post: (path: string, body: object) =>
      t.http().post(path).set('Authorization', bearer(p)).send(body),
    put: (path: string, body: object) =>
      t.http().put(path).set('Authorization', bearer(p)).send(body),
  });

  async function article(sectionId: string, title: string, status: string): Promise<string> {
    const res = await as(w.agent).post('/api/v1/kb/articles', {
      sectionId,
      title,
      body: `${title} body`,
      language: 'en',
    });
    expect(res.status).toBe(201);
    if (status !== 'draft') {
      const changed = await as(w.agent).post(`/api/v1/kb/articles/${res.body.id}/status-changes`, {
        version: res.body.version,
        status,
      });
      expect(changed.status).toBe(200);
    }
    return res.body.id as string;
  }

  async function review(id: string): Promise<void> {
    const current = await as(w.agent).get(`/api/v1/kb/articles/${id}`);
    const res = await as(w.agent).post(`/api/v1/kb/articles/${id}/reviews`, {
      version: current.body.version,
    });
    expect(res.status).toBe(200);
  }

  const queue = async (query = '', who: Persona = w.agent) => {
    const res = await as(who).get(`/api/v1/kb/review-queue${query}`);
    expect(res.status).toBe(200);
    return res.body as {
      items: { id: string; lastReviewedOrCreatedAt: string; version: number }[];
      nextCursor: string | null;
      months: number;
    };
  };
  const keysOf = (items: { id: string }[]) =>
    items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id) ?? i.id);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const staff = await as(w.admin).post('/api/v1/kb/sections', {
      name: 'Staff',
      audience: 'staff',
    });
    const clients = await as(w.admin).post('/api/v1/kb/sections', {
      name: 'Clients',
      audience: 'clients',
    });
    t.clock.set('2025-01-01T09:00:00Z');
    ids.neverReviewed = await article(clients.body.id, 'Never reviewed', 'published');
    ids.draft = await article(clients.body.id, 'Old draft', 'draft');
    ids.archived = await article(clients.body.id, 'Old archived', 'archived');
    ids.reviewedMarch = await article(staff.body.id, 'Reviewed in March', 'published');
    t.clock.set('2025-03-01T09:00:00Z');
    await review(ids.reviewedMarch);
    t.clock.set('2025-06-15T09:00:00Z');
    ids.recent = await article(clients.body.id, 'Recent', 'published');
    t.clock.set('2025-10-01T09:00:00Z');
  });
  afterAll(() => t.close());

  it('lists published articles not reviewed for the default six months, oldest first', async () => {
    const page = await queue();
    expect(page.months).toBe(6);
    // Cut-off 2025-04-01: created in January and reviewed in March are due; June is not; drafts
    // and archived articles never are, however old.
    expect(keysOf(page.items)).toEqual(['neverReviewed', 'reviewedMarch']);
    expect(page.items[0].lastReviewedOrCreatedAt).toBe('2025-01-01T09:00:00.000Z');
    expect(page.items[1].lastReviewedOrCreatedAt).toBe('2025-03-01T09:00:00.000Z');
    expect(page.nextCursor).toBeNull();
    expect((await as(w.agent).get('/api/v1/kb/review-queue/count')).body).toEqual({
      count: 2,
      cap: 1000,
      months: 6,
    });
  });

  it('months= overrides the setting: the review date counts, not the creation', async () => {
    // Cut-off 2025-02-01: the March review keeps that article off the queue.
    expect(keysOf((await queue('?months=8')).items)).toEqual(['neverReviewed']);
    // Cut-off 2025-09-01: everything published.
    expect(keysOf((await queue('?months=1')).items)).toEqual([
      'neverReviewed',
      'reviewedMarch',
      'recent',
    ]);
  });

  it('pages by keyset: every article once, in order', async () => {
    const first = await queue('?months=1&limit=2');
    expect(keysOf(first.items)).toEqual(['neverReviewed', 'reviewedMarch']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await queue(`?months=1&limit=2&cursor=${first.nextCursor}`);
    expect(keysOf(second.items)).toEqual(['recent']);
    expect(second.nextCursor).toBeNull();
  });

  it('bad input is a 400; clients get 403', async () => {
    for (const query of ['?months=0', '?months=121', '?months=abc', '?limit=0', '?cursor=nope!']) {
      const res = await as(w.agent).get(`/api/v1/kb/review-queue${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await as(w.clientA).get('/api/v1/kb/review-queue')).status).toBe(403);
    expect((await as(w.clientA).get('/api/v1/kb/review-queue/count')).status).toBe(403);
  });

  it('marking an article reviewed takes it off the queue until the interval passes again', async () => {
    const before = await queue();
    await review(ids.neverReviewed);
    expect(keysOf((await queue()).items)).toEqual(['reviewedMarch']);
    expect(before.items).toHaveLength(2);
    t.clock.set('2026-04-02T09:00:00Z');
    expect(keysOf((await queue()).items)).toEqual(['reviewedMarch', 'recent', 'neverReviewed']);
    t.clock.set('2025-10-01T09:00:00Z');
  });

  it('settings: the interval is saved, bounded, versioned; a field left out keeps its value', async () => {
    const read = await as(w.admin).get('/api/v1/admin/kb-settings');
    expect(read.body).toMatchObject({ publicEnabled: false, reviewIntervalMonths: 6 });
    const on = await as(w.admin).put('/api/v1/admin/kb-settings', {
      version: read.body.version,
      publicEnabled: true,
    });
    expect(on.body).toMatchObject({ publicEnabled: true, reviewIntervalMonths: 6 });
    const saved = await as(w.dispatcher).put('/api/v1/admin/kb-settings', {
      version: on.body.version,
      reviewIntervalMonths: 2,
    });
    expect(saved.status).toBe(200);
    // toMatchObject: the other settings (the automatic answer's) are not this test's.
    expect(saved.body).toMatchObject({
      publicEnabled: true,
      reviewIntervalMonths: 2,
      version: on.body.version + 1,
    });
    // The queue's default follows the setting: cut-off 2025-08-01 lets June's article in.
    const page = await queue();
    expect(page.months).toBe(2);
    expect(keysOf(page.items)).toContain('recent');
    const stale = await as(w.admin).put('/api/v1/admin/kb-settings', {
      version: on.body.version,
      reviewIntervalMonths: 3,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(saved.body.version);
    for (const bad of [0, 121, 2.5, '6', null]) {
      const res = await as(w.admin).put('/api/v1/admin/kb-settings', {
        version: saved.body.version,
        reviewIntervalMonths: bad,
      });
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
    }
    expect(
      (
        await as(w.admin).put('/api/v1/admin/kb-settings', {
          version: saved.body.version,
          unknown: true,
        })
      ).status,
    ).toBe(400);
    expect((await as(w.agent).get('/api/v1/admin/kb-settings')).status).toBe(403);
    expect(
      (
        await as(w.agent).put('/api/v1/admin/kb-settings', {
          version: saved.body.version,
          reviewIntervalMonths: 1,
        })
      ).status,
    ).toBe(403);
  });
});
