import { Writable } from 'node:stream';
import { pino } from 'pino';
import {
  CLIENT_NOTIFICATION_KINDS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
} from '@relaydesk/contracts';
import { UnsubscribeTokens } from '../src/modules/notifications/preferences/unsubscribe-token';
import { NotificationPreferencesService } from '../src/modules/notifications/preferences/notification-preferences.service';
import { startTestApp, type TestApp } from './support/test-app';
import { bearer, buildWorld, type Persona, type World } from './support/personas';

interface Cell {
  kind: string;
  channel: string;
  enabled: boolean;
  default: boolean;
}

/**
 * Notification preferences per user, kind and channel over the admins' defaults, and the
 * one-click unsubscribe link of the mails (RFC 8058).
 */
describe('notification preferences', () => {
  let t: TestApp;
  let w: World;
  const lines: string[] = [];
  let ip = 0;
  /** Each request from an address of its own, except where the rate limit is the point. */
  const nextIp = () => `198.51.100.${++ip}`;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    t = await startTestApp(
      { logLevel: 'info', trustProxy: 1, unsubscribeMaxPerIp: 3 },
      pino({ level: 'info' }, sink),
    );
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const getPrefs = (who: { token: string }) =>
    t.http().get('/api/v1/me/notification-preferences').set('Authorization', bearer(who));
  const putPrefs = (who: { token: string }, cells: object[]) =>
    t
      .http()
      .put('/api/v1/me/notification-preferences')
      .set('Authorization', bearer(who))
      .send({ cells });
  const cell = (body: unknown, kind: string, channel: string) =>
    (body as { items: Cell[] }).items.find((c) => c.kind === kind && c.channel === channel);
  const chosenRows = async (userId: string) =>
    (await t.db.query(
      'SELECT kind, channel, enabled FROM notification_preferences WHERE user_id = $1 ORDER BY kind, channel',
      [userId],
    )) as { kind: string; channel: string; enabled: boolean }[];
  const newClient = async (locale: 'en' | 'ru' | 'cs' = 'en'): Promise<Persona> => {
    const u = await t.factory.user({ role: 'client', organizationId: w.orgA.id, locale });
    return { id: u.id, email: u.email, token: await t.tokenFor(u.id) };
  };

  describe('of a user', () => {
    it('offers clients their three kinds and staff every kind but the acknowledgement', async () => {
      const client = await getPrefs(w.clientA);
      expect(client.status).toBe(200);
      const kinds = (body: unknown) => [
        ...new Set((body as { items: Cell[] }).items.map((c) => c.kind)),
      ];
      expect(kinds(client.body)).toEqual([...CLIENT_NOTIFICATION_KINDS]);
      expect((client.body as { items: Cell[] }).items).toHaveLength(
        3 * NOTIFICATION_CHANNELS.length,
      );
      expect(client.body.smsAvailable).toBe(false);
      const staff = await getPrefs(w.agent);
      expect(kinds(staff.body)).toEqual(
        NOTIFICATION_KINDS.filter((k) => k !== 'ticket_acknowledged'),
      );
      // The migration's defaults: bell and e-mail on, SMS for what cannot wait.
      expect(cell(staff.body, 'comment_public', 'email')).toEqual({
        kind: 'comment_public',
        channel: 'email',
        enabled: true,
        default: true,
      });
      expect(cell(staff.body, 'comment_public', 'sms')?.enabled).toBe(false);
      expect(cell(staff.body, 'sla_escalated', 'sms')?.enabled).toBe(true);
    });

    it('changes only the cells sent, and a reset goes back to the default', async () => {
      const me = await newClient();
      const changed = await putPrefs(me, [
        { kind: 'comment_public', channel: 'email', enabled: false },
        { kind: 'status_changed', channel: 'in_app', enabled: true },
      ]);
      expect(changed.status).toBe(200);
      expect(cell(changed.body, 'comment_public', 'email')).toMatchObject({
        enabled: false,
        default: false,
      });
      // Chosen equal to the default is still a choice: a later default change does not move it.
      expect(cell(changed.body, 'status_changed', 'in_app')).toMatchObject({
        enabled: true,
        default: false,
      });
      expect(cell(changed.body, 'comment_public', 'in_app')).toMatchObject({
        enabled: true,
        default: true,
      });
      expect(await chosenRows(me.id)).toEqual([
        { kind: 'comment_public', channel: 'email', enabled: false },
        { kind: 'status_changed', channel: 'in_app', enabled: true },
      ]);
      const reset = await putPrefs(me, [
        { kind: 'comment_public', channel: 'email', enabled: null },
      ]);
      expect(reset.status).toBe(200);
      expect(cell(reset.body, 'comment_public', 'email')).toMatchObject({
        enabled: true,
        default: true,
      });
      expect(await chosenRows(me.id)).toHaveLength(1);
    });

    it('refuses kinds the user never hears of, twice the same cell, and unknown values', async () => {
      const me = await newClient();
      const notMine = await putPrefs(me, [
        { kind: 'comment_public', channel: 'email', enabled: false },
        { kind: 'comment_internal', channel: 'in_app', enabled: true },
      ]);
      expect(notMine.status).toBe(422);
      expect(notMine.body.errors).toEqual([
        { field: 'cells[1].kind', message: 'is not a kind you are notified of' },
      ]);
      const twice = await putPrefs(me, [
        { kind: 'comment_public', channel: 'email', enabled: false },
        { kind: 'comment_public', channel: 'email', enabled: true },
      ]);
      expect(twice.status).toBe(422);
      // All or nothing: the first cell of a refused request was not stored.
      expect(await chosenRows(me.id)).toEqual([]);
      expect((await putPrefs(me, [{ kind: 'nope', channel: 'email', enabled: true }])).status).toBe(
        400,
      );
      expect(
        (await putPrefs(me, [{ kind: 'comment_public', channel: 'fax', enabled: true }])).status,
      ).toBe(400);
      expect((await putPrefs(me, [{ kind: 'comment_public', channel: 'email' }])).status).toBe(400);
      expect((await putPrefs(me, [])).status).toBe(400);
    });

    it('turns SMS on only with a valid phone and the opt-in (422 otherwise)', async () => {
      const me = await newClient();
      const sms = [{ kind: 'status_changed', channel: 'sms', enabled: true }];
      const refused = await putPrefs(me, sms);
      expect(refused.status).toBe(422);
      expect(refused.body.errors[0].field).toBe('cells[0].enabled');
      // Turning it off needs nothing: it can only mean fewer messages.
      expect((await putPrefs(me, [{ ...sms[0], enabled: false }])).status).toBe(200);
      await t.db.query(`UPDATE users SET phone = '601 123 456', sms_opt_in = true WHERE id = $1`, [
        me.id,
      ]);
      expect((await putPrefs(me, sms)).status).toBe(422);
      await t.db.query(`UPDATE users SET phone = '+420601123456' WHERE id = $1`, [me.id]);
      const ok = await putPrefs(me, sms);
      expect(ok.status).toBe(200);
      expect(ok.body.smsAvailable).toBe(true);
      expect(cell(ok.body, 'status_changed', 'sms')).toMatchObject({
        enabled: true,
        default: false,
      });
    });

    it('tells the fan-out who wants a kind on a channel: choice, else default, SMS only when ready', async () => {
      const prefs = t.app.get(NotificationPreferencesService);
      const [a, b, c] = [await newClient(), await newClient(), await newClient()];
      await putPrefs(a, [{ kind: 'comment_public', channel: 'email', enabled: false }]);
      await t.db.query(
        `UPDATE users SET phone = '+420601123456', sms_opt_in = true WHERE id = $1`,
        [c.id],
      );
      await putPrefs(c, [{ kind: 'comment_public', channel: 'sms', enabled: true }]);
      const want = (channel: 'email' | 'sms') =>
        prefs.recipientsWanting(t.db.manager, [a.id, b.id, c.id], 'comment_public', channel);
      expect((await want('email')).sort()).toEqual([b.id, c.id].sort());
      expect(await want('sms')).toEqual([c.id]);
      // Withdrawing the opt-in stops SMS whatever the preference says.
      await t.db.query('UPDATE users SET sms_opt_in = false WHERE id = $1', [c.id]);
      expect(await want('sms')).toEqual([]);
    });
  });

  describe('defaults', () => {
    const getDefaults = (who: { token: string }) =>
      t.http().get('/api/v1/admin/notification-defaults').set('Authorization', bearer(who));
    const putDefaults = (who: { token: string }, cells: object[]) =>
      t
        .http()
        .put('/api/v1/admin/notification-defaults')
        .set('Authorization', bearer(who))
        .send({ cells });

    it('are the admins’ (403 for everyone else)', async () => {
      for (const who of [w.clientA, w.agent, w.dispatcher]) {
        expect((await getDefaults(who)).status).toBe(403);
        expect(
          (await putDefaults(who, [{ kind: 'ticket_new', channel: 'email', enabled: false }]))
            .status,
        ).toBe(403);
      }
      const all = await getDefaults(w.admin);
      expect(all.status).toBe(200);
      expect(all.body.items).toHaveLength(NOTIFICATION_KINDS.length * NOTIFICATION_CHANNELS.length);
      expect(all.body.items).toContainEqual({
        kind: 'status_changed',
        channel: 'email',
        enabled: true,
        clients: true,
      });
    });

    it('reach everyone who has not chosen, and no one who has', async () => {
      const chooser = await newClient();
      await putPrefs(chooser, [{ kind: 'ticket_acknowledged', channel: 'email', enabled: true }]);
      const res = await putDefaults(w.admin, [
        { kind: 'ticket_acknowledged', channel: 'email', enabled: false },
      ]);
      expect(res.status).toBe(200);
      expect(res.body.items).toContainEqual(
        expect.objectContaining({ kind: 'ticket_acknowledged', channel: 'email', enabled: false }),
      );
      const other = await newClient();
      expect(cell((await getPrefs(other)).body, 'ticket_acknowledged', 'email')).toMatchObject({
        enabled: false,
        default: true,
      });
      expect(cell((await getPrefs(chooser)).body, 'ticket_acknowledged', 'email')).toMatchObject({
        enabled: true,
        default: false,
      });
      await putDefaults(w.admin, [
        { kind: 'ticket_acknowledged', channel: 'email', enabled: true },
      ]);
    });
  });

  describe('one-click unsubscribe', () => {
    const tokenFor = (userId: string, kind: (typeof NOTIFICATION_KINDS)[number]) =>
      t.app.get(UnsubscribeTokens).create({ userId, kind });
    const post = (token: string, from = nextIp()) =>
      t
        .http()
        .post(`/api/v1/unsubscribe/${token}`)
        .set('X-Forwarded-For', from)
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send('List-Unsubscribe=One-Click');

    it('shows a page in the user’s language on GET and changes nothing', async () => {
      const me = await newClient('ru');
      const token = tokenFor(me.id, 'status_changed');
      const page = await t.http().get(`/api/v1/unsubscribe/${token}`).set('Accept', 'text/html');
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).toContain('<html lang="ru">');
      expect(page.text).toContain('Больше не присылать письма «Изменения статуса»?');
      expect(page.text).toMatch(
        /<form method="post">[\s\S]*name="List-Unsubscribe" value="One-Click"/,
      );
      // Also when a link scanner asks for anything at all.
      expect((await t.http().get(`/api/v1/unsubscribe/${token}`)).status).toBe(200);
      expect(await chosenRows(me.id)).toEqual([]);
    });

    it('turns off e-mail of that kind only, for that user only, and again changes nothing', async () => {
      const me = await newClient();
      const bystander = await newClient();
      const token = tokenFor(me.id, 'comment_public');
      const res = await post(token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ kind: 'comment_public', channel: 'email', enabled: false });
      const prefs = (await getPrefs(me)).body;
      expect(cell(prefs, 'comment_public', 'email')).toMatchObject({
        enabled: false,
        default: false,
      });
      expect(cell(prefs, 'comment_public', 'in_app')).toMatchObject({
        enabled: true,
        default: true,
      });
      expect(cell(prefs, 'status_changed', 'email')).toMatchObject({
        enabled: true,
        default: true,
      });
      expect(await chosenRows(me.id)).toEqual([
        { kind: 'comment_public', channel: 'email', enabled: false },
      ]);
      expect(await chosenRows(bystander.id)).toEqual([]);
      // Twice, with an empty body this time: the same answer, the same single row.
      const again = await t
        .http()
        .post(`/api/v1/unsubscribe/${token}`)
        .set('X-Forwarded-For', nextIp());
      expect(again.status).toBe(200);
      expect(await chosenRows(me.id)).toHaveLength(1);
    });

    it('answers a browser’s form with a page', async () => {
      const me = await newClient('cs');
      const res = await post(tokenFor(me.id, 'status_changed')).set('Accept', 'text/html');
      expect(res.status).toBe(200);
      expect(res.text).toContain('E-maily „Změny stavu“ vám už nebudeme posílat.');
    });

    it('answers a forged, damaged or orphaned token with a bare 404', async () => {
      const me = await newClient();
      const token = tokenFor(me.id, 'comment_public');
      const [payload, sig] = token.split('.');
      const otherPayload = tokenFor(w.clientA.id, 'comment_public').split('.')[0];
      const flipped = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
      const gone = await newClient();
      const goneToken = tokenFor(gone.id, 'comment_public');
      await t.db.query('DELETE FROM users WHERE id = $1', [gone.id]);
      for (const bad of [
        `${payload}.${flipped}`,
        `${otherPayload}.${sig}`,
        'x'.repeat(50),
        goneToken,
      ]) {
        const res = await post(bad);
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.detail ?? '').not.toMatch(/sign|token|user|kind/i);
        expect(
          (await t.http().get(`/api/v1/unsubscribe/${bad}`).set('Accept', 'application/json'))
            .status,
        ).toBe(404);
      }
      expect(await chosenRows(me.id)).toEqual([]);
      expect(await chosenRows(w.clientA.id)).toEqual([]);
    });

    it('is rate-limited per address, not the page', async () => {
      const me = await newClient();
      const token = tokenFor(me.id, 'status_changed');
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await post(token, '198.51.100.250')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      for (let i = 0; i < 4; i++) {
        expect(
          (
            await t
              .http()
              .get(`/api/v1/unsubscribe/${token}`)
              .set('X-Forwarded-For', '198.51.100.250')
          ).status,
        ).toBe(200);
      }
    });

    it('never writes the token to the log', async () => {
      const me = await newClient();
      const token = tokenFor(me.id, 'status_changed');
      lines.length = 0;
      await t.http().get(`/api/v1/unsubscribe/${token}`);
      await post(token);
      await post(`${token.split('.')[0]}.${'A'.repeat(43)}`);
      const log = lines.join('');
      expect(log.match(/\/api\/v1\/unsubscribe\/\[redacted\]/g)).toHaveLength(3);
      expect(log).not.toContain(token);
      expect(log).not.toContain(token.split('.')[0]);
      expect(log).not.toContain(token.split('.')[1]);
    });
  });
});
