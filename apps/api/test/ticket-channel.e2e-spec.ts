import { AssignmentRulesEngine } from '../src/modules/assignment/assignment-rules.engine';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { createServiceToken } from './support/service-token';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Who decides a new ticket's channel (issue 16, item 3): the caller's kind, never a person's
 * say-so. A service account's token files `api`, or the source it declares that it relays; a
 * session (client or staff) that declares a channel is refused, whatever the channel.
 */
describe('POST /tickets: the channel', () => {
  let t: TestApp;
  let w: World;
  let token: string;

  const file = (auth: string, body: object) =>
    t.http().post('/api/v1/tickets').set('Authorization', auth).send(body);
  const stored = async (id: string) =>
    (
      (await t.db.query('SELECT channel FROM tickets WHERE id = $1', [id])) as { channel: string }[]
    )[0]?.channel;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    token = await createServiceToken(t, {
      scopes: ['tickets:read', 'tickets:write'],
      role: 'dispatcher',
      canViewAll: true,
    });
  });
  afterAll(() => t.close());

  it('a token without a channel files api', async () => {
    const res = await file(`Bearer ${token}`, { subject: 'Disk full on db-2' });
    expect(res.status).toBe(201);
    expect(res.body.channel).toBe('api');
    expect(await stored(res.body.id)).toBe('api');
  });

  it.each(['email', 'web_form', 'monitoring', 'api'])(
    'a token may declare the source it relays: %s',
    async (channel) => {
      const res = await file(`Bearer ${token}`, { subject: `Relayed ${channel}`, channel });
      expect(res.status).toBe(201);
      expect(res.body.channel).toBe(channel);
      expect(await stored(res.body.id)).toBe(channel);
    },
  );

  it.each(['portal', 'agent', 'fax'])('a token may not declare %s (400)', async (channel) => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM tickets');
    const res = await file(`Bearer ${token}`, { subject: 'Posing as a person', channel });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('channel');
    expect(await t.db.query('SELECT count(*)::int AS n FROM tickets')).toEqual(before);
  });

  const people: [string, (w: World) => Persona, string][] = [
    ['an admin', (x) => x.admin, 'agent'],
    ['a dispatcher', (x) => x.dispatcher, 'agent'],
    ['an agent', (x) => x.agent, 'agent'],
    ['a client', (x) => x.clientA, 'portal'],
  ];

  it.each(people)(
    '%s declaring a channel is refused (422 on channel) and nothing is filed',
    async (_who, persona) => {
      const before = await t.db.query('SELECT count(*)::int AS n FROM tickets');
      for (const channel of ['email', 'monitoring', 'api']) {
        const res = await file(bearer(persona(w)), { subject: 'Claims to be mail', channel });
        expect(res.status).toBe(422);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors).toContainEqual({
          field: 'channel',
          message: 'only an API token may declare the channel',
        });
      }
      expect(await t.db.query('SELECT count(*)::int AS n FROM tickets')).toEqual(before);
    },
  );

  it.each(people)('%s without a channel files by who they are', async (_who, persona, channel) => {
    const res = await file(bearer(persona(w)), { subject: 'By hand' });
    expect(res.status).toBe(201);
    expect(res.body.channel).toBe(channel);
  });

  it('a rule on channel email routes a relayed mail, not a person who claims one', async () => {
    await t.db.query('DELETE FROM assignment_rules');
    t.app.get(AssignmentRulesEngine).invalidate();
    try {
      const rule = await t
        .http()
        .post('/api/v1/assignment-rules')
        .set('Authorization', bearer(w.admin))
        .send({ name: 'Mail', conditions: { channels: ['email'] }, actions: { priority: 'high' } });
      expect(rule.status).toBe(201);
      const relayed = await file(`Bearer ${token}`, {
        subject: 'From the gateway',
        channel: 'email',
      });
      expect(relayed.status).toBe(201);
      expect(relayed.body).toMatchObject({ channel: 'email', priority: 'high' });
      const claimed = await file(bearer(w.dispatcher), { subject: 'Hi', channel: 'email' });
      expect(claimed.status).toBe(422);
    } finally {
      await t.db.query('DELETE FROM assignment_rules');
      t.app.get(AssignmentRulesEngine).invalidate();
    }
  });
});
