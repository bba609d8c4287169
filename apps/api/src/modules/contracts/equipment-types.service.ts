import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { containsPattern, SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import type { Page } from '../../common/pagination/cursor.js';
import { Clock } from '../../common/time/clock.js';
import { fieldRuleErrors } from '../custom-fields/index.js';
import type {
  CreateEquipmentTypeDto,
  EquipmentFieldDto,
  EquipmentTypeDto,
  EquipmentTypeListQueryDto,
  UpdateEquipmentTypeDto,
} from './dto/equipment-type.dto.js';
import type { EquipmentFieldDefinition } from './entities/equipment-type.entity.js';
import { deleteRegisterRow, lockForUpdate, updateSent } from './register-crud.js';
import { FieldErrors } from './register-errors.js';
import { registerPage } from './register-page.js';
import { isRegisterStaff } from './register-visibility.js';

interface TypeRow {
  id: string;
  name: string;
  fields: EquipmentFieldDefinition[];
  version: number;
}

/** What a client contact may know of a type: its name and the fields they see values of. */
export function clientFields(fields: EquipmentFieldDefinition[]): EquipmentFieldDefinition[] {
  return fields.filter((f) => f.active && f.clientVisible);
}

function toDto(r: TypeRow, staff: boolean): EquipmentTypeDto {
  if (!staff) return { id: r.id, name: r.name, fields: clientFields(r.fields) };
  return { id: r.id, name: r.name, fields: r.fields, version: r.version };
}

/**
 * The field list as stored, every setting filled in, checked with the ticket custom fields' rules
 * (options of select fields, distinct keys). `previous` keeps kinds: a key's kind never changes,
 * or stored values would stop fitting it.
 */
function fieldDefinitions(
  input: EquipmentFieldDto[],
  previous: EquipmentFieldDefinition[],
  errors: FieldErrors,
): EquipmentFieldDefinition[] {
  const seen = new Set<string>();
  const kinds = new Map(previous.map((f) => [f.key, f.kind]));
  return input.map((f, i) => {
    const definition: EquipmentFieldDefinition = {
      key: f.key,
      name: f.name,
      kind: f.kind,
      required: f.required ?? false,
      clientVisible: f.clientVisible ?? false,
      options: f.options ?? [],
      active: f.active ?? true,
    };
    if (seen.has(f.key)) errors.add(`fields[${i}].key`, 'is used by another field of this type');
    seen.add(f.key);
    const kind = kinds.get(f.key);
    if (kind && kind !== f.kind) {
      errors.add(`fields[${i}].kind`, `cannot change (the field is ${kind}); use a new key`);
    }
    for (const e of fieldRuleErrors({ ...definition, clientEditable: false }, `fields[${i}].`)) {
      errors.add(e.field, e.message);
    }
    return definition;
  });
}

/** The equipment catalogue: types with their custom fields (staff with contracts.manage keep it). */
@Injectable()
export class EquipmentTypesService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  list(reader: AuthUser, query: EquipmentTypeListQueryDto): Promise<Page<EquipmentTypeDto>> {
    const p = new SqlParams();
    const where: string[] = [];
    if (query.q) where.push(`et.name ILIKE ${p.add(containsPattern(query.q))}`);
    const staff = isRegisterStaff(reader);
    return registerPage<TypeRow, EquipmentTypeDto>(
      this.db,
      {
        select: 'et.id, et.name, et.fields, et.version',
        from: 'equipment_types et',
        where,
        params: p,
        order: { column: 'et.name', id: 'et.id', kind: 'text' },
        limit: query.limit,
        cursor: query.cursor,
      },
      (r) => toDto(r, staff),
    );
  }

  async get(
    reader: AuthUser,
    id: string,
    em: EntityManager = this.db.manager,
  ): Promise<EquipmentTypeDto> {
    const [row] = await sql<TypeRow>(
      em,
      'SELECT id, name, fields, version FROM equipment_types WHERE id = $1',
      [id],
    );
    if (!row) throw new NotFoundError('Equipment type');
    return toDto(row, isRegisterStaff(reader));
  }

  create(reader: AuthUser, dto: CreateEquipmentTypeDto): Promise<EquipmentTypeDto> {
    return this.db.transaction(async (em) => {
      const errors = new FieldErrors();
      const fields = fieldDefinitions(dto.fields ?? [], [], errors);
      errors.throwIfAny('equipment type');
      const now = this.clock.now();
      const [{ id }] = await sql<{ id: string }>(
        em,
        `INSERT INTO equipment_types (name, fields, created_at, updated_at)
         VALUES ($1, $2, $3, $3) RETURNING id`,
        [dto.name.trim(), JSON.stringify(fields), now],
      );
      return this.get(reader, id, em);
    });
  }

  update(reader: AuthUser, id: string, dto: UpdateEquipmentTypeDto): Promise<EquipmentTypeDto> {
    return this.db.transaction(async (em) => {
      const current = await lockForUpdate<TypeRow>(
        em,
        'equipment_types',
        'id, fields',
        id,
        dto.version,
        'Equipment type',
      );
      const errors = new FieldErrors();
      const fields =
        dto.fields === undefined ? undefined : fieldDefinitions(dto.fields, current.fields, errors);
      errors.throwIfAny('equipment type');
      await updateSent(em, 'equipment_types', id, this.clock.now(), {
        name: dto.name?.trim(),
        fields: fields === undefined ? undefined : JSON.stringify(fields),
      });
      return this.get(reader, id, em);
    });
  }

  remove(id: string): Promise<void> {
    return deleteRegisterRow(
      this.db,
      'equipment_types',
      id,
      'Equipment type',
      'Equipment of this type exists; the type cannot be deleted',
    );
  }
}
