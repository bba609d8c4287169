import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
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
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await t.close();
  });

  const BODY_BYTES = 20 * 1024 * 1024;
  const CHUNK = Buffer.alloc(256 * 1024, 0x61);
  let server: Server;
  const serverSockets: Socket[] = [];

  /**
   * POSTs BODY_BYTES of message/rfc822 over a raw connection, a chunk at a time and only as fast
   * as the server takes it, and keeps sending after the answer: a server that reads (or drains)
   * the body reads all of it. Says what the server had read from the connection in all.
   */
  async function rawPost(authorization: string | null) {
    if (!server) {
      server = createServer(t.app.getHttpAdapter().getInstance());
      server.on('connection', (c: Socket) => serverSockets.push(c));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    }
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await once(socket, 'connect');
    const serverSocket = serverSockets[serverSockets.length - 1];
    let received = '';
    let sent = 0;
    let sentWhenAnswered = -1;
    let broken = false;
    let answered!: () => void;
    const complete = new Promise<void>((resolve) => (answered = resolve));
    socket.on('data', (c: Buffer) => {
      if (sentWhenAnswered < 0) sentWhenAnswered = sent;
      received += c.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      const length = /content-length: *(\d+)/i.exec(received.slice(0, end))?.[1];
      if (end >= 0 && received.length - end - 4 >= Number(length)) answered();
    });
    socket.on('error', () => (broken = true));
    socket.on('end', () => (broken = true));
    // Not events.once: it rejects on the EPIPE that a server hanging up is expected to cause.
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const write = (b: Buffer) =>
      new Promise<boolean>((resolve) => {
        if (broken || socket.destroyed) return resolve(false);
        socket.write(b, (err) => resolve(!err));
      });
    let ok = await write(
      Buffer.from(
        'POST /api/v1/inbound-mail HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
          (authorization ? `Authorization: ${authorization}\r\n` : '') +
          `Content-Type: message/rfc822\r\nContent-Length: ${BODY_BYTES}\r\n\r\n`,
      ),
    );
    while (ok && sent < BODY_BYTES) {
      ok = await write(CHUNK);
      if (ok) sent += CHUNK.length;
    }
    // A server that keeps the connection waits for the next request: hang up once answered.
    await Promise.race([complete, closed]);
    if (!socket.destroyed) socket.end();
    await closed;
    const [head, body] = received.split('\r\n\r\n');
    return {
      status: Number(head.split(' ')[1]),
      head: head.toLowerCase(),
      body,
      sentWhenAnswered,
      sentInAll: sent,
      serverRead: serverSocket.bytesRead,
    };
  }

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
    // Only an API token is a credential here: a person's session is refused before the body.
    const person = await post(mail('person'), bearer(w.admin));
    expect(person.status).toBe(401);
    expect(person.headers['content-type']).toMatch(/problem\+json/);
    const unknown = await post(mail('unknown'), 'Bearer rd_not-a-token');
    expect(unknown.status).toBe(401);
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
          `SELECT count(*)::int AS n FROM inbound_messages WHERE subject IN ('anon', 'person', 'unknown', 'scope')`,
        )
      )[0].n,
    ).toBe(0);
  });

  it.each([
    ['no credentials', null],
    ["a person's session", 'admin'],
    ['an unknown API token', 'Bearer rd_not-a-token'],
  ])(
    'answers 401 to a 20 MB message with %s before reading it, and hangs up',
    async (_label, auth) => {
      const res = await rawPost(auth === 'admin' ? bearer(w.admin) : auth);
      expect(res.status).toBe(401);
      expect(res.head).toMatch(/content-type: application\/problem\+json/);
      expect(res.head).toMatch(/connection: close/);
      expect(JSON.parse(res.body)).toMatchObject({ status: 401 });
      // Answered before the client had sent the message, and the rest was never read either.
      expect(res.sentWhenAnswered).toBeGreaterThanOrEqual(0);
      expect(res.sentWhenAnswered).toBeLessThan(BODY_BYTES);
      expect(res.sentInAll).toBeLessThan(BODY_BYTES);
      expect(res.serverRead).toBeLessThan(BODY_BYTES / 2);
    },
  );

  it('reads the same 20 MB from the same kind of client when the token is valid', async () => {
    const res = await rawPost(`Bearer ${token}`);
    expect(res.status).toBe(202);
    expect(res.sentInAll).toBe(BODY_BYTES);
    expect(res.serverRead).toBeGreaterThan(BODY_BYTES);
  });
});
