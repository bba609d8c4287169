import { randomUUID } from 'node:crypto';
import type { CustomFieldValues } from '@relaydesk/contracts';
import type { EntityManager } from 'typeorm';
import { sql } from '../../common/database/sql.js';
import {
  referenceErrors,
  validateCustomFields,
  type CustomFieldResult,
  type FieldDefinition,
} from '../custom-fields/index.js';
import {
  checkEquipmentTree,
  EQUIPMENT_TREE_STAGE,
  stageParents,
  type StagedParent,
} from './equipment-parents.js';
import { FIELD_COLUMN, fieldValue } from './field-cells.js';

/** The registers a CSV file can fill, by the name the API and the file columns use. */
export const IMPORT_REGISTERS = [
  'organizations',
  'contacts',
  'service_objects',
  'equipment',
] as const;
export type ImportRegister = (typeof IMPORT_REGISTERS)[number];

export type RegisterTableName = 'organizations' | 'users' | 'service_objects' | 'equipment_items';

/** One data row of the file: its spreadsheet row number (the header is row 1) and its cells. */
export interface ParsedRow {
  row: number;
  cells: Record<string, string>;
}

/** A row ready to write: the id it has (or gets) and its table columns. */
export interface PreparedRow {
  row: number;
  externalId: string;
  id: string;
  isNew: boolean;
  values: Record<string, unknown>;
}

export type RowErrorSink = (row: number, column: string, code: string, message: string) => void;

/** Errors found over the staged rows once the whole file is written (SQL, bounded in memory). */
export interface StagedErrors {
  /** Rows in error, all of them, and how many of them the batches counted as created. */
  total: number;
  created: number;
  updated: number;
  /** The first ones, by row. */
  first: { row: number; column: string; code: string; message: string }[];
}

export interface RegisterSpec {
  register: ImportRegister;
  table: RegisterTableName;
  /** The file's columns, in export order; `external_id` first. An import needs `required`. */
  headers: readonly string[];
  required: readonly string[];
  /** The table columns an import sets, on insert and on update. */
  writes: readonly string[];
  /** Extra columns of a new row only (a contact is a client user). */
  insertOnly?: Record<string, unknown>;
  /** The file may also have `field.<key>` columns: custom fields of the row's equipment type. */
  fieldColumns?: boolean;
  prepare(em: EntityManager, rows: ParsedRow[], fail: RowErrorSink): Promise<PreparedRow[]>;
  /** Before the first batch (in the job's transaction). */
  start?(em: EntityManager): Promise<void>;
  /**
   * After the last batch, when every row of the file is written: the checks that need all of
   * them (equipment parents in any order, cycles and depth).
   */
  finish?(em: EntityManager, keep: number): Promise<StagedErrors>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const STATUSES = new Set(['in_service', 'under_repair', 'retired']);

interface Ref {
  id: string;
  organization_id: string;
}

/**
 * Register rows by the keys a file uses for them: the external id an earlier import recorded,
 * or the row's own id (what an export writes for rows no import created), so an exported file
 * re-imports as updates. Rows written earlier in the same import are found too: it runs in one
 * transaction.
 */
async function lookup(
  em: EntityManager,
  register: ImportRegister,
  table: RegisterTableName,
  keys: Iterable<string>,
  extraWhere = 'TRUE',
): Promise<Map<string, Ref>> {
  const list = [...new Set(keys)].filter(Boolean);
  const found = new Map<string, Ref>();
  if (list.length === 0) return found;
  const org = table === 'organizations' ? 't.id' : 't.organization_id';
  const rows = await sql<Ref & { key: string }>(
    em,
    `SELECT k.key, r.id, r.organization_id FROM unnest($2::text[]) AS k(key)
       CROSS JOIN LATERAL (
         SELECT t.id, ${org} AS organization_id FROM register_external_ids x
           JOIN ${table} t ON t.id = x.row_id
          WHERE x.register = $1 AND x.external_id = k.key AND ${extraWhere}
         UNION ALL
         SELECT t.id, ${org} AS organization_id FROM ${table} t
          WHERE k.key ~* $3 AND t.id = (CASE WHEN k.key ~* $3 THEN k.key::uuid END) AND ${extraWhere}
         LIMIT 1) r`,
    [register, list, UUID.source],
  );
  for (const r of rows) found.set(r.key, { id: r.id, organization_id: r.organization_id });
  return found;
}

/** Reads one row's cells with the checks every register shares; errors go to `fail`. */
class Cells {
  ok = true;
  constructor(
    private readonly r: ParsedRow,
    private readonly fail: RowErrorSink,
  ) {}

  error(column: string, code: string, message: string): void {
    this.ok = false;
    this.fail(this.r.row, column, code, message);
  }

  text(column: string, max: number, required = false): string | null {
    const value = this.r.cells[column] ?? '';
    if (!value) {
      if (required) this.error(column, 'required', 'is required');
      return null;
    }
    if (value.length > max) this.error(column, 'too_long', `is longer than ${max} characters`);
    return value;
  }

  date(column: string): string | null {
    const value = this.r.cells[column] ?? '';
    if (!value) return null;
    // Excel in the Russian and Czech locales writes dates as dd.mm.yyyy.
    const local = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
    const iso = local
      ? `${local[3]}-${local[2].padStart(2, '0')}-${local[1].padStart(2, '0')}`
      : value;
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : null;
    if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
      this.error(column, 'invalid_date', 'is not a date (YYYY-MM-DD or DD.MM.YYYY)');
      return null;
    }
    return iso;
  }
}

/** A reference to another register: resolved, or a row error naming the column. */
function ref(
  cells: Cells,
  column: string,
  key: string | null,
  found: Map<string, Ref>,
  what: string,
  organizationId?: string | null,
): Ref | null {
  if (!key) return null;
  const target = found.get(key);
  if (!target) {
    cells.error(column, 'not_found', `no ${what} with this external id or id`);
    return null;
  }
  if (organizationId && target.organization_id !== organizationId) {
    cells.error(column, 'other_organization', 'belongs to another organization');
    return null;
  }
  return target;
}

/** Own rows of the batch: the id each external id already has, or a new one. */
async function own(
  em: EntityManager,
  spec: { register: ImportRegister; table: RegisterTableName },
  rows: ParsedRow[],
  fail: RowErrorSink,
): Promise<{ existing: Map<string, Ref>; keep: ParsedRow[] }> {
  const seen = new Set<string>();
  const keep: ParsedRow[] = [];
  for (const r of rows) {
    const ext = r.cells.external_id ?? '';
    if (!ext) fail(r.row, 'external_id', 'required', 'is required');
    else if (ext.length > 200)
      fail(r.row, 'external_id', 'too_long', 'is longer than 200 characters');
    else if (seen.has(ext)) fail(r.row, 'external_id', 'duplicate', 'appears twice in the file');
    else {
      seen.add(ext);
      keep.push(r);
    }
  }
  const existing = await lookup(
    em,
    spec.register,
    spec.table,
    keep.map((r) => r.cells.external_id),
    spec.table === 'users' ? "t.role = 'client'" : 'TRUE',
  );
  return { existing, keep };
}

function prepared(r: ParsedRow, existing: Map<string, Ref>, values: Record<string, unknown>) {
  const found = existing.get(r.cells.external_id);
  return {
    row: r.row,
    externalId: r.cells.external_id,
    id: found?.id ?? randomUUID(),
    isNew: !found,
    values,
  };
}

const organizations: RegisterSpec = {
  register: 'organizations',
  table: 'organizations',
  headers: ['external_id', 'name', 'tax_id', 'address', 'phone', 'email', 'notes'],
  required: ['external_id', 'name'],
  writes: ['name', 'tax_id', 'address', 'phone', 'email', 'notes'],
  async prepare(em, rows, fail) {
    const { existing, keep } = await own(em, this, rows, fail);
    const out: PreparedRow[] = [];
    for (const r of keep) {
      const c = new Cells(r, fail);
      const email = c.text('email', 254);
      if (email && !EMAIL.test(email))
        c.error('email', 'invalid_email', 'is not an e-mail address');
      const values = {
        name: c.text('name', 200, true),
        tax_id: c.text('tax_id', 50),
        address: c.text('address', 2000),
        phone: c.text('phone', 50),
        email,
        notes: c.text('notes', 10000),
      };
      if (c.ok) out.push(prepared(r, existing, values));
    }
    return out;
  },
};

const contacts: RegisterSpec = {
  register: 'contacts',
  table: 'users',
  headers: ['external_id', 'organization', 'name', 'email', 'phone'],
  required: ['external_id', 'organization', 'name', 'email'],
  writes: ['organization_id', 'name', 'email', 'phone'],
  insertOnly: { role: 'client' },
  async prepare(em, rows, fail) {
    const { existing, keep } = await own(em, this, rows, fail);
    const orgs = await lookup(
      em,
      'organizations',
      'organizations',
      keep.map((r) => r.cells.organization),
    );
    // A contact already in the directory is matched by e-mail (the users' unique key).
    const emails = keep.map((r) => (r.cells.email ?? '').toLowerCase()).filter(Boolean);
    const byEmail = new Map<string, { id: string; role: string; external_id: string | null }>();
    if (emails.length > 0) {
      for (const u of await sql<{
        id: string;
        email: string;
        role: string;
        external_id: string | null;
      }>(
        em,
        `SELECT u.id, lower(u.email) AS email, u.role,
                (SELECT x.external_id FROM register_external_ids x
                  WHERE x.register = 'contacts' AND x.row_id = u.id LIMIT 1) AS external_id
           FROM users u WHERE lower(u.email) = ANY($1::text[])`,
        [emails],
      )) {
        byEmail.set(u.email, u);
      }
    }
    const batchEmails = new Set<string>();
    const out: PreparedRow[] = [];
    for (const r of keep) {
      const c = new Cells(r, fail);
      const org = ref(c, 'organization', c.text('organization', 200, true), orgs, 'organization');
      const email = c.text('email', 254, true)?.toLowerCase() ?? null;
      let id = existing.get(r.cells.external_id)?.id;
      if (email) {
        const holder = byEmail.get(email);
        if (!EMAIL.test(email)) c.error('email', 'invalid_email', 'is not an e-mail address');
        else if (batchEmails.has(email)) c.error('email', 'duplicate', 'appears twice in the file');
        else if (holder && holder.role !== 'client') {
          c.error('email', 'staff_email', 'belongs to a staff user');
        } else if (holder && id && holder.id !== id) {
          c.error('email', 'email_taken', 'is the e-mail of another contact');
        } else if (holder && !id) {
          if (holder.external_id && holder.external_id !== r.cells.external_id) {
            c.error('email', 'email_taken', 'is the e-mail of another contact');
          }
          id = holder.id;
        }
        batchEmails.add(email);
      }
      const values = {
        organization_id: org?.id ?? null,
        name: c.text('name', 200, true),
        email,
        phone: c.text('phone', 50),
      };
      if (!c.ok) continue;
      out.push({
        row: r.row,
        externalId: r.cells.external_id,
        id: id ?? randomUUID(),
        isNew: !id,
        values,
      });
    }
    return out;
  },
};

const serviceObjects: RegisterSpec = {
  register: 'service_objects',
  table: 'service_objects',
  headers: ['external_id', 'organization', 'name', 'address', 'contact', 'notes'],
  required: ['external_id', 'organization', 'name'],
  writes: ['organization_id', 'name', 'address', 'contact_id', 'notes'],
  async prepare(em, rows, fail) {
    const { existing, keep } = await own(em, this, rows, fail);
    const orgs = await lookup(
      em,
      'organizations',
      'organizations',
      keep.map((r) => r.cells.organization),
    );
    const people = await lookup(
      em,
      'contacts',
      'users',
      keep.map((r) => r.cells.contact ?? ''),
      "t.role = 'client'",
    );
    const out: PreparedRow[] = [];
    for (const r of keep) {
      const c = new Cells(r, fail);
      const org = ref(c, 'organization', c.text('organization', 200, true), orgs, 'organization');
      const contact = ref(c, 'contact', c.text('contact', 200), people, 'contact', org?.id);
      const values = {
        organization_id: org?.id ?? null,
        name: c.text('name', 200, true),
        address: c.text('address', 2000) ?? '',
        contact_id: contact?.id ?? null,
        notes: c.text('notes', 10000) ?? '',
      };
      if (c.ok) out.push(prepared(r, existing, values));
    }
    return out;
  },
};

const equipment: RegisterSpec = {
  register: 'equipment',
  table: 'equipment_items',
  headers: [
    'external_id',
    'organization',
    'type',
    'service_object',
    'parent',
    'manufacturer',
    'model',
    'serial_number',
    'inventory_number',
    'installed_on',
    'warranty_until',
    'status',
  ],
  required: ['external_id', 'organization', 'type'],
  fieldColumns: true,
  writes: [
    'organization_id',
    'type_id',
    'service_object_id',
    'parent_id',
    'manufacturer',
    'model',
    'serial_number',
    'inventory_number',
    'installed_on',
    'warranty_until',
    'status',
    'custom_fields',
  ],
  start: (em) => em.query(EQUIPMENT_TREE_STAGE).then(() => undefined),
  finish: (em, keep) => checkEquipmentTree(em, keep),
  async prepare(em, rows, fail) {
    const { existing, keep } = await own(em, this, rows, fail);
    const orgs = await lookup(
      em,
      'organizations',
      'organizations',
      keep.map((r) => r.cells.organization),
    );
    const objects = await lookup(
      em,
      'service_objects',
      'service_objects',
      keep.map((r) => r.cells.service_object ?? ''),
    );
    // Stored custom fields of the rows the file updates: an update changes only its columns.
    const known = [...existing.values()].map((x) => x.id);
    const stored = new Map<string, { type_id: string; custom_fields: CustomFieldValues }>();
    if (known.length > 0) {
      for (const x of await sql<{
        id: string;
        type_id: string;
        custom_fields: CustomFieldValues;
      }>(em, 'SELECT id, type_id, custom_fields FROM equipment_items WHERE id = ANY($1::uuid[])', [
        known,
      ])) {
        stored.set(x.id, x);
      }
    }
    const types = new Map<string, string | null>();
    const typeFields = new Map<string, FieldDefinition[]>();
    for (const t of await sql<{ id: string; name: string; fields: FieldDefinition[] }>(
      em,
      'SELECT id, lower(name) AS name, fields FROM equipment_types',
    )) {
      // Two types of one name cannot be told apart by name: the file must use the id.
      types.set(t.name, types.has(t.name) ? null : t.id);
      types.set(t.id, t.id);
      typeFields.set(
        t.id,
        t.fields.map((f) => ({ ...f, clientEditable: false })),
      );
    }
    const fieldColumns =
      rows.length > 0 ? Object.keys(rows[0].cells).filter((k) => k.startsWith(FIELD_COLUMN)) : [];
    /** Rows whose user and organization field ids are checked below, in one query per kind. */
    const checking: {
      cells: Cells;
      row: PreparedRow;
      parent: string | null;
      references: CustomFieldResult['references'];
    }[] = [];
    const out: PreparedRow[] = [];
    // Every row that names a parent; rows in error too, so a missing parent is said as well.
    const staged: StagedParent[] = [];
    const stage = (
      id: string,
      org: string | null,
      row: number,
      parent: string | null,
      isNew: boolean,
      written: boolean,
    ) => {
      if (parent) staged.push({ id, org, row, parent, isNew, written });
    };
    for (const r of keep) {
      const c = new Cells(r, fail);
      const org = ref(c, 'organization', c.text('organization', 200, true), orgs, 'organization');
      const typeKey = c.text('type', 200, true)?.toLowerCase();
      const typeId = typeKey ? types.get(typeKey) : undefined;
      if (typeKey && typeId === undefined)
        c.error('type', 'not_found', 'no equipment type of this name or id');
      if (typeKey && typeId === null)
        c.error('type', 'ambiguous', 'several equipment types have this name; use the id');
      const object = ref(
        c,
        'service_object',
        c.text('service_object', 200),
        objects,
        'service object',
        org?.id,
      );
      // The parent is set once the whole file is written (it may come later in the file).
      const parentKey = c.text('parent', 200);
      const selfParent = parentKey !== null && parentKey === r.cells.external_id;
      if (selfParent) c.error('parent', 'self_parent', 'cannot be the item itself');
      const status = c.text('status', 20) ?? 'in_service';
      if (!STATUSES.has(status))
        c.error('status', 'invalid_status', `must be one of ${[...STATUSES].join(', ')}`);
      const values = {
        organization_id: org?.id ?? null,
        type_id: typeId ?? null,
        service_object_id: object?.id ?? null,
        parent_id: null,
        manufacturer: c.text('manufacturer', 200) ?? '',
        model: c.text('model', 200) ?? '',
        serial_number: c.text('serial_number', 100),
        inventory_number: c.text('inventory_number', 100),
        installed_on: c.date('installed_on'),
        warranty_until: c.date('warranty_until'),
        status,
        custom_fields: {} as Record<string, unknown>,
      };
      const found = existing.get(r.cells.external_id);
      const id = found?.id ?? randomUUID();
      const current = stored.get(id);
      const fields = typeId ? typeFields.get(typeId) : undefined;
      let references: CustomFieldResult['references'] | null = null;
      if (fields) {
        // The API's own check of an item's custom fields (create, update or change of type).
        const changes: Record<string, unknown> = {};
        const byKey = new Map(fields.map((f) => [f.key, f]));
        for (const column of fieldColumns) {
          const key = column.slice(FIELD_COLUMN.length);
          const text = r.cells[column] ?? '';
          const field = byKey.get(key);
          if (!field?.active) {
            if (text) c.error(column, 'not_a_field', 'is not a field of this equipment type');
            continue;
          }
          changes[key] = text ? fieldValue(field, text) : null;
        }
        const result = validateCustomFields({
          fields,
          current: current?.custom_fields ?? {},
          changes,
          isClient: false,
          mode: !current ? 'create' : current.type_id !== typeId ? 'retype' : 'update',
        });
        for (const e of result.errors) {
          c.error(
            `${FIELD_COLUMN}${e.field.replace(/^customFields\./, '')}`,
            e.message === 'is required' ? 'required' : 'invalid_value',
            e.message,
          );
        }
        values.custom_fields = result.values;
        references = result.references;
      }
      if (!c.ok) {
        if (!selfParent) stage(id, org?.id ?? null, r.row, parentKey, !found, false);
        continue;
      }
      const row = { row: r.row, externalId: r.cells.external_id, id, isNew: !found, values };
      if (references && (references.users.size > 0 || references.organizations.size > 0)) {
        checking.push({ cells: c, row, parent: parentKey, references });
        continue;
      }
      out.push(row);
      stage(id, org?.id ?? null, r.row, parentKey, !found, true);
    }
    // User and organization fields name active rows (as the API checks them).
    if (checking.length > 0) {
      const ids = (kind: 'users' | 'organizations') => [
        ...new Set(checking.flatMap((x) => [...x.references[kind].keys()])),
      ];
      const active = async (table: 'users' | 'organizations', list: string[]) =>
        new Set(
          list.length === 0
            ? []
            : (
                await sql<{ id: string }>(
                  em,
                  `SELECT id FROM ${table} WHERE id = ANY($1::uuid[]) AND active`,
                  [list],
                )
              ).map((x) => x.id),
        );
      const found = {
        users: await active('users', ids('users')),
        organizations: await active('organizations', ids('organizations')),
      };
      for (const x of checking) {
        for (const e of referenceErrors(x.references, found)) {
          x.cells.error(
            `${FIELD_COLUMN}${e.field.replace(/^customFields\./, '')}`,
            'not_found',
            e.message,
          );
        }
        const org = x.row.values.organization_id as string;
        stage(x.row.id, org, x.row.row, x.parent, x.row.isNew, x.cells.ok);
        if (x.cells.ok) out.push(x.row);
      }
      out.sort((a, b) => a.row - b.row);
    }
    await stageParents(em, staged);
    return out;
  },
};

export const REGISTER_SPECS: Record<ImportRegister, RegisterSpec> = {
  organizations,
  contacts,
  service_objects: serviceObjects,
  equipment,
};
