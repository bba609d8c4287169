import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { WebFormSweep } from '../src/modules/intake/web-form/web-form-sweep';
import { DeliveryWorker } from '../src/modules/notifications/delivery/delivery-worker';
import { redactUrl } from '../src/common/logging/redact';
import { withFrameAncestors } from '../src/modules/intake/web-form/web-form-framing';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';
import { setRequesterList } from './support/requester-list';

const PUBLIC_URL = 'https://help.example.test';
const HOUR = 3_600_000;

/**
 * The public web form end to end: a real database, a real SMTP server in this process, the
 * confirmation link taken from the mail as the sender would.
 */
describe('web form', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let adminAuth: string;
  let publicType: string;
  let internalType: string;
  let group: string;
  let ipSeq = 0;
  let n = 0;
  const ip = () => `203.0.113.${++ipSeq}`;
  const address = (what: string) => `${what}-${++n}@sender.example.test`;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({
      mailDriver: 'smtp',
      smtpUrl: sink.url,
      smtpEndpoint: { host: '127.0.0.1', port: sink.port, secure: false, user: null },
      mailFrom: 'Relaydesk <support@help.example.test>',
      publicUrl: PUBLIC_URL,
      trustProxy: 1,
      attachmentMaxBytes: 64 * 1024,
    });
    const admin = await t.factory.user({ role: 'admin' });
    adminAuth = `Bearer ${await t.tokenFor(admin.id)}`;
    const types = (await t.db.query(
      `INSERT INTO ticket_types (key, name, is_public, workflow_id)
       SELECT k, n::jsonb, p, (SELECT workflow_id FROM ticket_types WHERE key = 'microclimate')
         FROM (VALUES ('wf-question', '{"en":"Question","cs":"Dotaz","ru":"Вопрос"}', true),
                      ('wf-internal', '{"en":"Internal"}', false)) v(k, n, p)
       RETURNING id, key`,
    )) as { id: string; key: string }[];
    publicType = types.find((r) => r.key === 'wf-question')!.id;
    internalType = types.find((r) => r.key === 'wf-internal')!.id;
    group = (await t.factory.group('Web requests')).id;
    await configure({
      enabled: true,
      typeIds: [publicType],
      defaultGroupId: group,
      minFillSeconds: 3,
      maxPerIpPerHour: 1000,
      maxPerAddressPerHour: 100,
    });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  async function configure(fields: Record<string, unknown>) {
    const current = await t.http().get('/api/v1/admin/web-form').set('Authorization', adminAuth);
    expect(current.status).toBe(200);
    const res = await t
      .http()
      .put('/api/v1/admin/web-form')
      .set('Authorization', adminAuth)
      .send({ version: current.body.version, ...fields });
    return res;
  }

  /** Opens the form (a fresh token) and lets `seconds` pass, as a person filling it in. */
  async function openForm(seconds = 10): Promise<string> {
    const res = await t.http().get('/api/v1/web-form');
    expect(res.status).toBe(200);
    t.clock.advance(seconds * 1000);
    return res.body.formToken as string;
  }

  const submit = (body: Record<string, unknown>, from = ip()) =>
    t.http().post('/api/v1/web-form/submissions').set('X-Forwarded-For', from).send(body);

  async function validBody(email: string, extra: Record<string, unknown> = {}) {
    return {
      email,
      name: 'Jana Nováková',
      subject: 'The printer jams',
      description: 'Every second page jams on the 2nd floor.',
      typeId: publicType,
      formToken: await openForm(),
      ...extra,
    };
  }

  const confirm = (token: string) =>
    t.http().post(`/api/v1/web-form/confirm/${token}`).set('X-Forwarded-For', ip());

  const deliver = () => t.app.get(DeliveryWorker).deliver();

  function linkIn(email: string): string {
    const mails = sink.to(email);
    expect(mails).toHaveLength(1);
    const m = /https:\/\/\S+\/form\/confirm#token=[A-Za-z0-9_-]+/.exec(mails[0].parsed.text ?? '');
    if (!m) throw new Error('no confirmation link in the mail');
    return m[0];
  }
  const tokenOf = (link: string) => link.slice(link.indexOf('#token=') + 7);

  const countRows = async (table: string, where = 'true', params: unknown[] = []) =>
    (
      (await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params)) as {
        n: number;
      }[]
    )[0].n;

  it('offers the public types with their names in every language, and a form token', async () => {
    const res = await t.http().get('/api/v1/web-form');
    expect(res.body).toMatchObject({
      enabled: true,
      types: [{ id: publicType, name: { en: 'Question', cs: 'Dotaz', ru: 'Вопрос' } }],
      maxFiles: 5,
      maxFileBytes: 64 * 1024,
    });
    expect(res.body.formToken).toMatch(/^\d+\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
  });

  it('a new sender confirms by the mailed link: one ticket on channel web_form, a second click files nothing', async () => {
    const email = address('new');
    const res = await t
      .http()
      .post('/api/v1/web-form/submissions')
      .set('X-Forwarded-For', ip())
      // A forged Host must not make its way into the link.
      .set('Host', 'evil.example.net')
      .send({ ...(await validBody(email)), locale: 'cs' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'accepted' });
    expect(await countRows('tickets', `channel = 'web_form'`)).toBe(0);
    expect(await countRows('users', 'email = $1', [email])).toBe(0);

    await deliver();
    const [mail] = sink.to(email);
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.parsed.subject).toBe('Potvrďte svůj požadavek');
    // Nothing the sender typed comes back from our domain: a neutral greeting, "your request".
    expect(mail.parsed.text).not.toContain('The printer jams');
    expect(mail.parsed.text).not.toContain('Jana');
    expect(mail.parsed.html).not.toContain('Jana');
    expect(mail.parsed.text).toContain('Dobrý den,');
    const link = linkIn(email);
    expect(link.startsWith(`${PUBLIC_URL}/form/confirm#token=`)).toBe(true);
    // Only the hash is stored.
    const [stored] = (await t.db.query(
      'SELECT token_hash FROM web_form_submissions WHERE email = $1',
      [email],
    )) as { token_hash: string }[];
    expect(stored.token_hash).not.toContain(tokenOf(link));

    const first = await confirm(tokenOf(link));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ status: 'confirmed', ticketNumber: expect.any(Number) });
    const [ticket] = (await t.db.query(
      `SELECT t.channel, t.subject, t.type_id, t.group_id, u.role, u.organization_id, u.locale
         FROM tickets t JOIN users u ON u.id = t.requester_id WHERE t.number = $1`,
      [first.body.ticketNumber],
    )) as Record<string, unknown>[];
    expect(ticket).toEqual({
      channel: 'web_form',
      subject: 'The printer jams',
      type_id: publicType,
      group_id: group,
      role: 'client',
      organization_id: null,
      locale: 'cs',
    });

    const second = await confirm(tokenOf(link));
    expect(second.status).toBe(200);
    expect(second.body).toEqual({
      status: 'already_confirmed',
      ticketNumber: first.body.ticketNumber,
    });
    expect(
      await countRows(
        'tickets t JOIN users u ON u.id = t.requester_id',
        `u.email = $1 AND t.channel = 'web_form'`,
        [email],
      ),
    ).toBe(1);
  });

  it('two clicks at once, on two API instances, still file one ticket', async () => {
    const email = address('race');
    expect((await submit(await validBody(email))).status).toBe(202);
    await deliver();
    const token = tokenOf(linkIn(email));
    // One click on each of two API instances sharing the database.
    const other = await t.secondInstance();
    const [a, b] = await Promise.all([
      confirm(token),
      request(other.getHttpServer())
        .post(`/api/v1/web-form/confirm/${token}`)
        .set('X-Forwarded-For', ip()),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.status, b.body.status].sort()).toEqual(['already_confirmed', 'confirmed']);
    expect(a.body.ticketNumber).toBe(b.body.ticketNumber);
  });

  it('an unknown or malformed token is 404, an expired one 410 and files nothing', async () => {
    expect((await confirm('A'.repeat(43))).status).toBe(404);
    const malformed = await confirm('not*a*token');
    expect(malformed.status).toBe(404);
    expect(malformed.headers['content-type']).toContain('application/problem+json');

    const email = address('late');
    expect((await submit(await validBody(email))).status).toBe(202);
    await deliver();
    const token = tokenOf(linkIn(email));
    t.clock.advance(49 * HOUR);
    const res = await confirm(token);
    expect(res.status).toBe(410);
    expect(await countRows('users', 'email = $1', [email])).toBe(0);
  });

  it('a filled honeypot is answered like a real request, and nothing is stored or mailed', async () => {
    const email = address('bot');
    const before = await countRows('web_form_submissions');
    const res = await submit(await validBody(email, { website: 'http://spam.example' }));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'accepted' });
    expect(await countRows('web_form_submissions')).toBe(before);
    expect(await countRows('deliveries', 'address = $1', [email])).toBe(0);
    await deliver();
    expect(sink.to(email)).toEqual([]);
  });

  it('a form sent faster than the minimum fill time is 422; a forged form token too', async () => {
    const email = address('fast');
    const quick = await submit({ ...(await validBody(email)), formToken: await openForm(1) });
    expect(quick.status).toBe(422);
    expect(quick.body.detail).toMatch(/too quickly/);
    expect(quick.body.type).toBe('https://relaydesk.dev/problems/web-form-too-fast');
    expect(quick.body.errors).toEqual([{ field: 'formToken', message: expect.any(String) }]);

    const token = await openForm();
    const [issuedAt, nonce, signature] = token.split('.');
    const forged = `${Number(issuedAt) - 60_000}.${nonce}.${signature}`;
    const res = await submit({ ...(await validBody(email)), formToken: forged });
    expect(res.status).toBe(422);
    expect(await countRows('web_form_submissions', 'email = $1', [email])).toBe(0);
  });

  it('bad input is a 400 problem naming the field', async () => {
    const res = await submit({ ...(await validBody('not-an-address')) });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['email']);
    const unknown = await submit({ ...(await validBody(address('x'))), priority: 'urgent' });
    expect(unknown.status).toBe(400);
  });

  it('refuses an internal type, on the form and in the settings', async () => {
    const res = await submit(await validBody(address('internal'), { typeId: internalType }));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'typeId', message: expect.any(String) }]);
    const settings = await configure({ typeIds: [publicType, internalType] });
    expect(settings.status).toBe(422);
    expect(settings.body.errors).toEqual([{ field: 'typeIds.1', message: expect.any(String) }]);
  });

  /** The web_form tickets of a requester, newest first. */
  const webFormTickets = async (requesterId: string) =>
    (await t.db.query(
      `SELECT number::int AS number, organization_id, group_id FROM tickets
          WHERE requester_id = $1 AND channel = 'web_form' ORDER BY number DESC`,
      [requesterId],
    )) as { number: number; organization_id: string; group_id: string }[];

  it('answers a contact’s address exactly like any other: by default the contact confirms by mail too', async () => {
    const settings = await t.http().get('/api/v1/admin/web-form').set('Authorization', adminAuth);
    expect(settings.body.knownContactImmediate).toBe(false);
    const org = await t.factory.organization();
    const contact = await t.factory.user({ role: 'client', organizationId: org.id });
    const stranger = await submit(await validBody(address('stranger')));
    const known = await submit(await validBody(contact.email.toUpperCase()));
    expect(known.status).toBe(202);
    expect(known.body).toEqual(stranger.body);
    expect(known.body).toEqual({ status: 'accepted' });
    expect(await webFormTickets(contact.id)).toEqual([]);
    await deliver();
    const confirmed = await confirm(tokenOf(linkIn(contact.email)));
    expect(confirmed.body.status).toBe('confirmed');
    expect((await webFormTickets(contact.id)).map((r) => r.number)).toEqual([
      confirmed.body.ticketNumber,
    ]);
  });

  it('filing known contacts at once (an admin’s choice) still answers the same; the number comes by the acknowledgement mail', async () => {
    const org = await t.factory.organization();
    const contact = await t.factory.user({ role: 'client', organizationId: org.id });
    expect((await configure({ knownContactImmediate: true })).status).toBe(200);
    try {
      const stranger = await submit(await validBody(address('stranger')));
      const res = await submit(await validBody(contact.email.toUpperCase()));
      expect(res.status).toBe(202);
      expect(res.body).toEqual(stranger.body);
      expect(res.headers['content-length']).toBe(stranger.headers['content-length']);
      const [ticket] = await webFormTickets(contact.id);
      expect(ticket).toEqual({
        number: expect.any(Number),
        organization_id: org.id,
        group_id: group,
      });
      expect(
        await countRows('deliveries', `kind = 'web_form_confirmation' AND address = $1`, [
          contact.email,
        ]),
      ).toBe(0);
      await t.drainNotifications();
      expect(
        await countRows('deliveries', `kind = 'ticket_acknowledged' AND address = $1`, [
          contact.email,
        ]),
      ).toBe(1);
      await deliver();
      const [ack] = sink.to(contact.email);
      expect(`${ack.parsed.subject} ${ack.parsed.text}`).toContain(`${ticket.number}`);
    } finally {
      await configure({ knownContactImmediate: false });
    }
  });

  it('a new sender of a domain an organization allows joins it; a welcome link lets them sign in later', async () => {
    const org = await t.factory.organization();
    await t.db.query(
      `UPDATE organizations SET mail_domains = '{allowed.example.test}' WHERE id = $1`,
      [org.id],
    );
    const email = `new-${++n}@allowed.example.test`;
    expect((await submit(await validBody(email))).status).toBe(202);
    await deliver();
    const confirmed = await confirm(tokenOf(linkIn(email)));
    expect(confirmed.body.status).toBe('confirmed');
    const [ticket] = (await t.db.query(
      `SELECT t.organization_id, u.organization_id AS contact_org FROM tickets t
         JOIN users u ON u.id = t.requester_id WHERE t.number = $1`,
      [confirmed.body.ticketNumber],
    )) as { organization_id: string; contact_org: string }[];
    expect(ticket).toEqual({ organization_id: org.id, contact_org: org.id });
    expect(
      await countRows('deliveries', `kind = 'account_welcome' AND address = $1`, [email]),
    ).toBe(1);
  });

  it('an organization that names its requesters: another contact is not filed at once, and the confirmation refuses', async () => {
    const org = await t.factory.organization();
    const named = await t.factory.user({ role: 'client', organizationId: org.id });
    const other = await t.factory.user({ role: 'client', organizationId: org.id });
    await setRequesterList(t, org.id, true, [{ userId: named.id }]);
    expect((await configure({ knownContactImmediate: true })).status).toBe(200);
    try {
      expect((await submit(await validBody(named.email))).status).toBe(202);
      expect(await webFormTickets(named.id)).toHaveLength(1);
      const held = await submit(await validBody(other.email));
      expect(held.status).toBe(202);
      await deliver();
      const refused = await confirm(tokenOf(linkIn(other.email)));
      expect(refused.status).toBe(422);
      expect(refused.body.detail).toMatch(/only named people file requests/);
      expect(await webFormTickets(other.id)).toEqual([]);
    } finally {
      await configure({ knownContactImmediate: false });
    }
  });

  it('throttles per client address and per e-mail address (429 with RateLimit headers)', async () => {
    expect((await configure({ maxPerIpPerHour: 2 })).status).toBe(200);
    try {
      const from = ip();
      const ok = await submit(await validBody(address('ip')), from);
      expect(ok.status).toBe(202);
      expect(ok.headers['ratelimit-limit']).toBe('2');
      expect((await submit(await validBody(address('ip')), from)).status).toBe(202);
      const refused = await submit(await validBody(address('ip')), from);
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBeDefined();
      expect(refused.headers['ratelimit-remaining']).toBe('0');
      // Another network is not affected.
      expect((await submit(await validBody(address('ip')))).status).toBe(202);
    } finally {
      await configure({ maxPerIpPerHour: 1000 });
    }

    expect((await configure({ maxPerAddressPerHour: 2 })).status).toBe(200);
    try {
      const email = address('addr');
      expect((await submit(await validBody(email))).status).toBe(202);
      expect((await submit(await validBody(email))).status).toBe(202);
      const refused = await submit(await validBody(email));
      expect(refused.status).toBe(429);
      expect(refused.body.detail).toMatch(/e-mail address/);
      t.clock.advance(HOUR + 1000);
      expect((await submit(await validBody(email))).status).toBe(202);
    } finally {
      await configure({ maxPerAddressPerHour: 100 });
    }
  });

  it('never mails one mailbox more than 3 confirmations an hour, however its address is spelled', async () => {
    const local = `bomb-${++n}`;
    const spelled = (s: string) => `${s}@sender.example.test`;
    for (const email of [
      spelled(`${local}+1`),
      spelled(`${local}+2`),
      spelled(local.toUpperCase()),
    ])
      expect((await submit(await validBody(email))).status).toBe(202);
    const fourth = await submit(await validBody(spelled(`${local}+3`)));
    expect(fourth.status).toBe(429);
    expect(
      await countRows('deliveries', `kind = 'web_form_confirmation' AND address ILIKE $1`, [
        `${local}%`,
      ]),
    ).toBe(3);
  });

  it('counts an IPv6 client by its /64', async () => {
    expect((await configure({ maxPerIpPerHour: 2 })).status).toBe(200);
    try {
      const net = `2001:db8:${++ipSeq}:7`;
      expect((await submit(await validBody(address('v6')), `${net}::1`)).status).toBe(202);
      expect((await submit(await validBody(address('v6')), `${net}:ffff::2`)).status).toBe(202);
      expect((await submit(await validBody(address('v6')), `${net}:1:2:3:4`)).status).toBe(429);
      // The neighbouring /64 is someone else.
      expect((await submit(await validBody(address('v6')), `${net}1::1`)).status).toBe(202);
    } finally {
      await configure({ maxPerIpPerHour: 1000 });
    }
  });

  it('a form token serves one submission; a refused one may be corrected and sent again', async () => {
    const formToken = await openForm();
    const wrongType = await submit({
      ...(await validBody(address('once'))),
      typeId: internalType,
      formToken,
    });
    expect(wrongType.status).toBe(422);
    const email = address('once');
    expect((await submit({ ...(await validBody(email)), formToken })).status).toBe(202);
    const again = await submit({ ...(await validBody(address('once'))), formToken });
    expect(again.status).toBe(422);
    expect(again.body.type).toBe('https://relaydesk.dev/problems/web-form-stale');
    expect(again.body.errors).toEqual([{ field: 'formToken', message: 'was already used' }]);
    // Even a day later, within the token's life, from another network.
    t.clock.advance(20 * HOUR);
    expect((await submit({ ...(await validBody(address('once'))), formToken })).status).toBe(422);
  });

  it('is closed (404) while disabled', async () => {
    const body = await validBody(address('closed'));
    expect((await configure({ enabled: false })).status).toBe(200);
    try {
      expect((await t.http().get('/api/v1/web-form')).body).toMatchObject({
        enabled: false,
        types: [],
      });
      expect((await submit(body)).status).toBe(404);
    } finally {
      await configure({ enabled: true });
    }
  });

  it('settings are for admins; the form page may be framed by the allowed origins only', async () => {
    const agent = await t.factory.user({ role: 'agent' });
    const res = await t
      .http()
      .get('/api/v1/admin/web-form')
      .set('Authorization', `Bearer ${await t.tokenFor(agent.id)}`);
    expect(res.status).toBe(403);
    expect((await configure({ allowedOrigins: ['https://www.example.com/path'] })).status).toBe(
      400,
    );
    expect((await configure({ allowedOrigins: ['https://www.example.com'] })).status).toBe(200);

    const page = await t.http().get('/form');
    expect(page.headers['content-security-policy']).toContain(
      "frame-ancestors 'self' https://www.example.com",
    );
    expect(page.headers['x-frame-options']).toBeUndefined();
    const other = await t.http().get('/tickets');
    expect(other.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(other.headers['content-security-policy']).not.toContain('www.example.com');
    expect(other.headers['x-frame-options']).toBe('SAMEORIGIN');

    expect(withFrameAncestors("default-src 'self';frame-ancestors 'self';img-src 'self'", [])).toBe(
      "default-src 'self';img-src 'self';frame-ancestors 'self'",
    );
  });

  /** A multipart submission: the form's fields and `files`. */
  async function submitWithFiles(
    email: string,
    files: { name: string; content: Buffer; type?: string }[],
    extra: Record<string, string> = {},
  ) {
    const body = { ...(await validBody(email)), ...extra } as Record<string, string>;
    let req = t.http().post('/api/v1/web-form/submissions').set('X-Forwarded-For', ip());
    for (const [k, v] of Object.entries(body)) req = req.field(k, v);
    for (const f of files) {
      req = req.attach('files', f.content, {
        filename: f.name,
        contentType: f.type ?? 'application/octet-stream',
      });
    }
    return req;
  }
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const attachmentsOf = (number: number) =>
    t.db.query(
      `SELECT a.file_name, a.content_type, a.sha256, a.internal, a.uploader_id = t.requester_id AS by_requester
         FROM attachments a JOIN tickets t ON t.id = a.ticket_id
        WHERE t.number = $1 ORDER BY a.file_name`,
      [number],
    ) as Promise<Record<string, unknown>[]>;

  it('files sent with the form wait with the request and become the ticket’s attachments on confirmation', async () => {
    const email = address('files');
    const log = Buffer.from('line 1\nline 2\n');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 1)]);
    const res = await submitWithFiles(email, [
      { name: 'error.log', content: log, type: 'text/plain' },
      { name: 'scan.pdf', content: pdf, type: 'application/pdf' },
    ]);
    expect(res.status).toBe(202);
    expect(
      await countRows(
        'web_form_files f JOIN web_form_submissions s ON s.id = f.submission_id',
        's.email = $1',
        [email],
      ),
    ).toBe(2);
    await deliver();
    const confirmed = await confirm(tokenOf(linkIn(email)));
    expect(confirmed.body.status).toBe('confirmed');
    expect(await attachmentsOf(confirmed.body.ticketNumber)).toEqual([
      expect.objectContaining({
        file_name: 'error.log',
        sha256: sha(log),
        internal: false,
        by_requester: true,
      }),
      expect.objectContaining({
        file_name: 'scan.pdf',
        sha256: sha(pdf),
        content_type: 'application/pdf',
      }),
    ]);
    // Moved, not copied: the request keeps no files.
    expect(
      await countRows(
        'web_form_files f JOIN web_form_submissions s ON s.id = f.submission_id',
        's.email = $1',
        [email],
      ),
    ).toBe(0);
    // A second click adds nothing.
    await confirm(tokenOf(linkIn(email)));
    expect(await attachmentsOf(confirmed.body.ticketNumber)).toHaveLength(2);
  });

  it('a known contact’s files go on the ticket at once; an executable is never served as what it claims', async () => {
    const org = await t.factory.organization();
    const contact = await t.factory.user({ role: 'client', organizationId: org.id });
    expect((await configure({ knownContactImmediate: true })).status).toBe(200);
    try {
      const res = await submitWithFiles(contact.email, [
        { name: 'invoice.pdf.exe', content: Buffer.from('MZ fake'), type: 'application/pdf' },
      ]);
      expect(res.status).toBe(202);
    } finally {
      await configure({ knownContactImmediate: false });
    }
    const [ticket] = await webFormTickets(contact.id);
    expect(await attachmentsOf(ticket.number)).toEqual([
      expect.objectContaining({
        file_name: 'invoice.pdf.exe',
        content_type: 'application/octet-stream',
      }),
    ]);
  });

  it('limits files like ticket attachments: too large 413, too many 400, and a bot’s files are dropped', async () => {
    const big = await submitWithFiles(address('big'), [
      { name: 'a.bin', content: Buffer.alloc(40 * 1024) },
      { name: 'b.bin', content: Buffer.alloc(40 * 1024) },
    ]);
    expect(big.status).toBe(413);
    expect(big.headers['content-type']).toContain('application/problem+json');
    const many = await submitWithFiles(
      address('many'),
      Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.txt`, content: Buffer.from('x') })),
    );
    expect(many.status).toBe(400);
    const before = await countRows('web_form_files');
    const bot = await submitWithFiles(
      address('bot'),
      [{ name: 'x.txt', content: Buffer.from('x') }],
      {
        website: 'spam',
      },
    );
    expect(bot.status).toBe(202);
    expect(await countRows('web_form_files')).toBe(before);
  });

  /**
   * A multipart submission sent chunked (no Content-Length) by a raw client: the fields, then one
   * file of `fileBytes` written as the server takes them, and the body never ended, so an
   * answer can only come from a server that does not wait for the whole body.
   */
  async function openUpload(from: string, fileBytes: number) {
    const server = t.app.getHttpServer() as http.Server;
    if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const boundary = 'relaydesk-chunked';
    const fields = await validBody(address('chunked'));
    let sent = 0;
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/web-form/submissions',
      headers: {
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Transfer-Encoding': 'chunked',
        'X-Forwarded-For': from,
      },
    });
    const answered = new Promise<{ status: number; body: string; sent: number }>(
      (resolve, reject) => {
        req.on('response', (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
        });
        req.on('error', reject);
      },
    );
    let head = '';
    for (const [k, v] of Object.entries(fields)) {
      head += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
    }
    head += `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    req.write(head);
    const chunk = Buffer.alloc(16 * 1024, 0x61);
    const pump = () => {
      while (sent < fileBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
    };
    pump();
    // Bounded: a server that waits for the end of the body never answers.
    const timeout = new Promise<null>((r) => setTimeout(() => r(null), 8000).unref());
    try {
      return await Promise.race([answered, timeout]);
    } finally {
      req.destroy();
    }
  }

  it('a chunked upload is answered 413 as soon as it passes the limit, not when (if ever) it ends', async () => {
    const before = await countRows('web_form_submissions');
    const res = await openUpload(ip(), 4 * 1024 * 1024);
    expect(res).not.toBeNull();
    expect(res!.status).toBe(413);
    expect(res!.body).toContain('at most');
    expect(await countRows('web_form_submissions')).toBe(before);
  }, 15_000);

  it('a closed form and a network over its limit are refused before the body is read', async () => {
    expect((await configure({ enabled: false })).status).toBe(200);
    try {
      const res = await openUpload(ip(), 32 * 1024);
      expect(res?.status).toBe(404);
    } finally {
      await configure({ enabled: true });
    }
    expect((await configure({ maxPerIpPerHour: 1 })).status).toBe(200);
    try {
      const from = ip();
      expect((await submit(await validBody(address('first')), from)).status).toBe(202);
      const res = await openUpload(from, 32 * 1024);
      expect(res?.status).toBe(429);
    } finally {
      await configure({ maxPerIpPerHour: 1000 });
    }
  }, 30_000);

  it('forgets the files of an expired request, and the request a week later (then its link is unknown)', async () => {
    const email = address('sweep');
    expect(
      (await submitWithFiles(email, [{ name: 'x.txt', content: Buffer.from('x') }])).status,
    ).toBe(202);
    await deliver();
    const token = tokenOf(linkIn(email));
    const filesOf = () =>
      countRows(
        'web_form_files f JOIN web_form_submissions s ON s.id = f.submission_id',
        's.email = $1',
        [email],
      );
    await t.app.get(WebFormSweep).sweep();
    expect(await filesOf()).toBe(1);
    t.clock.advance(49 * HOUR);
    await t.app.get(WebFormSweep).sweep();
    expect(await filesOf()).toBe(0);
    expect((await confirm(token)).status).toBe(410);
    t.clock.advance(7 * 24 * HOUR);
    await t.app.get(WebFormSweep).sweep();
    expect(await countRows('web_form_submissions', 'email = $1', [email])).toBe(0);
    expect((await confirm(token)).status).toBe(404);
  });

  it('keeps the confirmation token out of the logs', () => {
    expect(redactUrl('/api/v1/web-form/confirm/abcDEF123_-xyz')).toBe(
      '/api/v1/web-form/confirm/[redacted]',
    );
  });
});

describe('web form, installation-wide cap on confirmation mails', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ webFormConfirmationsPerHour: 2, trustProxy: 1 });
    const admin = await t.factory.user({ role: 'admin' });
    const auth = `Bearer ${await t.tokenFor(admin.id)}`;
    const current = await t.http().get('/api/v1/admin/web-form').set('Authorization', auth);
    const saved = await t
      .http()
      .put('/api/v1/admin/web-form')
      .set('Authorization', auth)
      .send({ version: current.body.version, enabled: true, minFillSeconds: 0 });
    expect(saved.status).toBe(200);
  });
  afterAll(() => t.close());

  const submit = async (email: string) => {
    const { formToken } = (await t.http().get('/api/v1/web-form')).body as { formToken: string };
    return t
      .http()
      .post('/api/v1/web-form/submissions')
      .set('X-Forwarded-For', '198.51.100.1')
      .send({ email, name: 'N', subject: 'S', description: 'D', formToken });
  };
  const rows = async (table: string, email: string) =>
    (
      (await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE address = $1`, [email])) as {
        n: number;
      }[]
    )[0].n;

  it('beyond WEB_FORM_CONFIRMATIONS_PER_HOUR: the same answer, nothing stored or mailed; the next hour mails again', async () => {
    for (const email of ['a@cap.example.test', 'b@cap.example.test']) {
      expect((await submit(email)).status).toBe(202);
      expect(await rows('deliveries', email)).toBe(1);
    }
    const over = await submit('c@cap.example.test');
    expect(over.status).toBe(202);
    expect(over.body).toEqual({ status: 'accepted' });
    expect(await rows('deliveries', 'c@cap.example.test')).toBe(0);
    const stored = (await t.db.query(
      `SELECT count(*)::int AS n FROM web_form_submissions WHERE email = 'c@cap.example.test'`,
    )) as { n: number }[];
    expect(stored[0].n).toBe(0);
    t.clock.advance(3_600_000 + 1000);
    expect((await submit('d@cap.example.test')).status).toBe(202);
    expect(await rows('deliveries', 'd@cap.example.test')).toBe(1);
  });
});
