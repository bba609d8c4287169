import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { registerVisibility } from '../contracts/index.js';
import { neutralize } from './csv-source.js';
import { FIELD_COLUMN } from './field-cells.js';
import { REGISTER_SPECS, type ImportRegister } from './register-specs.js';

const PAGE_ROWS = 1000;

/** The key an export writes for a row: the external id it was imported by, else its own id. */
const key = (register: ImportRegister, idExpr: string) =>
  `COALESCE((SELECT x.external_id FROM register_external_ids x
              WHERE x.register = '${register}' AND x.row_id = ${idExpr}
              ORDER BY x.external_id LIMIT 1), ${idExpr}::text)`;

interface ExportQuery {
  from: string;
  /** The file's columns, in the register's header order. */
  select: string;
  where: (reader: AuthUser, p: SqlParams) => string;
}

const staff = (reader: AuthUser) => reader.role !== 'client';

/** Staff read everything; a client contact their own organization's rows (as the lists). */
const QUERIES: Record<ImportRegister, ExportQuery> = {
  organizations: {
    from: 'organizations t',
    select: `${key('organizations', 't.id')}, t.name, t.tax_id, t.address, t.phone, t.email,
             t.notes`,
    where: (reader, p) =>
      staff(reader) ? 'TRUE' : `t.id = ${p.add(reader.organizationId ?? null)}::uuid`,
  },
  contacts: {
    from: 'users t',
    select: `${key('contacts', 't.id')}, ${key('organizations', 't.organization_id')}, t.name,
             t.email, t.phone`,
    where: (reader, p) =>
      `t.role = 'client' AND t.organization_id IS NOT NULL AND ${
        staff(reader) ? 'TRUE' : `t.organization_id = ${p.add(reader.organizationId ?? null)}::uuid`
      }`,
  },
  service_objects: {
    from: 'service_objects t',
    select: `${key('service_objects', 't.id')}, ${key('organizations', 't.organization_id')},
             t.name, t.address,
             CASE WHEN t.contact_id IS NULL THEN NULL ELSE ${key('contacts', 't.contact_id')} END,
             t.notes`,
    where: (reader, p) => registerVisibility(reader, p, 'service_objects', 't'),
  },
  equipment: {
    from: 'equipment_items t',
    select: `${key('equipment', 't.id')}, ${key('organizations', 't.organization_id')},
             (SELECT et.name FROM equipment_types et WHERE et.id = t.type_id),
             CASE WHEN t.service_object_id IS NULL THEN NULL
                  ELSE ${key('service_objects', 't.service_object_id')} END,
             CASE WHEN t.parent_id IS NULL THEN NULL ELSE ${key('equipment', 't.parent_id')} END,
             t.manufacturer, t.model, t.serial_number, t.inventory_number,
             t.installed_on::text, t.warranty_until::text, t.status`,
    where: (reader, p) => registerVisibility(reader, p, 'equipment_items', 't'),
  },
};

/** Fields only staff read; a client's export leaves them empty. */
const STAFF_ONLY: Partial<Record<ImportRegister, string>> = {
  organizations: 'notes',
  service_objects: 'notes',
};

/** A field `f` of a type is exported when active (and, for a client reader ($1/param), client-visible). */
const FIELD_SHOWN = `(f->>'active')::boolean AND (NOT $1::boolean OR (f->>'clientVisible')::boolean)`;

/**
 * An item's value of one custom field as the import reads it back (multi-select `a|b`), or empty
 * when the field is not an active field of the item's own type (or one a client may not see), so
 * the export re-imports without a `not_a_field` error and shows no hidden value.
 */
function fieldCell(reader: AuthUser, key: string): string {
  const client = staff(reader) ? 'false' : 'true';
  return `(SELECT CASE jsonb_typeof(v) WHEN 'array'
                  THEN (SELECT string_agg(x, '|') FROM jsonb_array_elements_text(v) x)
                  ELSE v #>> '{}' END
             FROM (SELECT t.custom_fields -> ${key}::text AS v) s
            WHERE EXISTS (SELECT 1 FROM equipment_types et, jsonb_array_elements(et.fields) f
                           WHERE et.id = t.type_id AND f->>'key' = ${key}::text
                             AND ${FIELD_SHOWN.replace('$1', client)}))`;
}

function cell(value: unknown, delimiter: string): string {
  if (value === null || value === undefined) return '';
  const text = neutralize(String(value));
  return text.includes('"') || text.includes(delimiter) || /[\r\n]/.test(text)
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

/**
 * CSV export of a register, in the import's columns, so a file exported and edited re-imports
 * as updates. Pages by id, so memory holds one page whatever the register's size. Cells a
 * spreadsheet would run as a formula are written with a leading `'` (the import takes it off).
 */
@Injectable()
export class RegisterExportService {
  constructor(private readonly db: DataSource) {}

  async *lines(
    reader: AuthUser,
    register: ImportRegister,
    delimiter: ',' | ';',
  ): AsyncGenerator<string> {
    const spec = REGISTER_SPECS[register];
    const query = QUERIES[register];
    const hidden = staff(reader) ? -1 : spec.headers.indexOf(STAFF_ONLY[register] ?? '');
    const keys = spec.fieldColumns ? await this.fieldKeys(reader) : [];
    const headers = [...spec.headers, ...keys.map((k) => `${FIELD_COLUMN}${k}`)];
    // The BOM tells Excel the file is UTF-8 (Cyrillic and Czech letters survive).
    yield `\uFEFF${headers.join(delimiter)}\r\n`;
    let after: string | null = null;
    for (;;) {
      const p = new SqlParams();
      const where = [query.where(reader, p)];
      if (after) where.push(`t.id > ${p.add(after)}::uuid`);
      const fields = keys.map((k) => `, ${fieldCell(reader, p.add(k))}`).join('');
      const rows = await sql<Record<string, unknown>>(
        this.db,
        `SELECT t.id AS row_id, ARRAY[${query.select}${fields}]::text[] AS cells FROM ${query.from}
          WHERE ${where.join(' AND ')} ORDER BY t.id LIMIT ${PAGE_ROWS}`,
        p.values,
      );
      if (rows.length === 0) return;
      let chunk = '';
      for (const r of rows) {
        const cells = r.cells as (string | null)[];
        chunk += `${cells.map((v, i) => (i === hidden ? '' : cell(v, delimiter))).join(delimiter)}\r\n`;
      }
      yield chunk;
      if (rows.length < PAGE_ROWS) return;
      after = rows[rows.length - 1].row_id as string;
    }
  }

  /** The custom field keys of the equipment types' active fields (a client: those they see). */
  private async fieldKeys(reader: AuthUser): Promise<string[]> {
    const rows = await sql<{ key: string }>(
      this.db,
      `SELECT DISTINCT f->>'key' AS key FROM equipment_types et, jsonb_array_elements(et.fields) f
        WHERE ${FIELD_SHOWN} ORDER BY 1`,
      [!staff(reader)],
    );
    return rows.map((r) => r.key);
  }
}
