import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthorizedRequesters } from '../src/modules/contracts/index';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

/** What a create answers: an id and the record's fields. */
interface Created {
  id: string;
  [field: string]: unknown;
}

/** The upload limit here: small, so the 413 case sends little. */
const LIMIT = 64 * 1024;

interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
  currentVersion?: number;
}

/**
 * Contracts, service objects, equipment and authorized requesters (issue 18): CRUD and versions,
 * links that must stay within one organization (422 per field), the parent chain, custom fields
 * by type, expiry by date with the clock, what a client reads, mayFile, bad input.
 */
describe('contracts registers', () => {
  let t: TestApp;
  let w: World;
  let calendarId: string;
  let policyId: string;
  let dataDir: string;

  const api = (who: Persona) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', bearer(who)),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
    put: (path: string, body: object) =>
      t.http().put(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
    del: (path: string) => t.http().delete(`/api/v1${path}`).set('Authorization', bearer(who)),
  });
  const fields = (body: unknown) => ((body as Problem).errors ?? []).map((e) => e.field).sort();
  const created = async (path: string, body: object): Promise<Created> => {
    const res = await api(w.dispatcher).post(path, body);
    expect(res.status).toBe(201);
    return res.body as Created;
  };

  beforeAll(async () => {
    // A data directory of its own: the documents' tests look at what is stored and left in tmp.
    dataDir = await mkdtemp(join(tmpdir(), 'relaydesk-contract-files-'));
    t = await startTestApp({ attachmentMaxBytes: LIMIT, dataDir });
    w = await buildWorld(t);
    [{ id: calendarId }] = (await t.db.query(
      `INSERT INTO sla_calendars (name, time_zone, week) VALUES ('Office hours', 'Europe/Prague', '[[],[],[],[],[],[],[]]')
       RETURNING id`,
    )) as { id: string }[];
    [{ id: policyId }] = (await t.db.query(
      `INSERT INTO sla_policies (name, calendar_id) VALUES ('Gold', $1) RETURNING id`,
      [calendarId],
    )) as { id: string }[];
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('contracts', () => {
    it('creates, reads, changes at the current version only, and deletes', async () => {
      const c = await created('/contracts', {
        organizationId: w.orgA.id,
        number: 'A-001',
        title: 'Maintenance 2026',
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        status: 'active',
        slaPolicyId: policyId,
        allowanceSeconds: 36000,
        allowancePeriod: 'month',
        billingNotes: 'Invoice quarterly',
      });
      expect(c).toMatchObject({
        number: 'A-001',
        status: 'active',
        storedStatus: 'active',
        slaPolicyId: policyId,
        allowanceSeconds: 36000,
        allowancePeriod: 'month',
        validTo: '2026-12-31',
        version: 1,
      });
      const changed = await api(w.dispatcher).patch(`/contracts/${c.id}`, {
        version: 1,
        title: 'Maintenance 2026/27',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ title: 'Maintenance 2026/27', version: 2 });
      const stale = await api(w.dispatcher).patch(`/contracts/${c.id}`, { version: 1, title: 'X' });
      expect(stale.status).toBe(409);
      expect((stale.body as Problem).currentVersion).toBe(2);
      // Agents read; only contracts.manage writes.
      expect((await api(w.agent).get(`/contracts/${c.id}`)).status).toBe(200);
      expect((await api(w.agent).patch(`/contracts/${c.id}`, { version: 2 })).status).toBe(403);
      expect((await api(w.dispatcher).del(`/contracts/${c.id}`)).status).toBe(204);
      expect((await api(w.dispatcher).get(`/contracts/${c.id}`)).status).toBe(404);
    });

    it('refuses, per field, a policy that does not exist, a taken number, dates and allowance out of order', async () => {
      await created('/contracts', { organizationId: w.orgA.id, number: 'A-TAKEN', title: 'T' });
      const res = await api(w.dispatcher).post('/contracts', {
        organizationId: w.orgA.id,
        number: 'A-TAKEN',
        title: 'Second',
        slaPolicyId: '00000000-0000-4000-8000-000000000000',
        validFrom: '2026-05-01',
        validTo: '2026-04-30',
        allowanceSeconds: 3600,
      });
      expect(res.status).toBe(422);
      expect(fields(res.body)).toEqual(['allowancePeriod', 'number', 'slaPolicyId', 'validTo']);
      // The same number in another organization is another contract.
      await created('/contracts', { organizationId: w.orgB.id, number: 'A-TAKEN', title: 'B' });
      const other = await api(w.dispatcher).post('/contracts', {
        organizationId: '00000000-0000-4000-8000-000000000000',
        number: 'X',
        title: 'X',
      });
      expect(other.status).toBe(422);
      expect(fields(other.body)).toEqual(['organizationId']);
    });

    it('reads as expired from the day after its end date, by the clock, and again active when renewed', async () => {
      t.clock.set('2026-06-30T23:30:00Z');
      const c = await created('/contracts', {
        organizationId: w.orgA.id,
        number: 'A-EXP',
        title: 'Ends in June',
        validTo: '2026-06-30',
        status: 'active',
      });
      const draft = await created('/contracts', {
        organizationId: w.orgA.id,
        number: 'A-EXP-DRAFT',
        title: 'Never signed',
        validTo: '2026-06-30',
      });
      expect(c.status).toBe('active');
      const expiredIds = async () =>
        (
          (await api(w.dispatcher).get('/contracts?status=expired&limit=200')).body.items as {
            id: string;
          }[]
        ).map((i) => i.id);
      expect(await expiredIds()).not.toContain(c.id);
      t.clock.set('2026-07-01T00:00:01Z');
      const read = await api(w.dispatcher).get(`/contracts/${c.id}`);
      expect(read.body).toMatchObject({ status: 'expired', storedStatus: 'active' });
      expect(await expiredIds()).toContain(c.id);
      expect(await expiredIds()).not.toContain(draft.id);
      const active = (await api(w.dispatcher).get('/contracts?status=active&limit=200')).body
        .items as { id: string }[];
      expect(active.map((i) => i.id)).not.toContain(c.id);
      // A client reads the same status.
      expect((await api(w.clientA).get(`/contracts/${c.id}`)).body.status).toBe('expired');
      const renewed = await api(w.dispatcher).patch(`/contracts/${c.id}`, {
        version: read.body.version,
        validTo: '2027-06-30',
      });
      expect(renewed.body.status).toBe('active');
      t.clock.set('2026-03-02T09:00:00Z');
    });

    it('shows a client the summaries of their own organization’s signed contracts only', async () => {
      const own = await created('/contracts', {
        organizationId: w.orgA.id,
        number: 'A-CLIENT',
        title: 'Service',
        status: 'active',
        billingNotes: 'Discount 20 %',
        slaPolicyId: policyId,
      });
      const ownDraft = await created('/contracts', {
        organizationId: w.orgA.id,
        number: 'A-CLIENT-DRAFT',
        title: 'Draft',
      });
      const other = await created('/contracts', {
        organizationId: w.orgB.id,
        number: 'B-CLIENT',
        title: 'Service B',
        status: 'active',
      });
      const mine = await api(w.clientA).get(`/contracts/${own.id}`);
      expect(mine.status).toBe(200);
      expect(Object.keys(mine.body as object).sort()).toEqual(
        ['id', 'number', 'organizationId', 'status', 'title', 'validFrom', 'validTo'].sort(),
      );
      expect(JSON.stringify(mine.body)).not.toContain('Discount');
      expect((await api(w.clientA).get(`/contracts/${other.id}`)).status).toBe(404);
      expect((await api(w.clientA).get(`/contracts/${ownDraft.id}`)).status).toBe(404);
      const listed = (await api(w.clientA).get('/contracts?limit=200')).body.items as {
        id: string;
        organizationId: string;
        billingNotes?: string;
      }[];
      expect(listed.map((i) => i.id)).toContain(own.id);
      expect(listed.every((i) => i.organizationId === w.orgA.id)).toBe(true);
      expect(listed.map((i) => i.id)).not.toContain(ownDraft.id);
      expect(listed.some((i) => 'billingNotes' in i)).toBe(false);
      // Asking for another organization's list is an empty list, not theirs.
      const asked = await api(w.clientA).get(`/contracts?organizationId=${w.orgB.id}`);
      expect(asked.body.items).toEqual([]);
      // Staff see everything, billing notes included.
      expect((await api(w.agent).get(`/contracts/${own.id}`)).body.billingNotes).toBe(
        'Discount 20 %',
      );
      expect(
        (
          await api(w.clientA).post('/contracts', {
            organizationId: w.orgA.id,
            number: 'Z',
            title: 'Z',
          })
        ).status,
      ).toBe(403);
    });

    it('pages by number with a cursor, every contract once', async () => {
      const org = await t.factory.organization();
      for (const n of ['P-3', 'P-1', 'P-2', 'P-5', 'P-4']) {
        await created('/contracts', { organizationId: org.id, number: n, title: n });
      }
      const seen: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const res = await api(w.dispatcher).get(
          `/contracts?organizationId=${org.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        seen.push(...(res.body.items as { number: string }[]).map((i) => i.number));
        cursor = res.body.nextCursor as string | null;
      }
      expect(seen).toEqual(['P-1', 'P-2', 'P-3', 'P-4', 'P-5']);
    });

    it('lists chosen contracts and service objects by ids in one request, within what the reader sees', async () => {
      const org = await t.factory.organization();
      const a = await created('/contracts', { organizationId: org.id, number: 'I-2', title: 'A' });
      const b = await created('/contracts', { organizationId: org.id, number: 'I-1', title: 'B' });
      await created('/contracts', { organizationId: org.id, number: 'I-3', title: 'Not asked' });
      const mine = await created('/contracts', {
        organizationId: w.orgA.id,
        number: 'I-A',
        title: 'Client A',
        status: 'active',
      });
      const unknown = '00000000-0000-4000-8000-000000000000';
      const ids = (body: unknown) => (body as { items: { id: string }[] }).items.map((i) => i.id);
      // Upper case and an unknown id: the known ones in register order, the unknown absent.
      const res = await api(w.dispatcher).get(
        `/contracts?ids=${a.id.toUpperCase()},${unknown},${b.id},${mine.id}&limit=200`,
      );
      expect(res.status).toBe(200);
      expect(ids(res.body)).toEqual([b.id, a.id, mine.id]);
      // THE register rule still holds: a client asking for another organization's ids gets none.
      const client = await api(w.clientA).get(`/contracts?ids=${a.id},${mine.id}`);
      expect(ids(client.body)).toEqual([mine.id]);

      const so1 = await created('/service-objects', { organizationId: org.id, name: 'Ids site 1' });
      const so2 = await created('/service-objects', { organizationId: org.id, name: 'Ids site 2' });
      await created('/service-objects', { organizationId: org.id, name: 'Ids site 3' });
      const objects = await api(w.dispatcher).get(`/service-objects?ids=${so2.id},${so1.id}`);
      expect(objects.status).toBe(200);
      expect(ids(objects.body)).toEqual([so1.id, so2.id]);
      // The key repeated (a client's default array form) means the same.
      const repeated = await api(w.dispatcher).get(`/service-objects?ids=${so2.id}&ids=${so1.id}`);
      expect(ids(repeated.body)).toEqual([so1.id, so2.id]);
      expect(ids((await api(w.clientA).get(`/service-objects?ids=${so1.id}`)).body)).toEqual([]);

      // Bounded and validated: 101 ids, an empty list or a non-uuid are a 400 naming the field.
      const many = Array.from({ length: 101 }, () => unknown).join(',');
      for (const path of ['/contracts', '/service-objects']) {
        for (const q of [many, '', 'nope', `${a.id},,${b.id}`]) {
          const bad = await api(w.dispatcher).get(`${path}?ids=${q}`);
          expect([bad.status, fields(bad.body)]).toEqual([400, ['ids']]);
          expect(bad.headers['content-type']).toContain('application/problem+json');
        }
      }
    });
  });

  describe('service objects', () => {
    it('keeps the contact person within the organization and the calendar real', async () => {
      const bad = await api(w.dispatcher).post('/service-objects', {
        organizationId: w.orgA.id,
        name: 'Greenhouse 7',
        contactId: w.clientB.id,
        calendarId: '00000000-0000-4000-8000-000000000000',
      });
      expect(bad.status).toBe(422);
      expect(fields(bad.body)).toEqual(['calendarId', 'contactId']);
      const staffContact = await api(w.dispatcher).post('/service-objects', {
        organizationId: w.orgA.id,
        name: 'Greenhouse 7',
        contactId: w.agent.id,
      });
      expect(fields(staffContact.body)).toEqual(['contactId']);
      const o = await created('/service-objects', {
        organizationId: w.orgA.id,
        name: 'Greenhouse 7',
        address: 'Field road 7',
        contactId: w.clientA.id,
        calendarId,
        notes: 'Gate code 1234',
      });
      expect(o).toMatchObject({
        contactName: 'Client A',
        calendarName: 'Office hours',
        version: 1,
      });
      const moved = await api(w.dispatcher).patch(`/service-objects/${o.id}`, {
        version: 1,
        contactId: w.clientB.id,
      });
      expect(moved.status).toBe(422);
      expect(fields(moved.body)).toEqual(['contactId']);
      const ok = await api(w.dispatcher).patch(`/service-objects/${o.id}`, {
        version: 1,
        contactId: null,
      });
      expect(ok.body).toMatchObject({ contactId: null, version: 2 });
      expect(
        (await api(w.dispatcher).patch(`/service-objects/${o.id}`, { version: 1, name: 'X' }))
          .status,
      ).toBe(409);
      // Clients: their own organization's objects, without staff notes; others' are 404.
      const mine = await api(w.clientA).get(`/service-objects/${o.id}`);
      expect(mine.status).toBe(200);
      expect(mine.body.notes).toBeUndefined();
      expect((await api(w.clientB).get(`/service-objects/${o.id}`)).status).toBe(404);
      const listB = (await api(w.clientB).get('/service-objects?limit=200')).body.items as {
        id: string;
      }[];
      expect(listB.map((i) => i.id)).not.toContain(o.id);
    });

    it('gives a client the working hours of the site’s calendar, Monday first, in its time zone', async () => {
      const [{ id: hours }] = (await t.db.query(
        `INSERT INTO sla_calendars (name, time_zone, week) VALUES ('Site hours', 'Europe/Moscow', $1::jsonb)
         RETURNING id`,
        [
          JSON.stringify([
            [
              { start: '08:00', end: '12:00' },
              { start: '13:00', end: '17:00' },
            ],
            [{ start: '08:00', end: '17:00' }],
            [],
            [],
            [],
            [{ start: '10:00', end: '14:00' }],
            [],
          ]),
        ],
      )) as { id: string }[];
      const o = await created('/service-objects', {
        organizationId: w.orgA.id,
        name: 'Boiler house',
        calendarId: hours,
      });
      const bare = await created('/service-objects', { organizationId: w.orgA.id, name: 'Shed' });
      const mine = await api(w.clientA).get(`/service-objects/${o.id}`);
      expect(mine.body.workingHours).toEqual({
        timeZone: 'Europe/Moscow',
        days: [
          {
            day: 'mon',
            intervals: [
              { start: '08:00', end: '12:00' },
              { start: '13:00', end: '17:00' },
            ],
          },
          { day: 'tue', intervals: [{ start: '08:00', end: '17:00' }] },
          { day: 'wed', intervals: [] },
          { day: 'thu', intervals: [] },
          { day: 'fri', intervals: [] },
          { day: 'sat', intervals: [{ start: '10:00', end: '14:00' }] },
          { day: 'sun', intervals: [] },
        ],
      });
      const list = (await api(w.clientA).get('/service-objects?limit=200')).body.items as {
        id: string;
        workingHours: unknown;
      }[];
      expect(list.find((i) => i.id === o.id)?.workingHours).toEqual(mine.body.workingHours);
      expect(list.find((i) => i.id === bare.id)?.workingHours).toBeNull();
    });
  });

  describe('equipment', () => {
    let typeId: string;
    let objectA: string;
    let objectB: string;

    beforeAll(async () => {
      const type = await created('/equipment-types', {
        name: 'Split system',
        fields: [
          {
            key: 'power_kw',
            name: { en: 'Power, kW', ru: 'Мощность, кВт', cs: 'Výkon, kW' },
            kind: 'number',
            required: true,
            clientVisible: true,
          },
          {
            key: 'refrigerant',
            name: { en: 'Refrigerant' },
            kind: 'select',
            options: [
              { value: 'r32', name: { en: 'R32' } },
              { value: 'r410a', name: { en: 'R410A' } },
            ],
          },
          { key: 'service_code', name: { en: 'Service code' }, kind: 'text' },
        ],
      });
      typeId = type.id as string;
      objectA = (await created('/service-objects', { organizationId: w.orgA.id, name: 'Site A' }))
        .id;
      objectB = (await created('/service-objects', { organizationId: w.orgB.id, name: 'Site B' }))
        .id;
    });

    const item = (extra: object = {}) =>
      api(w.dispatcher).post('/equipment-items', {
        typeId,
        organizationId: w.orgA.id,
        manufacturer: 'Daikin',
        model: 'FTXM35',
        customFields: { power_kw: 3.5 },
        ...extra,
      });

    it('refuses type field definitions the ticket custom fields refuse', async () => {
      const res = await api(w.dispatcher).post('/equipment-types', {
        name: 'Broken',
        fields: [
          { key: 'mode', name: { en: 'Mode' }, kind: 'select' },
          {
            key: 'mode',
            name: { en: 'Mode again' },
            kind: 'text',
            options: [{ value: 'a', name: { en: 'A' } }],
          },
        ],
      });
      expect(res.status).toBe(422);
      expect(fields(res.body)).toEqual(['fields[0].options', 'fields[1].key', 'fields[1].options']);
      const kind = await api(w.dispatcher).patch(`/equipment-types/${typeId}`, {
        version: 1,
        fields: [{ key: 'power_kw', name: { en: 'Power' }, kind: 'text' }],
      });
      expect(fields(kind.body)).toEqual(['fields[0].kind']);
    });

    it('checks custom field values by the type', async () => {
      const res = await item({
        customFields: { refrigerant: 'freon', service_code: 7, unknown: 'x' },
      });
      expect(res.status).toBe(422);
      expect(fields(res.body)).toEqual([
        'customFields.power_kw',
        'customFields.refrigerant',
        'customFields.service_code',
        'customFields.unknown',
      ]);
      const ok = await item({
        customFields: { power_kw: 2.5, refrigerant: 'r32', service_code: 'S-9' },
      });
      expect(ok.status).toBe(201);
      const cleared = await api(w.dispatcher).patch(`/equipment-items/${ok.body.id}`, {
        version: 1,
        customFields: { power_kw: null },
      });
      expect(fields(cleared.body)).toEqual(['customFields.power_kw']);
      // A client reads the client-visible values only.
      const seen = await api(w.clientA).get(`/equipment-items/${ok.body.id}`);
      expect(seen.body.customFields).toEqual({ power_kw: 2.5 });
      expect(seen.body.version).toBeUndefined();
      const type = await api(w.clientA).get(`/equipment-types/${typeId}`);
      expect((type.body.fields as { key: string }[]).map((f) => f.key)).toEqual(['power_kw']);
    });

    it('keeps the service object and the parent within the organization', async () => {
      const parentB = await api(w.dispatcher).post('/equipment-items', {
        typeId,
        organizationId: w.orgB.id,
        customFields: { power_kw: 1 },
      });
      const res = await item({ serviceObjectId: objectB, parentId: parentB.body.id });
      expect(res.status).toBe(422);
      expect(fields(res.body)).toEqual(['parentId', 'serviceObjectId']);
      const ok = await item({ serviceObjectId: objectA });
      expect(ok.body).toMatchObject({ serviceObjectId: objectA, serviceObjectName: 'Site A' });
      const moved = await api(w.dispatcher).patch(`/equipment-items/${ok.body.id}`, {
        version: 1,
        serviceObjectId: objectB,
      });
      expect(moved.status).toBe(422);
      expect(fields(moved.body)).toEqual(['serviceObjectId']);
      // An object with equipment stays.
      expect((await api(w.dispatcher).del(`/service-objects/${objectA}`)).status).toBe(409);
    });

    it('refuses parent cycles and chains deeper than five levels', async () => {
      const chain: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await item(i === 0 ? {} : { parentId: chain[i - 1] });
        expect(res.status).toBe(201);
        chain.push(res.body.id as string);
      }
      const sixth = await item({ parentId: chain[4] });
      expect(sixth.status).toBe(422);
      expect(fields(sixth.body)).toEqual(['parentId']);
      const self = await api(w.dispatcher).patch(`/equipment-items/${chain[0]}`, {
        version: 1,
        parentId: chain[0],
      });
      expect(fields(self.body)).toEqual(['parentId']);
      // A cycle in a shallow tree, where no depth limit could be what refuses it.
      const upper = await item();
      const lower = await item({ parentId: upper.body.id });
      const cycle = await api(w.dispatcher).patch(`/equipment-items/${upper.body.id}`, {
        version: 1,
        parentId: lower.body.id,
      });
      expect(cycle.status).toBe(422);
      expect(cycle.body.errors).toEqual([
        { field: 'parentId', message: 'is this item or one of its components' },
      ]);
      // Moving a subtree of two levels under a chain of four would make six.
      const top = await item();
      const below = await item({ parentId: top.body.id });
      expect(below.status).toBe(201);
      const deep = await api(w.dispatcher).patch(`/equipment-items/${top.body.id}`, {
        version: 1,
        parentId: chain[3],
      });
      expect(fields(deep.body)).toEqual(['parentId']);
      const fits = await api(w.dispatcher).patch(`/equipment-items/${top.body.id}`, {
        version: 1,
        parentId: chain[2],
      });
      expect(fits.status).toBe(200);
      // An item with components stays.
      expect((await api(w.dispatcher).del(`/equipment-items/${chain[3]}`)).status).toBe(409);
      const components = await api(w.dispatcher).get(`/equipment-items?parentId=${chain[2]}`);
      expect((components.body.items as { id: string }[]).map((i) => i.id).sort()).toEqual(
        [chain[3], top.body.id].sort(),
      );
    });

    it('pages items by creation time with a cursor, every item once, ties broken by id', async () => {
      const org = await t.factory.organization();
      const made: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await item({ organizationId: org.id });
        made.push(res.body.id as string);
      }
      t.clock.advance(1000);
      made.push((await item({ organizationId: org.id })).body.id as string);
      const seen: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const res = await api(w.dispatcher).get(
          `/equipment-items?organizationId=${org.id}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        seen.push(...(res.body.items as { id: string }[]).map((i) => i.id));
        cursor = res.body.nextCursor as string | null;
      }
      expect(seen).toEqual([...made.slice(0, 3).sort(), made[3]]);
    });

    it('finds items by serial or inventory number prefix, any case, within what the reader sees', async () => {
      const a = await item({ serialNumber: 'SN-77A-001', inventoryNumber: 'INV-5001' });
      const b = await api(w.dispatcher).post('/equipment-items', {
        typeId,
        organizationId: w.orgB.id,
        serialNumber: 'SN-77A-002',
        customFields: { power_kw: 1 },
      });
      const found = async (who: Persona, q: string) =>
        (
          (await api(who).get(`/equipment-items?q=${encodeURIComponent(q)}&limit=200`)).body
            .items as { id: string }[]
        ).map((i) => i.id);
      expect(await found(w.dispatcher, 'sn-77a')).toEqual(
        expect.arrayContaining([a.body.id, b.body.id]),
      );
      expect(await found(w.dispatcher, 'inv-50')).toContain(a.body.id);
      expect(await found(w.dispatcher, '77A')).toEqual([]);
      expect(await found(w.dispatcher, 'SN-77A-00_')).toEqual([]);
      expect(await found(w.clientA, 'SN-77A')).toEqual([a.body.id]);
      expect((await api(w.clientA).get(`/equipment-items/${b.body.id}`)).status).toBe(404);
      expect((await api(w.clientB).get(`/equipment-items/${a.body.id}`)).status).toBe(404);
    });
  });

  describe('authorized requesters', () => {
    it('lets everyone file while the list is off and only the listed while it is on', async () => {
      const checker = t.app.get(AuthorizedRequesters);
      const contract = await created('/contracts', {
        organizationId: w.orgA.id,
        number: 'A-REQ',
        title: 'Requesters',
      });
      const otherContract = await created('/contracts', {
        organizationId: w.orgA.id,
        number: 'A-REQ-2',
        title: 'Other',
      });
      const contractB = await created('/contracts', {
        organizationId: w.orgB.id,
        number: 'B-REQ',
        title: 'B',
      });
      const may = (user: Persona, contractId?: string) =>
        checker.mayFile(user.id, w.orgA.id, contractId);
      expect(await may(w.clientA)).toBe(true);
      expect(await may(w.clientA2)).toBe(true);

      const initial = await api(w.agent).get(`/authorized-requesters/${w.orgA.id}`);
      expect(initial.body).toEqual({
        organizationId: w.orgA.id,
        enabled: false,
        requesters: [],
        version: 0,
      });
      const bad = await api(w.dispatcher).put(`/authorized-requesters/${w.orgA.id}`, {
        version: 0,
        enabled: true,
        requesters: [
          { userId: w.clientB.id },
          { userId: w.clientA.id, contractId: contractB.id },
          { userId: w.agent.id },
        ],
      });
      expect(bad.status).toBe(422);
      expect(fields(bad.body)).toEqual([
        'requesters[0].userId',
        'requesters[1].contractId',
        'requesters[2].userId',
      ]);
      const on = await api(w.dispatcher).put(`/authorized-requesters/${w.orgA.id}`, {
        version: 0,
        enabled: true,
        requesters: [{ userId: w.clientA.id }, { userId: w.clientA2.id, contractId: contract.id }],
      });
      expect(on.status).toBe(200);
      expect(on.body).toMatchObject({ enabled: true, version: 1 });
      expect(on.body.requesters).toHaveLength(2);
      expect(await may(w.clientA)).toBe(true);
      expect(await may(w.clientA, contract.id)).toBe(true);
      expect(await may(w.clientA2, contract.id)).toBe(true);
      expect(await may(w.clientA2, otherContract.id)).toBe(false);
      expect(await may(w.clientA2)).toBe(true);
      expect(await may(w.clientA, contractB.id)).toBe(false);
      const newcomer = await t.factory.user({ role: 'client', organizationId: w.orgA.id });
      expect(await checker.mayFile(newcomer.id, w.orgA.id)).toBe(false);
      // Org B's list is its own: off.
      expect(await checker.mayFile(w.clientB.id, w.orgB.id)).toBe(true);

      const stale = await api(w.dispatcher).put(`/authorized-requesters/${w.orgA.id}`, {
        version: 0,
        enabled: false,
        requesters: [],
      });
      expect(stale.status).toBe(409);
      const off = await api(w.dispatcher).put(`/authorized-requesters/${w.orgA.id}`, {
        version: 1,
        enabled: false,
        requesters: [{ userId: w.clientA.id }],
      });
      expect(off.body).toMatchObject({ enabled: false, version: 2 });
      expect(await checker.mayFile(newcomer.id, w.orgA.id)).toBe(true);
      // Clients neither read nor write the list.
      expect((await api(w.clientA).get(`/authorized-requesters/${w.orgA.id}`)).status).toBe(403);
      expect(
        (
          await api(w.agent).put(`/authorized-requesters/${w.orgA.id}`, {
            version: 2,
            enabled: true,
            requesters: [],
          })
        ).status,
      ).toBe(403);
    });
  });

  describe('documents', () => {
    const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const upload = (who: Persona, contractId: string, content: Buffer, shared?: string) => {
      let r = t
        .http()
        .post(`/api/v1/contracts/${contractId}/documents`)
        .set('Authorization', bearer(who));
      if (shared !== undefined) r = r.field('shared', shared);
      return r.attach('file', content, { filename: 'Договор СО-1.pdf', contentType: 'text/plain' });
    };
    const stored = async (documentId: string) => {
      const [row] = (await t.db.query('SELECT storage_key FROM contract_documents WHERE id = $1', [
        documentId,
      ])) as { storage_key: string }[];
      const key = row.storage_key;
      return existsSync(join(t.config.dataDir, 'attachments', key.slice(0, 2), key));
    };
    const signed = () =>
      created('/contracts', {
        organizationId: w.orgA.id,
        number: `D-${Math.random().toString(36).slice(2, 8)}`,
        title: 'With documents',
        status: 'active',
      });

    it('keeps a document staff only unless shared; a client reads the shared ones of a contract they see', async () => {
      const c = await signed();
      t.clock.set('2026-05-04T09:00:00Z');
      const internal = await upload(w.dispatcher, c.id, PDF);
      expect(internal.status).toBe(201);
      expect(internal.body).toMatchObject({
        contractId: c.id,
        fileName: 'Договор СО-1.pdf',
        contentType: 'application/pdf',
        sizeBytes: PDF.length,
        shared: false,
        version: 1,
        uploadedBy: { id: w.dispatcher.id },
      });
      t.clock.set('2026-05-04T09:05:00Z');
      const shared = await upload(w.admin, c.id, PDF, 'true');
      expect(shared.status).toBe(201);
      expect(shared.body.shared).toBe(true);
      expect(await stored(shared.body.id as string)).toBe(true);

      // Staff read both; the client of the organization only the shared one, without staff fields.
      const staffList = await api(w.agent).get(`/contracts/${c.id}/documents`);
      expect(staffList.body.items.map((d: Created) => d.id)).toEqual([
        internal.body.id,
        shared.body.id,
      ]);
      const clientList = await api(w.clientA).get(`/contracts/${c.id}/documents`);
      expect(clientList.status).toBe(200);
      expect(clientList.body.items).toEqual([
        {
          id: shared.body.id,
          contractId: c.id,
          fileName: 'Договор СО-1.pdf',
          contentType: 'application/pdf',
          sizeBytes: PDF.length,
          createdAt: expect.any(String),
          shared: true,
        },
      ]);
      const file = await api(w.clientA)
        .get(`/contracts/${c.id}/documents/${shared.body.id}`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (b: Buffer) => chunks.push(b));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(file.status).toBe(200);
      expect((file.body as Buffer).equals(PDF)).toBe(true);
      expect(file.headers['content-type']).toMatch(/^application\/pdf/);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['content-disposition']).toMatch(/^attachment;/);
      // The unshared one does not exist for the client, by any route.
      expect(
        (await api(w.clientA).get(`/contracts/${c.id}/documents/${internal.body.id}`)).status,
      ).toBe(404);
      // Another organization's client, and a draft's readers among clients: the contract is 404.
      expect((await api(w.clientB).get(`/contracts/${c.id}/documents`)).status).toBe(404);
      expect(
        (await api(w.clientB).get(`/contracts/${c.id}/documents/${shared.body.id}`)).status,
      ).toBe(404);
      await t.db.query(`UPDATE contracts SET status = 'draft' WHERE id = $1`, [c.id]);
      expect((await api(w.clientA).get(`/contracts/${c.id}/documents`)).status).toBe(404);
      await t.db.query(`UPDATE contracts SET status = 'active' WHERE id = $1`, [c.id]);

      // Sharing later, at the version read.
      const share = await api(w.dispatcher).patch(
        `/contracts/${c.id}/documents/${internal.body.id}`,
        { shared: true, version: 1 },
      );
      expect(share.status).toBe(200);
      expect(share.body).toMatchObject({ shared: true, version: 2 });
      const stale = await api(w.dispatcher).patch(
        `/contracts/${c.id}/documents/${internal.body.id}`,
        { shared: false, version: 1 },
      );
      expect(stale.status).toBe(409);
      expect((stale.body as Problem).currentVersion).toBe(2);
      expect((await api(w.clientA).get(`/contracts/${c.id}/documents`)).body.items).toHaveLength(2);
    });

    it('lets only contract managers write; refuses too large (413), bad fields and an invisible contract, keeping nothing', async () => {
      const c = await signed();
      const count = async () =>
        (
          (await t.db.query(
            'SELECT count(*)::int AS n FROM contract_documents WHERE contract_id = $1',
            [c.id],
          )) as { n: number }[]
        )[0].n;
      expect((await upload(w.agent, c.id, PDF)).status).toBe(403);
      expect((await upload(w.clientA, c.id, PDF)).status).toBe(403);
      const big = await upload(w.dispatcher, c.id, Buffer.alloc(LIMIT + 1, 7));
      expect(big.status).toBe(413);
      expect(big.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await upload(w.dispatcher, c.id, PDF, 'yes')).status).toBe(400);
      const missing = await upload(w.dispatcher, '00000000-0000-4000-8000-000000000000', PDF);
      expect(missing.status).toBe(404);
      expect(await count()).toBe(0);
      expect(await readdir(join(t.config.dataDir, 'tmp'))).toEqual([]);
      expect(
        (
          await api(w.dispatcher).patch(`/contracts/${c.id}/documents/${c.id}`, {
            shared: 1,
            version: 1,
          })
        ).status,
      ).toBe(400);
    });

    it('deletes a document’s bytes and keeps its line; a contract with live documents is not deleted', async () => {
      const c = await signed();
      const doc = await upload(w.dispatcher, c.id, PDF);
      expect(doc.status).toBe(201);
      const refused = await api(w.dispatcher).del(`/contracts/${c.id}`);
      expect(refused.status).toBe(409);
      expect(await stored(doc.body.id as string)).toBe(true);

      expect((await api(w.agent).del(`/contracts/${c.id}/documents/${doc.body.id}`)).status).toBe(
        403,
      );
      const removed = await api(w.dispatcher).del(`/contracts/${c.id}/documents/${doc.body.id}`);
      expect(removed.status).toBe(204);
      expect(await stored(doc.body.id as string)).toBe(false);
      expect((await api(w.agent).get(`/contracts/${c.id}/documents`)).body.items).toEqual([]);
      const history = await api(w.agent).get(`/contracts/${c.id}/documents?includeDeleted=true`);
      expect(history.body.items).toEqual([
        expect.objectContaining({
          id: doc.body.id,
          // The deletion is a change a stale share dialog must not overwrite (409).
          version: (doc.body.version as number) + 1,
          deletedAt: expect.any(String),
          deletedBy: { id: w.dispatcher.id, name: expect.any(String) },
        }),
      ]);
      expect((await api(w.agent).get(`/contracts/${c.id}/documents/${doc.body.id}`)).status).toBe(
        404,
      );
      // Nothing live is left: the contract goes, its file history with it.
      expect((await api(w.dispatcher).del(`/contracts/${c.id}`)).status).toBe(204);
      expect(
        await t.db.query('SELECT id FROM contract_documents WHERE contract_id = $1', [c.id]),
      ).toEqual([]);
    });
  });

  describe('bad input', () => {
    it('answers 400, 404 or 422, never 500', async () => {
      const huge = 'x'.repeat(100_001);
      const cases: [string, string, object | undefined, number][] = [
        ['post', '/contracts', { organizationId: w.orgA.id, number: huge, title: 'x' }, 400],
        [
          'post',
          '/contracts',
          { organizationId: w.orgA.id, number: 'n', title: 'x', billingNotes: huge },
          400,
        ],
        ['post', '/contracts', { organizationId: 'nope', number: 'n', title: 'x' }, 400],
        ['post', '/contracts', { organizationId: w.orgA.id, number: 12, title: ['x'] }, 400],
        [
          'post',
          '/contracts',
          { organizationId: w.orgA.id, number: 'n', title: 'x', validTo: '2026-02-30' },
          400,
        ],
        [
          'post',
          '/contracts',
          { organizationId: w.orgA.id, number: 'n', title: 'x', status: 'expired' },
          400,
        ],
        [
          'post',
          '/contracts',
          {
            organizationId: w.orgA.id,
            number: 'n',
            title: 'x',
            allowanceSeconds: -1,
            allowancePeriod: 'month',
          },
          400,
        ],
        ['post', '/contracts', { organizationId: w.orgA.id, number: '   ', title: 'x' }, 400],
        [
          'post',
          '/contracts',
          { organizationId: w.orgA.id, number: 'n', title: 'x', extra: 1 },
          400,
        ],
        [
          'post',
          '/equipment-items',
          { typeId: w.orgA.id, organizationId: w.orgA.id, customFields: 'x' },
          400,
        ],
        [
          'post',
          '/equipment-items',
          { typeId: w.orgA.id, organizationId: w.orgA.id, serialNumber: huge },
          400,
        ],
        ['post', '/equipment-items', { typeId: w.orgA.id, organizationId: w.orgA.id }, 422],
        [
          'post',
          '/equipment-types',
          { name: 'x', fields: [{ key: 'Bad Key', name: { en: 'x' }, kind: 'text' }] },
          400,
        ],
        ['post', '/equipment-types', { name: 'x', fields: 'all' }, 400],
        [
          'put',
          `/authorized-requesters/${w.orgA.id}`,
          { version: 'x', enabled: 'yes', requesters: {} },
          400,
        ],
        [
          'put',
          `/authorized-requesters/${w.orgA.id}`,
          { version: 0, enabled: true, requesters: [null] },
          400,
        ],
        ['patch', '/contracts/not-a-uuid', { version: 1 }, 404],
        ['get', '/contracts?cursor=garbage', undefined, 400],
        ['get', `/contracts?status=gone`, undefined, 400],
        [
          'get',
          '/equipment-items?cursor=WyJ4IiwiMDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAwIl0',
          undefined,
          400,
        ],
        ['get', `/equipment-items?q=${'x'.repeat(201)}`, undefined, 400],
        ['get', `/authorized-requesters/00000000-0000-4000-8000-000000000000`, undefined, 404],
      ];
      const answers: string[] = [];
      for (const [method, path, body, expected] of cases) {
        const client = api(w.dispatcher);
        const res =
          method === 'get'
            ? await client.get(path)
            : method === 'del'
              ? await client.del(path)
              : await (
                  client as unknown as Record<
                    string,
                    (p: string, b: object) => Promise<{ status: number }>
                  >
                )[method](path, body ?? {});
        answers.push(`${method} ${path.slice(0, 60)} ${res.status}`);
        expect(`${method} ${path.slice(0, 60)} ${res.status}`).toBe(
          `${method} ${path.slice(0, 60)} ${expected}`,
        );
      }
      expect(answers.length).toBe(cases.length);
    });
  });
});
