import { randomUUID } from 'node:crypto';
import { MailIngestPort } from '../src/modules/intake/mail-in/imap/mail-ingest-port';
import { MailboxPoller } from '../src/modules/intake/mail-in/imap/mailbox-poller';
import { MailboxPollers } from '../src/modules/intake/mail-in/imap/mailbox-pollers';
import { startDovecotRig, type DovecotRig } from './support/dovecot-rig';
import { bearer, buildWorld, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

const SUPPORT = 'support@helpdesk.test';

function mail(opts: { subject: string; id?: string | null; from?: string; body?: string }): string {
  const lines = [
    `From: Alice <${opts.from ?? 'alice@customer.test'}>`,
    `To: ${SUPPORT}`,
    `Subject: ${opts.subject}`,
    ...(opts.id === null ? [] : [`Message-ID: <${opts.id ?? randomUUID()}@customer.test>`]),
    'Date: Sun, 06 Dec 2026 09:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    opts.body ?? 'Hello, the printer is on fire.',
    '',
  ];
  return lines.join('\r\n');
}

describe('support mailboxes over IMAP (real Dovecot)', () => {
  let rig: DovecotRig;
  let t: TestApp;
  let w: World;

  const admin = () => bearer(w.admin);

  async function createMailbox(over: Record<string, unknown> = {}): Promise<{ id: string }> {
    const res = await t
      .http()
      .post('/api/v1/admin/mailboxes')
      .set('Authorization', admin())
      .send({
        name: `Support ${randomUUID().slice(0, 6)}`,
        address: `support-${randomUUID().slice(0, 8)}@helpdesk.test`,
        imapHost: rig.host,
        imapPort: rig.imapPort,
        imapTls: 'none',
        imapUser: SUPPORT,
        imapPassword: rig.users[SUPPORT],
        ...over,
      });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  }

  const mailboxOf = async (id: string) =>
    (await t.http().get(`/api/v1/admin/mailboxes/${id}`).set('Authorization', admin())).body;

  beforeAll(async () => {
    rig = await startDovecotRig();
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t?.close();
    await rig?.stop();
  });

  describe('admin CRUD', () => {
    it('stores the password sealed and never returns it', async () => {
      const created = await createMailbox({ name: 'Sealed', address: 'Sealed@HelpDesk.test' });
      const body = await mailboxOf(created.id);
      expect(body).toMatchObject({
        name: 'Sealed',
        address: 'sealed@helpdesk.test',
        passwordSet: true,
        folder: 'INBOX',
        processedFolder: 'Processed',
        failedFolder: 'Failed',
        unknownSenderPolicy: 'quarantine',
        active: true,
        status: { uidValidity: null, lastUid: 0, lastError: null },
      });
      expect(JSON.stringify(body)).not.toContain(rig.users[SUPPORT]);
      const list = await t.http().get('/api/v1/admin/mailboxes').set('Authorization', admin());
      expect(JSON.stringify(list.body)).not.toContain(rig.users[SUPPORT]);
      const [row] = await t.db.query(
        'SELECT imap_password_sealed AS s FROM support_mailboxes WHERE id = $1',
        [created.id],
      );
      expect(row.s).toMatch(/^v1:/);
      expect(row.s).not.toContain(rig.users[SUPPORT]);
    });

    it('answers problem+json for bad input, a taken address, a stale version and non-admins', async () => {
      const bad = await t
        .http()
        .post('/api/v1/admin/mailboxes')
        .set('Authorization', admin())
        .send({ name: 'x', address: 'not an address', imapHost: 'a b', imapPort: 0 });
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/problem\+json/);

      const first = await createMailbox({ address: 'taken@helpdesk.test' });
      const taken = await t
        .http()
        .post('/api/v1/admin/mailboxes')
        .set('Authorization', admin())
        .send({
          name: 'Twin',
          address: 'TAKEN@helpdesk.test',
          imapHost: rig.host,
          imapPort: rig.imapPort,
          imapTls: 'none',
          imapUser: SUPPORT,
          imapPassword: 'x',
        });
      expect(taken.status).toBe(409);

      const unknownGroup = await t
        .http()
        .patch(`/api/v1/admin/mailboxes/${first.id}`)
        .set('Authorization', admin())
        .send({ version: 1, defaultGroupId: randomUUID() });
      expect(unknownGroup.status).toBe(422);

      const sameFolder = await t
        .http()
        .patch(`/api/v1/admin/mailboxes/${first.id}`)
        .set('Authorization', admin())
        .send({ version: 1, processedFolder: 'INBOX' });
      expect(sameFolder.status).toBe(422);
      expect(sameFolder.body.errors).toEqual([
        expect.objectContaining({ field: 'processedFolder' }),
      ]);

      const newHost = await t
        .http()
        .patch(`/api/v1/admin/mailboxes/${first.id}`)
        .set('Authorization', admin())
        .send({ version: 1, imapHost: 'attacker.example' });
      expect(newHost.status).toBe(422);
      expect(newHost.body.errors).toEqual([expect.objectContaining({ field: 'imapPassword' })]);

      const ok = await t
        .http()
        .patch(`/api/v1/admin/mailboxes/${first.id}`)
        .set('Authorization', admin())
        .send({ version: 1, name: 'Renamed', defaultGroupId: w.group.id, defaultPriority: 'high' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ name: 'Renamed', version: 2, defaultPriority: 'high' });
      const stale = await t
        .http()
        .patch(`/api/v1/admin/mailboxes/${first.id}`)
        .set('Authorization', admin())
        .send({ version: 1, name: 'Again' });
      expect(stale.status).toBe(409);

      for (const who of [w.agent, w.dispatcher, w.clientA]) {
        const res = await t.http().get('/api/v1/admin/mailboxes').set('Authorization', bearer(who));
        expect(res.status).toBe(403);
      }
      const del = await t
        .http()
        .delete(`/api/v1/admin/mailboxes/${first.id}`)
        .set('Authorization', admin());
      expect(del.status).toBe(204);
      const gone = await t
        .http()
        .get(`/api/v1/admin/mailboxes/${first.id}`)
        .set('Authorization', admin());
      expect(gone.status).toBe(404);
    });
  });

  describe('connection test', () => {
    it('logs in and counts, or says why not, without changing the mailbox', async () => {
      await rig.append(mail({ subject: 'counted' }), 'Archive');
      const good = await createMailbox({ folder: 'Archive' });
      const res = await t
        .http()
        .post(`/api/v1/admin/mailboxes/${good.id}/test`)
        .set('Authorization', admin());
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ok: true, messages: 1, unseen: 1, idle: true });
      expect(res.body.uidValidity).toMatch(/^\d+$/);
      expect((await rig.status('Archive')).unseen).toBe(1);

      const wrong = await createMailbox({ imapPassword: 'not-the-password' });
      const refused = await t
        .http()
        .post(`/api/v1/admin/mailboxes/${wrong.id}/test`)
        .set('Authorization', admin());
      expect(refused.body).toMatchObject({ ok: false });
      expect(refused.body.error).toMatch(/refused the user name or password/);
      expect((await mailboxOf(wrong.id)).status.lastError).toMatch(
        /^Connection test: The server refused/,
      );
      expect((await mailboxOf(good.id)).status.lastError).toBeNull();

      const closed = await createMailbox({ imapPort: 1 });
      const down = await t
        .http()
        .post(`/api/v1/admin/mailboxes/${closed.id}/test`)
        .set('Authorization', admin());
      expect(down.body).toMatchObject({ ok: false });
      expect(down.body.error).toMatch(/Connection refused/);

      // Sealed under another SECRETS_KEY (or altered): an answer that says what to do, no 500.
      const resealed = await createMailbox();
      await t.db.query(
        `UPDATE support_mailboxes SET imap_password_sealed = 'v1:AAAA:AAAA:AAAA' WHERE id = $1`,
        [resealed.id],
      );
      const unreadable = await t
        .http()
        .post(`/api/v1/admin/mailboxes/${resealed.id}/test`)
        .set('Authorization', admin());
      expect(unreadable.status).toBe(200);
      expect(unreadable.body).toMatchObject({ ok: false });
      expect(unreadable.body.error).toMatch(/SECRETS_KEY/);

      const missing = await createMailbox({ folder: 'No such folder' });
      const nofolder = await t
        .http()
        .post(`/api/v1/admin/mailboxes/${missing.id}/test`)
        .set('Authorization', admin());
      expect(nofolder.body.ok).toBe(false);
      expect(nofolder.body.error).toMatch(/No such folder/);
    });
  });
});

describe('the IMAP poller (real Dovecot, real ingest)', () => {
  let rig: DovecotRig;
  let t: TestApp;
  let w: World;
  let poller: MailboxPoller;
  const admin = () => bearer(w.admin);

  /**
   * A mailbox reading its own folder, so the tests do not see each other's mail, and a contact
   * of its own writing to it (the ingest limits new tickets per sender and hour).
   */
  async function mailboxOn(folder: string, over: Record<string, unknown> = {}) {
    const from = `${folder.toLowerCase()}@customer.test`;
    await t.factory.user({ email: from, role: 'client', organizationId: w.orgA.id });
    await rig.client().then(async (c) => {
      await c.mailboxCreate(folder).catch(() => undefined);
      await c.logout();
    });
    const res = await t
      .http()
      .post('/api/v1/admin/mailboxes')
      .set('Authorization', admin())
      .send({
        name: folder,
        address: `${folder.toLowerCase()}@helpdesk.test`,
        imapHost: rig.host,
        imapPort: rig.imapPort,
        imapTls: 'none',
        imapUser: SUPPORT,
        imapPassword: rig.users[SUPPORT],
        folder,
        processedFolder: `${folder}-done`,
        failedFolder: `${folder}-failed`,
        ...over,
      });
    expect(res.status).toBe(201);
    const id = (res.body as { id: string }).id;
    return { id, mail: (o: Parameters<typeof mail>[0]) => mail({ from, ...o }) };
  }

  const count = async (q: string, params: unknown[] = []) =>
    ((await t.db.query(q, params)) as { n: number }[])[0].n;
  const ticketsWithSubject = (s: string) =>
    count('SELECT count(*)::int AS n FROM tickets WHERE subject = $1', [s]);

  beforeAll(async () => {
    rig = await startDovecotRig();
    t = await startTestApp();
    w = await buildWorld(t);
    poller = t.app.get(MailboxPoller);
  });
  afterAll(async () => {
    await t?.close();
    await rig?.stop();
  });

  it('turns a new mail into a ticket, then flags it \\Seen and moves it to the processed folder', async () => {
    const box = await mailboxOn('New');
    const uid = await rig.append(box.mail({ subject: 'Printer on fire' }), 'New');
    const result = await poller.pollOnce(box.id);
    expect(result).toMatchObject({ status: 'done', fetched: 1, outcomes: { created: 1 } });
    expect(await ticketsWithSubject('Printer on fire')).toBe(1);
    expect(await rig.uids('New')).toEqual([]);
    expect(await rig.status('New-done')).toMatchObject({ messages: 1, unseen: 0 });
    const [stored] = await t.db.query(
      `SELECT channel FROM tickets WHERE subject = 'Printer on fire'`,
    );
    expect(stored.channel).toBe('email');
    const status = (
      await t.http().get(`/api/v1/admin/mailboxes/${box.id}`).set('Authorization', admin())
    ).body.status;
    expect(status).toMatchObject({ lastUid: uid, lastError: null });
    expect(status.uidValidity).toBe((await rig.status('New')).uidValidity);
    expect(status.lastSuccessAt).not.toBeNull();
    // Nothing left: a second pass fetches nothing and files nothing.
    expect(await poller.pollOnce(box.id)).toMatchObject({ status: 'done', fetched: 0 });
    expect(await ticketsWithSubject('Printer on fire')).toBe(1);
  });

  it('after a crash between commit and move, the next poll files nothing twice and moves the mail', async () => {
    const box = await mailboxOn('Crash');
    const raw = box.mail({ subject: 'Crashed once' });
    const uid = await rig.append(raw, 'Crash');
    const { uidValidity } = await rig.status('Crash');
    // The ingest commits, then the process dies before \Seen and MOVE.
    const first = await t.app
      .get(MailIngestPort)
      .ingest({ kind: 'imap', mailboxId: box.id, uidValidity, uid }, Buffer.from(raw));
    expect(first.result).toBe('created');
    expect(await rig.uids('Crash')).toEqual([uid]);

    const result = await poller.pollOnce(box.id);
    expect(result).toMatchObject({ status: 'done', fetched: 1, outcomes: { duplicate: 1 } });
    expect(await ticketsWithSubject('Crashed once')).toBe(1);
    expect(await rig.uids('Crash')).toEqual([]);
    expect((await rig.status('Crash-done')).messages).toBe(1);
  });

  it('with two API instances, one session per mailbox holds it and each message is filed once', async () => {
    const box = await mailboxOn('Twin');
    for (let i = 0; i < 12; i++) await rig.append(box.mail({ subject: `Twin ${i}` }), 'Twin');
    const other = await t.secondInstance();
    const otherPoller = other.get(MailboxPoller);

    // While one session holds the mailbox, the other instance does not touch it.
    const lease = await poller.lease(box.id);
    expect(lease).not.toBeNull();
    expect(await otherPoller.pollOnce(box.id)).toMatchObject({ status: 'busy', fetched: 0 });
    expect((await rig.uids('Twin')).length).toBe(12);
    await lease!.release();

    const [a, b] = await Promise.all([poller.pollOnce(box.id), otherPoller.pollOnce(box.id)]);
    expect(a.fetched + b.fetched).toBe(12);
    expect((a.outcomes.duplicate ?? 0) + (b.outcomes.duplicate ?? 0)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM tickets WHERE subject LIKE 'Twin %'`)).toBe(
      12,
    );
    expect(
      await count('SELECT count(*)::int AS n FROM inbound_messages WHERE mailbox_id = $1', [
        box.id,
      ]),
    ).toBe(12);
    expect(await rig.uids('Twin')).toEqual([]);
  });

  it('a lease dies with its connection: a crashed instance does not keep the mailbox', async () => {
    const box = await mailboxOn('Orphan');
    await rig.append(box.mail({ subject: 'After the crash' }), 'Orphan');
    const lease = await poller.lease(box.id);
    expect(lease).not.toBeNull();
    const other = (await t.secondInstance()).get(MailboxPoller);
    expect((await other.pollOnce(box.id)).status).toBe('busy');
    // The holder's database session ends as it would when its process is killed.
    await t.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'relaydesk-mailbox-poller' AND pid <> pg_backend_pid()`,
    );
    expect(await lease!.stillHeld()).toBe(false);
    expect(await other.pollOnce(box.id)).toMatchObject({ status: 'done', fetched: 1 });
    expect(await ticketsWithSubject('After the crash')).toBe(1);
    await lease!.release();
  });

  it('moves a message that fails to the failed folder, keeps it raw, and shows the error to admins', async () => {
    const box = await mailboxOn('Broken');
    // The database refuses this one ticket, as a full disk or a broken constraint would.
    await t.db.query(`
      CREATE FUNCTION refuse_exploding() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.subject = 'Explodes' THEN RAISE EXCEPTION 'disk full while filing'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_exploding BEFORE INSERT ON tickets
        FOR EACH ROW EXECUTE FUNCTION refuse_exploding();`);
    let failedId = '';
    try {
      const raw = box.mail({ subject: 'Explodes', body: 'Ка-бум' });
      await rig.append(raw, 'Broken');
      await rig.append(box.mail({ subject: 'Fine after it' }), 'Broken');
      const result = await poller.pollOnce(box.id);
      expect(result).toMatchObject({
        status: 'done',
        fetched: 2,
        outcomes: { failed: 1, created: 1 },
      });
      expect(await rig.uids('Broken')).toEqual([]);
      expect((await rig.status('Broken-failed')).messages).toBe(1);
      expect((await rig.status('Broken-done')).messages).toBe(1);
      expect(await ticketsWithSubject('Explodes')).toBe(0);

      const list = await t
        .http()
        .get(`/api/v1/admin/mailboxes/${box.id}/failed-messages`)
        .set('Authorization', admin());
      expect(list.status).toBe(200);
      expect(list.body).toEqual([
        expect.objectContaining({ subject: 'Explodes', fromAddress: 'broken@customer.test' }),
      ]);
      expect(list.body[0].error).toMatch(/disk full while filing/);
      failedId = list.body[0].id;
      const eml = await t
        .http()
        .get(`/api/v1/admin/mailboxes/${box.id}/failed-messages/${list.body[0].id}/raw`)
        .set('Authorization', admin())
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(eml.status).toBe(200);
      expect(eml.headers['content-type']).toMatch(/^message\/rfc822/);
      expect((eml.body as Buffer).equals(Buffer.from(raw))).toBe(true);
      const agent = await t
        .http()
        .get(`/api/v1/admin/mailboxes/${box.id}/failed-messages`)
        .set('Authorization', bearer(w.agent));
      expect(agent.status).toBe(403);
    } finally {
      await t.db.query(
        'DROP TRIGGER refuse_exploding ON tickets; DROP FUNCTION refuse_exploding()',
      );
    }
    // The cause is gone: the admin retries, and the stored copy is filed once.
    const retry = () =>
      t
        .http()
        .post(`/api/v1/admin/mailboxes/${box.id}/failed-messages/${failedId}/retry`)
        .set('Authorization', admin());
    const retried = await retry();
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ result: 'created' });
    expect(await ticketsWithSubject('Explodes')).toBe(1);
    const after = await t
      .http()
      .get(`/api/v1/admin/mailboxes/${box.id}/failed-messages`)
      .set('Authorization', admin());
    expect(after.body).toEqual([]);
    const [old] = await t.db.query(
      'SELECT status, reason, raw FROM inbound_messages WHERE id = $1',
      [failedId],
    );
    expect(old.status).toBe('discarded');
    expect(old.reason).toMatch(/^Retried: created/);
    expect((old.raw as Buffer).length).toBeGreaterThan(0);
    // Once done, it is not a failed message any more.
    expect((await retry()).status).toBe(404);
    const agentTry = await t
      .http()
      .post(`/api/v1/admin/mailboxes/${box.id}/failed-messages/${failedId}/retry`)
      .set('Authorization', bearer(w.agent));
    expect(agentTry.status).toBe(403);
  });

  it('rescans when UIDVALIDITY changes, filing what is new and nothing twice', async () => {
    const box = await mailboxOn('Epoch');
    for (const s of ['Epoch one', 'Epoch two', 'Epoch three'])
      await rig.append(box.mail({ subject: s }), 'Epoch');
    expect((await poller.pollOnce(box.id)).fetched).toBe(3);
    const before = (await mailboxOf(box.id)).status;
    expect(before.lastUid).toBe(3);

    // A message filed but not moved (crash), then the server rebuilds the folder: new UIDVALIDITY,
    // UIDs from 1 again.
    const crashed = box.mail({ subject: 'Epoch crashed' });
    const crashedUid = await rig.append(crashed, 'Epoch');
    await t.app
      .get(MailIngestPort)
      .ingest(
        { kind: 'imap', mailboxId: box.id, uidValidity: before.uidValidity, uid: crashedUid },
        Buffer.from(crashed),
      );
    const c = await rig.client();
    await c.mailboxDelete('Epoch');
    await c.mailboxCreate('Epoch');
    await c.logout();
    await rig.append(crashed, 'Epoch');
    await rig.append(box.mail({ subject: 'Epoch new' }), 'Epoch');
    const after = await rig.status('Epoch');
    expect(after.uidValidity).not.toBe(before.uidValidity);

    const result = await poller.pollOnce(box.id);
    expect(result).toMatchObject({
      status: 'done',
      uidValidityChanged: true,
      fetched: 2,
      outcomes: { duplicate: 1, created: 1 },
    });
    expect(await ticketsWithSubject('Epoch crashed')).toBe(1);
    expect(await ticketsWithSubject('Epoch new')).toBe(1);
    expect((await mailboxOf(box.id)).status).toMatchObject({
      uidValidity: after.uidValidity,
      lastUid: 2,
    });
  });

  async function mailboxOf(id: string) {
    return (await t.http().get(`/api/v1/admin/mailboxes/${id}`).set('Authorization', admin())).body;
  }

  it('records a wrong password on the mailbox, keeps the mail, and recovers once it is fixed', async () => {
    const box = await mailboxOn('Locked', { imapPassword: 'wrong' });
    await rig.append(box.mail({ subject: 'Behind a wrong password' }), 'Locked');
    const result = await poller.pollOnce(box.id);
    expect(result.status).toBe('error');
    const failed = await mailboxOf(box.id);
    expect(failed.status.lastError).toMatch(/refused the user name or password/);
    expect(failed.status.lastErrorAt).not.toBeNull();
    expect(failed.status.lastSuccessAt).toBeNull();
    expect(JSON.stringify(failed)).not.toContain('wrong');
    expect((await rig.uids('Locked')).length).toBe(1);

    const fixed = await t
      .http()
      .patch(`/api/v1/admin/mailboxes/${box.id}`)
      .set('Authorization', admin())
      .send({ version: failed.version, imapPassword: rig.users[SUPPORT] });
    expect(fixed.status).toBe(200);
    expect((await poller.pollOnce(box.id)).status).toBe('done');
    const ok = await mailboxOf(box.id);
    expect(ok.status.lastError).toBeNull();
    expect(ok.status.lastSuccessAt).not.toBeNull();
    expect(await ticketsWithSubject('Behind a wrong password')).toBe(1);
  });

  const failedList = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/admin/mailboxes/${id}/failed-messages`)
        .set('Authorization', admin())
    ).body as { id: string; subject: string; error: string; size: number; uid: number }[];

  it('keeps a message in the folder for as long as the database is away, read-only or full', async () => {
    const box = await mailboxOn('Away');
    await rig.append(box.mail({ subject: 'Waits for the database' }), 'Away');
    const ingest = t.app.get(MailIngestPort);
    const sqlError = (code: string, message: string) => Object.assign(new Error(message), { code });
    const thrown = [
      new Error('Connection terminated unexpectedly'),
      sqlError('25006', 'cannot execute INSERT in a read-only transaction'),
      sqlError('53100', 'could not extend file: No space left on device'),
      sqlError('40001', 'could not serialize access due to concurrent update'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ];
    const spy = jest.spyOn(ingest, 'ingest');
    try {
      for (const error of thrown) {
        spy.mockRejectedValueOnce(error);
        const r = await poller.pollOnce(box.id);
        expect(r).toMatchObject({ status: 'error', setAside: 0 });
        expect(r.error).toContain(error.message);
        expect((await rig.uids('Away')).length).toBe(1);
      }
      expect((await rig.status('Away-failed')).messages).toBe(0);
      expect(await failedList(box.id)).toEqual([]);
      expect(
        await count('SELECT count(*)::int AS n FROM mailbox_ingest_throws WHERE mailbox_id = $1', [
          box.id,
        ]),
      ).toBe(0);
    } finally {
      spy.mockRestore();
    }
    // Once the database is back, the message is filed as if nothing had happened.
    expect(await poller.pollOnce(box.id)).toMatchObject({
      status: 'done',
      outcomes: { created: 1 },
    });
    expect(await ticketsWithSubject('Waits for the database')).toBe(1);
  });

  it('sets a message aside after 3 throws counted across instances, keeping it raw with the error for admins', async () => {
    const box = await mailboxOn('Stuck');
    const raw = box.mail({ subject: 'Throws' });
    await rig.append(raw, 'Stuck');
    const other = await t.secondInstance();
    const otherPoller = other.get(MailboxPoller);
    // A bug or a constraint the message breaks: the ingest throws, and would again and again.
    const bug = () =>
      Object.assign(new Error('new row violates check constraint "x"'), { code: '23514' });
    const spies = [t.app.get(MailIngestPort), other.get(MailIngestPort)].map((p) =>
      jest.spyOn(p, 'ingest').mockImplementation(() => Promise.reject(bug())),
    );
    try {
      // The session moves between instances (as after a restart): the count goes with it.
      for (const p of [poller, otherPoller]) {
        const r = await p.pollOnce(box.id);
        expect(r.status).toBe('error');
        expect(r.error).toMatch(/violates check constraint/);
        expect((await rig.uids('Stuck')).length).toBe(1);
      }
      const third = await poller.pollOnce(box.id);
      expect(third).toMatchObject({ status: 'done', setAside: 1 });
      expect(await rig.uids('Stuck')).toEqual([]);
      expect((await rig.status('Stuck-failed')).messages).toBe(1);
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
    // Admins see it: among the failed messages with its error, and as the mailbox's last error,
    // which the pass that set it aside did not wipe with its own success.
    const list = await failedList(box.id);
    expect(list).toEqual([expect.objectContaining({ subject: 'Throws', size: raw.length })]);
    expect(list[0].error).toMatch(/after 3 failed attempts.*violates check constraint/);
    const status = (await mailboxOf(box.id)).status;
    expect(status.lastError).toMatch(/1 message\(s\) set aside in "Stuck-failed"/);
    expect(status.lastSuccessAt).not.toBeNull();
    expect(
      await count('SELECT count(*)::int AS n FROM mailbox_ingest_throws WHERE mailbox_id = $1', [
        box.id,
      ]),
    ).toBe(0);
    // The kept copy is whole: Retry files it once the cause is gone.
    const retried = await t
      .http()
      .post(`/api/v1/admin/mailboxes/${box.id}/failed-messages/${list[0].id}/retry`)
      .set('Authorization', admin());
    expect(retried.status).toBe(200);
    expect(await ticketsWithSubject('Throws')).toBe(1);
  });

  it('sets a message over 25 MB aside unfetched, with its headers and the reason for admins', async () => {
    const box = await mailboxOn('Huge');
    const big = box.mail({ subject: 'The whole disk image', body: 'x'.repeat(26 * 1024 * 1024) });
    await rig.append(big, 'Huge');
    await rig.append(box.mail({ subject: 'Small one after it' }), 'Huge');
    const result = await poller.pollOnce(box.id);
    expect(result).toMatchObject({
      status: 'done',
      setAside: 1,
      outcomes: { failed: 1, created: 1 },
    });
    expect(await rig.uids('Huge')).toEqual([]);
    expect((await rig.status('Huge-failed')).messages).toBe(1);
    expect(await ticketsWithSubject('Small one after it')).toBe(1);
    const list = (
      await t
        .http()
        .get(`/api/v1/admin/mailboxes/${box.id}/failed-messages`)
        .set('Authorization', admin())
    ).body as { subject: string; fromAddress: string; error: string; size: number }[];
    expect(list).toEqual([
      expect.objectContaining({
        subject: 'The whole disk image',
        fromAddress: 'huge@customer.test',
      }),
    ]);
    expect(list[0].error).toMatch(/more than the 26214400 taken in/);
    expect(list[0].size).toBeLessThan(2048);
    // The pass went well, but what it set aside stays on the mailbox for admins to see.
    const status = (await mailboxOf(box.id)).status;
    expect(status.lastError).toMatch(/1 message\(s\) set aside in "Huge-failed"/);
    expect(status.lastSuccessAt).not.toBeNull();
  });

  it('keeps a session per mailbox where the scheduler runs: new mail arrives by IDLE, not by the next poll', async () => {
    await t.db.query('UPDATE support_mailboxes SET active = false');
    const box = await mailboxOn('Idle');
    const pollers = t.app.get(MailboxPollers);
    const ticketSoon = async (subject: string) => {
      // Waits for the session to file it (no clock to move: IDLE is the server telling us).
      for (const until = Date.now() + 15_000; Date.now() < until;) {
        if ((await ticketsWithSubject(subject)) === 1) return true;
        await new Promise((r) => setTimeout(r, 100));
      }
      return false;
    };
    try {
      await rig.append(box.mail({ subject: 'Before the session' }), 'Idle');
      expect(await pollers.supervise()).toMatch(/1 mailbox session/);
      expect(await ticketSoon('Before the session')).toBe(true);
      // The session holds the mailbox: another instance's poller stays out.
      const other = (await t.secondInstance()).get(MailboxPoller);
      expect((await other.pollOnce(box.id)).status).toBe('busy');
      // Well within the 60 s fallback poll: the server announced it while the session idled.
      const started = Date.now();
      await rig.append(box.mail({ subject: 'While idling' }), 'Idle');
      expect(await ticketSoon('While idling')).toBe(true);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(await rig.uids('Idle')).toEqual([]);
      // A second supervise starts nothing new for a mailbox that has its session.
      expect(await pollers.supervise()).toBeNull();
    } finally {
      await pollers.beforeApplicationShutdown();
    }
    expect((await mailboxOf(box.id)).status.lastError).toBeNull();
    // A second instance boots inside it: on two shared cores beside the browser tier, over 60 s.
  }, 120_000);
});
