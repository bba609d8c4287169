import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

// pdf-parse 1.x is CommonJS without types; its lib entry skips the package's debug self-test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (
  data: Buffer,
  options?: { pagerender?: (page: PdfPage) => Promise<string> },
) => Promise<{ text: string; numpages: number }>;

interface PdfPage {
  getTextContent: () => Promise<{ items: { str: string }[] }>;
}

/** The text of each page apart (pdf-parse joins them). */
async function pagesOf(pdf: Buffer): Promise<string[]> {
  const pages: string[] = [];
  await pdfParse(pdf, {
    pagerender: async (page) => {
      const text = (await page.getTextContent()).items
        .map((i) => i.str)
        .join(' ')
        .replace(/\s+/g, ' ');
      pages.push(text);
      return text;
    },
  });
  return pages;
}

interface Attachment {
  id: string;
  fileName: string;
  internal: boolean;
  contentType: string;
}

/**
 * Issue 18, the service protocol: a ticket printed as a PDF with embedded fonts, read back with a
 * PDF parser in Russian and Czech: the installation's company details, times in its zone, the
 * billed work with totals (internal work never), public replies only; staff only; a long work
 * table over pages; the stored copy follows whether clients see billed work.
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
  const post = (who: Persona, path: string, body: object) =>
    t.http().post(`/api/v1${path}`).set('Authorization', bearer(who)).send(body);
  const logWork = async (id: string, body: object) => {
    const res = await post(w.dispatcher, `/tickets/${id}/work-entries`, body);
    expect(res.status).toBe(201);
  };
  const setting = async (path: string, body: object) => {
    const current = await t.http().get(`/api/v1${path}`).set('Authorization', bearer(w.admin));
    const res = await t
      .http()
      .put(`/api/v1${path}`)
      .set('Authorization', bearer(w.admin))
      .send({ version: (current.body as { version: number }).version, ...body });
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>;
  };
  let diagnosis: string;

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
    // 21:30 UTC on 1 March is 00:30 on 2 March in Moscow: the protocol prints the latter.
    await t.db.query(`UPDATE tickets SET created_at = '2026-03-01T21:30:00Z' WHERE id = $1`, [
      ticketId,
    ]);
    await setting('/admin/installation-settings', {
      companyName: 'ООО «Тепло-Сервис»',
      legalName: 'Общество с ограниченной ответственностью «Тепло-Сервис»',
      address: 'Москва, ул. Ленина, 1',
      taxId: '7701234567',
      registrationId: '1027700000001',
      phone: '+7 495 000-00-00',
      email: 'service@teplo.example',
      currency: 'RUB',
      timeZone: 'Europe/Moscow',
    });
    const billingItem = async (name: string, ru: string, unit: string, price: number) => {
      const res = await post(w.admin, '/billing-items', { name, names: { ru }, unit, price });
      expect(res.status).toBe(201);
      return (res.body as { id: string }).id;
    };
    diagnosis = await billingItem('Boiler diagnosis', 'Диагностика котла', 'h', 1500);
    const sensor = await billingItem('Pressure sensor', 'Датчик давления', 'pcs', 2400.5);
    // 1.5 h × 1500 + 1 × 2400.50 = 4650.50; the warranty hour and the internal entry add nothing.
    await logWork(ticketId, {
      billingItemId: diagnosis,
      durationSeconds: 5400,
      workDate: '2026-03-02',
      kind: 'billable',
      description: 'Проверка горелки',
    });
    await logWork(ticketId, {
      billingItemId: sensor,
      durationSeconds: 600,
      quantityDone: 1,
      quantityBilled: 1,
      kind: 'billable',
      description: 'Замена датчика',
    });
    await logWork(ticketId, {
      billingItemId: diagnosis,
      durationSeconds: 3600,
      kind: 'warranty',
      description: 'Гарантийная настройка',
    });
    await logWork(ticketId, {
      durationSeconds: 7200,
      kind: 'internal',
      description: 'INTERNAL-ONLY travel planning',
    });
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
    // The provider from the installation's company details.
    expect(text).toContain('ООО «Тепло-Сервис»');
    expect(text).toContain('ИНН: 7701234567');
    expect(text).toContain('ОГРН: 1027700000001');
    expect(text).toContain('Москва, ул. Ленина, 1');
    expect(text).toContain('service@teplo.example');
    // Times in the installation's zone, which the protocol names.
    expect(text).toMatch(/Создана: 02\.03\.2026,? 00:30/);
    expect(text).toContain('Europe/Moscow (GMT+03:00)');
    // The billed work in Russian: item names, billed quantities, prices, sums and totals.
    expect(text).toContain('Диагностика котла — Проверка горелки');
    expect(text).toMatch(/1,5 ?h ?1 500,00 ?2 250,00/);
    expect(text).toContain('Датчик давления — Замена датчика');
    expect(text).toMatch(/1 ?pcs ?2 400,50 ?2 400,50/);
    expect(text).toContain('Гарантийные работы, без оплаты');
    expect(text).toMatch(/Время к оплате ?1,67 ч/);
    expect(text).toMatch(/Гарантийные работы \(без оплаты\) ?1 ч/);
    expect(text).toMatch(/Итого ?4 650,50 RUB/);
    expect(text).not.toContain('INTERNAL-ONLY');
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
    expect(text).toContain('Boiler diagnosis');
    expect(text).toContain('Záruční práce, bez úhrady');
    expect(text).toMatch(/Celkem ?4 650,50 RUB/);
    expect(text).toContain('IČO: 1027700000001');
    expect(text).not.toContain('INTERNAL-ONLY');
  });

  it('paginates a long work table: the header on every page, no row split across pages', async () => {
    const created = await post(w.dispatcher, '/tickets', {
      subject: 'Годовое обслуживание',
      organizationId: w.orgA.id,
      requesterId: w.clientA.id,
      groupId: w.group.id,
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const filler = 'работы по регламенту '.repeat(6);
    for (let i = 1; i <= 45; i++) {
      const n = String(i).padStart(2, '0');
      await logWork(id, {
        billingItemId: diagnosis,
        durationSeconds: 1800,
        workDate: '2026-03-02',
        description: `BEGIN-${n} ${filler}END-${n}`,
      });
    }
    // A warranty entry longer than a row may hold keeps its mark; 300 short lines fit one row.
    await logWork(id, {
      billingItemId: diagnosis,
      durationSeconds: 1800,
      kind: 'warranty',
      description: `LONG-WARRANTY ${'гарантийная регулировка '.repeat(30)}`,
    });
    await logWork(id, {
      billingItemId: diagnosis,
      durationSeconds: 1800,
      description: `LINES-BEGIN\n${Array.from({ length: 300 }, (_, i) => `шаг${i}`).join('\n')}`,
    });
    const res = await download(w.dispatcher, id, 'ru');
    expect(res.status).toBe(200);
    const pages = await pagesOf(res.body as Buffer);
    const longRow = pages.find((p) => p.includes('LONG-WARRANTY')) ?? '';
    expect(longRow).toMatch(/(…|\.\.\.)\s*Гарантийные работы, без оплаты/);
    // Every page holding rows of the table repeats its header.
    const tablePages = pages.filter((p) => /BEGIN-|LONG-WARRANTY|шаг\d/.test(p));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    for (const page of tablePages) expect(page).toMatch(/Дата Работа Кол-во Ед\. Цена Сумма/);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const pageOf = (marker: string) => pages.findIndex((p) => p.includes(marker));
    for (let i = 1; i <= 45; i++) {
      const n = String(i).padStart(2, '0');
      // A row's first and last words on the same page.
      expect({ row: n, page: pageOf(`END-${n}`) }).toEqual({ row: n, page: pageOf(`BEGIN-${n}`) });
    }
    // The 300-line entry is one row on one page (cut to twelve lines): no step spills over.
    expect(pages.findIndex((p) => p.includes('шаг'))).toBe(pageOf('LINES-BEGIN'));
    expect(pages.filter((p) => p.includes('шаг')).length).toBe(1);
    const withRows = pages.filter((p) => p.includes('BEGIN-'));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const page of withRows) expect(page).toMatch(/Кол-во Ед\. Цена Сумма/);
    expect(pages.slice(1).some((p) => p.includes('Выполненные работы (продолжение)'))).toBe(true);
    // Each page says which of how many it is.
    pages.forEach((p, i) => expect(p).toContain(`стр. ${i + 1} / ${pages.length}`));
    // 46 billable × 0.5 h × 1500 (the warranty half hour is free).
    expect(pages.join(' ')).toMatch(/Итого ?34 500,00 RUB/);
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

  it('stores a copy that follows whether clients see billed work, never leaking an internal one', async () => {
    const store = (query: string, who: Persona = w.dispatcher) =>
      t
        .http()
        .post(`/api/v1/tickets/${ticketId}/protocol/attachments?${query}`)
        .set('Authorization', bearer(who));
    const get = (who: Persona, path: string) =>
      t.http().get(`/api/v1${path}`).set('Authorization', bearer(who));
    const clientReach = async (id: string) => ({
      listed: (
        (await get(w.clientA, `/tickets/${ticketId}/attachments`)).body as {
          items: Attachment[];
        }
      ).items.some((a) => a.id === id),
      meta: (await get(w.clientA, `/attachments/${id}`)).status,
      content: (await get(w.clientA, `/attachments/${id}/content`)).status,
      history: JSON.stringify((await get(w.clientA, `/tickets/${ticketId}/history`)).body).includes(
        id,
      ),
    });
    const hidden = { listed: false, meta: 404, content: 404, history: false };
    const rows = async () =>
      Number(
        (
          (await t.db.query('SELECT count(*)::int AS n FROM attachments WHERE ticket_id = $1', [
            ticketId,
          ])) as { n: number }[]
        )[0].n,
      );

    // Clients do not see billed work (the default): the copy is internal, a public one is 422.
    const internal = await store('lang=ru');
    expect(internal.status).toBe(201);
    expect(internal.body).toMatchObject({ internal: true });
    const id = (internal.body as { id: string }).id;
    const file = (
      (await get(w.dispatcher, `/tickets/${ticketId}/attachments`)).body as {
        items: Attachment[];
      }
    ).items.find((a) => a.id === id);
    expect(file).toMatchObject({ internal: true, contentType: 'application/pdf' });
    expect(file?.fileName).toMatch(/^Протокол сервисного обслуживания \d+ ru\.pdf$/);
    expect(await clientReach(id)).toEqual(hidden);
    const before = await rows();
    const refused = await store('lang=ru&internal=false');
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((refused.body as { errors: { field: string }[] }).errors[0].field).toBe('internal');
    expect(await rows()).toBe(before);

    // Clients see billed work: the copy is public by default, and the client reads it…
    await setting('/work-log/settings', { clientsSeeBilled: true });
    try {
      const shared = await store('lang=cs');
      expect(shared.status).toBe(201);
      expect(shared.body).toMatchObject({ internal: false });
      const sharedId = (shared.body as { id: string }).id;
      expect(await clientReach(sharedId)).toEqual({
        listed: true,
        meta: 200,
        content: 200,
        history: true,
      });
      // What the client reads is their view of the work: billed quantities, no prices or sums.
      const content = await t
        .http()
        .get(`/api/v1/attachments/${sharedId}/content`)
        .set('Authorization', bearer(w.clientA))
        .buffer(true)
        .parse(binary);
      const text = (await pdfParse(content.body as Buffer)).text.replace(/\s+/g, ' ');
      expect(text).toContain('Boiler diagnosis — Проверка горелки');
      expect(text).toContain('Záruční práce, bez úhrady');
      expect(text).toMatch(/Fakturovaný čas ?1,67 h/);
      for (const staffOnly of [
        'Cena',
        'Částka',
        'Celkem',
        '1 500,00',
        '2 250,00',
        '2 400,50',
        'RUB',
      ]) {
        expect({ staffOnly, found: text.includes(staffOnly) }).toEqual({ staffOnly, found: false });
      }
      // …unless the agent keeps it internal.
      const kept = await store('lang=cs&internal=true');
      expect(kept.status).toBe(201);
      expect(kept.body).toMatchObject({ internal: true });
      expect(await clientReach((kept.body as { id: string }).id)).toEqual(hidden);
      expect((await store('lang=cs&internal=maybe')).status).toBe(400);
    } finally {
      await setting('/work-log/settings', { clientsSeeBilled: false });
    }
  });

  it('keeps the company details and time zone as an admin setting (422, 409, 403)', async () => {
    const put = (who: Persona, body: object) =>
      t
        .http()
        .put('/api/v1/admin/installation-settings')
        .set('Authorization', bearer(who))
        .send(body);
    const current = await t
      .http()
      .get('/api/v1/admin/installation-settings')
      .set('Authorization', bearer(w.admin));
    expect(current.status).toBe(200);
    const version = (current.body as { version: number }).version;
    expect(current.body).toMatchObject({
      companyName: 'ООО «Тепло-Сервис»',
      timeZone: 'Europe/Moscow',
    });
    const zone = await put(w.admin, { version, timeZone: 'Mars/Olympus' });
    expect(zone.status).toBe(422);
    expect((zone.body as { errors: { field: string }[] }).errors[0].field).toBe('timeZone');
    expect((await put(w.admin, { version, currency: 'rubles' })).status).toBe(400);
    expect((await put(w.admin, { version, email: 'not mail' })).status).toBe(400);
    expect((await put(w.admin, { version, logo: 'x' })).status).toBe(400);
    expect((await put(w.dispatcher, { version, phone: '1' })).status).toBe(403);
    const ok = await put(w.admin, { version, phone: ' +7 495 111-11-11 ' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      phone: '+7 495 111-11-11',
      taxId: '7701234567',
      version: version + 1,
    });
    const stale = await put(w.admin, { version, phone: '2' });
    expect(stale.status).toBe(409);
  });
});
