import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { once } from 'node:events';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { startTestApp, type TestApp } from './support/test-app';

const LIMIT = 64 * 1024;
/** A valid 1x1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Collects a response body as raw bytes, whatever its Content-Type. */
/** supertest types the parser's response as its own Response; at run time it is the raw stream. */
function binary(res: unknown, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as IncomingMessage;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

describe('ticket attachments', () => {
  let t: TestApp;
  let dataDir: string;
  let orgA: string;
  let orgB: string;
  let clientA: { id: string; token: string };
  let clientB: { id: string; token: string };
  let agent: { id: string; token: string };

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const upload = (
    ticketId: string,
    token: string,
    file: Buffer,
    opts: { filename?: string; contentType?: string; commentId?: string } = {},
  ) => {
    const req = t.http().post(`/api/v1/tickets/${ticketId}/attachments`).set(auth(token));
    if (opts.commentId) void req.field('commentId', opts.commentId);
    return req.attach('file', file, {
      filename: opts.filename ?? 'file.bin',
      contentType: opts.contentType ?? 'application/octet-stream',
    });
  };
  const download = (attachmentId: string, token: string) =>
    t
      .http()
      .get(`/api/v1/attachments/${attachmentId}/content`)
      .set(auth(token))
      .buffer(true)
      .parse(binary);
  const list = (ticketId: string, token: string, query = '') =>
    t.http().get(`/api/v1/tickets/${ticketId}/attachments${query}`).set(auth(token));
  const countAttachments = async (ticketId: string) =>
    Number(
      (
        (await t.db.query('SELECT count(*) AS n FROM attachments WHERE ticket_id = $1', [
          ticketId,
        ])) as { n: string }[]
      )[0].n,
    );
  const expectProblem = (res: Response, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = Buffer.isBuffer(res.body) ? JSON.parse(res.body.toString('utf8')) : res.body;
    expect(body.status).toBe(status);
  };
  const person = async (role: 'client' | 'agent', organizationId: string | null = null) => {
    const u = await t.factory.user({ role, organizationId });
    return { id: u.id, token: await t.tokenFor(u.id) };
  };
  const ticketOfClientA = () => t.factory.ticket({ requesterId: clientA.id, organizationId: orgA });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'relaydesk-attachments-'));
    t = await startTestApp({ attachmentMaxBytes: LIMIT, dataDir });
    orgA = (await t.factory.organization()).id;
    orgB = (await t.factory.organization()).id;
    clientA = await person('client', orgA);
    clientB = await person('client', orgB);
    agent = await person('agent');
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores a client upload under the sniffed type and serves the same bytes back safely', async () => {
    const ticket = await ticketOfClientA();
    t.clock.set('2026-03-05T10:00:00Z');
    const res = await upload(ticket.id, clientA.token, PNG, {
      filename: 'C:\\Users\\me\\Ünïcode shot.png',
      contentType: 'text/plain',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ticketId: ticket.id,
      commentId: null,
      internal: false,
      uploaderId: clientA.id,
      fileName: 'Ünïcode shot.png',
      contentType: 'image/png',
      sizeBytes: PNG.length,
      sha256: sha256(PNG),
      createdAt: '2026-03-05T10:00:00.000Z',
      contentUrl: `/api/v1/attachments/${res.body.id}/content`,
    });
    expect(res.body.storageKey).toBeUndefined();

    const got = await download(res.body.id, clientA.token);
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.body as Buffer, PNG)).toBe(0);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-length']).toBe(String(PNG.length));
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="_n_code shot.png"; filename*=UTF-8''%C3%9Cn%C3%AFcode%20shot.png`,
    );
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toBe("default-src 'none'; sandbox");

    const meta = await t.http().get(`/api/v1/attachments/${res.body.id}`).set(auth(clientA.token));
    expect(meta.status).toBe(200);
    expect(meta.body).toEqual(res.body);

    // Stored under <DATA_DIR>/attachments/<2 chars>/<key>, and nothing left in tmp.
    const [{ storage_key: key }] = (await t.db.query(
      'SELECT storage_key FROM attachments WHERE id = $1',
      [res.body.id],
    )) as { storage_key: string }[];
    expect(await filesUnder(join(dataDir, 'attachments'))).toContain(
      join(dataDir, 'attachments', key.slice(0, 2), key),
    );
    expect(await filesUnder(join(dataDir, 'tmp'))).toEqual([]);
  });

  it('records attachment_added and bumps updated_at but not version', async () => {
    const ticket = await ticketOfClientA();
    t.clock.set('2026-03-06T08:30:00Z');
    const res = await upload(ticket.id, clientA.token, PNG, { filename: 'a.png' });
    expect(res.status).toBe(201);

    const events = (await t.db.query(
      `SELECT actor_id, new_value, internal, created_at FROM ticket_events
        WHERE ticket_id = $1 AND kind = 'attachment_added'`,
      [ticket.id],
    )) as { actor_id: string; new_value: unknown; internal: boolean; created_at: Date }[];
    expect(events).toEqual([
      {
        actor_id: clientA.id,
        new_value: { attachmentId: res.body.id, fileName: 'a.png', sizeBytes: PNG.length },
        internal: false,
        created_at: new Date('2026-03-06T08:30:00Z'),
      },
    ]);
    const [row] = (await t.db.query('SELECT updated_at, version FROM tickets WHERE id = $1', [
      ticket.id,
    ])) as { updated_at: Date; version: number }[];
    expect(row.updated_at).toEqual(new Date('2026-03-06T08:30:00Z'));
    expect(row.version).toBe(ticket.version);
  });

  it('types text and unknown binary from the bytes, never from the declared type', async () => {
    const ticket = await ticketOfClientA();
    const text = await upload(ticket.id, clientA.token, Buffer.from('héllo, wörld\n'), {
      filename: 'notes.png',
      contentType: 'image/png',
    });
    expect(text.status).toBe(201);
    expect(text.body.contentType).toBe('text/plain; charset=utf-8');

    const html = await upload(ticket.id, clientA.token, Buffer.from('<script>alert(1)</script>'), {
      filename: 'x.html',
      contentType: 'text/html',
    });
    expect(html.body.contentType).toBe('text/plain; charset=utf-8');

    const blob = await upload(
      ticket.id,
      clientA.token,
      Buffer.from([0x01, 0x00, 0xff, 0xfe, 0x00]),
      {
        contentType: 'image/jpeg',
      },
    );
    expect(blob.status).toBe(201);
    expect(blob.body.contentType).toBe('application/octet-stream');
  });

  it('strips bidi controls from names and falls back to "file" when nothing is left', async () => {
    const ticket = await ticketOfClientA();
    const spoof = await upload(ticket.id, clientA.token, PNG, { filename: 'invoice\u202egnp.exe' });
    expect(spoof.status).toBe(201);
    expect(spoof.body.fileName).toBe('invoicegnp.exe');
    const empty = await upload(ticket.id, clientA.token, PNG, { filename: '\u202e\u2066' });
    expect(empty.status).toBe(201);
    expect(empty.body.fileName).toBe('file');
  });

  it('accepts a file of exactly the limit and refuses one byte more with 413, leaving nothing behind', async () => {
    const ticket = await ticketOfClientA();
    const atLimit = await upload(ticket.id, clientA.token, randomBytes(LIMIT));
    expect(atLimit.status).toBe(201);
    expect(atLimit.body.sizeBytes).toBe(LIMIT);
    const storedBefore = await filesUnder(join(dataDir, 'attachments'));

    const over = await upload(ticket.id, clientA.token, randomBytes(LIMIT + 1));
    expectProblem(over, 413);
    expect(await countAttachments(ticket.id)).toBe(1);
    expect(await filesUnder(join(dataDir, 'tmp'))).toEqual([]);
    expect((await filesUnder(join(dataDir, 'attachments'))).sort()).toEqual(storedBefore.sort());
  });

  it('refuses a declared Content-Length over the limit before the body is sent', async () => {
    const ticket = await ticketOfClientA();
    const server: Server = createServer(t.app.getHttpAdapter().getInstance());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await new Promise<{
        status: number;
        headers: IncomingMessage['headers'];
        body: string;
      }>((resolve, reject) => {
        const req = httpRequest({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/v1/tickets/${ticket.id}/attachments`,
          headers: {
            ...auth(clientA.token),
            'Content-Type': 'multipart/form-data; boundary=xyz',
            'Content-Length': String(LIMIT * 100),
          },
        });
        req.on('error', reject);
        req.on('response', (r) => {
          let body = '';
          r.setEncoding('utf8');
          r.on('data', (c: string) => (body += c));
          r.on('end', () => {
            resolve({ status: r.statusCode ?? 0, headers: r.headers, body });
            req.destroy();
          });
        });
        // Headers only: the answer must come without a byte of the body.
        req.flushHeaders();
      });
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers.connection).toBe('close');
      expect(JSON.parse(res.body)).toMatchObject({ status: 413, maxBytes: LIMIT });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await countAttachments(ticket.id)).toBe(0);
  });

  it('is a 404 for a client of another organization, with nothing written', async () => {
    const ticket = await ticketOfClientA();
    const foreign = await upload(ticket.id, clientB.token, PNG, { filename: 'x.png' });
    expectProblem(foreign, 404);
    expect(await countAttachments(ticket.id)).toBe(0);
    expect(await filesUnder(join(dataDir, 'tmp'))).toEqual([]);

    const own = await upload(ticket.id, clientA.token, PNG, { filename: 'x.png' });
    expect(own.status).toBe(201);
    expectProblem(await download(own.body.id, clientB.token), 404);
    expectProblem(
      await t.http().get(`/api/v1/attachments/${own.body.id}`).set(auth(clientB.token)),
      404,
    );
    expectProblem(await list(ticket.id, clientB.token), 404);
    const events = (await t.db.query(
      `SELECT count(*) AS n FROM ticket_events WHERE ticket_id = $1 AND actor_id = $2`,
      [ticket.id, clientB.id],
    )) as { n: string }[];
    expect(events[0].n).toBe('0');
  });

  it("hides an agent's file on an internal comment from the client", async () => {
    const ticket = await ticketOfClientA();
    const note = await t.factory.comment(ticket.id, agent.id, 'internal note', true);
    const publicFile = await upload(ticket.id, clientA.token, PNG, { filename: 'public.png' });
    t.clock.advance(1000);
    const internalFile = await upload(ticket.id, agent.token, PNG, {
      filename: 'secret.png',
      commentId: note.id,
    });
    expect(internalFile.status).toBe(201);
    expect(internalFile.body).toMatchObject({ commentId: note.id, internal: true });

    const forAgent = await list(ticket.id, agent.token);
    expect(forAgent.status).toBe(200);
    expect(forAgent.body.items.map((a: { id: string }) => a.id)).toEqual([
      publicFile.body.id,
      internalFile.body.id,
    ]);
    const forClient = await list(ticket.id, clientA.token);
    expect(forClient.status).toBe(200);
    expect(forClient.body).toEqual({ items: [publicFile.body], nextCursor: null });

    expectProblem(await download(internalFile.body.id, clientA.token), 404);
    expectProblem(
      await t.http().get(`/api/v1/attachments/${internalFile.body.id}`).set(auth(clientA.token)),
      404,
    );
    const agentGet = await download(internalFile.body.id, agent.token);
    expect(agentGet.status).toBe(200);
    expect(Buffer.compare(agentGet.body as Buffer, PNG)).toBe(0);

    const [event] = (await t.db.query(
      `SELECT internal FROM ticket_events WHERE kind = 'attachment_added' AND new_value->>'attachmentId' = $1`,
      [internalFile.body.id],
    )) as { internal: boolean }[];
    expect(event.internal).toBe(true);
  });

  it('lets a client attach to a public comment but not to an internal one or one of another ticket', async () => {
    const ticket = await ticketOfClientA();
    const other = await ticketOfClientA();
    const publicComment = await t.factory.comment(ticket.id, clientA.id, 'see attached');
    const note = await t.factory.comment(ticket.id, agent.id, 'internal note', true);
    const elsewhere = await t.factory.comment(other.id, clientA.id, 'other ticket');

    const ok = await upload(ticket.id, clientA.token, PNG, { commentId: publicComment.id });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ commentId: publicComment.id, internal: false });

    const toNote = await upload(ticket.id, clientA.token, PNG, { commentId: note.id });
    expectProblem(toNote, 404);
    const toOther = await upload(ticket.id, clientA.token, PNG, { commentId: elsewhere.id });
    expectProblem(toOther, 404);
    expect(toNote.body.detail).toBe(toOther.body.detail);
    expectProblem(await upload(ticket.id, clientA.token, PNG, { commentId: 'not-a-uuid' }), 400);

    expect(await countAttachments(ticket.id)).toBe(1);
    expect(await filesUnder(join(dataDir, 'tmp'))).toEqual([]);
  });

  it('answers 404 for ids that are not UUIDs', async () => {
    expectProblem(await upload('not-a-uuid', agent.token, PNG), 404);
    expectProblem(await list('123', agent.token), 404);
    expectProblem(await t.http().get('/api/v1/attachments/xyz').set(auth(agent.token)), 404);
    expectProblem(await download('xyz', agent.token), 404);
  });

  it('refuses malformed uploads with 400 or 415 and writes nothing', async () => {
    const ticket = await ticketOfClientA();
    const noFile = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/attachments`)
      .set(auth(clientA.token))
      .field('commentId', '');
    expectProblem(noFile, 400);
    expect(noFile.body.errors).toEqual([{ field: 'file', message: 'is required' }]);

    const wrongField = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/attachments`)
      .set(auth(clientA.token))
      .attach('upload', PNG, 'a.png');
    expectProblem(wrongField, 400);

    const twoFiles = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/attachments`)
      .set(auth(clientA.token))
      .attach('file', PNG, 'a.png')
      .attach('file', PNG, 'b.png');
    expectProblem(twoFiles, 400);

    const unknownField = await upload(ticket.id, clientA.token, PNG).field('internal', 'true');
    expectProblem(unknownField, 400);
    expect(unknownField.body.errors).toEqual([
      { field: 'internal', message: 'is not an allowed field' },
    ]);

    const json = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/attachments`)
      .set(auth(clientA.token))
      .send({ file: 'aGVsbG8=' });
    expectProblem(json, 415);

    const truncated = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/attachments`)
      .set(auth(clientA.token))
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .send('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhalf');
    expectProblem(truncated, 400);

    expect(await countAttachments(ticket.id)).toBe(0);
    expect(await filesUnder(join(dataDir, 'tmp'))).toEqual([]);
  });

  it('requires authentication', async () => {
    const ticket = await ticketOfClientA();
    const res = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/attachments`)
      .attach('file', PNG, 'a.png');
    expectProblem(res, 401);
    expect(await countAttachments(ticket.id)).toBe(0);
  });

  it('pages the list by (createdAt, id)', async () => {
    const ticket = await ticketOfClientA();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      t.clock.advance(1000);
      ids.push((await upload(ticket.id, clientA.token, PNG, { filename: `${i}.png` })).body.id);
    }
    const first = await list(ticket.id, clientA.token, '?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((a: { id: string }) => a.id)).toEqual(ids.slice(0, 2));
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list(
      ticket.id,
      clientA.token,
      `?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.body).toMatchObject({ nextCursor: null });
    expect(second.body.items.map((a: { id: string }) => a.id)).toEqual(ids.slice(2));
    expectProblem(await list(ticket.id, clientA.token, '?cursor=garbage'), 400);
    expectProblem(await list(ticket.id, clientA.token, '?q=x'), 400);
  });

  it('documents the multipart upload and the download in the OpenAPI document', async () => {
    const doc = await t.http().get('/api/docs-json');
    expect(doc.status).toBe(200);
    const post = doc.body.paths['/api/v1/tickets/{id}/attachments'].post;
    expect(post.requestBody.content['multipart/form-data'].schema).toMatchObject({
      properties: { file: { type: 'string', format: 'binary' } },
      required: ['file'],
    });
    expect(Object.keys(post.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '404', '413']),
    );
    expect(doc.body.paths['/api/v1/attachments/{id}/content'].get.responses['200']).toBeDefined();
  });

  it('removes the stored file when the database write fails, and writes no row', async () => {
    const ticket = await ticketOfClientA();
    // A database-level failure in the second insert of the transaction (the history event).
    await t.db.query(`
      CREATE FUNCTION test_refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.new_value->>'fileName' = 'fail-me.png' THEN
          RAISE EXCEPTION 'refused by test' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_refuse_event BEFORE INSERT ON ticket_events
        FOR EACH ROW EXECUTE FUNCTION test_refuse_event();
    `);
    try {
      const storedBefore = await filesUnder(join(dataDir, 'attachments'));
      const [before] = (await t.db.query('SELECT updated_at FROM tickets WHERE id = $1', [
        ticket.id,
      ])) as { updated_at: Date }[];
      t.clock.advance(60_000);
      const res = await upload(ticket.id, clientA.token, PNG, { filename: 'fail-me.png' });
      expectProblem(res, 422);
      expect(await countAttachments(ticket.id)).toBe(0);
      expect((await filesUnder(join(dataDir, 'attachments'))).sort()).toEqual(storedBefore.sort());
      expect(await filesUnder(join(dataDir, 'tmp'))).toEqual([]);
      const [after] = (await t.db.query('SELECT updated_at FROM tickets WHERE id = $1', [
        ticket.id,
      ])) as { updated_at: Date }[];
      expect(after.updated_at).toEqual(before.updated_at);
    } finally {
      await t.db.query(
        'DROP TRIGGER test_refuse_event ON ticket_events; DROP FUNCTION test_refuse_event()',
      );
    }
  });
});

describe('ticket attachments: a 20 MB upload the caller may not make', () => {
  const BODY_BYTES = 20 * 1024 * 1024;
  const CHUNK = Buffer.alloc(256 * 1024, 0x61);
  let t: TestApp;
  let dataDir: string;
  let server: Server;
  const serverSockets: Socket[] = [];

  interface RawAnswer {
    status: number;
    headers: Record<string, string>;
    body: string;
    /** Body bytes the client had handed over when the answer arrived. */
    sentWhenAnswered: number;
    /** Body bytes the client managed to hand over in all, trying to send the whole body. */
    sentInAll: number;
    /** Bytes the server read from the connection, headers included. */
    serverRead: number;
  }

  /**
   * POSTs a multipart body of BODY_BYTES over a raw connection, one chunk at a time and only as
   * fast as the connection takes it, answering like a careful client would not: it keeps trying
   * to send the rest after the answer, so a server that drains the body reads all of it.
   */
  async function rawUpload(path: string, token: string | null): Promise<RawAnswer> {
    const boundary = 'relaydesk-big-upload';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const length = head.length + BODY_BYTES + tail.length;
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const serverSocket = serverSockets[serverSockets.length - 1];

    let received = Buffer.alloc(0);
    let answer: { status: number; headers: Record<string, string>; bodyFrom: number } | null = null;
    let sent = 0;
    let sentWhenAnswered = -1;
    let broken = false;
    socket.on('data', (c: Buffer) => {
      received = Buffer.concat([received, c]);
      const end = received.indexOf('\r\n\r\n');
      if (answer || end < 0) return;
      const [statusLine, ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      answer = { status: Number(statusLine.split(' ')[1]), headers, bodyFrom: end + 4 };
      sentWhenAnswered = sent;
    });
    let answered!: () => void;
    const complete = new Promise<void>((resolve) => (answered = resolve));
    socket.on('data', () => {
      if (answer && received.length - answer.bodyFrom >= Number(answer.headers['content-length']))
        answered();
    });
    socket.on('error', () => (broken = true));
    // Not events.once: it rejects on the EPIPE that a server hanging up is expected to cause.
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('end', () => (broken = true));

    const write = (b: Buffer) =>
      new Promise<boolean>((resolve) => {
        if (broken || socket.destroyed) return resolve(false);
        socket.write(b, (err) => resolve(!err));
      });
    await write(
      Buffer.from(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
          (token ? `Authorization: Bearer ${token}\r\n` : '') +
          `Content-Type: multipart/form-data; boundary=${boundary}\r\n` +
          `Content-Length: ${length}\r\n\r\n`,
      ),
    );
    let ok = await write(head);
    while (ok && sent < BODY_BYTES) {
      const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, BODY_BYTES - sent));
      ok = await write(chunk);
      if (ok) sent += chunk.length;
    }
    if (ok) ok = await write(tail);
    // A server that keeps the connection waits for the next request: hang up once answered.
    await Promise.race([complete, closed]);
    if (!socket.destroyed) socket.end();
    await closed;
    expect(answer).not.toBeNull();
    const a = answer as unknown as {
      status: number;
      headers: Record<string, string>;
      bodyFrom: number;
    };
    return {
      status: a.status,
      headers: a.headers,
      body: received.subarray(a.bodyFrom).toString('utf8'),
      sentWhenAnswered,
      sentInAll: sent,
      serverRead: serverSocket.bytesRead,
    };
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'relaydesk-big-upload-'));
    // A limit the body fits in: the only reason to refuse it is who asks.
    t = await startTestApp({ attachmentMaxBytes: 32 * 1024 * 1024, dataDir });
    server = createServer(t.app.getHttpAdapter().getInstance());
    server.on('connection', (s: Socket) => serverSockets.push(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const attachmentRows = async () =>
    Number(((await t.db.query('SELECT count(*) AS n FROM attachments')) as { n: string }[])[0].n);

  it.each([
    ['of another organization', 'foreign'],
    ['that does not exist', 'missing'],
    ['without credentials', 'anonymous'],
  ])(
    'answers a ticket %s before reading the body, and reads, stores and records none of it',
    async (_label, kind) => {
      const orgA = await t.factory.organization();
      const orgB = await t.factory.organization();
      const owner = await t.factory.user({ role: 'client', organizationId: orgA.id });
      const stranger = await t.factory.user({ role: 'client', organizationId: orgB.id });
      const ticket = await t.factory.ticket({ requesterId: owner.id, organizationId: orgA.id });
      const ticketId = kind === 'missing' ? '0d7c2b1e-8a51-4c3e-9a8e-6f0b9d6c1a22' : ticket.id;
      const token = kind === 'anonymous' ? null : await t.tokenFor(stranger.id);
      const tmpBefore = await filesUnder(join(dataDir, 'tmp'));
      const storedBefore = await filesUnder(join(dataDir, 'attachments'));
      const rowsBefore = await attachmentRows();

      const res = await rawUpload(`/api/v1/tickets/${ticketId}/attachments`, token);

      const status = kind === 'anonymous' ? 401 : 404;
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(res.body)).toMatchObject({ status });
      // Answered before the client had sent the body...
      expect(res.sentWhenAnswered).toBeGreaterThanOrEqual(0);
      expect(res.sentWhenAnswered).toBeLessThan(BODY_BYTES);
      // ...and the body was not read afterwards either: the server hung up instead of draining
      // it, so the client could not hand it over and the server read a fraction of it.
      expect(res.serverRead).toBeLessThan(BODY_BYTES / 2);
      expect(res.sentInAll).toBeLessThan(BODY_BYTES);
      expect(res.headers.connection).toBe('close');

      expect(await filesUnder(join(dataDir, 'tmp'))).toEqual(tmpBefore);
      expect(await filesUnder(join(dataDir, 'attachments'))).toEqual(storedBefore);
      expect(await attachmentRows()).toBe(rowsBefore);
    },
  );

  it('takes the same 20 MB from the same kind of client when the caller may upload', async () => {
    const org = await t.factory.organization();
    const owner = await t.factory.user({ role: 'client', organizationId: org.id });
    const ticket = await t.factory.ticket({ requesterId: owner.id, organizationId: org.id });

    const res = await rawUpload(
      `/api/v1/tickets/${ticket.id}/attachments`,
      await t.tokenFor(owner.id),
    );

    expect(res.status).toBe(201);
    expect(JSON.parse(res.body)).toMatchObject({ ticketId: ticket.id, sizeBytes: BODY_BYTES });
    expect(res.sentInAll).toBe(BODY_BYTES);
    expect(res.serverRead).toBeGreaterThan(BODY_BYTES);
    expect(await filesUnder(join(dataDir, 'tmp'))).toEqual([]);
  });
});
