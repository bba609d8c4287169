import { WorkflowService } from '../src/modules/workflow/workflow.service';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

interface FieldSpec {
  key: string;
  kind: string;
  required?: boolean;
  clientVisible?: boolean;
  clientEditable?: boolean;
  options?: { value: string; name: { en: string } }[];
}

const opts = (...values: string[]) => values.map((value) => ({ value, name: { en: value } }));

/** One field of every kind; which ones a client sees and edits varies on purpose. */
const FIELDS: FieldSpec[] = [
  { key: 'serial', kind: 'text', required: true, clientVisible: true, clientEditable: true },
  { key: 'details', kind: 'long_text', clientVisible: true, clientEditable: true },
  { key: 'cost', kind: 'number' },
  { key: 'installed_on', kind: 'date', clientVisible: true },
  { key: 'visit_at', kind: 'date_time' },
  {
    key: 'zone',
    kind: 'select',
    clientVisible: true,
    clientEditable: true,
    options: opts('north', 'south'),
  },
  { key: 'symptoms', kind: 'multi_select', options: opts('noise', 'leak', 'heat') },
  { key: 'warranty', kind: 'checkbox' },
  { key: 'engineer', kind: 'user' },
  { key: 'site_owner', kind: 'organization' },
];

describe('ticket types with custom fields, categories and projects', () => {
  let t: TestApp;
  let w: World;
  let okdeskId: string;
  let typeId: string;
  let plainTypeId: string;
  let fieldIds: Record<string, string>;

  const http = () => t.http();
  const as = (p: Persona) => ({
    get: (path: string) => http().get(path).set('Authorization', bearer(p)),
    post: (path: string, body: object) =>
      http().post(path).set('Authorization', bearer(p)).send(body),
    patch: (path: string, body: object) =>
      http().patch(path).set('Authorization', bearer(p)).send(body),
    delete: (path: string) => http().delete(path).set('Authorization', bearer(p)),
  });
  const ticketCount = async () =>
    ((await t.db.query('SELECT count(*)::int AS n FROM tickets')) as { n: number }[])[0].n;

  const validValues = () => ({
    serial: 'SN-0042',
    details: 'Fan rattles at night. '.repeat(10),
    cost: 1250.5,
    installed_on: '2024-02-29',
    visit_at: '2025-03-01T09:30:00+03:00',
    zone: 'north',
    symptoms: ['noise', 'heat'],
    warranty: false,
    engineer: w.agent.id,
    site_owner: w.orgA.id,
  });

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const [wf] = (await t.db.query(`SELECT id FROM workflows WHERE key = 'okdesk'`)) as {
      id: string;
    }[];
    okdeskId = wf.id;
    const type = await as(w.admin).post('/api/v1/ticket-types', {
      key: 'greenhouse_equipment',
      name: { en: 'Greenhouse equipment', ru: 'Оборудование теплиц', cs: 'Vybavení skleníků' },
      workflowId: okdeskId,
      isPublic: true,
      defaultPriority: 'high',
    });
    expect(type.status).toBe(201);
    typeId = type.body.id;
    fieldIds = {};
    for (const [i, f] of FIELDS.entries()) {
      const res = await as(w.admin).post(`/api/v1/ticket-types/${typeId}/fields`, {
        ...f,
        name: { en: f.key },
        position: i,
      });
      expect({ key: f.key, status: res.status }).toEqual({ key: f.key, status: 201 });
      fieldIds[f.key] = res.body.id;
    }
    const plain = await as(w.admin).post('/api/v1/ticket-types', {
      key: 'plain_request',
      name: { en: 'Plain request' },
      workflowId: okdeskId,
      isPublic: true,
    });
    plainTypeId = plain.body.id;
  });
  afterAll(() => t.close());

  describe('ticket type administration', () => {
    it('returns a type with its fields in order; clients get client-visible fields only', async () => {
      const staff = await as(w.agent).get(`/api/v1/ticket-types/${typeId}`);
      expect(staff.status).toBe(200);
      expect(staff.body).toMatchObject({
        key: 'greenhouse_equipment',
        isPublic: true,
        defaultPriority: 'high',
        workflowId: okdeskId,
        version: 1,
      });
      expect(staff.body.fields.map((f: { key: string }) => f.key)).toEqual(
        FIELDS.map((f) => f.key),
      );
      expect(staff.body.fields[5]).toMatchObject({
        kind: 'select',
        options: opts('north', 'south'),
        clientEditable: true,
      });

      const client = await as(w.clientA).get(`/api/v1/ticket-types/${typeId}`);
      expect(client.body.fields.map((f: { key: string }) => f.key)).toEqual([
        'serial',
        'details',
        'installed_on',
        'zone',
      ]);
      const list = await as(w.clientA).get('/api/v1/ticket-types');
      const listed = list.body.find((x: { id: string }) => x.id === typeId);
      expect(listed.fields).toHaveLength(4);
    });

    it('hides internal types from clients (404) and validates field settings (422)', async () => {
      const internal = await as(w.admin).post('/api/v1/ticket-types', {
        key: 'internal_audit',
        name: { en: 'Internal audit' },
        workflowId: okdeskId,
      });
      expect(internal.status).toBe(201);
      expect((await as(w.clientA).get(`/api/v1/ticket-types/${internal.body.id}`)).status).toBe(
        404,
      );
      const dupType = await as(w.admin).post('/api/v1/ticket-types', {
        key: 'internal_audit',
        name: { en: 'Again' },
        workflowId: okdeskId,
      });
      expect(dupType.status).toBe(422);
      expect(dupType.body.errors).toEqual([
        { field: 'key', message: 'is already used by another ticket type' },
      ]);

      const fields = `/api/v1/ticket-types/${internal.body.id}/fields`;
      const badKey = await as(w.admin).post(fields, {
        key: '1abc',
        name: { en: 'x' },
        kind: 'text',
      });
      expect(badKey.status).toBe(400);
      const noOptions = await as(w.admin).post(fields, {
        key: 'choice',
        name: { en: 'Choice' },
        kind: 'select',
        clientEditable: true,
      });
      expect(noOptions.status).toBe(422);
      expect(noOptions.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'clientEditable',
        'options',
      ]);
      const repeated = await as(w.admin).post(fields, {
        key: 'choice',
        name: { en: 'Choice' },
        kind: 'multi_select',
        options: opts('a', 'a'),
      });
      expect(repeated.body.errors).toEqual([
        { field: 'options', message: 'option values must be distinct' },
      ]);
      const ok = await as(w.admin).post(fields, {
        key: 'note',
        name: { en: 'Note' },
        kind: 'text',
      });
      expect(ok.status).toBe(201);
      const dupKey = await as(w.admin).post(fields, {
        key: 'note',
        name: { en: 'Note' },
        kind: 'text',
      });
      expect(dupKey.status).toBe(422);
      expect(dupKey.body.errors[0].field).toBe('key');

      // The merged state is checked: making a field client-editable alone is not enough.
      const editable = await as(w.admin).patch(`${fields}/${ok.body.id}`, {
        version: 1,
        clientEditable: true,
      });
      expect(editable.status).toBe(422);
      const stale = await as(w.admin).patch(`${fields}/${ok.body.id}`, {
        version: 7,
        required: true,
      });
      expect(stale.status).toBe(409);
      const both = await as(w.admin).patch(`${fields}/${ok.body.id}`, {
        version: 1,
        clientVisible: true,
        clientEditable: true,
      });
      expect(both.status).toBe(200);
      expect(both.body).toMatchObject({ clientVisible: true, clientEditable: true, version: 2 });
    });

    it('changes a type; its workflow only while no ticket has the type', async () => {
      const [other] = (await t.db.query(
        `INSERT INTO workflows (key, name) VALUES ('cf_other', '{"en":"Other"}') RETURNING id`,
      )) as { id: string }[];
      const type = await as(w.admin).post('/api/v1/ticket-types', {
        key: 'movable',
        name: { en: 'Movable' },
        workflowId: okdeskId,
      });
      const moved = await as(w.admin).patch(`/api/v1/ticket-types/${type.body.id}`, {
        version: 1,
        workflowId: other.id,
        name: { en: 'Moved', cs: 'Přesunuto' },
        defaultPriority: 'low',
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({
        workflowId: other.id,
        version: 2,
        defaultPriority: 'low',
      });

      const stale = await as(w.admin).patch(`/api/v1/ticket-types/${typeId}`, {
        version: 99,
        position: 3,
      });
      expect(stale.status).toBe(409);
      await t.factory.ticket({ typeKey: 'greenhouse_equipment' });
      const inUse = await as(w.admin).patch(`/api/v1/ticket-types/${typeId}`, {
        version: 1,
        workflowId: other.id,
      });
      expect(inUse.status).toBe(409);
      const [row] = (await t.db.query('SELECT workflow_id FROM ticket_types WHERE id = $1', [
        typeId,
      ])) as { workflow_id: string }[];
      expect(row.workflow_id).toBe(okdeskId);
    });

    it('deactivates a field on DELETE, keeping the values on tickets', async () => {
      const field = await as(w.admin).post(`/api/v1/ticket-types/${plainTypeId}/fields`, {
        key: 'legacy',
        name: { en: 'Legacy' },
        kind: 'text',
      });
      const ticket = await as(w.agent).post('/api/v1/tickets', {
        subject: 'legacy value',
        typeId: plainTypeId,
        customFields: { legacy: 'keep me' },
      });
      expect(ticket.status).toBe(201);
      const del = await as(w.admin).delete(
        `/api/v1/ticket-types/${plainTypeId}/fields/${field.body.id}`,
      );
      expect(del.status).toBe(204);
      const type = await as(w.admin).get(`/api/v1/ticket-types/${plainTypeId}`);
      expect(type.body.fields.map((f: { key: string }) => f.key)).not.toContain('legacy');
      const withInactive = await as(w.admin).get(
        `/api/v1/ticket-types/${plainTypeId}?includeInactive=true`,
      );
      expect(withInactive.body.fields).toEqual([
        expect.objectContaining({ key: 'legacy', active: false, version: 2 }),
      ]);
      const after = await as(w.agent).get(`/api/v1/tickets/${ticket.body.id}`);
      expect(after.body.customFields).toEqual({ legacy: 'keep me' });
      const setInactive = await as(w.agent).patch(`/api/v1/tickets/${ticket.body.id}`, {
        version: after.body.version,
        customFields: { legacy: 'new' },
      });
      expect(setInactive.status).toBe(422);
    });
  });

  describe('custom field values', () => {
    it('stores a valid value of every kind', async () => {
      const res = await as(w.dispatcher).post('/api/v1/tickets', {
        subject: 'All kinds, all valid',
        typeId,
        customFields: validValues(),
      });
      expect(res.status).toBe(201);
      expect(res.body.customFields).toEqual(validValues());
      expect(res.body.priority).toBe('high');
    });

    it('reports every invalid value at once, one error per field, and writes nothing', async () => {
      const before = await ticketCount();
      const res = await as(w.dispatcher).post('/api/v1/tickets', {
        subject: 'All kinds, all invalid',
        typeId,
        customFields: {
          serial: 'x'.repeat(1001),
          details: 'x'.repeat(20001),
          cost: '12',
          installed_on: '2025-02-29',
          visit_at: '2025-03-01T09:30:00',
          zone: 'east',
          symptoms: ['noise', 'noise'],
          warranty: 'yes',
          engineer: 'not-a-uuid',
          site_owner: 42,
          unknown_key: 'x',
        },
      });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
      expect(fields).toEqual(
        [...FIELDS.map((f) => f.key), 'unknown_key'].map((k) => `customFields.${k}`).sort(),
      );
      expect(await ticketCount()).toBe(before);
    });

    it('checks that users and organizations exist and are active', async () => {
      const gone = await t.factory.user({ role: 'agent', active: false });
      const res = await as(w.dispatcher).post('/api/v1/tickets', {
        subject: 'refs',
        typeId,
        customFields: {
          ...validValues(),
          engineer: gone.id,
          site_owner: '00000000-0000-4000-8000-000000000000',
        },
      });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        { field: 'customFields.engineer', message: 'no active user with this id' },
        { field: 'customFields.site_owner', message: 'no active organization with this id' },
      ]);
    });

    it('requires required fields on create and when the type changes', async () => {
      const missing = await as(w.agent).post('/api/v1/tickets', { subject: 'no serial', typeId });
      expect(missing.status).toBe(422);
      expect(missing.body.errors).toEqual([
        { field: 'customFields.serial', message: 'is required' },
      ]);

      const plain = await as(w.agent).post('/api/v1/tickets', {
        subject: 'plain first',
        typeId: plainTypeId,
      });
      expect(plain.status).toBe(201);
      const retype = await as(w.agent).patch(`/api/v1/tickets/${plain.body.id}`, {
        version: 1,
        typeId,
      });
      expect(retype.status).toBe(422);
      expect(retype.body.errors).toEqual([
        { field: 'customFields.serial', message: 'is required' },
      ]);
      const retyped = await as(w.agent).patch(`/api/v1/tickets/${plain.body.id}`, {
        version: 1,
        typeId,
        customFields: { serial: 'SN-7' },
      });
      expect(retyped.status).toBe(200);
      expect(retyped.body).toMatchObject({ typeId, customFields: { serial: 'SN-7' } });

      const cleared = await as(w.agent).patch(`/api/v1/tickets/${plain.body.id}`, {
        version: retyped.body.version,
        customFields: { serial: null },
      });
      expect(cleared.status).toBe(422);
      expect(cleared.body.errors).toEqual([
        { field: 'customFields.serial', message: 'is required' },
      ]);
    });

    it('merges a PATCH (null clears) and writes one history line per changed field', async () => {
      const created = await as(w.dispatcher).post('/api/v1/tickets', {
        subject: 'merge',
        typeId,
        customFields: { serial: 'A', zone: 'north', cost: 1 },
      });
      const res = await as(w.dispatcher).patch(`/api/v1/tickets/${created.body.id}`, {
        version: created.body.version,
        customFields: { zone: null, cost: 2, serial: 'A', warranty: true },
      });
      expect(res.status).toBe(200);
      expect(res.body.customFields).toEqual({ serial: 'A', cost: 2, warranty: true });
      const history = await as(w.dispatcher).get(`/api/v1/tickets/${created.body.id}/history`);
      const lines = (history.body.items as { field: string | null }[])
        .filter((e) => e.field?.startsWith('custom:'))
        .map((e) => e);
      expect(lines).toEqual([
        expect.objectContaining({ field: 'custom:cost', oldValue: 1, newValue: 2, internal: true }),
        expect.objectContaining({
          field: 'custom:zone',
          oldValue: 'north',
          newValue: null,
          internal: false,
        }),
        expect.objectContaining({ field: 'custom:warranty', newValue: true, internal: true }),
      ]);
    });

    it('shows a client only client-visible fields, in the ticket and its history', async () => {
      const filed = await as(w.clientA).post('/api/v1/tickets', {
        subject: 'Client files equipment',
        typeId,
        customFields: { serial: 'C-1', zone: 'south', details: 'Leaks' },
      });
      expect(filed.status).toBe(201);
      expect(filed.body.customFields).toEqual({ serial: 'C-1', zone: 'south', details: 'Leaks' });

      const staffEdit = await as(w.dispatcher).patch(`/api/v1/tickets/${filed.body.id}`, {
        version: filed.body.version,
        customFields: { cost: 987654.25, installed_on: '2023-05-01', zone: 'north' },
      });
      expect(staffEdit.status).toBe(200);

      const seen = await as(w.clientA).get(`/api/v1/tickets/${filed.body.id}`);
      expect(seen.body.customFields).toEqual({
        serial: 'C-1',
        zone: 'north',
        details: 'Leaks',
        installed_on: '2023-05-01',
      });
      const list = await as(w.clientA).get(`/api/v1/tickets?typeId=${typeId}`);
      const item = list.body.items.find((x: { id: string }) => x.id === filed.body.id);
      expect(item).toBeDefined();
      // Lists carry no custom fields at all, so nothing staff-only can leak through them.
      expect(item).not.toHaveProperty('customFields');
      expect(JSON.stringify(list.body)).not.toContain('987654.25');
      const history = await as(w.clientA).get(`/api/v1/tickets/${filed.body.id}/history`);
      const fields = (history.body.items as { field: string | null }[]).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['custom:zone', 'custom:installed_on']));
      expect(fields).not.toContain('custom:cost');
      const staffHistory = await as(w.dispatcher).get(`/api/v1/tickets/${filed.body.id}/history`);
      expect((staffHistory.body.items as { field: string | null }[]).map((e) => e.field)).toContain(
        'custom:cost',
      );
    });

    it('does not let a client set fields that are not client-editable', async () => {
      const before = await ticketCount();
      const res = await as(w.clientA).post('/api/v1/tickets', {
        subject: 'Client overreaches',
        typeId,
        customFields: { serial: 'C-2', installed_on: '2024-01-01', cost: 5 },
      });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        { field: 'customFields.installed_on', message: 'cannot be set by clients' },
        { field: 'customFields.cost', message: 'is not a field of this ticket type' },
      ]);
      expect(await ticketCount()).toBe(before);
    });

    it('lets a client edit the fields their form lets them edit later, and nothing else', async () => {
      const created = await as(w.clientA).post('/api/v1/tickets', {
        subject: 'Client fixes a typo',
        typeId,
        customFields: { serial: 'SN-typo', zone: 'north' },
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const ok = await as(w.clientA).patch(`/api/v1/tickets/${id}`, {
        version: 1,
        customFields: { serial: 'SN-0043', zone: 'south' },
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        version: 2,
        customFields: { serial: 'SN-0043', zone: 'south' },
      });

      const staffOnly = await as(w.clientA).patch(`/api/v1/tickets/${id}`, {
        version: 2,
        customFields: { installed_on: '2024-01-01' },
      });
      expect(staffOnly.status).toBe(422);
      const clearRequired = await as(w.clientA).patch(`/api/v1/tickets/${id}`, {
        version: 2,
        customFields: { serial: null },
      });
      expect(clearRequired.status).toBe(422);
      // Any other field is a staff edit: refused before the ticket is even looked up.
      const subject = await as(w.clientA).patch(`/api/v1/tickets/${id}`, {
        version: 2,
        subject: 'Renamed by the client',
      });
      expect(subject.status).toBe(403);
      const otherOrg = await as(w.clientB).patch(`/api/v1/tickets/${id}`, {
        version: 2,
        customFields: { serial: 'X' },
      });
      expect(otherOrg.status).toBe(404);
      const [row] = await t.db.query(
        'SELECT subject, version, custom_fields FROM tickets WHERE id = $1',
        [id],
      );
      expect(row).toEqual({
        subject: 'Client fixes a typo',
        version: 2,
        custom_fields: { serial: 'SN-0043', zone: 'south' },
      });
    });

    it('refuses edits in a read-only (archived) status with 409', async () => {
      const ticket = await t.factory.ticket({
        typeKey: 'greenhouse_equipment',
        status: 'resolved',
      });
      await t.db.query(
        `UPDATE workflow_statuses SET read_only = true WHERE workflow_id = $1 AND key = 'resolved'`,
        [okdeskId],
      );
      t.app.get(WorkflowService).invalidate();
      try {
        const res = await as(w.admin).patch(`/api/v1/tickets/${ticket.id}`, {
          version: ticket.version,
          subject: 'edit an archived ticket',
        });
        expect(res.status).toBe(409);
        expect(res.body.detail).toMatch(/read-only/);
      } finally {
        await t.db.query(
          `UPDATE workflow_statuses SET read_only = false WHERE workflow_id = $1 AND key = 'resolved'`,
          [okdeskId],
        );
        t.app.get(WorkflowService).invalidate();
      }
    });
  });

  describe('categories', () => {
    let root: string;
    let publicChild: string;
    let privateChild: string;

    beforeAll(async () => {
      const r = await as(w.dispatcher).post('/api/v1/categories', {
        name: { en: 'Irrigation', ru: 'Полив', cs: 'Zavlažování' },
      });
      expect(r.status).toBe(201);
      root = r.body.id;
      publicChild = (
        await as(w.admin).post('/api/v1/categories', { name: { en: 'Pumps' }, parentId: root })
      ).body.id;
      privateChild = (
        await as(w.admin).post('/api/v1/categories', {
          name: { en: 'Supplier issues' },
          parentId: root,
          isPublic: false,
        })
      ).body.id;
    });

    it('has two levels only', async () => {
      const third = await as(w.admin).post('/api/v1/categories', {
        name: { en: 'Too deep' },
        parentId: publicChild,
      });
      expect(third.status).toBe(422);
      expect(third.body.errors[0].field).toBe('parentId');
      const other = await as(w.admin).post('/api/v1/categories', { name: { en: 'Heating' } });
      const moveParent = await as(w.admin).patch(`/api/v1/categories/${root}`, {
        version: 1,
        parentId: other.body.id,
      });
      expect(moveParent.status).toBe(422);
      const moveChild = await as(w.admin).patch(`/api/v1/categories/${publicChild}`, {
        version: 1,
        parentId: other.body.id,
        name: { en: 'Pumps', ru: 'Насосы' },
      });
      expect(moveChild.status).toBe(200);
      expect(moveChild.body).toMatchObject({ parentId: other.body.id, version: 2 });
      const back = await as(w.admin).patch(`/api/v1/categories/${publicChild}`, {
        version: 2,
        parentId: root,
      });
      expect(back.status).toBe(200);
      const stale = await as(w.admin).patch(`/api/v1/categories/${publicChild}`, {
        version: 2,
        position: 1,
      });
      expect(stale.status).toBe(409);
    });

    it('lists parents followed by children; clients get public active ones only', async () => {
      const staff = await as(w.agent).get('/api/v1/categories');
      const ids = staff.body.map((c: { id: string }) => c.id);
      expect(ids.indexOf(root)).toBeLessThan(ids.indexOf(publicChild));
      expect(ids).toContain(privateChild);
      const client = await as(w.clientA).get('/api/v1/categories');
      const clientIds = client.body.map((c: { id: string }) => c.id);
      expect(clientIds).toContain(publicChild);
      expect(clientIds).not.toContain(privateChild);
    });

    it('lets clients file under public categories and filters lists by a category and its children', async () => {
      const hidden = await as(w.clientA).post('/api/v1/tickets', {
        subject: 'private category',
        categoryId: privateChild,
      });
      expect(hidden.status).toBe(422);
      expect(hidden.body.errors).toEqual([
        { field: 'categoryId', message: 'no active category with this id' },
      ]);
      const inChild = await as(w.clientA).post('/api/v1/tickets', {
        subject: 'pump broken',
        categoryId: publicChild,
      });
      expect(inChild.status).toBe(201);
      expect(inChild.body.category).toMatchObject({ id: publicChild, parentId: root });
      const inPrivate = await as(w.agent).post('/api/v1/tickets', {
        subject: 'supplier late',
        categoryId: privateChild,
      });
      const inRoot = await as(w.agent).post('/api/v1/tickets', {
        subject: 'irrigation general',
        categoryId: root,
      });
      await as(w.agent).post('/api/v1/tickets', { subject: 'no category' });

      const byRoot = await as(w.admin).get(`/api/v1/tickets?categoryId=${root}`);
      expect(byRoot.body.items.map((x: { id: string }) => x.id).sort()).toEqual(
        [inChild.body.id, inPrivate.body.id, inRoot.body.id].sort(),
      );
      const byChild = await as(w.admin).get(`/api/v1/tickets?categoryId=${publicChild}`);
      expect(byChild.body.items.map((x: { id: string }) => x.id)).toEqual([inChild.body.id]);

      const recat = await as(w.agent).patch(`/api/v1/tickets/${inRoot.body.id}`, {
        version: inRoot.body.version,
        categoryId: null,
      });
      expect(recat.status).toBe(200);
      expect(recat.body.category).toBeNull();
    });
  });

  describe('projects', () => {
    let project: { id: string; version: number };

    beforeAll(async () => {
      const res = await as(w.dispatcher).post('/api/v1/projects', {
        name: 'Greenhouse 7 retrofit',
        description: 'New climate controllers',
        managerId: w.otherAgent.id,
        memberIds: [w.departmentMember.id],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        managerId: w.otherAgent.id,
        manager: { id: w.otherAgent.id, name: 'Other agent' },
        memberIds: [w.departmentMember.id],
        active: true,
        version: 1,
      });
      project = res.body;
    });

    it('validates manager and members', async () => {
      const res = await as(w.admin).post('/api/v1/projects', {
        name: 'Bad',
        managerId: w.clientA.id,
        // Client contacts may be members (they file against the project); unknown people not.
        memberIds: ['00000000-0000-4000-8000-000000000000'],
      });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'managerId',
        'memberIds',
      ]);
    });

    it('addresses a new project ticket to the manager; members and the manager see it, others do not', async () => {
      const res = await as(w.dispatcher).post('/api/v1/tickets', {
        subject: 'Controller firmware',
        projectId: project.id,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        projectId: project.id,
        project: { id: project.id, name: 'Greenhouse 7 retrofit' },
        assigneeId: w.otherAgent.id,
      });
      const id = res.body.id as string;
      expect((await as(w.departmentMember).get(`/api/v1/tickets/${id}`)).status).toBe(200);
      expect((await as(w.otherAgent).get(`/api/v1/tickets/${id}`)).status).toBe(200);
      expect((await as(w.agent).get(`/api/v1/tickets/${id}`)).status).toBe(404);
      const memberList = await as(w.departmentMember).get(
        `/api/v1/tickets?projectId=${project.id}`,
      );
      expect(memberList.body.items.map((x: { id: string }) => x.id)).toEqual([id]);
      const agentList = await as(w.agent).get(`/api/v1/tickets?projectId=${project.id}`);
      expect(agentList.body.items).toEqual([]);

      // Taking a member out of the project takes the tickets away with it.
      const patched = await as(w.admin).patch(`/api/v1/projects/${project.id}`, {
        version: project.version,
        memberIds: [w.agent.id],
      });
      expect(patched.status).toBe(200);
      project = patched.body;
      expect((await as(w.departmentMember).get(`/api/v1/tickets/${id}`)).status).toBe(404);
      expect((await as(w.agent).get(`/api/v1/tickets/${id}`)).status).toBe(200);
    });

    it('keeps an explicit assignee and filters by project and solver', async () => {
      const own = await as(w.dispatcher).post('/api/v1/tickets', {
        subject: 'Sensors',
        projectId: project.id,
        assigneeId: w.departmentHead.id,
      });
      expect(own.body.assigneeId).toBe(w.departmentHead.id);
      const bySolver = await as(w.admin).get(
        `/api/v1/tickets?projectId=${project.id}&solverId=${w.departmentHead.id}`,
      );
      expect(bySolver.body.items.map((x: { id: string }) => x.id)).toEqual([own.body.id]);
      const byProject = await as(w.admin).get(`/api/v1/tickets?projectId=${project.id}`);
      expect(byProject.body.items.length).toBe(2);
    });

    it('does not let clients put tickets into projects they are no member of', async () => {
      const res = await as(w.clientA).post('/api/v1/tickets', {
        subject: 'mine',
        projectId: project.id,
      });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        { field: 'projectId', message: 'no active project with this id' },
      ]);
    });

    it('lists projects by name in keyset pages with q, and refuses stale versions', async () => {
      await as(w.admin).post('/api/v1/projects', { name: 'Alpha rollout', managerId: w.agent.id });
      await as(w.admin).post('/api/v1/projects', { name: 'Beta rollout', managerId: w.agent.id });
      const first = await as(w.agent).get('/api/v1/projects?q=rollout&limit=1');
      expect(first.status).toBe(200);
      expect(first.body.items.map((p: { name: string }) => p.name)).toEqual(['Alpha rollout']);
      const second = await as(w.agent).get(
        `/api/v1/projects?q=rollout&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      );
      expect(second.body.items.map((p: { name: string }) => p.name)).toEqual(['Beta rollout']);
      expect(second.body.nextCursor).toBeNull();
      const mine = await as(w.agent).get(`/api/v1/projects?memberId=${w.departmentMember.id}`);
      expect(mine.body.items).toEqual([]);

      const stale = await as(w.admin).patch(`/api/v1/projects/${project.id}`, {
        version: 1,
        name: 'x',
      });
      expect(stale.status).toBe(409);
      expect((await as(w.clientA).get('/api/v1/projects')).status).toBe(403);
    });
  });
});
