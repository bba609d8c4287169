import { randomBytes } from 'node:crypto';
import { statuses, type CellContext, type MatrixRow } from './authz-matrix';

/**
 * The contracts module's rows of the authorization matrix (authz-matrix.e2e-spec.ts). Each cell
 * gets fresh records of org A written in SQL, so clientB's 404 shows THE client read rule
 * (register-visibility.ts) and clientA's 200 their own organization.
 */
const uniq = () => randomBytes(4).toString('hex');

async function one<T>(c: CellContext, text: string, params: unknown[] = []): Promise<T> {
  return ((await c.t.db.query(text, params)) as T[])[0];
}

const idOf = async (c: CellContext, text: string, params: unknown[] = []) =>
  (await one<{ id: string }>(c, `${text} RETURNING id`, params)).id;

const contract = (c: CellContext) =>
  idOf(
    c,
    `INSERT INTO contracts (organization_id, number, title, status) VALUES ($1, $2, 'Matrix contract', 'active')`,
    [c.w.orgA.id, `M-${uniq()}`],
  );
const serviceObject = (c: CellContext) =>
  idOf(c, `INSERT INTO service_objects (organization_id, name) VALUES ($1, $2)`, [
    c.w.orgA.id,
    `Matrix site ${uniq()}`,
  ]);
const equipmentType = (c: CellContext) =>
  idOf(c, `INSERT INTO equipment_types (name) VALUES ($1)`, [`Matrix type ${uniq()}`]);
const equipmentItem = async (c: CellContext) =>
  idOf(c, `INSERT INTO equipment_items (type_id, organization_id, model) VALUES ($1, $2, 'M1')`, [
    await equipmentType(c),
    c.w.orgA.id,
  ]);

const probe = (c: CellContext, table: string, id: string) => () =>
  one(c, `SELECT count(*)::int AS n, max(version) AS version FROM ${table} WHERE id = $1`, [id]);

const readers = statuses(401, 200, 200, 200, 200, 200, 200);
const orgAReaders = statuses(401, 200, 404, 200, 200, 200, 200);
const staffReaders = statuses(401, 403, 403, 200, 200, 200, 200);
const managers = (ok: number) => statuses(401, 403, 403, 403, 403, ok, ok);

interface Register {
  path: string;
  table: string;
  make: (c: CellContext) => Promise<string>;
  readOne: typeof readers;
  create: (c: CellContext, marker: string) => Promise<object>;
  /** Counts the rows a create with this marker made. */
  created: (c: CellContext, marker: string) => Promise<unknown>;
  change: object;
}

const REGISTERS: Register[] = [
  {
    path: '/api/v1/contracts',
    table: 'contracts',
    make: contract,
    readOne: orgAReaders,
    create: async (c, marker) => ({ organizationId: c.w.orgA.id, number: marker, title: 'New' }),
    created: (c, marker) =>
      one(c, 'SELECT count(*)::int AS n FROM contracts WHERE number = $1', [marker]),
    change: { title: 'Changed by the matrix' },
  },
  {
    path: '/api/v1/service-objects',
    table: 'service_objects',
    make: serviceObject,
    readOne: orgAReaders,
    create: async (c, marker) => ({ organizationId: c.w.orgA.id, name: marker }),
    created: (c, marker) =>
      one(c, 'SELECT count(*)::int AS n FROM service_objects WHERE name = $1', [marker]),
    change: { name: 'Changed by the matrix' },
  },
  {
    path: '/api/v1/equipment-types',
    table: 'equipment_types',
    make: equipmentType,
    readOne: readers,
    create: async (_c, marker) => ({ name: marker }),
    created: (c, marker) =>
      one(c, 'SELECT count(*)::int AS n FROM equipment_types WHERE name = $1', [marker]),
    change: { name: 'Changed by the matrix' },
  },
  {
    path: '/api/v1/equipment-items',
    table: 'equipment_items',
    make: equipmentItem,
    readOne: orgAReaders,
    create: async (c, marker) => ({
      typeId: await equipmentType(c),
      organizationId: c.w.orgA.id,
      serialNumber: marker,
    }),
    created: (c, marker) =>
      one(c, 'SELECT count(*)::int AS n FROM equipment_items WHERE serial_number = $1', [marker]),
    change: { model: 'Changed by the matrix' },
  },
];

export const CONTRACTS_ROWS: MatrixRow[] = [
  ...REGISTERS.flatMap((r): MatrixRow[] => [
    {
      method: 'GET',
      path: r.path,
      prepare: async (c) => {
        await r.make(c);
        return { path: r.path };
      },
      expect: readers,
    },
    {
      method: 'GET',
      path: `${r.path}/{id}`,
      prepare: async (c) => ({ path: `${r.path}/${await r.make(c)}` }),
      expect: r.readOne,
    },
    {
      method: 'POST',
      path: r.path,
      prepare: async (c) => {
        const marker = `Matrix ${uniq()}`;
        return {
          path: r.path,
          body: await r.create(c, marker),
          probe: () => r.created(c, marker),
        };
      },
      expect: managers(201),
    },
    {
      method: 'PATCH',
      path: `${r.path}/{id}`,
      prepare: async (c) => {
        const id = await r.make(c);
        return {
          path: `${r.path}/${id}`,
          body: { version: 1, ...r.change },
          probe: probe(c, r.table, id),
        };
      },
      expect: managers(200),
    },
    {
      method: 'DELETE',
      path: `${r.path}/{id}`,
      prepare: async (c) => {
        const id = await r.make(c);
        return { path: `${r.path}/${id}`, probe: probe(c, r.table, id) };
      },
      expect: managers(204),
    },
  ]),
  {
    method: 'GET',
    path: '/api/v1/authorized-requesters/{organizationId}',
    prepare: async (c) => ({ path: `/api/v1/authorized-requesters/${c.w.orgA.id}` }),
    expect: staffReaders,
  },
  {
    method: 'PUT',
    path: '/api/v1/authorized-requesters/{organizationId}',
    prepare: async (c) => {
      // An organization of its own per cell, so version 0 (never saved) holds for each.
      const org = await c.t.factory.organization();
      return {
        path: `/api/v1/authorized-requesters/${org.id}`,
        body: { version: 0, enabled: true, requesters: [] },
        probe: () =>
          one(c, 'SELECT count(*)::int AS n FROM requester_lists WHERE organization_id = $1', [
            org.id,
          ]),
      };
    },
    expect: managers(200),
  },
  {
    method: 'GET',
    path: '/api/v1/contacts/{userId}/object-access',
    prepare: async (c) => ({ path: `/api/v1/contacts/${c.w.clientA2.id}/object-access` }),
    expect: staffReaders,
  },
  {
    method: 'PUT',
    path: '/api/v1/contacts/{userId}/object-access',
    prepare: async (c) => {
      // A contact of its own per cell: a limit set by one cell must not hide rows from another.
      const contact = await c.t.factory.user({ role: 'client', organizationId: c.w.orgA.id });
      return {
        path: `/api/v1/contacts/${contact.id}/object-access`,
        body: { serviceObjectIds: [await serviceObject(c)] },
        probe: () =>
          one(c, 'SELECT count(*)::int AS n FROM contact_object_access WHERE user_id = $1', [
            contact.id,
          ]),
      };
    },
    expect: managers(200),
  },
];
