import { randomUUID } from 'node:crypto';
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

      const closed = await createMailbox({ imapPort: 1 });
      const down = await t
        .http()
        .post(`/api/v1/admin/mailboxes/${closed.id}/test`)
        .set('Authorization', admin());
      expect(down.body).toMatchObject({ ok: false });
      expect(down.body.error).toMatch(/Connection refused/);

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
