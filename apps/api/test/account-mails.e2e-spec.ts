import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { PasswordResets } from '../src/modules/auth/account-tokens/password-resets.service';
import { DeliveryWorker } from '../src/modules/notifications/delivery/delivery-worker';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';
import { TEST_PASSWORD } from './support/factory';

const PUBLIC_URL = 'https://help.example.test';
const HOUR = 3_600_000;
const INVALID_LINK = 'This link is invalid or has expired; ask for a new one';

interface DeliveryRow {
  id: string;
  channel: string;
  kind: string;
  user_id: string | null;
  address: string;
  locale: string;
  status: string;
  data: Record<string, string>;
}

/**
 * The account mails end to end on a real database: what lands in the `deliveries` outbox (the
 * delivery workers send it), and what the link in it does. Tokens are taken from the queued
 * mail's `actionUrl`, as the person would.
 */
describe('account mails: welcome, forgot password, e-mail change', () => {
  let t: TestApp;
  let admin: { id: string; email: string };
  let adminAuth: string;
  let sink: SmtpSink;
  let ipSeq = 0;
  /** A fresh client address per use, so the per-address limits of one test do not touch another. */
  const ip = () => `198.51.100.${++ipSeq}`;
  /** What the app logs (requests at info), and every token the tests took from a mail. */
  const logLines: string[] = [];
  const tokensSeen = new Set<string>();

  beforeAll(async () => {
    const logSink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    sink = await SmtpSink.start();
    t = await startTestApp(
      {
        // A real SMTP server in this process: the delivery worker sends there when a test runs it.
        mailDriver: 'smtp',
        smtpUrl: sink.url,
        smtpEndpoint: { host: '127.0.0.1', port: sink.port, secure: false, user: null },
        mailFrom: 'Relaydesk <support@help.example.test>',
        logLevel: 'info',
        publicUrl: PUBLIC_URL,
        trustProxy: 1,
        passwordResetMaxPerIp: 4,
        passwordResetMaxPerAddress: 3,
        accountTokenMaxPerIp: 5,
        loginMaxAttemptsPerAccount: 1000,
      },
      pino({ level: 'info' }, logSink),
    );
    admin = await t.factory.user({ role: 'admin' });
    adminAuth = `Bearer ${await t.tokenFor(admin.id)}`;
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  const deliveries = (address: string, kind?: string) =>
    t.db.query(
      `SELECT id, channel, kind, user_id, address, locale, status, data FROM deliveries
        WHERE address = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY id`,
      [address, kind ?? null],
    ) as Promise<DeliveryRow[]>;
  const tokenOf = (d: DeliveryRow) => {
    const m = /#token=([A-Za-z0-9_-]+)$/.exec(d.data.actionUrl);
    if (!m) throw new Error(`no token in ${d.data.actionUrl}`);
    tokensSeen.add(m[1]);
    return m[1];
  };
  const login = (email: string, password: string) =>
    t.http().post('/api/v1/auth/login').set('X-Forwarded-For', ip()).send({ email, password });
  const setPassword = (token: string, password: string, from = ip()) =>
    t
      .http()
      .post('/api/v1/auth/password-resets')
      .set('X-Forwarded-For', from)
      .send({ token, password });
  const askReset = (email: string, app: 'agent' | 'portal' = 'portal', from = ip()) =>
    t
      .http()
      .post('/api/v1/auth/password-reset-requests')
      .set('X-Forwarded-For', from)
      .send({ email, app });
  const resetsDone = () => t.app.get(PasswordResets).settled();
  const createUser = (body: Record<string, unknown>) =>
    t.http().post('/api/v1/users').set('Authorization', adminAuth).send(body);
  let n = 0;
  const address = (what: string) => `${what}-${++n}@mail.example.test`;

  describe('welcome', () => {
    it('queues a set-password link for a user created without a password; it works once', async () => {
      const email = address('new-agent');
      const created = await createUser({ email, name: 'Nina Novak', role: 'agent', locale: 'cs' });
      expect(created.status).toBe(201);

      const [mail, ...more] = await deliveries(email);
      expect(more).toEqual([]);
      expect(mail).toMatchObject({
        channel: 'email',
        kind: 'account_welcome',
        user_id: created.body.id,
        locale: 'cs',
        status: 'pending',
      });
      expect(Object.keys(mail.data).sort()).toEqual(['actionUrl', 'audience', 'expiresAt', 'name']);
      expect(mail.data).toMatchObject({
        name: 'Nina Novak',
        audience: 'staff',
        expiresAt: new Date(t.clock.now().getTime() + 72 * HOUR).toISOString(),
      });
      // The workspace's page, from PUBLIC_URL; the token in the fragment only.
      expect(mail.data.actionUrl).toMatch(
        /^https:\/\/help\.example\.test\/agent\/set-password#token=[A-Za-z0-9_-]{43}$/,
      );
      const token = tokenOf(mail);
      // Only its hash is kept.
      const stored = (await t.db.query('SELECT token_hash FROM account_tokens WHERE user_id = $1', [
        created.body.id,
      ])) as { token_hash: string }[];
      expect(stored).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);

      expect((await setPassword(token, 'my first password')).status).toBe(204);
      expect((await login(email, 'my first password')).status).toBe(200);
      const again = await setPassword(token, 'someone elses password');
      expect(again.status).toBe(400);
      expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(again.body.detail).toBe(INVALID_LINK);
      expect((await login(email, 'someone elses password')).status).toBe(401);
    });

    it("links a client to the portal's page", async () => {
      const org = await t.factory.organization();
      const email = address('new-client');
      const created = await createUser({
        email,
        name: 'Carl Client',
        role: 'client',
        organizationId: org.id,
      });
      expect(created.status).toBe(201);
      const [mail] = await deliveries(email, 'account_welcome');
      expect(mail.data.audience).toBe('client');
      expect(mail.data.actionUrl).toMatch(
        /^https:\/\/help\.example\.test\/set-password#token=[A-Za-z0-9_-]+$/,
      );
    });

    it('sends nothing to a user created with a password, inactive, or of an inactive organization', async () => {
      const withPassword = address('has-password');
      expect(
        (
          await createUser({
            email: withPassword,
            name: 'P',
            role: 'agent',
            password: 'a password 1',
          })
        ).status,
      ).toBe(201);
      const inactive = address('inactive');
      expect(
        (await createUser({ email: inactive, name: 'I', role: 'agent', active: false })).status,
      ).toBe(201);
      const closed = await t.factory.organization();
      await t.db.query('UPDATE organizations SET active = false WHERE id = $1', [closed.id]);
      const orphan = address('orphan-contact');
      const created = await createUser({
        email: orphan,
        name: 'O',
        role: 'client',
        organizationId: closed.id,
      });
      expect(created.status).toBe(201);
      expect(await deliveries(withPassword)).toEqual([]);
      expect(await deliveries(inactive)).toEqual([]);
      expect(await deliveries(orphan)).toEqual([]);
      // Nor on request, until the account can sign in.
      const resend = await t
        .http()
        .post(`/api/v1/users/${created.body.id}/invitations`)
        .set('Authorization', adminAuth);
      expect(resend.status).toBe(422);
      expect(await deliveries(orphan)).toEqual([]);
    });

    it('rolls the mail back with a create that fails', async () => {
      const email = address('duplicate');
      expect((await createUser({ email, name: 'First', role: 'agent' })).status).toBe(201);
      const second = await createUser({
        email: email.toUpperCase(),
        name: 'Second',
        role: 'agent',
      });
      expect(second.status).toBe(409);
      expect(await deliveries(email)).toHaveLength(1);
    });

    it('expires after 72 hours', async () => {
      const email = address('late');
      await createUser({ email, name: 'Late', role: 'agent' });
      const [mail] = await deliveries(email);
      t.clock.advance(72 * HOUR);
      const res = await setPassword(tokenOf(mail), 'too late for this');
      expect(res.status).toBe(400);
      expect(res.body.detail).toBe(INVALID_LINK);
    });

    it('resend: a new link replaces the old one; refused once a password is set', async () => {
      const email = address('resend');
      const created = await createUser({ email, name: 'Rhea', role: 'agent' });
      const invite = () =>
        t
          .http()
          .post(`/api/v1/users/${created.body.id}/invitations`)
          .set('Authorization', adminAuth);
      const res = await invite();
      expect(res.status).toBe(202);
      expect(res.body).toEqual({
        expiresAt: new Date(t.clock.now().getTime() + 72 * HOUR).toISOString(),
      });
      const [first, second] = await deliveries(email, 'account_welcome');
      expect(second).toBeDefined();
      expect((await setPassword(tokenOf(first), 'the old link')).status).toBe(400);
      expect((await setPassword(tokenOf(second), 'the new link')).status).toBe(204);
      const refused = await invite();
      expect(refused.status).toBe(422);
      expect(await deliveries(email, 'account_welcome')).toHaveLength(2);
    });

    it('resend: 404 for no such user, 403 for a dispatcher inviting staff', async () => {
      const missing = await t
        .http()
        .post('/api/v1/users/00000000-0000-4000-8000-000000000000/invitations')
        .set('Authorization', adminAuth);
      expect(missing.status).toBe(404);
      const dispatcher = await t.factory.user({ role: 'dispatcher' });
      const staff = await createUser({ email: address('staff'), name: 'S', role: 'agent' });
      const res = await t
        .http()
        .post(`/api/v1/users/${staff.body.id}/invitations`)
        .set('Authorization', `Bearer ${await t.tokenFor(dispatcher.id)}`);
      expect(res.status).toBe(403);
    });
  });

  describe('forgot password', () => {
    it('answers known, unknown and inactive addresses alike; mails only the active account', async () => {
      const known = await t.factory.user({ role: 'agent', email: address('known') });
      const inactive = await t.factory.user({ email: address('gone'), active: false });
      const closedOrg = await t.factory.organization();
      await t.db.query('UPDATE organizations SET active = false WHERE id = $1', [closedOrg.id]);
      const orphan = await t.factory.user({
        role: 'client',
        organizationId: closedOrg.id,
        email: address('orphan'),
      });
      const unknown = address('nobody');

      const answers = [
        await askReset(known.email.toUpperCase(), 'agent'),
        await askReset(unknown, 'agent'),
        await askReset(inactive.email, 'agent'),
        await askReset(orphan.email, 'agent'),
      ];
      await resetsDone();
      for (const a of answers) {
        expect(a.status).toBe(202);
        expect(a.body).toEqual(answers[0].body);
      }
      const [mail, ...more] = await deliveries(known.email);
      expect(more).toEqual([]);
      expect(mail).toMatchObject({ kind: 'password_reset', user_id: known.id });
      expect(mail.data).toMatchObject({
        audience: 'staff',
        expiresAt: new Date(t.clock.now().getTime() + HOUR).toISOString(),
      });
      expect(mail.data.actionUrl).toMatch(
        /^https:\/\/help\.example\.test\/agent\/reset-password#token=/,
      );
      for (const a of [unknown, inactive.email, orphan.email]) {
        expect(await deliveries(a)).toEqual([]);
      }
      expect(
        (await t.db.query('SELECT 1 FROM account_tokens WHERE user_id = ANY($1)', [
          [inactive.id, orphan.id],
        ])) as unknown[],
      ).toEqual([]);
    });

    it('sends a client to the portal even when asked from the workspace', async () => {
      const org = await t.factory.organization();
      const client = await t.factory.user({
        role: 'client',
        organizationId: org.id,
        email: address('client-reset'),
      });
      await askReset(client.email, 'agent');
      await resetsDone();
      const [mail] = await deliveries(client.email);
      expect(mail.data.actionUrl).toMatch(/^https:\/\/help\.example\.test\/reset-password#token=/);
    });

    it("reaches the SMTP server with the link, in the user's language", async () => {
      const user = await t.factory.user({ email: address('smtp'), locale: 'ru' });
      await askReset(user.email, 'agent');
      await resetsDone();
      const [queued] = await deliveries(user.email);
      await t.app.get(DeliveryWorker).deliver();
      const [mail, ...more] = sink.to(user.email);
      expect(more).toEqual([]);
      expect(mail.parsed.text).toContain(queued.data.actionUrl);
      expect(mail.parsed.html).toContain(queued.data.actionUrl);
      // Cyrillic: the Russian template, for the user's locale.
      expect(mail.parsed.subject).toMatch(/[а-я]/i);
      const [row] = (await t.db.query('SELECT status FROM deliveries WHERE id = $1', [
        queued.id,
      ])) as { status: string }[];
      expect(row.status).toBe('sent');
      // And the mailed link works.
      expect((await setPassword(tokenOf(queued), 'from the mailed link')).status).toBe(204);
    });

    it('sets the new password, ends every session, and only the newest link works', async () => {
      const user = await t.factory.user({ email: address('resetting') });
      const before = await login(user.email, TEST_PASSWORD);
      expect(before.status).toBe(200);
      const me = () =>
        t.http().get('/api/v1/me').set('Authorization', `Bearer ${before.body.accessToken}`);
      expect((await me()).status).toBe(200);

      await askReset(user.email);
      await askReset(user.email);
      await resetsDone();
      const [older, newer] = await deliveries(user.email, 'password_reset');
      expect((await setPassword(tokenOf(older), 'from the older link')).status).toBe(400);
      // Same rules as a password change: at least 8 characters.
      expect((await setPassword(tokenOf(newer), 'short')).status).toBe(400);
      expect((await setPassword(tokenOf(newer), 'from the newer link')).status).toBe(204);

      expect((await me()).status).toBe(401);
      const refreshed = await t
        .http()
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: before.body.refreshToken });
      expect(refreshed.status).toBe(401);
      expect((await login(user.email, TEST_PASSWORD)).status).toBe(401);
      expect((await login(user.email, 'from the newer link')).status).toBe(200);
    });

    it('expires after an hour', async () => {
      const user = await t.factory.user({ email: address('slow') });
      await askReset(user.email);
      await resetsDone();
      const [mail] = await deliveries(user.email);
      t.clock.advance(HOUR);
      expect((await setPassword(tokenOf(mail), 'an hour too late')).status).toBe(400);
      expect((await login(user.email, TEST_PASSWORD)).status).toBe(200);
    });

    it('lets exactly one of two simultaneous uses of a link through', async () => {
      const user = await t.factory.user({ email: address('race') });
      await askReset(user.email);
      await resetsDone();
      const [mail] = await deliveries(user.email);
      const token = tokenOf(mail);
      const [a, b] = await Promise.all([
        setPassword(token, 'password of request A'),
        setPassword(token, 'password of request B'),
      ]);
      expect([a.status, b.status].sort()).toEqual([204, 400]);
      const winner = a.status === 204 ? 'password of request A' : 'password of request B';
      const loser = a.status === 204 ? 'password of request B' : 'password of request A';
      expect((await login(user.email, winner)).status).toBe(200);
      expect((await login(user.email, loser)).status).toBe(401);
      const [{ used }] = (await t.db.query(
        'SELECT count(*)::int AS used FROM account_tokens WHERE user_id = $1 AND used_at IS NOT NULL',
        [user.id],
      )) as { used: number }[];
      expect(used).toBe(1);
    });

    it('limits requests per address (whether it has an account or not) and per client address', async () => {
      const target = address('target');
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await askReset(target, 'portal', ip())).status);
      expect(statuses).toEqual([202, 202, 202, 429]);
      // The same for an address with an account: the limit tells nothing either.
      const user = await t.factory.user({ email: address('limited') });
      const forUser = [];
      for (let i = 0; i < 4; i++) forUser.push((await askReset(user.email, 'portal', ip())).status);
      expect(forUser).toEqual([202, 202, 202, 429]);
      await resetsDone();
      expect(await deliveries(user.email)).toHaveLength(3);

      const from = ip();
      const perIp = [];
      for (let i = 0; i < 5; i++)
        perIp.push((await askReset(address('spray'), 'portal', from)).status);
      expect(perIp).toEqual([202, 202, 202, 202, 429]);
      const limited = await askReset(address('spray'), 'portal', from);
      expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('limits uses of links per client address', async () => {
      const from = ip();
      const statuses = [];
      for (let i = 0; i < 6; i++) {
        statuses.push(
          (await setPassword(`guess-${i}-${'x'.repeat(40)}`, 'a password 1', from)).status,
        );
      }
      expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    });

    it('refuses bad input with 400, never 500', async () => {
      const bad = [
        { email: 'a@b.test' },
        { email: 'a@b.test', app: 'mobile' },
        { email: 42, app: 'portal' },
        { email: 'a@b.test', app: 'portal', extra: 1 },
      ];
      for (const body of bad) {
        const res = await t
          .http()
          .post('/api/v1/auth/password-reset-requests')
          .set('X-Forwarded-For', ip())
          .send(body);
        expect(res.status).toBe(400);
      }
      expect((await setPassword('x'.repeat(201), 'a password 1')).status).toBe(400);
    });
  });

  describe('e-mail change', () => {
    const changeEmail = (auth: string, newEmail: string, currentPassword = TEST_PASSWORD) =>
      t
        .http()
        .post('/api/v1/me/email-changes')
        .set('Authorization', auth)
        .send({ newEmail, currentPassword });
    const confirm = (auth: string, token: string) =>
      t
        .http()
        .post('/api/v1/me/email-confirmations')
        .set('X-Forwarded-For', ip())
        .set('Authorization', auth)
        .send({ token });

    it('mails the new address and changes it only on confirmation', async () => {
      const user = await t.factory.user({ email: address('old'), name: 'Olga', locale: 'ru' });
      const auth = `Bearer ${await t.tokenFor(user.id)}`;
      const newEmail = address('new');

      expect((await changeEmail(auth, newEmail, 'not my password')).status).toBe(422);
      expect((await changeEmail(auth, user.email.toUpperCase())).status).toBe(422);
      const res = await changeEmail(auth, newEmail);
      expect(res.status).toBe(202);
      expect(res.body).toEqual({
        newEmail,
        expiresAt: new Date(t.clock.now().getTime() + 24 * HOUR).toISOString(),
      });
      expect(await deliveries(user.email)).toEqual([]);
      const [mail] = await deliveries(newEmail);
      expect(mail).toMatchObject({ kind: 'email_change', user_id: user.id, locale: 'ru' });
      expect(mail.data).toMatchObject({ name: 'Olga', newEmail, audience: 'staff' });
      expect(mail.data.actionUrl).toMatch(
        /^https:\/\/help\.example\.test\/agent\/confirm-email#token=/,
      );
      // Not applied yet.
      expect((await t.http().get('/api/v1/me').set('Authorization', auth)).body.email).toBe(
        user.email,
      );

      // Somebody else's session cannot use the token.
      const other = await t.factory.user();
      const stranger = await confirm(`Bearer ${await t.tokenFor(other.id)}`, tokenOf(mail));
      expect(stranger.status).toBe(400);
      expect(stranger.body.detail).toBe(INVALID_LINK);

      expect((await confirm(auth, tokenOf(mail))).status).toBe(204);
      expect((await t.http().get('/api/v1/me').set('Authorization', auth)).body.email).toBe(
        newEmail,
      );
      expect((await login(newEmail, TEST_PASSWORD)).status).toBe(200);
      expect((await login(user.email, TEST_PASSWORD)).status).toBe(401);
      expect((await confirm(auth, tokenOf(mail))).status).toBe(400);
    });

    it('answers 409 when the address is taken, or was taken before the confirmation', async () => {
      const user = await t.factory.user({ email: address('mover') });
      const auth = `Bearer ${await t.tokenFor(user.id)}`;
      const existing = await t.factory.user({ email: address('existing') });
      expect((await changeEmail(auth, existing.email.toUpperCase())).status).toBe(409);

      const wanted = address('wanted');
      expect((await changeEmail(auth, wanted)).status).toBe(202);
      const [mail] = await deliveries(wanted);
      await t.factory.user({ email: wanted.toUpperCase() });
      const res = await confirm(auth, tokenOf(mail));
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((await t.http().get('/api/v1/me').set('Authorization', auth)).body.email).toBe(
        user.email,
      );
    });

    it('expires after 24 hours', async () => {
      const user = await t.factory.user({ email: address('patient') });
      const auth = `Bearer ${await t.tokenFor(user.id)}`;
      const newEmail = address('eventually');
      await changeEmail(auth, newEmail);
      const [mail] = await deliveries(newEmail);
      t.clock.advance(24 * HOUR);
      expect((await confirm(auth, tokenOf(mail))).status).toBe(400);
    });

    it("an admin's change of the address kills the links sent to the old one; a user without a password gets a new welcome", async () => {
      const patchEmail = async (id: string, email: string) => {
        const current = await t.http().get(`/api/v1/users/${id}`).set('Authorization', adminAuth);
        const res = await t
          .http()
          .patch(`/api/v1/users/${id}`)
          .set('Authorization', adminAuth)
          .send({ email, version: current.body.version });
        expect(res.status).toBe(200);
      };
      const user = await t.factory.user({ email: address('compromised') });
      await askReset(user.email);
      await resetsDone();
      const [reset] = await deliveries(user.email);
      await patchEmail(user.id, address('safe'));
      expect((await setPassword(tokenOf(reset), 'from the old mailbox')).status).toBe(400);
      expect((await login(user.email, 'from the old mailbox')).status).toBe(401);

      const typo = address('tpyo');
      const invited = await createUser({ email: typo, name: 'Tia Typo', role: 'agent' });
      const [lost] = await deliveries(typo);
      const fixed = address('typo');
      await patchEmail(invited.body.id, fixed);
      expect((await setPassword(tokenOf(lost), 'from the wrong mailbox')).status).toBe(400);
      const [welcome, ...more] = await deliveries(fixed);
      expect(more).toEqual([]);
      expect(welcome).toMatchObject({ kind: 'account_welcome', user_id: invited.body.id });
      // A change of case only is no change of address: the link stays, no new mail.
      await patchEmail(invited.body.id, fixed.toUpperCase());
      const [{ n }] = (await t.db.query(
        'SELECT count(*)::int AS n FROM deliveries WHERE user_id = $1',
        [invited.body.id],
      )) as { n: number }[];
      expect(n).toBe(2);
      expect((await setPassword(tokenOf(welcome), 'from the right mailbox')).status).toBe(204);
    });

    it("keeps an admin's edit of a user's address direct", async () => {
      const user = await t.factory.user({ email: address('edited') });
      const current = await t
        .http()
        .get(`/api/v1/users/${user.id}`)
        .set('Authorization', adminAuth);
      const newEmail = address('by-admin');
      const res = await t
        .http()
        .patch(`/api/v1/users/${user.id}`)
        .set('Authorization', adminAuth)
        .send({ email: newEmail, version: current.body.version });
      expect(res.status).toBe(200);
      expect(res.body.email).toBe(newEmail);
      expect(await deliveries(newEmail)).toEqual([]);
    });
  });

  it('never writes a token to the log', () => {
    expect(tokensSeen.size).toBeGreaterThan(10);
    const log = logLines.join('');
    // The requests were logged (so the check has something to look at) ...
    expect(log).toContain('/api/v1/auth/password-resets');
    // ... and none of the tokens they carried in their bodies.
    for (const token of tokensSeen) expect(log).not.toContain(token);
  });
});
