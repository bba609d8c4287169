import { randomUUID } from 'node:crypto';
import {
  checkEquipmentTree,
  EQUIPMENT_TREE_STAGE,
  stageParents,
} from '../src/modules/register-import/equipment-parents';
import {
  DRY_RUN_KEPT_MS,
  RegisterImportExpiry,
  RegisterImportWorker,
} from '../src/modules/register-import/index';
import { AttachmentStorage } from '../src/modules/tickets/index';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

interface Job {
  id: string;
  mode: string;
  state: string;
  delimiter: string;
  rowsDone: number;
  createdCount: number;
  updatedCount: number;
  errorCount: number;
  errors: { row: number; column: string; code: string }[];
  createdAt: string;
  expiresAt: string | null;
}

const BOM = '\uFEFF';
const LIMIT = 200_000;

/**
 * CSV import and export of the registers (issue 18): upload, dry run with row errors (nothing
 * kept), import once, re-import by external id updates, `;` and BOM, references between files,
 * export that re-imports with formulas neutralized, visibility, bad files, one run with two
 * instances; equipment custom fields, parents in any order, cycles and depth, dry runs expiring.
 */
describe('register import and export', () => {
  let t: TestApp;
  let w: World;
  let worker: RegisterImportWorker;

  const upload = (who: Persona, register: string, csv: string | Buffer, name = 'file.csv') =>
    t
      .http()
      .post(`/api/v1/registers/${register}/imports`)
      .set('Authorization', bearer(who))
      .attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'), {
        filename: name,
        contentType: 'text/csv',
      });
  const job = async (id: string): Promise<Job> => {
    const res = await t
      .http()
      .get(`/api/v1/register-imports/${id}`)
      .set('Authorization', bearer(w.admin));
    expect(res.status).toBe(200);
    return res.body as Job;
  };
  /** Uploads, runs the dry run, and (when clean and asked) the import; returns the last state. */
  const importFile = async (register: string, csv: string, run = true): Promise<Job> => {
    const res = await upload(w.admin, register, csv);
    expect(res.status).toBe(201);
    await worker.runDue();
    const dry = await job(res.body.id);
    expect(dry).toMatchObject({ mode: 'dry_run', state: 'done' });
    if (!run || dry.errorCount > 0) return dry;
    const started = await t
      .http()
      .post(`/api/v1/register-imports/${dry.id}/import`)
      .set('Authorization', bearer(w.admin));
    expect(started.status).toBe(200);
    await worker.runDue();
    return job(dry.id);
  };
  const exportCsv = async (who: Persona, register: string, query = ''): Promise<string> => {
    const res = await t
      .http()
      .get(`/api/v1/registers/${register}/export${query}`)
      .set('Authorization', bearer(who))
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => cb(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    return res.body as string;
  };
  const count = async (table: string, where = 'TRUE'): Promise<number> => {
    const [{ n }] = (await t.db.query(
      `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
    )) as {
      n: number;
    }[];
    return n;
  };

  beforeAll(async () => {
    t = await startTestApp({ attachmentMaxBytes: LIMIT });
    w = await buildWorld(t);
    worker = t.app.get(RegisterImportWorker);
    await t.db.query(`INSERT INTO equipment_types (name) VALUES ('Printer'), ('Tray')`);
  });
  afterAll(() => t.close());

  it('dry-runs a `;` file with a BOM: row errors by row and column, nothing kept', async () => {
    const csv =
      `${BOM}external_id;name;email;tax_id\r\n` +
      'ORG-1;Acme s.r.o.;office@acme.cz;CZ123\r\n' +
      ';No id;;\r\n' +
      'ORG-3;;bad-address;\r\n' +
      'ORG-1;Twice;;\r\n';
    const dry = await importFile('organizations', csv, false);
    expect(dry.delimiter).toBe(';');
    expect(dry.rowsDone).toBe(4);
    expect(dry.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'external_id', 'required'],
      [5, 'external_id', 'duplicate'],
      [4, 'email', 'invalid_email'],
      [4, 'name', 'required'],
    ]);
    expect(dry.errorCount).toBe(4);
    expect(await count('organizations', `name = 'Acme s.r.o.'`)).toBe(0);
    const refused = await t
      .http()
      .post(`/api/v1/register-imports/${dry.id}/import`)
      .set('Authorization', bearer(w.admin));
    expect(refused.status).toBe(409);
  });

  it('imports once, and a re-import by external id updates instead of adding', async () => {
    const first = await importFile(
      'organizations',
      'external_id,name,email\nORG-1,Acme,office@acme.cz\nORG-2,"Beta, a.s.",\n',
    );
    expect(first).toMatchObject({
      mode: 'import',
      state: 'done',
      createdCount: 2,
      updatedCount: 0,
    });
    // The imported file is not kept in the store.
    const [{ file_key: key }] = (await t.db.query(
      'SELECT file_key FROM register_imports WHERE id = $1',
      [first.id],
    )) as { file_key: string }[];
    await expect(t.app.get(AttachmentStorage).open(key)).rejects.toThrow();
    const again = await t
      .http()
      .post(`/api/v1/register-imports/${first.id}/import`)
      .set('Authorization', bearer(w.admin));
    expect(again.status).toBe(409);
    await worker.runDue();
    expect(await count('organizations', `name IN ('Acme', 'Beta, a.s.')`)).toBe(2);

    const second = await importFile('organizations', 'external_id,name\nORG-1,Acme Ltd\n');
    expect(second).toMatchObject({ state: 'done', createdCount: 0, updatedCount: 1 });
    expect(await count('organizations', `name = 'Acme Ltd'`)).toBe(1);
    expect(await count('organizations', `name = 'Acme'`)).toBe(0);
  });

  it('links contacts, objects and equipment to earlier files by external id', async () => {
    const contacts = await importFile(
      'contacts',
      'external_id,organization,name,email\nC-1,ORG-1,Jana Nováková,jana@acme.cz\n',
    );
    expect(contacts).toMatchObject({ state: 'done', createdCount: 1 });
    const [contact] = (await t.db.query(`SELECT role FROM users WHERE email = 'jana@acme.cz'`)) as {
      role: string;
    }[];
    expect(contact.role).toBe('client');

    const objects = await importFile(
      'service_objects',
      'external_id,organization,name,address,contact\n' +
        'OBJ-1,ORG-1,Head office,"Na Příkopě 1\nPraha",C-1\n' +
        'OBJ-2,ORG-2,Branch,,C-1\n',
      false,
    );
    // The contact is of ORG-1: an object of ORG-2 cannot have them.
    expect(objects.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'contact', 'other_organization'],
    ]);
    const clean = await importFile(
      'service_objects',
      'external_id,organization,name,address,contact\nOBJ-1,ORG-1,Head office,"Na Příkopě 1\nPraha",C-1\n',
    );
    expect(clean).toMatchObject({ state: 'done', createdCount: 1 });
    const [object] = (await t.db.query(
      `SELECT address FROM service_objects WHERE name = 'Head office'`,
    )) as { address: string }[];
    expect(object.address).toBe('Na Příkopě 1\nPraha');

    const items = await importFile(
      'equipment',
      'external_id,organization,type,service_object,parent,model,serial_number,installed_on,status\n' +
        'EQ-1,ORG-1,printer,OBJ-1,,"=HYPERLINK(""http://x"")",SN-1,31.12.2025,\n' +
        'EQ-2,ORG-1,Tray,OBJ-1,EQ-1,Tray 2,SN-2,2026-01-15,in_service\n',
    );
    expect(items).toMatchObject({ state: 'done', createdCount: 2, errorCount: 0 });
    const rows = (await t.db.query(
      `SELECT e.serial_number, e.installed_on::text, p.serial_number AS parent
         FROM equipment_items e LEFT JOIN equipment_items p ON p.id = e.parent_id
        ORDER BY e.serial_number`,
    )) as { serial_number: string; installed_on: string; parent: string | null }[];
    expect(rows).toEqual([
      { serial_number: 'SN-1', installed_on: '2025-12-31', parent: null },
      { serial_number: 'SN-2', installed_on: '2026-01-15', parent: 'SN-1' },
    ]);

    const bad = await importFile(
      'equipment',
      'external_id,organization,type,service_object,parent,installed_on,status\n' +
        'EQ-3,ORG-2,Printer,OBJ-1,,,\n' +
        'EQ-4,ORG-1,Scanner,,EQ-9,2026-02-30,broken\n',
      false,
    );
    expect(bad.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'service_object', 'other_organization'],
      [3, 'type', 'not_found'],
      [3, 'status', 'invalid_status'],
      [3, 'installed_on', 'invalid_date'],
      // Parents are resolved once the whole file is read: their errors come after the row's own.
      [3, 'parent', 'not_found'],
    ]);
  });

  it('exports in the import columns with formulas neutralized, and the export re-imports as updates', async () => {
    const csv = await exportCsv(w.admin, 'equipment', '?delimiter=semicolon');
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'external_id;organization;type;service_object;parent;manufacturer;model;serial_number;inventory_number;installed_on;warranty_until;status',
    );
    expect(lines).toContain(
      `EQ-1;ORG-1;Printer;OBJ-1;;;"'=HYPERLINK(""http://x"")";SN-1;;2025-12-31;;in_service`,
    );
    expect(lines).toContain('EQ-2;ORG-1;Tray;OBJ-1;EQ-1;;Tray 2;SN-2;;2026-01-15;;in_service');

    const again = await importFile('equipment', csv);
    expect(again).toMatchObject({ state: 'done', createdCount: 0, updatedCount: 2, errorCount: 0 });
    const [model] = (await t.db.query(
      `SELECT model FROM equipment_items WHERE serial_number = 'SN-1'`,
    )) as { model: string }[];
    expect(model.model).toBe('=HYPERLINK("http://x")');
  });

  it('exports what the lists show: a client contact their own organization only', async () => {
    const [{ id: typeId }] = (await t.db.query(
      `SELECT id FROM equipment_types WHERE name = 'Printer'`,
    )) as { id: string }[];
    await t.db.query(
      `INSERT INTO equipment_items (type_id, organization_id, serial_number) VALUES ($1, $2, 'A-1'), ($1, $3, 'B-1')`,
      [typeId, w.orgA.id, w.orgB.id],
    );
    const mine = await exportCsv(w.clientA, 'equipment');
    expect(mine).toContain(',A-1,');
    expect(mine).not.toContain('B-1');
    expect(mine).not.toContain('SN-1');
    const orgs = await exportCsv(w.clientA, 'organizations');
    expect(orgs.trim().split('\r\n')).toHaveLength(2);
    const all = await exportCsv(w.admin, 'equipment');
    expect(all).toContain('B-1');
  });

  it('refuses bad files and callers: 400, 403, 413, 422, with nothing stored', async () => {
    const before = await count('register_imports');
    expect((await upload(w.admin, 'tickets', 'a\n1\n')).status).toBe(400);
    expect((await upload(w.dispatcher, 'organizations', 'external_id,name\n')).status).toBe(403);
    expect((await upload(w.clientA, 'organizations', 'external_id,name\n')).status).toBe(403);
    const header = await upload(w.admin, 'equipment', 'external_id;serial;name\nX;1;2\n');
    expect(header.status).toBe(422);
    expect(header.headers['content-type']).toMatch(/problem\+json/);
    expect(
      (header.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort(),
    ).toEqual(['name', 'organization', 'serial', 'type']);
    expect((await upload(w.admin, 'equipment', '')).status).toBe(422);
    const big = await upload(
      w.admin,
      'organizations',
      `external_id,name\n${'x,y\n'.repeat(LIMIT / 4 + 10)}`,
    );
    expect(big.status).toBe(413);
    expect(await count('register_imports')).toBe(before);
  });

  it('runs a job once when two instances look for work at the same time', async () => {
    const res = await upload(w.admin, 'organizations', 'external_id,name\nORG-9,Gamma\n');
    expect(res.status).toBe(201);
    const other = await t.secondInstance();
    await Promise.all([worker.runDue(), other.get(RegisterImportWorker).runDue()]);
    const dry = await job(res.body.id);
    expect(dry).toMatchObject({ state: 'done', createdCount: 1, rowsDone: 1 });
    await t
      .http()
      .post(`/api/v1/register-imports/${dry.id}/import`)
      .set('Authorization', bearer(w.admin));
    const runs = await Promise.all([worker.runDue(), other.get(RegisterImportWorker).runDue()]);
    expect(runs[0] + runs[1]).toBe(1);
    expect(await count('organizations', `name = 'Gamma'`)).toBe(1);
  });
  const errorsOf = (j: Job) => j.errors.map((e) => [e.row, e.column, e.code]);

  it('checks equipment custom fields as the API does: required, kinds, options, ids', async () => {
    const [{ id: ownerId }] = (await t.db.query(
      `SELECT id FROM users WHERE email = 'jana@acme.cz'`,
    )) as { id: string }[];
    const field = (key: string, kind: string, extra: Record<string, unknown> = {}) => ({
      key,
      name: { en: key },
      kind,
      required: false,
      clientVisible: false,
      options: [],
      active: true,
      ...extra,
    });
    const options = (...values: string[]) =>
      values.map((value) => ({ value, name: { en: value } }));
    await t.db.query(`INSERT INTO equipment_types (name, fields) VALUES ('Sensor', $1::jsonb)`, [
      JSON.stringify([
        field('range', 'number', { required: true, clientVisible: true }),
        field('mode', 'select', { options: options('auto', 'manual') }),
        field('zones', 'multi_select', { options: options('a', 'b') }),
        field('calibrated', 'checkbox'),
        field('checked_on', 'date'),
        field('owner', 'user'),
        field('old', 'text', { active: false }),
      ]),
    ]);
    // A column that is no field of any type is refused with the header.
    const header = await upload(w.admin, 'equipment', 'external_id,organization,type,field.nope\n');
    expect(header.status).toBe(422);
    expect((header.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'field.nope',
    ]);
    const cols =
      'external_id;organization;type;field.range;field.mode;field.zones;field.calibrated;field.checked_on;field.owner;field.old\n';
    const dry = await importFile(
      'equipment',
      cols +
        `S-1;ORG-1;Sensor;12,5;auto;a|b;ano;31.01.2026;${ownerId};\n` +
        'S-2;ORG-1;Sensor;;;;;;;\n' +
        'S-3;ORG-1;Sensor;many;turbo;a|c;maybe;2026-02-30;;\n' +
        `S-4;ORG-1;Sensor;1;;;;;${w.orgA.id};\n` +
        'S-5;ORG-1;Printer;5;;;;;;x\n',
      false,
    );
    expect(errorsOf(dry)).toEqual([
      [3, 'field.range', 'required'],
      [4, 'field.range', 'invalid_value'],
      [4, 'field.mode', 'invalid_value'],
      [4, 'field.zones', 'invalid_value'],
      [4, 'field.calibrated', 'invalid_value'],
      [4, 'field.checked_on', 'invalid_value'],
      [5, 'field.owner', 'not_found'],
      [6, 'field.range', 'not_a_field'],
      [6, 'field.old', 'not_a_field'],
    ]);
    expect(dry.createdCount).toBe(1);

    const done = await importFile(
      'equipment',
      cols + `S-1;ORG-1;Sensor;12,5;auto;a|b;ano;31.01.2026;${ownerId};\n`,
    );
    expect(done).toMatchObject({ state: 'done', createdCount: 1, errorCount: 0 });
    const stored = async () =>
      (
        (await t.db.query(`SELECT custom_fields FROM equipment_items e
            JOIN register_external_ids x ON x.row_id = e.id AND x.external_id = 'S-1'`)) as {
          custom_fields: Record<string, unknown>;
        }[]
      )[0].custom_fields;
    expect(await stored()).toEqual({
      range: 12.5,
      mode: 'auto',
      zones: ['a', 'b'],
      calibrated: true,
      checked_on: '2026-01-31',
      owner: ownerId,
    });
    // An update changes the columns the file has: an empty cell clears, a missing column keeps.
    const update = await importFile(
      'equipment',
      'external_id,organization,type,field.mode\nS-1,ORG-1,Sensor,\n',
    );
    expect(update).toMatchObject({ state: 'done', updatedCount: 1 });
    expect(await stored()).toMatchObject({ range: 12.5, zones: ['a', 'b'] });
    expect(await stored()).not.toHaveProperty('mode');
    // Emptying a required field is refused, as PATCH refuses it.
    const emptied = await importFile(
      'equipment',
      'external_id,organization,type,field.range\nS-1,ORG-1,Sensor,\n',
      false,
    );
    expect(errorsOf(emptied)).toEqual([[2, 'field.range', 'required']]);

    // The export writes the active fields' columns; it re-imports as updates without an error.
    const [{ id: sensorId }] = (await t.db.query(
      `SELECT id FROM equipment_types WHERE name = 'Sensor'`,
    )) as { id: string }[];
    await t.db.query(
      `INSERT INTO equipment_items (type_id, organization_id, serial_number, custom_fields)
       VALUES ($1, $2, 'CV-1', '{"range": 7, "mode": "manual"}')`,
      [sensorId, w.orgA.id],
    );
    const csv = await exportCsv(w.admin, 'equipment');
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(
      /,status,field\.calibrated,field\.checked_on,field\.mode,field\.owner,field\.range,field\.zones$/,
    );
    expect(lines.find((l) => l.startsWith('S-1,'))).toMatch(
      new RegExp(`,true,2026-01-31,,${ownerId},12.5,a\\|b$`),
    );
    const again = await importFile('equipment', csv);
    expect(again).toMatchObject({ state: 'done', errorCount: 0, createdCount: 0 });
    expect(await stored()).toMatchObject({ range: 12.5, zones: ['a', 'b'], calibrated: true });
    // A client's export has the fields they see only: no staff-only column, no hidden value.
    const mine = (await exportCsv(w.clientA, 'equipment')).slice(1).trim().split('\r\n');
    expect(mine[0]).toMatch(/,status,field\.range$/);
    expect(mine.find((l) => l.includes(',CV-1,'))).toMatch(/,7$/);
    expect(mine.join('\n')).not.toContain('manual');
  });

  it('takes parents in any order and refuses cycles and chains deeper than five levels', async () => {
    const cols = 'external_id,organization,type,parent\n';
    // Components first, their parents after them; one chain of exactly five levels.
    const first = await importFile(
      'equipment',
      cols +
        'T-5,ORG-1,Tray,T-4\nT-4,ORG-1,Tray,T-3\nT-3,ORG-1,Tray,T-2\nT-2,ORG-1,Tray,T-1\n' +
        'T-1,ORG-1,Printer,\nR-2,ORG-1,Tray,R-1\nR-1,ORG-1,Printer,\nK-2,ORG-1,Tray,K-1\n' +
        'K-1,ORG-1,Printer,\n',
    );
    expect(first).toMatchObject({ state: 'done', createdCount: 9, errorCount: 0 });
    const depth = (await t.db.query(
      `WITH RECURSIVE up AS (
         SELECT e.id, e.parent_id, 1 AS level FROM equipment_items e
           JOIN register_external_ids x ON x.row_id = e.id AND x.external_id = 'T-5'
         UNION ALL
         SELECT e.id, e.parent_id, up.level + 1 FROM equipment_items e JOIN up ON e.id = up.parent_id)
       SELECT max(level)::int AS levels FROM up`,
    )) as { levels: number }[];
    expect(depth[0].levels).toBe(5);

    const bad = await importFile(
      'equipment',
      cols +
        // A sixth level, under the chain's last item.
        'T-6,ORG-1,Tray,T-5\n' +
        // A top item under its own component.
        'R-1,ORG-1,Printer,R-2\n' +
        // Two new rows that name each other.
        'C-1,ORG-1,Tray,C-2\nC-2,ORG-1,Tray,C-1\n' +
        // Unknown, of another organization, in error itself (its parent is still said).
        'U-1,ORG-1,Tray,NOPE\nU-2,ORG-2,Tray,T-2\nU-3,ORG-1,Nothing,NOPE\n' +
        // An item with a component (not in the file) moved under the chain's fourth level.
        'K-1,ORG-1,Printer,T-4\n',
      false,
    );
    expect(errorsOf(bad)).toEqual([
      [2, 'parent', 'too_deep'],
      [3, 'parent', 'cycle'],
      [4, 'parent', 'cycle'],
      [5, 'parent', 'cycle'],
      [6, 'parent', 'not_found'],
      [7, 'parent', 'other_organization'],
      [8, 'type', 'not_found'],
      [8, 'parent', 'not_found'],
      [9, 'parent', 'too_deep'],
    ]);
    // Only the rows without an error count as would-be writes.
    expect(bad).toMatchObject({ createdCount: 0, updatedCount: 0 });
    // Nothing moved: the dry run rolled back.
    const top = (await t.db.query(
      `SELECT e.parent_id FROM equipment_items e
         JOIN register_external_ids x ON x.row_id = e.id AND x.external_id IN ('R-1', 'K-1')`,
    )) as { parent_id: string | null }[];
    expect(top).toEqual([{ parent_id: null }, { parent_id: null }]);

    // Pass two keeps what pass one left of the cap: two unknown parents fill it, the cycle of
    // R-1 under its own component is counted but not kept (checked in a rolled-back transaction).
    const capped = await t.db
      .transaction(async (em) => {
        const [r1] = (await em.query(
          `SELECT e.id, e.organization_id AS org FROM equipment_items e
             JOIN register_external_ids x ON x.row_id = e.id AND x.external_id = 'R-1'`,
        )) as { id: string; org: string }[];
        await em.query(EQUIPMENT_TREE_STAGE);
        await stageParents(em, [
          { id: r1.id, org: r1.org, row: 2, parent: 'R-2', isNew: false, written: true },
          ...[3, 4].map((row) => ({
            id: randomUUID(),
            org: r1.org,
            row,
            parent: 'NOPE',
            isNew: true,
            written: false,
          })),
        ]);
        const errors = await checkEquipmentTree(em, 2);
        throw Object.assign(new Error('roll back'), { errors });
      })
      .catch((e: { errors?: unknown }) => e.errors);
    expect(capped).toMatchObject({ total: 3, first: [{ row: 3 }, { row: 4 }] });
  });

  it('expires a dry run never imported, once with two instances, and removes its file', async () => {
    const expiry = t.app.get(RegisterImportExpiry);
    const res = await upload(w.admin, 'organizations', 'external_id,name\nORG-7,Delta\n');
    await worker.runDue();
    const dry = await job(res.body.id);
    expect(dry).toMatchObject({ state: 'done', errorCount: 0 });
    expect(Date.parse(dry.expiresAt!) - Date.parse(dry.createdAt)).toBe(DRY_RUN_KEPT_MS);
    // A dry run with errors cannot be imported: its file goes at once.
    const failed = await importFile('organizations', 'external_id,name\nORG-8,\n', false);
    const keyOf = async (id: string) =>
      (
        (await t.db.query('SELECT file_key FROM register_imports WHERE id = $1', [id])) as {
          file_key: string;
        }[]
      )[0].file_key;
    const storage = t.app.get(AttachmentStorage);
    await expect(storage.open(await keyOf(failed.id))).rejects.toThrow();
    const key = await keyOf(dry.id);
    (await storage.open(key)).destroy();

    const start = t.clock.now();
    try {
      t.clock.advance(DRY_RUN_KEPT_MS - 60_000);
      expect(await expiry.sweep()).toBe(0);
      t.clock.advance(120_000);
      // Past its expiresAt and not swept yet: refused by its time all the same.
      const late = await t
        .http()
        .post(`/api/v1/register-imports/${dry.id}/import`)
        .set('Authorization', bearer(w.admin));
      expect(late.status).toBe(409);
      expect(late.body.detail).toMatch(/expired/);
      expect(await job(dry.id)).toMatchObject({ mode: 'dry_run', state: 'done' });
      const other = (await t.secondInstance()).get(RegisterImportExpiry);
      const due = await count(
        'register_imports',
        `mode = 'dry_run' AND state IN ('done', 'failed')`,
      );
      expect(due).toBeGreaterThanOrEqual(2);
      const expired = await Promise.all([expiry.sweep(), other.sweep()]);
      expect(expired[0] + expired[1]).toBe(due);
      expect(await count('register_imports', `state = 'expired' AND id = '${dry.id}'`)).toBe(1);
      expect(await expiry.sweep()).toBe(0);
      await expect(storage.open(key)).rejects.toThrow();
      expect((await job(dry.id)).state).toBe('expired');
      const refused = await t
        .http()
        .post(`/api/v1/register-imports/${dry.id}/import`)
        .set('Authorization', bearer(w.admin));
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toMatch(/expired/);
    } finally {
      t.clock.set(start);
    }
  });
});
