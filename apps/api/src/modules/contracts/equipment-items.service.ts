import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CustomFieldValues } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { iso, SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import type { Page } from '../../common/pagination/cursor.js';
import { Clock } from '../../common/time/clock.js';
import {
  customFieldReferenceErrors,
  validateCustomFields,
  type FieldDefinition,
} from '../custom-fields/index.js';
import type {
  CreateEquipmentItemDto,
  EquipmentItemDto,
  EquipmentItemListQueryDto,
  UpdateEquipmentItemDto,
} from './dto/equipment-item.dto.js';
import type { EquipmentFieldDefinition } from './entities/equipment-type.entity.js';
import { checkParent } from './equipment-tree.js';
import { clientFields } from './equipment-types.service.js';
import {
  checkOrganization,
  deleteRegisterRow,
  lockForUpdate,
  updateSent,
} from './register-crud.js';
import { FieldErrors } from './register-errors.js';
import { registerPage } from './register-page.js';
import { isRegisterStaff, registerVisibility } from './register-visibility.js';

interface ItemRow {
  id: string;
  type_id: string;
  type_name: string;
  type_fields: EquipmentFieldDefinition[];
  organization_id: string;
  service_object_id: string | null;
  service_object_name: string | null;
  parent_id: string | null;
  manufacturer: string;
  model: string;
  serial_number: string | null;
  inventory_number: string | null;
  installed_on: string | null;
  warranty_until: string | null;
  status: EquipmentItemDto['status'];
  custom_fields: CustomFieldValues;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `e.id, e.type_id, et.name AS type_name, et.fields AS type_fields, e.organization_id,
  e.service_object_id, (SELECT so.name FROM service_objects so WHERE so.id = e.service_object_id) AS service_object_name,
  e.parent_id, e.manufacturer, e.model, e.serial_number, e.inventory_number,
  e.installed_on::text AS installed_on, e.warranty_until::text AS warranty_until, e.status,
  e.custom_fields, e.version, e.created_at, e.updated_at`;
const FROM = 'equipment_items e JOIN equipment_types et ON et.id = e.type_id';

/** A prefix for LIKE, the caller's %, _ and \ matching literally; case-insensitive via lower(). */
function prefixPattern(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function toDto(r: ItemRow, staff: boolean): EquipmentItemDto {
  const shown = new Set(clientFields(r.type_fields).map((f) => f.key));
  const dto: EquipmentItemDto = {
    id: r.id,
    typeId: r.type_id,
    typeName: r.type_name,
    organizationId: r.organization_id,
    serviceObjectId: r.service_object_id,
    serviceObjectName: r.service_object_name,
    parentId: r.parent_id,
    manufacturer: r.manufacturer,
    model: r.model,
    serialNumber: r.serial_number,
    inventoryNumber: r.inventory_number,
    installedOn: r.installed_on,
    warrantyUntil: r.warranty_until,
    status: r.status,
    customFields: staff
      ? r.custom_fields
      : Object.fromEntries(Object.entries(r.custom_fields).filter(([k]) => shown.has(k))),
  };
  if (!staff) return dto;
  return {
    ...dto,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** The validator's view of a type's fields (clients never write equipment). */
function definitions(fields: EquipmentFieldDefinition[]): FieldDefinition[] {
  return fields.map((f) => ({
    key: f.key,
    kind: f.kind,
    required: f.required,
    clientVisible: f.clientVisible,
    clientEditable: false,
    options: f.options,
    active: f.active,
  }));
}

/** Equipment items: a client organization's devices, at its objects, with components. */
@Injectable()
export class EquipmentItemsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  list(reader: AuthUser, query: EquipmentItemListQueryDto): Promise<Page<EquipmentItemDto>> {
    const p = new SqlParams();
    const where = [registerVisibility(reader, p, 'equipment_items', 'e')];
    const filter = (column: string, value: string | undefined) => {
      if (value !== undefined) where.push(`e.${column} = ${p.add(value)}`);
    };
    filter('organization_id', query.organizationId);
    filter('service_object_id', query.serviceObjectId);
    filter('type_id', query.typeId);
    filter('parent_id', query.parentId);
    filter('status', query.status);
    if (query.q) {
      const prefix = p.add(prefixPattern(query.q));
      where.push(
        `(lower(e.serial_number) LIKE ${prefix} OR lower(e.inventory_number) LIKE ${prefix})`,
      );
    }
    const staff = isRegisterStaff(reader);
    return registerPage<ItemRow, EquipmentItemDto>(
      this.db,
      {
        select: COLUMNS,
        from: FROM,
        where,
        params: p,
        order: { column: 'e.created_at', id: 'e.id', kind: 'timestamp' },
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
  ): Promise<EquipmentItemDto> {
    const p = new SqlParams();
    const idParam = p.add(id);
    const [row] = await sql<ItemRow>(
      em,
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE e.id = ${idParam} AND ${registerVisibility(reader, p, 'equipment_items', 'e')}`,
      p.values,
    );
    if (!row) throw new NotFoundError('Equipment item');
    return toDto(row, isRegisterStaff(reader));
  }

  create(reader: AuthUser, dto: CreateEquipmentItemDto): Promise<EquipmentItemDto> {
    return this.db.transaction(async (em) => {
      const errors = new FieldErrors();
      const org = await checkOrganization(em, errors, dto.organizationId);
      const fields = await this.typeFields(em, dto.typeId, errors);
      if (org) await this.checkLinks(em, errors, dto.organizationId, null, dto);
      let values: CustomFieldValues = {};
      if (fields) {
        values = await this.customValues(em, errors, fields, {}, dto.customFields ?? {}, 'create');
      }
      errors.throwIfAny('equipment item');
      const now = this.clock.now();
      const [{ id }] = await sql<{ id: string }>(
        em,
        `INSERT INTO equipment_items (type_id, organization_id, service_object_id, parent_id, manufacturer,
                                      model, serial_number, inventory_number, installed_on, warranty_until,
                                      status, custom_fields, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id`,
        [
          dto.typeId,
          dto.organizationId,
          dto.serviceObjectId ?? null,
          dto.parentId ?? null,
          dto.manufacturer?.trim() ?? '',
          dto.model?.trim() ?? '',
          emptyToNull(dto.serialNumber),
          emptyToNull(dto.inventoryNumber),
          dto.installedOn ?? null,
          dto.warrantyUntil ?? null,
          dto.status ?? 'in_service',
          JSON.stringify(values),
          now,
        ],
      );
      return this.get(reader, id, em);
    });
  }

  update(reader: AuthUser, id: string, dto: UpdateEquipmentItemDto): Promise<EquipmentItemDto> {
    return this.db.transaction(async (em) => {
      const current = await lockForUpdate<{
        organization_id: string;
        type_id: string;
        custom_fields: CustomFieldValues;
        version: number;
      }>(
        em,
        'equipment_items',
        'organization_id, type_id, custom_fields',
        id,
        dto.version,
        'Equipment item',
      );
      const errors = new FieldErrors();
      await this.checkLinks(em, errors, current.organization_id, id, dto);
      const retype = dto.typeId !== undefined && dto.typeId !== current.type_id;
      let values: CustomFieldValues | undefined;
      if (retype || dto.customFields !== undefined) {
        const fields = await this.typeFields(em, dto.typeId ?? current.type_id, errors);
        if (fields) {
          values = await this.customValues(
            em,
            errors,
            fields,
            current.custom_fields,
            dto.customFields ?? {},
            retype ? 'retype' : 'update',
          );
        }
      }
      errors.throwIfAny('equipment item');
      await updateSent(em, 'equipment_items', id, this.clock.now(), {
        type_id: dto.typeId,
        service_object_id: dto.serviceObjectId,
        parent_id: dto.parentId,
        manufacturer: dto.manufacturer?.trim(),
        model: dto.model?.trim(),
        serial_number: dto.serialNumber === undefined ? undefined : emptyToNull(dto.serialNumber),
        inventory_number:
          dto.inventoryNumber === undefined ? undefined : emptyToNull(dto.inventoryNumber),
        installed_on: dto.installedOn,
        warranty_until: dto.warrantyUntil,
        status: dto.status,
        custom_fields: values === undefined ? undefined : JSON.stringify(values),
      });
      return this.get(reader, id, em);
    });
  }

  remove(id: string): Promise<void> {
    return deleteRegisterRow(
      this.db,
      'equipment_items',
      id,
      'Equipment item',
      'The item has components; move or delete them first',
    );
  }

  private async typeFields(
    em: EntityManager,
    typeId: string,
    errors: FieldErrors,
  ): Promise<FieldDefinition[] | null> {
    const [type] = await sql<{ fields: EquipmentFieldDefinition[] }>(
      em,
      'SELECT fields FROM equipment_types WHERE id = $1',
      [typeId],
    );
    if (!type) {
      errors.add('typeId', 'no equipment type with this id');
      return null;
    }
    return definitions(type.fields);
  }

  /** The ticket custom fields' validator, on the type's fields; ids checked in the database. */
  private async customValues(
    em: EntityManager,
    errors: FieldErrors,
    fields: FieldDefinition[],
    current: CustomFieldValues,
    changes: Record<string, unknown>,
    mode: 'create' | 'update' | 'retype',
  ): Promise<CustomFieldValues> {
    const result = validateCustomFields({ fields, current, changes, isClient: false, mode });
    const found = [...result.errors, ...(await customFieldReferenceErrors(em, result.references))];
    for (const e of found) errors.add(e.field, e.message);
    return result.values;
  }

  /** The service object and the parent must be of the item's own organization. */
  private async checkLinks(
    em: EntityManager,
    errors: FieldErrors,
    organizationId: string,
    itemId: string | null,
    dto: { serviceObjectId?: string | null; parentId?: string | null },
  ): Promise<void> {
    if (dto.serviceObjectId) {
      const [object] = await sql<{ organization_id: string }>(
        em,
        'SELECT organization_id FROM service_objects WHERE id = $1',
        [dto.serviceObjectId],
      );
      if (!object) errors.add('serviceObjectId', 'no service object with this id');
      else if (object.organization_id !== organizationId) {
        errors.add('serviceObjectId', 'belongs to another organization');
      }
    }
    if (dto.parentId) await checkParent(em, errors, organizationId, itemId, dto.parentId);
  }
}

function emptyToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
