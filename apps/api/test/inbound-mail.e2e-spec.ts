import { randomUUID } from 'node:crypto';
import { bearer, buildWorld, type World } from './support/personas';
import { createServiceToken } from './support/service-token';
import { startTestApp, type TestApp } from './support/test-app';

function mail(subject: string, id = randomUUID()): Buffer {
  return Buffer.from(
    [
      'From: Piped Sender <piped@customer.test>',
      'To: support@helpdesk.test',
      `Subject: ${subject}`,
      `Message-ID: <${id}@customer.test>`,
      'Date: Sun, 06 Dec 2026 09:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Piped in by the MTA.',
      '',
    ].join('\r\n'),
  );
}

/** POST /inbound-mail: raw RFC 822 piped in by an MTA with an API token. */
describe('inbound mail over HTTP', () => {
  let t: TestApp;
  let w: World;
  let token: string;

  const post = (body: Buffer, auth: string, type = 'message/rfc822', query = '') =>
    t
      .http()
      .post(`/api/v1/inbound-mail${query}`)
      .set('Authorization', auth)
      .set('Content-Type', type)
      .send(body);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    await t.factory.user({
      email: 'piped@customer.test',
      role: 'client',
      organizationId: w.orgA.id,
    });
    token = await createServiceToken(t, { scopes: ['inbound-mail:write'] });
  });
  afterAll(() => t.close());

  it('files a piped message once, on the email channel, and answers 202 with the outcome', async () => {
    const raw = mail('Piped printer fire');
    const first = await post(raw, `Bearer ${token}`);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ result: 'created' });
    expect(first.body.ticketId).toBeDefined();
    const again = await post(raw, `Bearer ${token}`, 'application/octet-stream');
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({
      result: 'duplicate',
      inboundMessageId: first.body.inboundMessageId,
    });
    const rows = (await t.db.query(
      `SELECT channel FROM tickets WHERE subject = 'Piped printer fire'`,
    )) as {
      channel: string;
    }[];
    expect(rows).toEqual([{ channel: 'email' }]);
    const [stored] = await t.db.query(
      `SELECT source, mailbox_id, raw FROM inbound_messages WHERE id = $1`,
      [first.body.inboundMessageId],
    );
    expect(stored).toMatchObject({ source: 'http', mailbox_id: null });
    expect((stored.raw as Buffer).equals(raw)).toBe(true);
  });

  it("applies a mailbox's defaults when named, and 404 for one that does not exist", async () => {
    const box = await t
      .http()
      .post('/api/v1/admin/mailboxes')
      .set('Authorization', bearer(w.admin))
      .send({
        name: 'Piped',
        address: 'piped-box@helpdesk.test',
        imapHost: '127.0.0.1',
        imapPort: 993,
        imapTls: 'tls',
        imapUser: 'x',
        imapPassword: 'y',
        defaultPriority: 'urgent',
      });
    expect(box.status).toBe(201);
    const res = await post(
      mail('Piped with defaults'),
      `Bearer ${token}`,
      'message/rfc822',
      `?mailbox=${box.body.id}`,
    );
    expect(res.status).toBe(202);
    const [ticket] = await t.db.query('SELECT priority FROM tickets WHERE id = $1', [
      res.body.ticketId,
    ]);
    expect(ticket.priority).toBe('urgent');
    const missing = await post(
      mail('Nowhere'),
      `Bearer ${token}`,
      'message/rfc822',
      `?mailbox=${randomUUID()}`,
    );
    expect(missing.status).toBe(404);
    const bad = await post(mail('Bad id'), `Bearer ${token}`, 'message/rfc822', '?mailbox=nope');
    expect(bad.status).toBe(400);
  });

  it('takes only API tokens with the scope, only mail types, and at most 25 MB', async () => {
    expect((await post(mail('anon'), '')).status).toBe(401);
    expect((await post(mail('person'), bearer(w.admin))).status).toBe(403);
    const other = await createServiceToken(t, { scopes: ['tickets:write'] });
    const wrongScope = await post(mail('scope'), `Bearer ${other}`);
    expect(wrongScope.status).toBe(403);
    const json = await t
      .http()
      .post('/api/v1/inbound-mail')
      .set('Authorization', `Bearer ${token}`)
      .send({ raw: 'From: x' });
    expect(json.status).toBe(415);
    const huge = await post(Buffer.alloc(25 * 1024 * 1024 + 1, 0x61), `Bearer ${token}`);
    expect(huge.status).toBe(413);
    expect(huge.headers['content-type']).toMatch(/problem\+json/);
    expect(
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM inbound_messages WHERE subject IN ('anon', 'person', 'scope')`,
        )
      )[0].n,
    ).toBe(0);
  });
});
