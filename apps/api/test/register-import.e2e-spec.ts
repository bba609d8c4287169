import { RegisterImportWorker } from '../src/modules/register-import/index';
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
}

const BOM = '\uFEFF';
const LIMIT = 200_000;

/**
 * CSV import and export of the registers (issue 18): upload, dry run with row errors (nothing
 * kept), import once, re-import by external id updates, `;` and BOM, references between files,
 * export that re-imports with formulas neutralized, visibility, bad files, one run with two
 * instances.
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
      [3, 'parent', 'not_found'],
      [3, 'status', 'invalid_status'],
      [3, 'installed_on', 'invalid_date'],
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
});
