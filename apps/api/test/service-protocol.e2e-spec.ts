import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

// pdf-parse 1.x is CommonJS without types; its lib entry skips the package's debug self-test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (
  data: Buffer,
) => Promise<{ text: string; numpages: number }>;

interface Attachment {
  id: string;
  fileName: string;
  internal: boolean;
  contentType: string;
}

/**
 * Issue 18, the service protocol: a ticket printed as a PDF with embedded fonts, read back with a
 * PDF parser in Russian and Czech; public replies only, staff only, stored as an attachment.
 */
describe('service protocol', () => {
  let t: TestApp;
  let w: World;
  let ticketId: string;
  let hiddenTicketId: string;

  const binary = (
    res: { on: (e: string, f: (c?: Buffer) => void) => void },
    cb: (e: Error | null, b: Buffer) => void,
  ) => {
    const chunks: Buffer[] = [];
    res.on('data', (c?: Buffer) => chunks.push(c as Buffer));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  };
  const download = async (who: Persona, id: string, lang?: string) => {
    const res = await t
      .http()
      .get(`/api/v1/tickets/${id}/protocol${lang ? `?lang=${lang}` : ''}`)
      .set('Authorization', bearer(who))
      .buffer(true)
      .parse(binary);
    return res;
  };
  const textOf = async (who: Persona, lang: string): Promise<string> => {
    const res = await download(who, ticketId, lang);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Embedded, not the standard Helvetica (which has no Cyrillic).
    expect(pdf.includes('DejaVuSans')).toBe(true);
    return (await pdfParse(pdf)).text.replace(/\s+/g, ' ');
  };
  const one = async (sql: string, params: unknown[] = []): Promise<string> =>
    ((await t.db.query(sql, params)) as { id: string }[])[0].id;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const site = await one(
      `INSERT INTO service_objects (organization_id, name, address)
       VALUES ($1, 'Котельная 2', 'Brno, Křižíkova 12') RETURNING id`,
      [w.orgA.id],
    );
    const type = await one(`INSERT INTO equipment_types (name) VALUES ('Boiler') RETURNING id`);
    const item = await one(
      `INSERT INTO equipment_items (type_id, organization_id, service_object_id, manufacturer, model,
                                    serial_number, inventory_number, warranty_until)
       VALUES ($1, $2, $3, 'Viessmann', 'Vitodens 200', 'SN-7781', 'INV-001', '2027-05-31') RETURNING id`,
      [type, w.orgA.id, site],
    );
    const contract = await one(
      `INSERT INTO contracts (organization_id, number, title, status, valid_from, valid_to)
       VALUES ($1, 'ДГ-2026/15', 'Údržba kotlů', 'active', '2025-01-01', '2026-12-31') RETURNING id`,
      [w.orgA.id],
    );
    const created = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', bearer(w.dispatcher))
      .send({
        subject: 'Котёл не греет, žluťoučký kůň',
        description: 'Давление падает до 0,5 бар',
        organizationId: w.orgA.id,
        requesterId: w.clientA.id,
        serviceObjectId: site,
        equipmentId: item,
        contractId: contract,
        groupId: w.group.id,
      });
    expect(created.status).toBe(201);
    ticketId = (created.body as { id: string }).id;
    const comment = (body: string, internal: boolean) =>
      t
        .http()
        .post(`/api/v1/tickets/${ticketId}/comments`)
        .set('Authorization', bearer(w.dispatcher))
        .send({ body, internal })
        .expect(201);
    await comment('Заменён датчик давления; kotel přezkoušen', false);
    await comment('SECRET-NOTE internal margin 40%', true);
    const hidden = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', bearer(w.dispatcher))
      .send({ subject: 'Other group', organizationId: w.orgB.id, groupId: w.otherGroup.id });
    expect(hidden.status).toBe(201);
    hiddenTicketId = (hidden.body as { id: string }).id;
    // Assigned to another agent of another group: out of w.agent's scope (unassigned is in it).
    await t.db.query('UPDATE tickets SET assignee_id = $1 WHERE id = $2', [
      w.otherAgent.id,
      hiddenTicketId,
    ]);
  });
  afterAll(() => t.close());

  it('prints the ticket in Russian with Cyrillic text and its facts, no internal note', async () => {
    const text = await textOf(w.dispatcher, 'ru');
    expect(text).toContain('Протокол сервисного обслуживания');
    expect(text).toContain('Котёл не греет, žluťoučký kůň');
    expect(text).toContain('Давление падает до 0,5 бар');
    expect(text).toContain('Котельная 2');
    expect(text).toContain('Brno, Křižíkova 12');
    expect(text).toContain('Viessmann Vitodens 200');
    expect(text).toContain('SN-7781');
    expect(text).toContain('INV-001');
    expect(text).toContain('31.05.2027');
    expect(text).toContain('ДГ-2026/15');
    expect(text).toContain('Org A');
    expect(text).toContain('Заменён датчик давления');
    expect(text).toContain('От заказчика');
    expect(text).not.toContain('SECRET-NOTE');
  });

  it('prints it in Czech with diacritics and Czech dates', async () => {
    const text = await textOf(w.dispatcher, 'cs');
    expect(text).toContain('Servisní protokol');
    expect(text).toContain('Sériové číslo');
    expect(text).toContain('Za zákazníka');
    expect(text).toContain('Údržba kotlů');
    expect(text).toContain('kotel přezkoušen');
    expect(text).toMatch(/31\. ?05\. ?2027/);
    expect(text).not.toContain('SECRET-NOTE');
  });

  it('refuses a bad language, a client and a ticket the caller may not see', async () => {
    const bad = await download(w.dispatcher, ticketId, 'de');
    expect(bad.status).toBe(400);
    expect((await download(w.clientA, ticketId, 'en')).status).toBe(404);
    expect((await download(w.agent, hiddenTicketId, 'en')).status).toBe(404);
    const store = await t
      .http()
      .post(`/api/v1/tickets/${ticketId}/protocol/attachments?lang=ru`)
      .set('Authorization', bearer(w.clientA));
    expect(store.status).toBe(404);
  });

  it('stores a copy as an internal attachment of the ticket', async () => {
    const res = await t
      .http()
      .post(`/api/v1/tickets/${ticketId}/protocol/attachments?lang=ru`)
      .set('Authorization', bearer(w.dispatcher));
    expect(res.status).toBe(201);
    const stored = res.body as { id: string; internal: boolean };
    expect(stored.internal).toBe(true);
    const list = await t
      .http()
      .get(`/api/v1/tickets/${ticketId}/attachments`)
      .set('Authorization', bearer(w.dispatcher));
    const files = (list.body as { items: Attachment[] }).items;
    const file = files.find((a) => a.id === stored.id);
    expect(file).toMatchObject({ internal: true, contentType: 'application/pdf' });
    expect(file?.fileName).toContain('.pdf');
    const forClient = await t
      .http()
      .get(`/api/v1/tickets/${ticketId}/attachments`)
      .set('Authorization', bearer(w.clientA));
    expect((forClient.body as { items: Attachment[] }).items.map((a) => a.id)).not.toContain(
      stored.id,
    );
  });
});
