import { ProblemType } from '@relaydesk/contracts';
import { insertContract, setRequesterList } from './support/requester-list';
import { createServiceAccountToken } from './support/service-token';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Issue 18, CDESK: authorized requesters on the channels that answer a person at once (portal,
 * /me, API tokens filing for a client). Mail and the web form have theirs in mail-ingest and
 * web-form specs (their refusal is a mail or a confirmation page).
 */
describe('authorized requesters and access by object', () => {
  let t: TestApp;
  const auth = async (userId: string) => `Bearer ${await t.tokenFor(userId)}`;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('authorized requesters', () => {
    let org: { id: string };
    let boss: { id: string };
    let intern: { id: string };
    let keeper: { id: string };
    let contract: { id: string };
    const countTickets = async (requesterId: string) =>
      (
        (await t.db.query('SELECT count(*)::int AS n FROM tickets WHERE requester_id = $1', [
          requesterId,
        ])) as { n: number }[]
      )[0].n;
    const file = async (userId: string) =>
      t
        .http()
        .post('/api/v1/tickets')
        .set('Authorization', await auth(userId))
        .send({ subject: 'The boiler is cold' });
    const me = async (userId: string) =>
      (
        await t
          .http()
          .get('/api/v1/me')
          .set('Authorization', await auth(userId))
      ).body as {
        mayFileRequests: boolean;
      };

    beforeAll(async () => {
      org = await t.factory.organization('Listed Co');
      boss = await t.factory.user({ role: 'client', organizationId: org.id });
      intern = await t.factory.user({ role: 'client', organizationId: org.id, locale: 'ru' });
      keeper = await t.factory.user({ role: 'client', organizationId: org.id });
      contract = await insertContract(t, org.id, 'LC-1');
    });

    it('the list off: every contact files and /me says so', async () => {
      await setRequesterList(t, org.id, false, [{ userId: boss.id }]);
      expect((await me(intern.id)).mayFileRequests).toBe(true);
      expect((await file(intern.id)).status).toBe(201);
    });

    it('the list on: the portal refuses the others with a problem of its own type, nothing stored', async () => {
      await setRequesterList(t, org.id, true, [
        { userId: boss.id },
        { userId: keeper.id, contractId: contract.id },
      ]);
      const before = await countTickets(intern.id);
      const refused = await file(intern.id);
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body).toMatchObject({
        type: ProblemType.NotAuthorizedRequester,
        status: 403,
        detail: expect.stringMatching(/only named people/),
      });
      // Nothing of the list is told: no names.
      expect(JSON.stringify(refused.body)).not.toMatch(/Listed Co|LC-1/);
      expect(await countTickets(intern.id)).toBe(before);
      expect((await me(intern.id)).mayFileRequests).toBe(false);

      expect((await file(boss.id)).status).toBe(201);
      expect((await me(boss.id)).mayFileRequests).toBe(true);
      // Listed for one contract: a request that names none is allowed (and may go under it).
      expect((await file(keeper.id)).status).toBe(201);
      expect((await me(keeper.id)).mayFileRequests).toBe(true);
    });

    it('replies to an existing ticket are not filing: still allowed', async () => {
      const [ticket] = (await t.db.query('SELECT id FROM tickets WHERE requester_id = $1 LIMIT 1', [
        intern.id,
      ])) as { id: string }[];
      const reply = await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/comments`)
        .set('Authorization', await auth(intern.id))
        .send({ body: 'Any news?' });
      expect(reply.status).toBe(201);
    });

    it('an API token filing for a client requester is refused for the others; staff in person are not', async () => {
      const { token } = await createServiceAccountToken(t, {
        role: 'agent',
        canViewAll: true,
        scopes: ['tickets:read', 'tickets:write'],
      });
      const viaToken = (requesterId: string) =>
        t
          .http()
          .post('/api/v1/tickets')
          .set('Authorization', `Bearer ${token}`)
          .send({ subject: 'From the monitoring', requesterId });
      const before = await countTickets(intern.id);
      const refused = await viaToken(intern.id);
      expect(refused.status).toBe(403);
      expect(refused.body.type).toBe(ProblemType.NotAuthorizedRequester);
      expect(await countTickets(intern.id)).toBe(before);
      expect((await viaToken(boss.id)).status).toBe(201);

      // A dispatcher taking the call decides in person (docs/contracts.md).
      const dispatcher = await t.factory.user({ role: 'dispatcher' });
      const byPhone = await t
        .http()
        .post('/api/v1/tickets')
        .set('Authorization', await auth(dispatcher.id))
        .send({ subject: 'Called in', requesterId: intern.id });
      expect(byPhone.status).toBe(201);
    });
  });
});
