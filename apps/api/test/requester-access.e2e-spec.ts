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

  describe('access by object', () => {
    let org: { id: string };
    let otherOrg: { id: string };
    let limited: { id: string };
    let whole: { id: string };
    let dispatcher: { id: string };
    const ids: Record<string, string> = {};
    const get = async (userId: string, path: string) =>
      t
        .http()
        .get(`/api/v1${path}`)
        .set('Authorization', await auth(userId));
    const listed = async (userId: string, path: string) =>
      ((await get(userId, path)).body.items as { id: string }[]).map((r) => r.id).sort();
    const setAccess = async (userId: string, serviceObjectIds: string[]) =>
      t
        .http()
        .put(`/api/v1/contacts/${userId}/object-access`)
        .set('Authorization', await auth(dispatcher.id))
        .send({ serviceObjectIds });
    const insert = async (text: string, params: unknown[]) =>
      ((await t.db.query(`${text} RETURNING id`, params)) as { id: string }[])[0].id;

    beforeAll(async () => {
      org = await t.factory.organization('Sites Co');
      otherOrg = await t.factory.organization('Elsewhere Co');
      dispatcher = await t.factory.user({ role: 'dispatcher' });
      limited = await t.factory.user({
        role: 'client',
        organizationId: org.id,
        canViewOrganizationTickets: true,
      });
      whole = await t.factory.user({
        role: 'client',
        organizationId: org.id,
        canViewOrganizationTickets: true,
      });
      const colleague = await t.factory.user({ role: 'client', organizationId: org.id });
      for (const name of ['north', 'south']) {
        ids[name] = await insert(
          'INSERT INTO service_objects (organization_id, name) VALUES ($1, $2)',
          [org.id, name],
        );
      }
      ids.foreign = await insert(
        'INSERT INTO service_objects (organization_id, name) VALUES ($1, $2)',
        [otherOrg.id, 'far'],
      );
      const type = await insert('INSERT INTO equipment_types (name) VALUES ($1)', ['Boiler']);
      for (const [name, object] of [
        ['atNorth', ids.north],
        ['atSouth', ids.south],
        ['unplaced', null],
      ] as const) {
        ids[name] = await insert(
          `INSERT INTO equipment_items (type_id, organization_id, service_object_id, model)
           VALUES ($1, $2, $3, $4)`,
          [type, org.id, object, name],
        );
      }
      const ticket = async (requesterId: string, objectId: string | null) => {
        const made = await t.factory.ticket({ organizationId: org.id, requesterId });
        await t.db.query('UPDATE tickets SET service_object_id = $2 WHERE id = $1', [
          made.id,
          objectId,
        ]);
        return made.id;
      };
      ids.ticketNorth = await ticket(colleague.id, ids.north);
      ids.ticketSouth = await ticket(colleague.id, ids.south);
      ids.ticketNoObject = await ticket(colleague.id, null);
      ids.ownSouth = await ticket(limited.id, ids.south);
    });

    it('staff set it on the contact: objects of the contact’s organization only, 404 for staff', async () => {
      const foreign = await setAccess(limited.id, [ids.north, ids.foreign]);
      expect(foreign.status).toBe(422);
      expect(foreign.body.errors).toEqual([
        { field: 'serviceObjectIds[1]', message: expect.any(String) },
      ]);
      expect((await setAccess(dispatcher.id, [])).status).toBe(404);
      const saved = await setAccess(limited.id, [ids.north]);
      expect(saved.status).toBe(200);
      expect(saved.body).toEqual({
        userId: limited.id,
        organizationId: org.id,
        serviceObjects: [{ id: ids.north, name: 'north' }],
      });
      expect((await get(dispatcher.id, `/contacts/${limited.id}/object-access`)).body).toEqual(
        saved.body,
      );
      // The contact cannot read or lift their own limit.
      expect((await get(limited.id, `/contacts/${limited.id}/object-access`)).status).toBe(403);
    });

    it('a limited contact sees only their objects and the equipment at them (lists and 404)', async () => {
      expect(await listed(limited.id, `/service-objects?organizationId=${org.id}`)).toEqual([
        ids.north,
      ]);
      expect((await get(limited.id, `/service-objects/${ids.south}`)).status).toBe(404);
      expect(await listed(limited.id, '/equipment-items')).toEqual([ids.atNorth]);
      expect((await get(limited.id, `/equipment-items/${ids.atSouth}`)).status).toBe(404);
      expect((await get(limited.id, `/equipment-items/${ids.unplaced}`)).status).toBe(404);
      // An unlimited colleague still sees the whole organization.
      expect(await listed(whole.id, '/service-objects')).toEqual([ids.north, ids.south].sort());
      expect(await listed(whole.id, '/equipment-items')).toHaveLength(3);
    });

    it('tickets: their own always, the organization’s only on their objects (list, detail, search, counts)', async () => {
      const seen = await listed(limited.id, '/tickets');
      expect(seen).toEqual([ids.ticketNorth, ids.ownSouth].sort());
      expect((await get(limited.id, `/tickets/${ids.ticketSouth}`)).status).toBe(404);
      expect((await get(limited.id, `/tickets/${ids.ticketNoObject}`)).status).toBe(404);
      expect((await get(limited.id, `/tickets/${ids.ownSouth}`)).status).toBe(200);
      const subject = (await get(whole.id, `/tickets/${ids.ticketSouth}`)).body.subject as string;
      expect(await listed(limited.id, `/tickets?q=${encodeURIComponent(subject)}`)).not.toContain(
        ids.ticketSouth,
      );
      const counts = (await get(limited.id, '/tickets/counts')).body as { open: number };
      const wholeCounts = (await get(whole.id, '/tickets/counts')).body as { open: number };
      expect(wholeCounts.open - counts.open).toBe(2);
      expect(await listed(whole.id, '/tickets')).toHaveLength(4);
    });

    it('an empty set lifts the limit', async () => {
      expect((await setAccess(limited.id, [])).status).toBe(200);
      expect(await listed(limited.id, '/equipment-items')).toHaveLength(3);
      expect(await listed(limited.id, '/tickets')).toHaveLength(4);
    });
  });
});
