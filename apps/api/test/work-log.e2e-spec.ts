import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { PNG } from './support/authz-matrix';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
  currentVersion?: number;
}

interface Entry {
  id: string;
  ticketId: string;
  kind: string;
  durationSeconds?: number;
  billedSeconds: number;
  quantityDone?: number;
  quantityBilled: number;
  amount?: number;
  version?: number;
  batchId?: string | null;
  user?: { id: string };
  [field: string]: unknown;
}

/**
 * The work log (issue 18): the price list, entries with time done and billed apart, their kinds,
 * what a client reads and only when allowed, one entry over several tickets, the timer, the
 * allowance warnings (once, with two instances writing at once) and the report with its CSV.
 */
describe('work log', () => {
  let t: TestApp;
  let w: World;
  let hourly: { id: string; version: number };
  let part: { id: string };
  let orgTicket: { id: string };

  const api = (who: Persona, server = () => t.http()) => ({
    get: (path: string) => server().get(`/api/v1${path}`).set('Authorization', bearer(who)),
    post: (path: string, body: object) =>
      server().post(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
    patch: (path: string, body: object) =>
      server().patch(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
    put: (path: string, body: object) =>
      server().put(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
    del: (path: string) => server().delete(`/api/v1${path}`).set('Authorization', bearer(who)),
  });
  const fields = (body: unknown) => ((body as Problem).errors ?? []).map((e) => e.field).sort();
  const log = async (ticketId: string, body: object, who: Persona = w.agent): Promise<Entry> => {
    const res = await api(who).post(`/tickets/${ticketId}/work-entries`, body);
    expect(res.status).toBe(201);
    return res.body as Entry;
  };
  const ticket = (seed: { organizationId?: string; requesterId?: string } = {}) =>
    t.factory.ticket({ groupId: w.group.id, ...seed });
  const contract = async (allowanceSeconds: number, period = 'month') => {
    const res = await api(w.dispatcher).post('/contracts', {
      organizationId: w.orgA.id,
      number: `W-${Math.random().toString(36).slice(2, 8)}`,
      title: 'Service',
      status: 'active',
      validFrom: '2026-01-01',
      allowanceSeconds,
      allowancePeriod: period,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const onContract = async (contractId: string) => {
    const tk = await ticket({ organizationId: w.orgA.id });
    await t.db.query('UPDATE tickets SET contract_id = $2 WHERE id = $1', [tk.id, contractId]);
    return tk;
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    t.clock.set('2026-03-10T09:00:00Z');
    const created = await api(w.admin).post('/billing-items', {
      name: 'Service work',
      names: { ru: 'Сервисные работы', cs: 'Servisní práce' },
      unit: 'h',
      price: 50,
    });
    expect(created.status).toBe(201);
    hourly = created.body as { id: string; version: number };
    const p = await api(w.admin).post('/billing-items', {
      name: 'Filter',
      unit: 'pcs',
      price: 12.5,
    });
    part = p.body as { id: string };
    orgTicket = await ticket({ organizationId: w.orgA.id, requesterId: w.clientA.id });
  });
  afterAll(() => t.close());

  describe('price list', () => {
    it('is kept by admins, read by staff, never by clients; a stale version is 409', async () => {
      expect(
        (await api(w.agent).post('/billing-items', { name: 'X', unit: 'h', price: 1 })).status,
      ).toBe(403);
      expect((await api(w.clientA).get('/billing-items')).status).toBe(403);
      const list = await api(w.agent).get('/billing-items?active=true');
      expect(list.status).toBe(200);
      expect((list.body.items as { name: string }[]).map((i) => i.name)).toEqual([
        'Filter',
        'Service work',
      ]);
      const changed = await api(w.admin).patch(`/billing-items/${part.id}`, {
        version: 1,
        price: 13,
      });
      expect(changed.body).toMatchObject({ price: 13, version: 2 });
      const stale = await api(w.admin).patch(`/billing-items/${part.id}`, {
        version: 1,
        price: 14,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(2);
      const bad = await api(w.admin).post('/billing-items', { name: 'X', unit: 'h', price: 1.234 });
      expect(bad.status).toBe(400);
    });
  });

  describe('entries', () => {
    it('keeps time done and time billed apart, in the item’s unit and language', async () => {
      const tk = await ticket();
      const e = await log(tk.id, {
        billingItemId: hourly.id,
        durationSeconds: 7200,
        billedSeconds: 5400,
        description: 'Replaced the valve',
      });
      expect(e).toMatchObject({
        kind: 'billable',
        durationSeconds: 7200,
        billedSeconds: 5400,
        quantityDone: 2,
        quantityBilled: 1.5,
        amount: 75,
        workDate: '2026-03-10',
        user: { id: w.agent.id },
        billingItem: { id: hourly.id, name: 'Service work', unit: 'h', price: 50 },
      });
      await log(tk.id, {
        billingItemId: part.id,
        durationSeconds: 600,
        quantityDone: 3,
        quantityBilled: 2,
      });
      const work = await api(w.agent).get(`/tickets/${tk.id}/work-entries`);
      expect(work.status).toBe(200);
      expect(work.body.items).toHaveLength(2);
      expect(work.body.totals).toMatchObject({
        durationSeconds: 7800,
        billedSeconds: 6000,
        amount: 101,
        billable: { durationSeconds: 7800, billedSeconds: 6000, amount: 101 },
      });
    });

    it('takes the time from start and end, and refuses what does not add up (422 per field)', async () => {
      const tk = await ticket();
      const e = await log(tk.id, {
        startedAt: '2026-03-09T10:00:00Z',
        endedAt: '2026-03-09T11:30:00Z',
      });
      expect(e).toMatchObject({
        durationSeconds: 5400,
        billedSeconds: 5400,
        workDate: '2026-03-09',
      });
      const backwards = await api(w.agent).post(`/tickets/${tk.id}/work-entries`, {
        startedAt: '2026-03-09T11:00:00Z',
        endedAt: '2026-03-09T10:00:00Z',
      });
      expect(backwards.status).toBe(422);
      expect(fields(backwards.body)).toEqual(['endedAt']);
      const mismatch = await api(w.agent).post(`/tickets/${tk.id}/work-entries`, {
        startedAt: '2026-03-09T10:00:00Z',
        endedAt: '2026-03-09T11:00:00Z',
        durationSeconds: 60,
      });
      expect(fields(mismatch.body)).toEqual(['durationSeconds']);
      const nothing = await api(w.agent).post(`/tickets/${tk.id}/work-entries`, {
        description: 'x',
      });
      expect(fields(nothing.body)).toEqual(['durationSeconds']);
      const wrong = await api(w.agent).post(`/tickets/${tk.id}/work-entries`, {
        durationSeconds: 60,
        userId: w.clientA.id,
        billingItemId: '00000000-0000-4000-8000-000000000000',
      });
      expect(fields(wrong.body)).toEqual(['billingItemId', 'userId']);
    });

    it('bills nothing for internal work and nothing for warranty work, which a warranty ticket defaults to', async () => {
      const tk = await ticket();
      const internal = await log(tk.id, {
        billingItemId: hourly.id,
        durationSeconds: 3600,
        kind: 'internal',
      });
      expect(internal).toMatchObject({
        billedSeconds: 0,
        quantityDone: 1,
        quantityBilled: 0,
        amount: 0,
      });
      const billed = await api(w.agent).post(`/tickets/${tk.id}/work-entries`, {
        durationSeconds: 3600,
        kind: 'internal',
        billedSeconds: 600,
      });
      expect(fields(billed.body)).toEqual(['billedSeconds']);
      const wt = await ticket();
      await t.db.query('UPDATE tickets SET warranty = true WHERE id = $1', [wt.id]);
      const warranty = await log(wt.id, { billingItemId: hourly.id, durationSeconds: 3600 });
      expect(warranty).toMatchObject({ kind: 'warranty', billedSeconds: 3600, amount: 0 });
      const chosen = await log(wt.id, {
        billingItemId: hourly.id,
        durationSeconds: 3600,
        kind: 'billable',
      });
      expect(chosen).toMatchObject({ kind: 'billable', amount: 50 });
    });

    it('changes at the current version only (409), and keeps the history through a delete', async () => {
      const tk = await ticket();
      const e = await log(tk.id, { durationSeconds: 1800, description: 'first look' });
      const changed = await api(w.agent).patch(`/work-entries/${e.id}`, {
        version: 1,
        billedSeconds: 900,
        description: 'diagnosis',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ version: 2, durationSeconds: 1800, billedSeconds: 900 });
      const stale = await api(w.dispatcher).patch(`/work-entries/${e.id}`, {
        version: 1,
        durationSeconds: 60,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(2);
      expect((await api(w.agent).del(`/work-entries/${e.id}`)).status).toBe(204);
      expect((await api(w.agent).del(`/work-entries/${e.id}`)).status).toBe(404);
      const history = await api(w.agent).get(`/tickets/${tk.id}/work-entries/history`);
      expect(history.body.items.map((h: { action: string }) => h.action)).toEqual([
        'created',
        'updated',
        'deleted',
      ]);
      expect(history.body.items[1].changes).toEqual({
        billedSeconds: { from: 1800, to: 900 },
        description: { from: 'first look', to: 'diagnosis' },
      });
      expect(history.body.items[1].actor).toEqual({ id: w.agent.id, name: 'Agent' });
    });

    it('is staff work on tickets they see: another group’s ticket is 404, a client may not write', async () => {
      const hidden = await t.factory.ticket({
        groupId: w.otherGroup.id,
        assigneeId: w.otherAgent.id,
      });
      expect(
        (await api(w.agent).post(`/tickets/${hidden.id}/work-entries`, { durationSeconds: 60 }))
          .status,
      ).toBe(404);
      expect((await api(w.agent).get(`/tickets/${hidden.id}/work-entries`)).status).toBe(404);
      expect(
        (
          await api(w.clientA).post(`/tickets/${orgTicket.id}/work-entries`, {
            durationSeconds: 60,
          })
        ).status,
      ).toBe(403);
    });

    it('keeps files on an entry for staff who see its ticket; deleting the entry removes them', async () => {
      const entry = await log(orgTicket.id, { durationSeconds: 600, description: 'Valve swap' });
      const attach = (who: Persona, entryId: string, content: Buffer) =>
        t
          .http()
          .post(`/api/v1/work-entries/${entryId}/attachments`)
          .set('Authorization', bearer(who))
          .attach('file', content, { filename: 'valve.png', contentType: 'text/plain' });
      const storedAt = async (id: string) => {
        const [row] = (await t.db.query(
          'SELECT storage_key FROM work_entry_attachments WHERE id = $1',
          [id],
        )) as { storage_key: string }[];
        return join(t.config.dataDir, 'attachments', row.storage_key.slice(0, 2), row.storage_key);
      };
      const first = await attach(w.agent, entry.id, PNG);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        workEntryId: entry.id,
        fileName: 'valve.png',
        contentType: 'image/png',
        sizeBytes: PNG.length,
        uploadedBy: { id: w.agent.id },
      });
      const second = await attach(w.dispatcher, entry.id, Buffer.from('measured 2.1 bar\n'));
      expect(second.status).toBe(201);
      const paths = [await storedAt(first.body.id), await storedAt(second.body.id)];
      expect(paths.every((f) => existsSync(f))).toBe(true);

      const listed = await api(w.agent).get(`/tickets/${orgTicket.id}/work-entries/attachments`);
      expect(listed.status).toBe(200);
      expect((listed.body.items as { id: string }[]).map((f) => f.id).sort()).toEqual(
        [first.body.id, second.body.id].sort(),
      );
      const file = await api(w.agent).get(`/work-entries/${entry.id}/attachments/${first.body.id}`);
      expect(file.status).toBe(200);
      expect(file.headers['x-content-type-options']).toBe('nosniff');

      // Clients never, whatever they may see of billed work; staff outside the ticket: 404.
      expect(
        (await api(w.clientA).get(`/tickets/${orgTicket.id}/work-entries/attachments`)).status,
      ).toBe(403);
      expect(
        (await api(w.clientA).get(`/work-entries/${entry.id}/attachments/${first.body.id}`)).status,
      ).toBe(403);
      const hidden = await t.factory.ticket({
        groupId: w.otherGroup.id,
        assigneeId: w.otherAgent.id,
      });
      const hiddenEntry = await log(hidden.id, { durationSeconds: 60 }, w.admin);
      expect((await attach(w.agent, hiddenEntry.id, PNG)).status).toBe(404);
      expect((await api(w.agent).get(`/work-entries/${hiddenEntry.id}/attachments`)).status).toBe(
        404,
      );

      // One file deleted: its bytes go at once; then the entry takes the other with it.
      expect(
        (await api(w.agent).del(`/work-entries/${entry.id}/attachments/${second.body.id}`)).status,
      ).toBe(204);
      expect(existsSync(paths[1])).toBe(false);
      expect((await api(w.agent).get(`/work-entries/${entry.id}/attachments`)).body.items).toEqual([
        expect.objectContaining({ id: first.body.id }),
      ]);
      expect((await api(w.agent).del(`/work-entries/${entry.id}`)).status).toBe(204);
      expect(existsSync(paths[0])).toBe(false);
      expect(
        await t.db.query('SELECT id FROM work_entry_attachments WHERE work_entry_id = $1', [
          entry.id,
        ]),
      ).toEqual([]);
      // The other group's entry was only a target: out of the report's totals below.
      expect((await api(w.admin).del(`/work-entries/${hiddenEntry.id}`)).status).toBe(204);
    });
  });

  describe('what clients see', () => {
    it('nothing unless the installation allows it; then billed entries only, without staff fields', async () => {
      await log(orgTicket.id, {
        billingItemId: hourly.id,
        durationSeconds: 7200,
        billedSeconds: 3600,
        description: 'Repair',
      });
      await log(orgTicket.id, {
        durationSeconds: 900,
        kind: 'internal',
        description: 'Internal: waited for parts',
      });
      await log(orgTicket.id, {
        durationSeconds: 600,
        kind: 'warranty',
        description: 'Warranty check',
      });
      expect((await api(w.clientA).get(`/tickets/${orgTicket.id}/work-entries`)).status).toBe(404);

      const settings = await api(w.admin).get('/work-log/settings');
      expect(settings.body).toEqual({ clientsSeeBilled: false, version: 1 });
      expect(
        (await api(w.dispatcher).put('/work-log/settings', { version: 1, clientsSeeBilled: true }))
          .status,
      ).toBe(403);
      const on = await api(w.admin).put('/work-log/settings', {
        version: 1,
        clientsSeeBilled: true,
      });
      expect(on.body).toEqual({ clientsSeeBilled: true, version: 2 });
      expect(
        (await api(w.admin).put('/work-log/settings', { version: 1, clientsSeeBilled: false }))
          .status,
      ).toBe(409);

      const seen = await api(w.clientA).get(`/tickets/${orgTicket.id}/work-entries`);
      expect(seen.status).toBe(200);
      expect(seen.body.totals).toBeUndefined();
      const items = seen.body.items as Entry[];
      expect(items.map((i) => i.description).sort()).toEqual(['Repair', 'Warranty check']);
      for (const item of items) {
        expect(Object.keys(item).sort()).toEqual(
          [
            'billedSeconds',
            'billingItem',
            'description',
            'id',
            'kind',
            'quantityBilled',
            'ticketId',
            'workDate',
          ].sort(),
        );
      }
      expect(items.find((i) => i.description === 'Repair')?.billingItem).toEqual({
        id: hourly.id,
        name: 'Service work',
        unit: 'h',
      });
      // Another organization's client: the ticket does not exist for them.
      expect((await api(w.clientB).get(`/tickets/${orgTicket.id}/work-entries`)).status).toBe(404);
      expect(
        (await api(w.clientA).get(`/tickets/${orgTicket.id}/work-entries/history`)).status,
      ).toBe(403);
      // Off again: the client's answer is the 404 of an installation that keeps work to staff.
      await api(w.admin).put('/work-log/settings', { version: 2, clientsSeeBilled: false });
      expect((await api(w.clientA).get(`/tickets/${orgTicket.id}/work-entries`)).status).toBe(404);
    });
  });

  describe('one entry for several tickets', () => {
    it('splits evenly so the parts add up, or takes each ticket’s share', async () => {
      const tickets = [await ticket(), await ticket(), await ticket()];
      const res = await api(w.agent).post('/work-entries/batch', {
        split: 'even',
        ticketIds: tickets.map((x) => x.id),
        billingItemId: hourly.id,
        durationSeconds: 3601,
        description: 'Site visit',
      });
      expect(res.status).toBe(201);
      const items = res.body.items as Entry[];
      expect(items.map((i) => i.durationSeconds)).toEqual([1201, 1200, 1200]);
      expect(new Set(items.map((i) => i.batchId))).toEqual(new Set([res.body.batchId]));
      expect(items.map((i) => i.ticketId)).toEqual(tickets.map((x) => x.id));

      const shares = await api(w.agent).post('/work-entries/batch', {
        split: 'per_ticket',
        shares: [
          { ticketId: tickets[0].id, durationSeconds: 600 },
          { ticketId: tickets[1].id, durationSeconds: 1200, billedSeconds: 0 },
        ],
      });
      expect(shares.status).toBe(201);
      expect(
        (shares.body.items as Entry[]).map((i) => [i.durationSeconds, i.billedSeconds]),
      ).toEqual([
        [600, 600],
        [1200, 0],
      ]);
    });

    it('writes all or nothing: a ticket the agent does not see refuses the whole entry', async () => {
      const mine = await ticket();
      const hidden = await t.factory.ticket({
        groupId: w.otherGroup.id,
        assigneeId: w.otherAgent.id,
      });
      const res = await api(w.agent).post('/work-entries/batch', {
        split: 'even',
        ticketIds: [mine.id, hidden.id],
        durationSeconds: 600,
      });
      expect(res.status).toBe(422);
      expect(fields(res.body)).toEqual(['ticketIds[1]']);
      const [{ n }] = (await t.db.query(
        'SELECT count(*)::int AS n FROM work_entries WHERE ticket_id = $1',
        [mine.id],
      )) as { n: number }[];
      expect(n).toBe(0);
    });
  });

  describe('allowance', () => {
    const warnings = async (contractId: string) =>
      (await t.db.query(
        `SELECT payload->>'threshold' AS threshold, payload->>'periodStart' AS period FROM event_log
          WHERE name = 'work.allowance_reached' AND payload->>'contractId' = $1 ORDER BY id`,
        [contractId],
      )) as { threshold: string; period: string }[];

    it('warns at 80 % and 100 % once per period, counting billable billed time only', async () => {
      const c = await contract(10 * 3600);
      const tk = await onContract(c.id);
      await log(tk.id, { durationSeconds: 7 * 3600 });
      await log(tk.id, { durationSeconds: 5 * 3600, kind: 'internal' });
      await log(tk.id, { durationSeconds: 5 * 3600, kind: 'warranty' });
      await log(tk.id, { durationSeconds: 4 * 3600, billedSeconds: 0 });
      expect(await warnings(c.id)).toEqual([]);
      await log(tk.id, { durationSeconds: 3600 });
      expect(await warnings(c.id)).toEqual([{ threshold: '80', period: '2026-03-01' }]);
      const usage = await api(w.dispatcher).get(`/contracts/${c.id}/work-usage`);
      expect(usage.body).toMatchObject({
        allowanceSeconds: 36000,
        usedSeconds: 8 * 3600,
        percent: 80,
        warning: 80,
        periodStart: '2026-03-01',
        periodEnd: '2026-03-31',
      });
      await log(tk.id, { durationSeconds: 1800 });
      await log(tk.id, { durationSeconds: 3 * 3600 });
      await log(tk.id, { durationSeconds: 3600 });
      expect(await warnings(c.id)).toEqual([
        { threshold: '80', period: '2026-03-01' },
        { threshold: '100', period: '2026-03-01' },
      ]);
      // The next month starts from nothing.
      await log(tk.id, { durationSeconds: 9 * 3600, workDate: '2026-04-02' });
      expect((await warnings(c.id)).map((x) => x.period)).toEqual([
        '2026-03-01',
        '2026-03-01',
        '2026-04-01',
      ]);
      // Told to the staff who manage contracts, in the bell and by mail; not to the agent.
      await t.drainNotifications();
      const told = (await t.db.query(
        `SELECT user_id, data->>'threshold' AS threshold FROM notifications
          WHERE kind = 'work_allowance_reached' AND data->'contract'->>'id' = $1`,
        [c.id],
      )) as { user_id: string; threshold: string }[];
      const byUser = (id: string) =>
        told
          .filter((n) => n.user_id === id)
          .map((n) => n.threshold)
          .sort();
      expect(byUser(w.dispatcher.id)).toEqual(['100', '80', '80']);
      expect(byUser(w.admin.id)).toEqual(['100', '80', '80']);
      expect(byUser(w.agent.id)).toEqual([]);
      const [{ mails }] = (await t.db.query(
        `SELECT count(*)::int AS mails FROM deliveries
          WHERE kind = 'work_allowance_reached' AND user_id = $1 AND data->'contract'->>'id' = $2`,
        [w.dispatcher.id, c.id],
      )) as { mails: number }[];
      expect(mails).toBe(3);
    });

    it('warns exactly once when two instances write the crossing entries at the same moment', async () => {
      const c = await contract(10 * 3600);
      const tk = await onContract(c.id);
      const other = await t.secondInstance();
      const servers = [() => t.http(), () => request(other.getHttpServer())];
      const answers = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          api(w.agent, servers[i % 2]).post(`/tickets/${tk.id}/work-entries`, {
            durationSeconds: 2.5 * 3600,
          }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
      expect((await warnings(c.id)).map((x) => x.threshold)).toEqual(['80', '100']);
    });
  });

  describe('timer', () => {
    it('runs one per agent, survives between requests, and stops into the span for an entry', async () => {
      const tk = await ticket();
      expect((await api(w.agent).get('/me/work-timer')).body).toEqual({ running: null });
      const started = await api(w.agent).post('/me/work-timer', { ticketId: tk.id });
      expect(started.status).toBe(201);
      expect(started.body.running).toMatchObject({ ticketId: tk.id, elapsedSeconds: 0 });
      expect((await api(w.agent).post('/me/work-timer', { ticketId: tk.id })).status).toBe(409);
      t.clock.advance(25 * 60_000);
      expect((await api(w.agent).get('/me/work-timer')).body.running.elapsedSeconds).toBe(1500);
      const stopped = await api(w.agent).del('/me/work-timer');
      expect(stopped.body).toMatchObject({ ticketId: tk.id, durationSeconds: 1500 });
      expect((await api(w.agent).del('/me/work-timer')).status).toBe(404);
      const hidden = await t.factory.ticket({
        groupId: w.otherGroup.id,
        assigneeId: w.otherAgent.id,
      });
      expect((await api(w.agent).post('/me/work-timer', { ticketId: hidden.id })).status).toBe(404);
    });
  });

  describe('report', () => {
    it('filters, totals and groups, and exports CSV with formulas neutralized', async () => {
      const c = await contract(100 * 3600, 'contract');
      const tk = await onContract(c.id);
      await log(tk.id, {
        billingItemId: hourly.id,
        durationSeconds: 3600,
        description: '=HYPERLINK("http://x")',
      });
      await log(tk.id, { durationSeconds: 1800, kind: 'internal' }, w.dispatcher);
      const res = await api(w.agent).get(`/work-report?contractId=${c.id}&groupBy=agent`);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(2);
      expect(res.body.totals).toMatchObject({
        durationSeconds: 5400,
        billedSeconds: 3600,
        amount: 50,
      });
      expect(res.body.groups).toEqual([
        expect.objectContaining({
          key: w.agent.id,
          label: 'Agent',
          durationSeconds: 3600,
          amount: 50,
        }),
        expect.objectContaining({
          key: w.dispatcher.id,
          label: 'Dispatcher',
          durationSeconds: 1800,
        }),
      ]);
      const page = await api(w.agent).get(`/work-report?contractId=${c.id}&limit=1`);
      expect(page.body.items).toHaveLength(1);
      const next = await api(w.agent).get(
        `/work-report?contractId=${c.id}&limit=1&cursor=${page.body.nextCursor}`,
      );
      expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
      expect(next.body.nextCursor).toBeNull();

      const csv = await api(w.agent)
        .get(`/work-report/export.csv?contractId=${c.id}`)
        .buffer(true)
        .parse((r, cb) => {
          let data = '';
          r.setEncoding('utf8');
          r.on('data', (chunk: string) => (data += chunk));
          r.on('end', () => cb(null, data));
        });
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const text = csv.body as string;
      expect(text.startsWith('\uFEFFdate,ticket,')).toBe(true);
      expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
      expect(text.trim().split('\r\n')).toHaveLength(3);
      const none = await api(w.agent).get(
        `/work-report?contractId=${c.id}&equipmentId=00000000-0000-4000-8000-000000000000`,
      );
      expect(none.body.items).toEqual([]);
      expect((await api(w.clientA).get('/work-report')).status).toBe(403);
    });
  });
});
