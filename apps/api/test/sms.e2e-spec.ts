import { Writable } from 'node:stream';
import { pino } from 'pino';
import { EnvReader } from '../src/config/env-reader';
import { smsConfig, type SmsConfig } from '../src/config/config-namespaces';
import { DeliveryWorker } from '../src/modules/notifications/delivery/delivery-worker';
import { HttpSmsGateway } from '../src/modules/notifications/sms/http-sms-gateway';
import { SmsGateway } from '../src/modules/notifications/sms/sms-gateway';
import { createSmsGateway } from '../src/modules/notifications/sms/sms.module';
import { closedPort, HttpReceiver } from './support/http-receiver';
import { bearer, buildWorld, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

const BEARER = 'Bearer sms-gateway-token-0f3a9c7e51';
const TWILIO_SID = 'AC0123456789abcdef';
const TWILIO_TOKEN = 'twilio-auth-token-55e1d2';
const TWILIO_BASIC = `Basic ${Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString('base64')}`;
const SMSRU_KEY = 'SMSRU-API-ID-9d8c7b6a';
const SECRETS = [
  BEARER,
  BEARER.slice(7),
  TWILIO_BASIC,
  TWILIO_BASIC.slice(6),
  TWILIO_TOKEN,
  SMSRU_KEY,
];

/** Quotes, a backslash, newlines, Cyrillic and characters that mean something in a form. */
const TEXT = 'Срочно: заявка #1042 "Насос"\nstopped\\failed\r\n& a+b=c? 100% ✓';
const TO = '+420601123456';

function configOf(env: Record<string, string>): SmsConfig {
  const reader = new EnvReader({ SMS_DRIVER: 'http', ...env });
  const config = smsConfig.load(reader);
  expect(reader.problems).toEqual([]);
  return config as SmsConfig;
}

describe('SMS', () => {
  let t: TestApp;
  let w: World;
  let gw: HttpReceiver;
  const lines: string[] = [];

  beforeAll(async () => {
    gw = await HttpReceiver.start();
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    // The app's own gateway is the HTTP driver, pointed at the receiver (SmsModule picks by config).
    t = await startTestApp(
      {
        logLevel: 'debug',
        ...configOf({
          SMS_GATEWAY_URL: `${gw.url}/app/send`,
          SMS_GATEWAY_AUTH_HEADER: `Authorization: ${BEARER}`,
        }),
      },
      pino({ level: 'debug' }, sink),
    );
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await gw.close();
  });
  beforeEach(() => {
    gw.requests.length = 0;
    gw.answer = () => ({ status: 200, body: '{}' });
  });

  describe('HTTP gateway driver, against a real HTTP receiver', () => {
    it('is what SmsModule provides when SMS_DRIVER=http', async () => {
      const gateway = t.app.get(SmsGateway);
      expect(gateway.driver).toBe('http');
      gw.answer = () => ({ status: 202, body: '{"message_id":"m-1"}' });
      expect(await gateway.send(TO, 'hello')).toEqual({ ok: true, providerId: 'm-1' });
      expect(gw.requests).toHaveLength(1);
      expect(gw.requests[0]).toMatchObject({ method: 'POST', url: '/app/send' });
      expect(JSON.parse(gw.requests[0].body)).toEqual({ to: TO, text: 'hello' });
    });

    it('fills a JSON template with escaped strings and sends the auth header', async () => {
      const gateway = new HttpSmsGateway(
        configOf({
          SMS_GATEWAY_URL: `${gw.url}/v1/messages`,
          SMS_GATEWAY_AUTH_HEADER: `Authorization: ${BEARER}`,
          SMS_GATEWAY_BODY_TEMPLATE: '{"to":"{{to}}","message":"{{ text }}","sender":"{{from}}"}',
          SMS_FROM: 'Relay "desk"',
        }),
      );
      gw.answer = () => ({ status: 200, body: '{"id":"gw-77","status":"queued"}' });
      expect(await gateway.send(TO, TEXT)).toEqual({ ok: true, providerId: 'gw-77' });
      const [req] = gw.requests;
      expect(req.method).toBe('POST');
      expect(req.headers.authorization).toBe(BEARER);
      expect(req.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(req.body)).toEqual({ to: TO, message: TEXT, sender: 'Relay "desk"' });
    });

    it('posts a form the way Twilio takes it (basic auth, URL-encoded fields)', async () => {
      const gateway = new HttpSmsGateway(
        configOf({
          SMS_GATEWAY_URL: `${gw.url}/2010-04-01/Accounts/${TWILIO_SID}/Messages.json`,
          SMS_GATEWAY_AUTH_HEADER: `Authorization: ${TWILIO_BASIC}`,
          SMS_GATEWAY_CONTENT_TYPE: 'application/x-www-form-urlencoded',
          SMS_GATEWAY_BODY_TEMPLATE: 'To={{to}}&From={{from}}&Body={{text}}',
          SMS_FROM: '+15005550006',
        }),
      );
      gw.answer = () => ({ status: 201, body: '{"sid":"SM42","status":"queued"}' });
      expect(await gateway.send(TO, TEXT)).toEqual({ ok: true, providerId: 'SM42' });
      const [req] = gw.requests;
      expect(req.headers.authorization).toBe(TWILIO_BASIC);
      expect(req.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
      const form = new URLSearchParams(req.body);
      expect([...form.keys()]).toEqual(['To', 'From', 'Body']);
      expect(form.get('To')).toBe(TO);
      expect(form.get('From')).toBe('+15005550006');
      expect(form.get('Body')).toBe(TEXT);
    });

    it('sends a GET with the template as query string, after the query of the URL (SMS.ru style)', async () => {
      const gateway = new HttpSmsGateway(
        configOf({
          SMS_GATEWAY_URL: `${gw.url}/sms/send?api_id=${SMSRU_KEY}&json=1`,
          SMS_GATEWAY_METHOD: 'get',
          SMS_GATEWAY_BODY_TEMPLATE: 'to={{to}}&msg={{text}}',
        }),
      );
      gw.answer = () => ({ status: 200, body: '{"status":"OK","status_code":100}' });
      expect(await gateway.send(TO, TEXT)).toEqual({ ok: true, providerId: null });
      const [req] = gw.requests;
      expect(req.method).toBe('GET');
      expect(req.body).toBe('');
      const url = new URL(req.url, 'http://x');
      expect(url.pathname).toBe('/sms/send');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        api_id: SMSRU_KEY,
        json: '1',
        to: TO,
        msg: TEXT,
      });
    });

    describe('failures', () => {
      const echoing = () =>
        new HttpSmsGateway(
          configOf({
            SMS_GATEWAY_URL: `${gw.url}/sms/send?api_id=${SMSRU_KEY}`,
            SMS_GATEWAY_AUTH_HEADER: `Authorization: ${TWILIO_BASIC}`,
            SMS_GATEWAY_TIMEOUT_MS: '300',
          }),
        );

      it.each([
        [400, true],
        [401, true],
        [404, true],
        [422, true],
        [408, false],
        [429, false],
        [500, false],
        [503, false],
      ])(
        'HTTP %i: permanent %s, without the credentials the gateway echoed',
        async (status, permanent) => {
          // A careless gateway quotes the request back, credentials and all.
          gw.answer = (req) => ({
            status,
            body: JSON.stringify({
              error: 'refused',
              auth: req.headers.authorization,
              url: req.url,
            }),
          });
          const result = await echoing().send(TO, 'hi');
          expect(result).toMatchObject({ ok: false, permanent });
          const error = (result as { error: string }).error;
          expect(error).toMatch(new RegExp(`^HTTP ${status} from 127\\.0\\.0\\.1:\\d+/sms/send: `));
          expect(error).toContain('refused');
          for (const secret of SECRETS) expect(error).not.toContain(secret);
        },
      );

      it('a gateway that does not answer in time: transient', async () => {
        gw.answer = () => ({ hang: true });
        const result = await echoing().send(TO, 'hi');
        expect(result).toEqual({
          ok: false,
          permanent: false,
          error: expect.stringMatching(
            /^no answer from 127\.0\.0\.1:\d+\/sms\/send within 300 ms$/,
          ),
        });
        expect(gw.requests).toHaveLength(1);
      });

      it('connection refused: transient', async () => {
        const port = await closedPort();
        const gateway = new HttpSmsGateway(
          configOf({
            SMS_GATEWAY_URL: `http://127.0.0.1:${port}/send?key=${SMSRU_KEY}`,
            SMS_GATEWAY_AUTH_HEADER: `X-Api-Key: ${SMSRU_KEY}`,
          }),
        );
        expect(await gateway.send(TO, 'hi')).toEqual({
          ok: false,
          permanent: false,
          error: `could not reach 127.0.0.1:${port}/send (ECONNREFUSED)`,
        });
      });

      it('a redirect is not followed (it would take the credential elsewhere): permanent', async () => {
        gw.answer = (req) =>
          req.url.startsWith('/elsewhere')
            ? { status: 200, body: '{"id":"wrong"}' }
            : { status: 302, headers: { Location: `${gw.url}/elsewhere` } };
        const result = await echoing().send(TO, 'hi');
        expect(result).toMatchObject({ ok: false, permanent: true });
        expect((result as { error: string }).error).toMatch(
          /^HTTP 302 .*redirects are not followed/,
        );
        expect(gw.requests.map((r) => new URL(r.url, 'http://x').pathname)).toEqual(['/sms/send']);
      });

      it('a number that is not E.164: permanent, and the gateway is not called', async () => {
        expect(await echoing().send('+7 861 200-10-01', 'hi')).toMatchObject({
          ok: false,
          permanent: true,
        });
        expect(gw.requests).toHaveLength(0);
      });
    });

    it('logs sends and failures with masked numbers and never a credential', async () => {
      // Everything above was logged to `lines` (the app's logger serves every Nest Logger).
      const log = lines.join('');
      expect(log).toContain('SMS through 127.0.0.1');
      expect(log).toMatch(/"msg":"SMS sent through 127\.0\.0\.1:\d+\/v1\/messages"/);
      expect(log).toMatch(/"msg":"SMS not sent"/);
      expect(log).toContain('+420******456');
      expect(log).not.toContain(TO);
      for (const secret of SECRETS) expect(log).not.toContain(secret);
    });
  });

  describe('log driver and no driver', () => {
    it('logs a masked number and the length (the text only at debug), and sends nothing', async () => {
      lines.length = 0;
      const gateway = createSmsGateway(configOf({ SMS_DRIVER: 'log' }));
      expect(gateway.driver).toBe('log');
      expect(await gateway.send(TO, TEXT)).toEqual({ ok: true, providerId: 'log-1' });
      expect(await gateway.send('+7 861', TEXT)).toMatchObject({ ok: false, permanent: true });
      const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(entries).toEqual([
        expect.objectContaining({ msg: 'SMS are written to the log, not sent (SMS_DRIVER=log)' }),
        expect.objectContaining({ level: 30, to: '+420******456', length: TEXT.length }),
        expect.objectContaining({ level: 20, providerId: 'log-1', text: TEXT }),
      ]);
      expect(lines.join('')).not.toContain(TO);
      expect(gw.requests).toHaveLength(0);
    });

    it('production without SMS_DRIVER: off, said once at start, every SMS refused for good', async () => {
      lines.length = 0;
      const reader = new EnvReader({ NODE_ENV: 'production' });
      const gateway = createSmsGateway(smsConfig.load(reader) as SmsConfig);
      expect(reader.problems).toEqual([]);
      expect(gateway.driver).toBe('disabled');
      expect(lines.join('')).toContain('SMS is off: SMS_DRIVER is not set');
      expect(await gateway.send(TO, 'hi')).toEqual({
        ok: false,
        permanent: true,
        error: expect.stringContaining('SMS is off'),
      });
    });
  });

  describe('an urgent ticket, end to end', () => {
    interface SmsRow {
      id: string;
      user_id: string;
      address: string;
      status: string;
      attempts: number;
      next_attempt_at: Date;
      last_error: string | null;
    }
    const smsRows = async (ticketId: string) =>
      (await t.db.query(
        `SELECT id, user_id, address, status, attempts, next_attempt_at, last_error
           FROM deliveries WHERE ticket_id = $1 AND channel = 'sms' ORDER BY id`,
        [ticketId],
      )) as SmsRow[];

    it('reaches the gateway once, through two instances, and again after a failure only when due', async () => {
      // Someone who opted in through the API, and one with a number from before validation.
      const onCall = await t.factory.user({ role: 'agent', name: 'On call' });
      const legacy = await t.factory.user({ role: 'agent', name: 'Legacy phone' });
      const opted = await t
        .http()
        .patch('/api/v1/me')
        .set('Authorization', `Bearer ${await t.tokenFor(onCall.id)}`)
        .send({ phone: '+420 777 000 111', smsOptIn: true });
      expect(opted.status).toBe(200);
      await t.db.query(`UPDATE users SET phone = '777 000 222', sms_opt_in = true WHERE id = $1`, [
        legacy.id,
      ]);
      const desk = await t.factory.group('Urgent desk', [onCall.id, legacy.id]);

      const filed = await t
        .http()
        .post('/api/v1/tickets')
        .set('Authorization', bearer(w.dispatcher))
        .send({
          subject: 'Boiler "B2" down',
          requesterId: w.clientA.id,
          groupId: desk.id,
          priority: 'urgent',
        });
      expect(filed.status).toBe(201);
      await t.drainNotifications();
      const [row, ...others] = await smsRows(filed.body.id as string);
      expect(others).toEqual([]);
      expect(row).toMatchObject({
        user_id: onCall.id,
        address: '+420777000111',
        status: 'pending',
      });

      // The gateway is down: both instances' workers run at once; one of them tries, once.
      const second = await t.secondInstance();
      const workers = [t.app.get(DeliveryWorker), second.get(DeliveryWorker)];
      gw.answer = () => ({ status: 503, body: '{"error":"maintenance"}' });
      await Promise.all(workers.map((worker) => worker.deliver()));
      expect(gw.requests).toHaveLength(1);
      let [after] = await smsRows(filed.body.id as string);
      expect(after).toMatchObject({ status: 'pending', attempts: 1 });
      expect(after.last_error).toMatch(/^HTTP 503 from 127\.0\.0\.1:\d+\/app\/send: .*maintenance/);
      expect(after.last_error).not.toContain(BEARER.slice(7));
      expect(after.next_attempt_at.getTime()).toBeGreaterThan(t.clock.now().getTime());

      // Not due yet: nothing is sent.
      gw.answer = () => ({ status: 200, body: '{"id":"gw-urgent-1"}' });
      await Promise.all(workers.map((worker) => worker.deliver()));
      expect(gw.requests).toHaveLength(1);

      t.clock.set(after.next_attempt_at);
      await Promise.all(workers.map((worker) => worker.deliver()));
      await Promise.all(workers.map((worker) => worker.deliver()));
      expect(gw.requests).toHaveLength(2);
      [after] = await smsRows(filed.body.id as string);
      expect(after).toMatchObject({ status: 'sent', attempts: 2 });

      for (const req of gw.requests) {
        expect(req.headers.authorization).toBe(BEARER);
        const body = JSON.parse(req.body) as { to: string; text: string };
        expect(body.to).toBe('+420777000111');
        expect(body.text).toContain(String(filed.body.number));
      }
      expect(gw.requests[0].body).toBe(gw.requests[1].body);
    });
  });

  describe('phone numbers and SMS opt-in through the API', () => {
    const me = (who: { token: string }) => ({
      get: () => t.http().get('/api/v1/me').set('Authorization', bearer(who)),
      patch: (body: object) =>
        t.http().patch('/api/v1/me').set('Authorization', bearer(who)).send(body),
    });

    function expectProblem(
      res: { status: number; headers: Record<string, string>; body: unknown },
      status: number,
      field: string,
      message: RegExp,
    ) {
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        status,
        errors: expect.arrayContaining([{ field, message: expect.stringMatching(message) }]),
      });
    }

    it('admins set a phone typed with separators; it is stored as E.164', async () => {
      const created = await t
        .http()
        .post('/api/v1/users')
        .set('Authorization', bearer(w.admin))
        .send({
          email: 'sms.agent@example.test',
          name: 'SMS Agent',
          role: 'agent',
          phone: '+420 (601) 123-456',
        });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ phone: '+420601123456', smsOptIn: false });
      const [row] = await t.db.query('SELECT phone FROM users WHERE id = $1', [created.body.id]);
      expect(row.phone).toBe('+420601123456');

      const changed = await t
        .http()
        .patch(`/api/v1/users/${created.body.id}`)
        .set('Authorization', bearer(w.admin))
        .send({ version: 1, phone: '+7 918 345-12-01' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ phone: '+79183451201', version: 2 });
    });

    it('refuses a phone that is not E.164 with a 400 that says what is expected', async () => {
      const admin = (body: object) =>
        t.http().post('/api/v1/users').set('Authorization', bearer(w.admin)).send(body);
      const user = { email: 'bad.phone@example.test', name: 'Bad phone', role: 'agent' };
      for (const phone of ['601 123 456', '00420601123456', '+420 601 123 456 ext. 2', 'call me']) {
        expectProblem(await admin({ ...user, phone }), 400, 'phone', /E\.164.*\+420601123456/);
      }
      const [{ n }] = await t.db.query(
        "SELECT count(*)::int AS n FROM users WHERE email = 'bad.phone@example.test'",
      );
      expect(n).toBe(0);

      const [{ version }] = await t.db.query('SELECT version FROM users WHERE id = $1', [
        w.clientA.id,
      ]);
      expectProblem(
        await t
          .http()
          .patch(`/api/v1/users/${w.clientA.id}`)
          .set('Authorization', bearer(w.dispatcher))
          .send({ version, phone: '8 (918) 345-12-01' }),
        400,
        'phone',
        /E\.164/,
      );
      expectProblem(await me(w.agent).patch({ phone: '601123456' }), 400, 'phone', /E\.164/);
    });

    it('admins cannot opt a user in: consent is the user’s own', async () => {
      const res = await t
        .http()
        .patch(`/api/v1/users/${w.otherAgent.id}`)
        .set('Authorization', bearer(w.admin))
        .send({ version: 1, smsOptIn: true });
      expectProblem(res, 400, 'smsOptIn', /should not exist/);
    });

    it('a user opts in with a valid phone, in the same request or stored before', async () => {
      const client = me(w.clientA);
      const before = (await client.get()).body as { version: number; smsOptIn: boolean };
      expect(before.smsOptIn).toBe(false);

      expectProblem(await client.patch({ smsOptIn: true }), 422, 'smsOptIn', /needs a phone/);
      expectProblem(
        await client.patch({ phone: null, smsOptIn: true }),
        422,
        'smsOptIn',
        /needs a phone/,
      );
      expectProblem(await client.patch({ smsOptIn: null }), 400, 'smsOptIn', /boolean/);
      expect((await client.get()).body).toMatchObject({ smsOptIn: false, version: before.version });

      const both = await client.patch({ phone: '+420 601 123 456', smsOptIn: true });
      expect(both.status).toBe(200);
      expect(both.body).toMatchObject({
        phone: '+420601123456',
        smsOptIn: true,
        version: before.version + 1,
      });
      expect((await client.get()).body).toMatchObject({ phone: '+420601123456', smsOptIn: true });

      // A new number keeps the consent; removing it withdraws the consent.
      expect((await client.patch({ phone: '+420 602 000 111' })).body).toMatchObject({
        phone: '+420602000111',
        smsOptIn: true,
      });
      const cleared = await client.patch({ phone: '' });
      expect(cleared.body).toMatchObject({ phone: null, smsOptIn: false });

      expect((await client.patch({ phone: '+420602000111' })).body.smsOptIn).toBe(false);
      const again = await client.patch({ smsOptIn: true });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ phone: '+420602000111', smsOptIn: true });
    });

    it('an admin removing the phone turns SMS off', async () => {
      expect((await me(w.agent).patch({ phone: '+420603000222', smsOptIn: true })).status).toBe(
        200,
      );
      const { version } = (
        await t.http().get(`/api/v1/users/${w.agent.id}`).set('Authorization', bearer(w.admin))
      ).body as { version: number };
      const res = await t
        .http()
        .patch(`/api/v1/users/${w.agent.id}`)
        .set('Authorization', bearer(w.admin))
        .send({ version, phone: null });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ phone: null, smsOptIn: false });
    });

    it('a phone stored before validation still reads, but cannot be opted in until fixed', async () => {
      await t.db.query("UPDATE users SET phone = '+7 861 200-10-01' WHERE id = $1", [
        w.otherAgent.id,
      ]);
      const user = me(w.otherAgent);
      expect((await user.get()).body).toMatchObject({ phone: '+7 861 200-10-01', smsOptIn: false });
      const list = await t
        .http()
        .get(`/api/v1/users?q=${encodeURIComponent('Other agent')}`)
        .set('Authorization', bearer(w.admin));
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({ id: w.otherAgent.id, phone: '+7 861 200-10-01' }),
      ]);

      expectProblem(await user.patch({ smsOptIn: true }), 422, 'smsOptIn', /E\.164/);
      // Saving other fields leaves the old number alone.
      expect((await user.patch({ name: 'Other agent' })).body.phone).toBe('+7 861 200-10-01');
      const fixed = await user.patch({ phone: '+7 861 200-10-01', smsOptIn: true });
      expect(fixed.body).toMatchObject({ phone: '+78612001001', smsOptIn: true });
    });
  });
});
