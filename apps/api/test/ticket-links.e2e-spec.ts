import { SlaConfigService } from '../src/modules/sla/sla-config.service';
import { bearer, buildWorld, type Persona, type World } from './support/personas';
import { startTestApp, type TestApp } from './support/test-app';

interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

interface Ticket {
  id: string;
  version: number;
  serviceObjectId: string | null;
  serviceObject: { id: string; name: string } | null;
  equipmentId: string | null;
  equipment: { id: string; name: string; serialNumber: string | null } | null;
  contractId: string | null;
  contract: { id: string; number: string; title: string } | null;
  warranty: boolean;
  sla: { policy?: { id: string; name: string } | null };
}

interface HistoryLine {
  kind: string;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  oldValueName?: string | null;
  newValueName?: string | null;
}

/**
 * Issue 18, tickets use the registers: a ticket's service object, equipment and contract belong
 * together (422 per field), a client names only what they may see, changes are in the history
 * with names as the reader sees them, warranty marking, list filters and serial search, and the
 * contract's SLA policy winning over the general rules.
 */
describe('ticket links', () => {
  let t: TestApp;
  let w: World;
  // Org A: two sites, a boiler at the first (under warranty), a controller at the second (out
  // of warranty), a contract in force with its own SLA policy, a draft and an expired one.
  let siteA1: string;
  let siteA2: string;
  let boilerA: string;
  let controllerA: string;
  let boilerType: string;
  let controllerType: string;
  let contractA: string;
  let draftA: string;
  let expiredA: string;
  // Org B's.
  let siteB: string;
  let equipmentB: string;
  let contractB: string;
  let generalPolicy: string;
  let contractPolicy: string;

  const api = (who: Persona) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', bearer(who)),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`/api/v1${path}`).set('Authorization', bearer(who)).send(body),
  });
  const fields = (body: unknown) => ((body as Problem).errors ?? []).map((e) => e.field).sort();
  const message = (body: unknown, field: string) =>
    (body as Problem).errors?.find((e) => e.field === field)?.message;
  const one = async <T = string>(sql: string, params: unknown[] = []): Promise<T> =>
    ((await t.db.query(sql, params)) as { id: T }[])[0].id;
  const create = async (who: Persona, body: object): Promise<Ticket> => {
    const res = await api(who).post('/tickets', { subject: 'Boiler does not heat', ...body });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body as Ticket;
  };
  const history = async (who: Persona, id: string): Promise<HistoryLine[]> => {
    const res = await api(who).get(`/tickets/${id}/history`);
    expect(res.status).toBe(200);
    return (res.body as { items: HistoryLine[] }).items;
  };
  const listIds = async (who: Persona, query: string): Promise<string[]> => {
    const res = await api(who).get(`/tickets?${query}`);
    expect(res.status).toBe(200);
    return (res.body as { items: { id: string }[] }).items.map((i) => i.id);
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const calendar = await one(
      `INSERT INTO sla_calendars (name, time_zone, week) VALUES ('24/7', 'UTC', $1::jsonb) RETURNING id`,
      [JSON.stringify(Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]))],
    );
    generalPolicy = await one(
      `INSERT INTO sla_policies (name, position, calendar_id, resolution_seconds) VALUES ('General', 0, $1, 86400) RETURNING id`,
      [calendar],
    );
    contractPolicy = await one(
      `INSERT INTO sla_policies (name, position, calendar_id, resolution_seconds, organization_ids)
       VALUES ('Contract gold', 1, $1, 3600, ARRAY[$2::uuid]) RETURNING id`,
      // Its own condition never holds for org A: only the contract can give it.
      [calendar, w.orgB.id],
    );
    t.app.get(SlaConfigService).invalidate();
    const site = (org: string, name: string) =>
      one(`INSERT INTO service_objects (organization_id, name) VALUES ($1, $2) RETURNING id`, [
        org,
        name,
      ]);
    siteA1 = await site(w.orgA.id, 'Boiler house');
    siteA2 = await site(w.orgA.id, 'Office');
    siteB = await site(w.orgB.id, 'Warehouse B');
    const type = (name: string) =>
      one(`INSERT INTO equipment_types (name) VALUES ($1) RETURNING id`, [name]);
    boilerType = await type('Boiler');
    controllerType = await type('Controller');
    const item = (
      typeId: string,
      org: string,
      siteId: string | null,
      model: string,
      serial: string,
      inventory: string,
      warrantyUntil: string | null,
    ) =>
      one(
        `INSERT INTO equipment_items (type_id, organization_id, service_object_id, manufacturer, model,
                                      serial_number, inventory_number, warranty_until)
         VALUES ($1, $2, $3, 'Viessmann', $4, $5, $6, $7) RETURNING id`,
        [typeId, org, siteId, model, serial, inventory, warrantyUntil],
      );
    // The clock starts at 2026-03-02: the boiler's warranty runs, the controller's has ended.
    boilerA = await item(
      boilerType,
      w.orgA.id,
      siteA1,
      'Vitodens 200',
      'SN-7781',
      'INV-001',
      '2026-03-02',
    );
    controllerA = await item(
      controllerType,
      w.orgA.id,
      siteA2,
      'Vitotronic',
      'SN-5500',
      'INV-002',
      '2026-03-01',
    );
    equipmentB = await item(boilerType, w.orgB.id, siteB, 'Vitocrossal', 'SN-9000', 'INV-B', null);
    const contract = (
      org: string,
      number: string,
      status: string,
      to: string,
      policy: string | null,
    ) =>
      one(
        `INSERT INTO contracts (organization_id, number, title, status, valid_from, valid_to, sla_policy_id)
         VALUES ($1, $2, 'Maintenance', $3, '2025-01-01', $4, $5) RETURNING id`,
        [org, number, status, to, policy],
      );
    contractA = await contract(w.orgA.id, 'A-1', 'active', '2026-12-31', contractPolicy);
    draftA = await contract(w.orgA.id, 'A-DRAFT', 'draft', '2026-12-31', null);
    expiredA = await contract(w.orgA.id, 'A-OLD', 'active', '2026-01-31', null);
    contractB = await contract(w.orgB.id, 'B-1', 'active', '2026-12-31', null);
  });
  afterAll(() => t.close());

  describe('consistency', () => {
    it('links an object, its equipment and a contract in force, with their names', async () => {
      const ticket = await create(w.dispatcher, {
        organizationId: w.orgA.id,
        serviceObjectId: siteA1,
        equipmentId: boilerA,
        contractId: contractA,
      });
      expect(ticket).toMatchObject({
        serviceObjectId: siteA1,
        serviceObject: { id: siteA1, name: 'Boiler house' },
        equipmentId: boilerA,
        equipment: { id: boilerA, name: 'Viessmann Vitodens 200', serialNumber: 'SN-7781' },
        contractId: contractA,
        contract: { id: contractA, number: 'A-1', title: 'Maintenance' },
      });
      const read = await api(w.agent).get(`/tickets/${ticket.id}`);
      expect(read.body).toMatchObject({ equipmentId: boilerA, contractId: contractA });
    });

    it('refuses, per field, links of another organization, equipment elsewhere, contracts not in force', async () => {
      const res = await api(w.dispatcher).post('/tickets', {
        subject: 'x',
        organizationId: w.orgA.id,
        serviceObjectId: siteB,
        equipmentId: equipmentB,
        contractId: contractB,
      });
      expect(res.status).toBe(422);
      expect(fields(res.body)).toEqual(['contractId', 'equipmentId', 'serviceObjectId']);
      expect(message(res.body, 'equipmentId')).toMatch(/another organization/);

      const elsewhere = await api(w.dispatcher).post('/tickets', {
        subject: 'x',
        organizationId: w.orgA.id,
        serviceObjectId: siteA1,
        equipmentId: controllerA,
      });
      expect(fields(elsewhere.body)).toEqual(['equipmentId']);
      expect(message(elsewhere.body, 'equipmentId')).toMatch(/not at the ticket’s service object/);

      for (const id of [draftA, expiredA]) {
        const notInForce = await api(w.dispatcher).post('/tickets', {
          subject: 'x',
          organizationId: w.orgA.id,
          contractId: id,
        });
        expect(notInForce.status).toBe(422);
        expect(message(notInForce.body, 'contractId')).toMatch(/not in force/);
      }

      const missing = await api(w.dispatcher).post('/tickets', {
        subject: 'x',
        organizationId: w.orgA.id,
        equipmentId: '00000000-0000-4000-8000-000000000000',
      });
      expect(fields(missing.body)).toEqual(['equipmentId']);
      expect(message(missing.body, 'equipmentId')).toBe('no equipment item with this id');

      // Without a client there is nothing for a link to belong to.
      const orphan = await api(w.dispatcher).post('/tickets', {
        subject: 'x',
        equipmentId: boilerA,
      });
      expect(fields(orphan.body)).toEqual(['equipmentId']);
      // The requester's organization is the ticket's, so it is enough.
      const viaRequester = await create(w.dispatcher, {
        requesterId: w.clientA.id,
        equipmentId: controllerA,
      });
      expect(viaRequester.equipmentId).toBe(controllerA);
    });

    it('lets a client file on their own visible items only: another organization’s is a missing one', async () => {
      const own = await create(w.clientA, {
        serviceObjectId: siteA1,
        equipmentId: boilerA,
        contractId: contractA,
      });
      expect(own).toMatchObject({
        serviceObject: { name: 'Boiler house' },
        equipmentId: boilerA,
        contract: { number: 'A-1' },
        warranty: true,
      });
      const foreign = await api(w.clientA).post('/tickets', {
        subject: 'x',
        equipmentId: equipmentB,
      });
      expect(foreign.status).toBe(422);
      expect(message(foreign.body, 'equipmentId')).toBe('no equipment item with this id');
      // A draft contract is not there for a client at all.
      const draft = await api(w.clientA).post('/tickets', { subject: 'x', contractId: draftA });
      expect(message(draft.body, 'contractId')).toBe('no contract with this id');
      // Warranty is the desk's call.
      const warranty = await api(w.clientA).post('/tickets', { subject: 'x', warranty: true });
      expect(fields(warranty.body)).toEqual(['warranty']);
    });

    it('refuses to move a ticket to another organization while its links stay behind', async () => {
      const ticket = await create(w.dispatcher, {
        organizationId: w.orgA.id,
        serviceObjectId: siteA1,
        equipmentId: boilerA,
      });
      const moved = await api(w.dispatcher).patch(`/tickets/${ticket.id}`, {
        version: ticket.version,
        organizationId: w.orgB.id,
      });
      expect(moved.status).toBe(422);
      expect(fields(moved.body)).toEqual(['equipmentId', 'serviceObjectId']);
      // Moving with links of the new organization is fine.
      const together = await api(w.dispatcher).patch(`/tickets/${ticket.id}`, {
        version: ticket.version,
        organizationId: w.orgB.id,
        serviceObjectId: siteB,
        equipmentId: equipmentB,
      });
      expect(together.status).toBe(200);
      expect(together.body).toMatchObject({ serviceObjectId: siteB, equipmentId: equipmentB });
      // A new object must have the equipment the ticket keeps.
      const stray = await api(w.dispatcher).patch(`/tickets/${ticket.id}`, {
        version: (together.body as Ticket).version,
        organizationId: w.orgA.id,
        serviceObjectId: siteA2,
        equipmentId: boilerA,
      });
      expect(stray.status).toBe(422);
      expect(fields(stray.body)).toEqual(['equipmentId']);
      // Clearing a link is a change like any other.
      const cleared = await api(w.dispatcher).patch(`/tickets/${ticket.id}`, {
        version: (together.body as Ticket).version,
        equipmentId: null,
      });
      expect(cleared.body).toMatchObject({
        equipmentId: null,
        equipment: null,
        serviceObjectId: siteB,
      });
    });
  });

  describe('history and warranty', () => {
    it('records link changes with names as the reader may see them', async () => {
      const ticket = await create(w.dispatcher, {
        requesterId: w.clientA.id,
        serviceObjectId: siteA2,
        equipmentId: controllerA,
      });
      expect(ticket.warranty).toBe(false);
      const changed = await api(w.dispatcher).patch(`/tickets/${ticket.id}`, {
        version: ticket.version,
        serviceObjectId: siteA1,
        equipmentId: boilerA,
        contractId: contractA,
      });
      expect(changed.status).toBe(200);
      // The boiler is under warranty: the ticket becomes warranty work by itself.
      expect(changed.body).toMatchObject({ equipmentId: boilerA, warranty: true });
      const staff = await history(w.dispatcher, ticket.id);
      const line = (field: string) => staff.find((l) => l.field === field);
      expect(line('serviceObjectId')).toMatchObject({
        oldValue: siteA2,
        newValue: siteA1,
        oldValueName: 'Office',
        newValueName: 'Boiler house',
      });
      expect(line('equipmentId')).toMatchObject({
        oldValueName: 'Viessmann Vitotronic · SN-5500',
        newValueName: 'Viessmann Vitodens 200 · SN-7781',
      });
      expect(line('contractId')).toMatchObject({
        oldValueName: null,
        newValueName: 'A-1 Maintenance',
      });
      expect(line('warranty')).toMatchObject({ oldValue: false, newValue: true });
      // The client requester sees the same lines about their own organization's items.
      const client = await history(w.clientA, ticket.id);
      expect(client.find((l) => l.field === 'equipmentId')?.newValueName).toBe(
        'Viessmann Vitodens 200 · SN-7781',
      );
      expect(client.find((l) => l.field === 'warranty')).toBeDefined();
    });

    it('keeps a warranty flag staff set by hand when the equipment changes', async () => {
      const ticket = await create(w.dispatcher, {
        organizationId: w.orgA.id,
        equipmentId: controllerA,
        warranty: true,
      });
      expect(ticket.warranty).toBe(true);
      const off = await api(w.dispatcher).patch(`/tickets/${ticket.id}`, {
        version: ticket.version,
        warranty: false,
      });
      expect(off.body).toMatchObject({ warranty: false });
      // The boiler is under warranty, but staff said no: it stays as set.
      const boiler = await api(w.dispatcher).patch(`/tickets/${ticket.id}`, {
        version: (off.body as Ticket).version,
        equipmentId: boilerA,
      });
      expect(boiler.body).toMatchObject({ equipmentId: boilerA, warranty: false });
      const lines = await history(w.dispatcher, ticket.id);
      expect(lines.filter((l) => l.field === 'warranty')).toHaveLength(1);
    });

    it('marks warranty by the ticket’s creation date, not by today', async () => {
      // Filed the day after the boiler's warranty ended.
      t.clock.set('2026-03-03T08:00:00Z');
      try {
        const late = await create(w.dispatcher, {
          organizationId: w.orgA.id,
          equipmentId: boilerA,
        });
        expect(late.warranty).toBe(false);
      } finally {
        t.clock.set('2026-03-02T09:00:00Z');
      }
    });
  });

  describe('lists and search', () => {
    let onBoiler: Ticket;
    let onController: Ticket;
    beforeAll(async () => {
      onBoiler = await create(w.clientA, {
        subject: 'Pressure drops',
        serviceObjectId: siteA1,
        equipmentId: boilerA,
        contractId: contractA,
      });
      onController = await create(w.clientA, {
        subject: 'Display blank',
        equipmentId: controllerA,
      });
    });

    it('filters by contract, object, equipment and equipment type, in the caller’s visibility', async () => {
      expect(await listIds(w.dispatcher, `equipmentId=${boilerA}`)).toContain(onBoiler.id);
      expect(await listIds(w.dispatcher, `equipmentId=${boilerA}`)).not.toContain(onController.id);
      expect(await listIds(w.dispatcher, `serviceObjectId=${siteA1}`)).toContain(onBoiler.id);
      expect(await listIds(w.dispatcher, `contractId=${contractA}`)).toContain(onBoiler.id);
      const byType = await listIds(w.dispatcher, `equipmentTypeId=${controllerType}`);
      expect(byType).toContain(onController.id);
      expect(byType).not.toContain(onBoiler.id);
      expect(await listIds(w.dispatcher, `equipmentTypeId=${boilerType}`)).toContain(onBoiler.id);
      // A client's list keeps to their own tickets; another organization's filter finds nothing.
      expect(await listIds(w.clientA, `equipmentId=${boilerA}`)).toContain(onBoiler.id);
      expect(await listIds(w.clientB, `equipmentId=${boilerA}`)).toEqual([]);
      const bad = await api(w.dispatcher).get('/tickets?equipmentTypeId=nope');
      expect(bad.status).toBe(400);
    });

    it('finds tickets by their equipment’s serial or inventory number, any case', async () => {
      const bySerial = await listIds(w.dispatcher, 'q=sn-5500');
      expect(bySerial).toContain(onController.id);
      expect(bySerial.sort()).toEqual(
        (await listIds(w.dispatcher, `equipmentId=${controllerA}`)).sort(),
      );
      expect(await listIds(w.dispatcher, 'q=INV-002')).toContain(onController.id);
      expect(await listIds(w.dispatcher, 'q=INV-002')).not.toContain(onBoiler.id);
      expect(await listIds(w.clientA, 'q=SN-7781')).toContain(onBoiler.id);
      // Another client never finds them by the number.
      expect(await listIds(w.clientB, 'q=SN-7781')).toEqual([]);
      // The word search is as before.
      expect(await listIds(w.dispatcher, 'q=pressure')).toEqual([onBoiler.id]);
    });
  });

  describe('contract SLA precedence', () => {
    it('gives the contract’s policy over the general rules, at create and when the contract changes', async () => {
      const withContract = await create(w.dispatcher, {
        organizationId: w.orgA.id,
        contractId: contractA,
      });
      expect(withContract.sla.policy).toEqual({ id: contractPolicy, name: 'Contract gold' });
      const without = await create(w.dispatcher, { organizationId: w.orgA.id });
      expect(without.sla.policy?.id).toBe(generalPolicy);

      const cleared = await api(w.dispatcher).patch(`/tickets/${withContract.id}`, {
        version: withContract.version,
        contractId: null,
      });
      expect((cleared.body as Ticket).sla.policy?.id).toBe(generalPolicy);
      const linked = await api(w.dispatcher).patch(`/tickets/${without.id}`, {
        version: without.version,
        contractId: contractA,
      });
      expect((linked.body as Ticket).sla.policy?.id).toBe(contractPolicy);
      // Another edit that picks the policy again keeps the contract's.
      const priority = await api(w.dispatcher).patch(`/tickets/${without.id}`, {
        version: (linked.body as Ticket).version,
        priority: 'high',
      });
      expect((priority.body as Ticket).sla.policy?.id).toBe(contractPolicy);
    });
  });

  describe('assignment-rule conditions', () => {
    it('route by equipment type, contract and service object, at create and on a link change', async () => {
      const byType = await api(w.admin).post('/assignment-rules', {
        name: 'Controllers to the other group',
        conditions: { equipmentTypeIds: [controllerType] },
        actions: { groupId: w.otherGroup.id },
        applyOnUpdate: true,
      });
      expect(byType.status).toBe(201);
      expect(byType.body).toMatchObject({ conditions: { equipmentTypeIds: [controllerType] } });
      const byContract = await api(w.admin).post('/assignment-rules', {
        name: 'Contract A at the boiler house is urgent',
        conditions: { contractIds: [contractA], serviceObjectIds: [siteA1] },
        actions: { priority: 'urgent' },
      });
      expect(byContract.status).toBe(201);

      const controller = await create(w.dispatcher, {
        organizationId: w.orgA.id,
        equipmentId: controllerA,
      });
      expect(controller).toMatchObject({ group: { id: w.otherGroup.id } });
      const boiler = await create(w.dispatcher, {
        organizationId: w.orgA.id,
        serviceObjectId: siteA1,
        equipmentId: boilerA,
        contractId: contractA,
      });
      expect(boiler).toMatchObject({ priority: 'urgent', groupId: null });
      // Only the contract, at another site: the second rule needs both.
      const elsewhere = await create(w.dispatcher, {
        organizationId: w.orgA.id,
        contractId: contractA,
      });
      expect(elsewhere).toMatchObject({ priority: 'normal' });
      // An equipment change re-routes (the first rule applies on update).
      const moved = await api(w.dispatcher).patch(`/tickets/${elsewhere.id}`, {
        version: (elsewhere as Ticket & { version: number }).version,
        equipmentId: controllerA,
      });
      expect(moved.body).toMatchObject({ group: { id: w.otherGroup.id } });

      const unknown = await api(w.admin).post('/assignment-rules', {
        name: 'x',
        conditions: {
          contractIds: ['00000000-0000-4000-8000-000000000000'],
          serviceObjectIds: ['00000000-0000-4000-8000-000000000000'],
          equipmentTypeIds: ['00000000-0000-4000-8000-000000000000'],
        },
        actions: { priority: 'high' },
      });
      expect(unknown.status).toBe(422);
      expect(fields(unknown.body)).toEqual([
        'conditions.contractIds',
        'conditions.equipmentTypeIds',
        'conditions.serviceObjectIds',
      ]);
    });
  });

  describe('SLA policy conditions', () => {
    it('pick a policy by equipment type, service object and contract, at create and on a link change', async () => {
      const calendarId = await one(`SELECT calendar_id AS id FROM sla_policies WHERE id = $1`, [
        generalPolicy,
      ]);
      const policy = async (name: string, position: number, conditions: object) => {
        const res = await api(w.admin).post('/sla/policies', {
          name,
          position,
          calendarId,
          resolutionSeconds: 7200,
          conditions,
        });
        expect(res.status).toBe(201);
        return res.body as { id: string; version: number; conditions: object };
      };
      // The conditional rules come before the catch-all, as an admin orders them.
      await t.db.query(`UPDATE sla_policies SET position = 100 WHERE id = $1`, [generalPolicy]);
      const controllers = await policy('Controllers', 0, { equipmentTypeIds: [controllerType] });
      expect(controllers.conditions).toEqual({
        organizationIds: [],
        priorities: [],
        typeIds: [],
        contractIds: [],
        serviceObjectIds: [],
        equipmentTypeIds: [controllerType],
      });
      const office = await policy('Office site', 1, { serviceObjectIds: [siteA2] });
      const contractTerms = await policy('Contract B terms', 0, { contractIds: [contractB] });
      const policyOf = (x: unknown) => (x as Ticket).sla.policy?.id;

      const onController = await create(w.dispatcher, {
        organizationId: w.orgA.id,
        equipmentId: controllerA,
      });
      expect(policyOf(onController)).toBe(controllers.id);
      const atBoilerHouse = await create(w.dispatcher, {
        organizationId: w.orgA.id,
        serviceObjectId: siteA1,
      });
      expect(policyOf(atBoilerHouse)).toBe(generalPolicy);
      // A link change picks again: the office's rule, then the controllers' (earlier position).
      const moved = await api(w.dispatcher).patch(`/tickets/${atBoilerHouse.id}`, {
        version: atBoilerHouse.version,
        serviceObjectId: siteA2,
      });
      expect(moved.status).toBe(200);
      expect(policyOf(moved.body)).toBe(office.id);
      const device = await api(w.dispatcher).patch(`/tickets/${atBoilerHouse.id}`, {
        version: (moved.body as Ticket).version,
        equipmentId: controllerA,
      });
      expect(policyOf(device.body)).toBe(controllers.id);
      // The contract's own policy still wins over every rule.
      const underContract = await api(w.dispatcher).patch(`/tickets/${atBoilerHouse.id}`, {
        version: (device.body as Ticket).version,
        contractId: contractA,
      });
      expect(policyOf(underContract.body)).toBe(contractPolicy);
      const lines = (await history(w.dispatcher, atBoilerHouse.id)).filter(
        (h) => h.kind === 'field_changed',
      );
      expect(lines.map((h) => h.field)).toEqual(
        expect.arrayContaining(['serviceObjectId', 'equipmentId', 'contractId']),
      );
      // A contract without a policy of its own: the rule on it; clearing it goes back.
      const orgB = await create(w.dispatcher, { organizationId: w.orgB.id, contractId: contractB });
      expect(policyOf(orgB)).toBe(contractTerms.id);
      const cleared = await api(w.dispatcher).patch(`/tickets/${orgB.id}`, {
        version: orgB.version,
        contractId: null,
      });
      expect(policyOf(cleared.body)).toBe(contractPolicy);

      // Conditions are replaced as a whole; unknown ids are a 422 per field, nothing saved.
      const nobody = '00000000-0000-4000-8000-000000000000';
      const unknown = await api(w.admin).patch(`/sla/policies/${office.id}`, {
        version: office.version,
        conditions: {
          contractIds: [nobody],
          serviceObjectIds: [nobody],
          equipmentTypeIds: [nobody],
        },
      });
      expect(unknown.status).toBe(422);
      expect(fields(unknown.body)).toEqual([
        'conditions.contractIds',
        'conditions.equipmentTypeIds',
        'conditions.serviceObjectIds',
      ]);
      expect(message(unknown.body, 'conditions.equipmentTypeIds')).toBe(
        `no such equipment type: ${nobody}`,
      );
      const kept = await api(w.admin).get(`/sla/policies/${office.id}`);
      expect(kept.body).toMatchObject({
        version: office.version,
        conditions: { serviceObjectIds: [siteA2] },
      });
      const bad = await api(w.admin).patch(`/sla/policies/${office.id}`, {
        version: office.version,
        conditions: { equipmentTypeIds: ['nope'] },
      });
      expect(bad.status).toBe(400);
    });
  });
});
