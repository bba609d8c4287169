import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { sql } from '../../../common/database/sql.js';
import {
  BusinessRuleError,
  ConflictError,
  NotFoundError,
  VersionConflictError,
} from '../../../common/errors/domain-errors.js';
import { Clock } from '../../../common/time/clock.js';
import { fieldRuleErrors } from '../../custom-fields/index.js';
import type { TicketTypesQueryDto } from '../dto/ticket-input.dto.js';
import type { TicketTypeDto } from '../dto/ticket.dto.js';
import type {
  CreateTicketTypeFieldDto,
  TicketTypeFieldDto,
  UpdateTicketTypeFieldDto,
} from './dto/ticket-type-field.dto.js';
import type { CreateTicketTypeDto, UpdateTicketTypeDto } from './dto/ticket-type-input.dto.js';

type TypeRow = Omit<TicketTypeDto, 'fields'>;
type FieldRow = TicketTypeFieldDto & { typeId: string };

const TYPE_COLUMNS = `tt.id, tt.key, tt.name, tt.is_public AS "isPublic", tt.workflow_id AS "workflowId",
  tt.default_priority AS "defaultPriority", tt.active, tt.position, tt.version`;

const FIELD_COLUMNS = `f.id, f.type_id AS "typeId", f.key, f.name, f.kind, f.required,
  f.client_visible AS "clientVisible", f.client_editable AS "clientEditable", f.options, f.active,
  f.position, f.version`;

const TYPE_WRITABLE: Partial<Record<keyof UpdateTicketTypeDto, string>> = {
  name: 'name',
  isPublic: 'is_public',
  workflowId: 'workflow_id',
  defaultPriority: 'default_priority',
  active: 'active',
  position: 'position',
};

const FIELD_WRITABLE: Partial<Record<keyof UpdateTicketTypeFieldDto, string>> = {
  name: 'name',
  required: 'required',
  clientVisible: 'client_visible',
  clientEditable: 'client_editable',
  options: 'options',
  active: 'active',
  position: 'position',
};

/** Values for a jsonb column go over the wire as JSON text. */
const columnValue = (column: string, value: unknown) =>
  column === 'name' || column === 'options' ? JSON.stringify(value) : value;

/** Ticket types and their custom fields: reference data for forms, configured by admins. */
@Injectable()
export class TicketTypesService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, query: TicketTypesQueryDto): Promise<TicketTypeDto[]> {
    const isClient = user.role === 'client';
    const where = isClient
      ? 'tt.is_public AND tt.active'
      : query.includeInactive
        ? 'TRUE'
        : 'tt.active';
    const types = await sql<TypeRow>(
      this.db,
      `SELECT ${TYPE_COLUMNS} FROM ticket_types tt WHERE ${where} ORDER BY tt.position, tt.key`,
    );
    return this.withFields(this.db.manager, types, isClient, !isClient && !!query.includeInactive);
  }

  async get(
    user: AuthUser,
    id: string,
    query: TicketTypesQueryDto = {},
    em: EntityManager = this.db.manager,
  ): Promise<TicketTypeDto> {
    const isClient = user.role === 'client';
    const [type] = await sql<TypeRow>(
      em,
      `SELECT ${TYPE_COLUMNS} FROM ticket_types tt
        WHERE tt.id = $1 ${isClient ? 'AND tt.is_public AND tt.active' : ''}`,
      [id],
    );
    // An internal type does not exist as far as a client is concerned.
    if (!type) throw new NotFoundError('Ticket type');
    const [dto] = await this.withFields(em, [type], isClient, !isClient && !!query.includeInactive);
    return dto;
  }

  /** Every type's fields in one query. */
  private async withFields(
    em: EntityManager,
    types: TypeRow[],
    isClient: boolean,
    includeInactive: boolean,
  ): Promise<TicketTypeDto[]> {
    if (types.length === 0) return [];
    const conditions = ['f.type_id = ANY($1::uuid[])'];
    if (isClient) conditions.push('f.client_visible');
    if (!includeInactive) conditions.push('f.active');
    const fields = await sql<FieldRow>(
      em,
      `SELECT ${FIELD_COLUMNS} FROM ticket_type_fields f
        WHERE ${conditions.join(' AND ')} ORDER BY f.position, f.key`,
      [types.map((t) => t.id)],
    );
    return types.map((t) => ({
      ...t,
      fields: fields.filter((f) => f.typeId === t.id).map(({ typeId: _typeId, ...f }) => f),
    }));
  }

  async create(user: AuthUser, dto: CreateTicketTypeDto): Promise<TicketTypeDto> {
    return this.db.transaction(async (em) => {
      await this.assertWorkflow(em, dto.workflowId);
      const now = this.clock.now();
      try {
        const [{ id }] = await sql<{ id: string }>(
          em,
          `INSERT INTO ticket_types (key, name, is_public, workflow_id, default_priority, active, position,
                                     created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
          [
            dto.key,
            JSON.stringify(dto.name),
            dto.isPublic ?? false,
            dto.workflowId,
            dto.defaultPriority ?? 'normal',
            dto.active ?? true,
            dto.position ?? 0,
            now,
          ],
        );
        return await this.get(user, id, { includeInactive: true }, em);
      } catch (error) {
        // The key is unique; the generated name of its constraint is not worth relying on.
        if (isUniqueViolationOn(error, 'ticket_types')) {
          throw new BusinessRuleError('The ticket type cannot be created', [
            { field: 'key', message: 'is already used by another ticket type' },
          ]);
        }
        throw error;
      }
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateTicketTypeDto): Promise<TicketTypeDto> {
    return this.db.transaction(async (em) => {
      const [current] = await sql<{ version: number; workflowId: string }>(
        em,
        `SELECT version, workflow_id AS "workflowId" FROM ticket_types WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!current) throw new NotFoundError('Ticket type');
      if (current.version !== dto.version) throw new VersionConflictError(current.version);
      if (dto.workflowId !== undefined && dto.workflowId !== current.workflowId) {
        await this.assertWorkflow(em, dto.workflowId);
        // The row lock above makes a concurrent ticket insert of this type wait (its foreign
        // key takes a KEY SHARE lock), so no ticket can slip in between this check and the change.
        const [used] = await sql<{ id: string }>(
          em,
          'SELECT id FROM tickets WHERE type_id = $1 LIMIT 1',
          [id],
        );
        if (used) {
          throw new ConflictError(
            'Tickets of this type follow its workflow; the workflow of a type in use cannot be changed',
          );
        }
      }
      await this.updateRow(em, 'ticket_types', id, dto, TYPE_WRITABLE);
      return this.get(user, id, { includeInactive: true }, em);
    });
  }

  async createField(typeId: string, dto: CreateTicketTypeFieldDto): Promise<TicketTypeFieldDto> {
    return this.db.transaction(async (em) => {
      await this.lockType(em, typeId);
      const options = dto.options ?? [];
      const errors = fieldRuleErrors({
        kind: dto.kind,
        clientVisible: dto.clientVisible ?? false,
        clientEditable: dto.clientEditable ?? false,
        options,
      });
      const [taken] = await sql<{ id: string }>(
        em,
        'SELECT id FROM ticket_type_fields WHERE type_id = $1 AND key = $2',
        [typeId, dto.key],
      );
      if (taken)
        errors.unshift({ field: 'key', message: 'is already used by a field of this type' });
      if (errors.length) throw new BusinessRuleError('The field cannot be created', errors);
      const now = this.clock.now();
      const [{ id }] = await sql<{ id: string }>(
        em,
        `INSERT INTO ticket_type_fields (type_id, key, name, kind, required, client_visible, client_editable,
                                         options, active, position, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
        [
          typeId,
          dto.key,
          JSON.stringify(dto.name),
          dto.kind,
          dto.required ?? false,
          dto.clientVisible ?? false,
          dto.clientEditable ?? false,
          JSON.stringify(options),
          dto.active ?? true,
          dto.position ?? 0,
          now,
        ],
      );
      return this.getField(em, typeId, id);
    });
  }

  async updateField(
    typeId: string,
    fieldId: string,
    dto: UpdateTicketTypeFieldDto,
  ): Promise<TicketTypeFieldDto> {
    return this.db.transaction(async (em) => {
      const current = await this.getField(em, typeId, fieldId, true);
      if (current.version !== dto.version) throw new VersionConflictError(current.version);
      const errors = fieldRuleErrors({
        kind: current.kind,
        clientVisible: dto.clientVisible ?? current.clientVisible,
        clientEditable: dto.clientEditable ?? current.clientEditable,
        options: dto.options ?? current.options,
      });
      if (errors.length) throw new BusinessRuleError('The field cannot be changed', errors);
      await this.updateRow(em, 'ticket_type_fields', fieldId, dto, FIELD_WRITABLE);
      return this.getField(em, typeId, fieldId);
    });
  }

  /** Deactivates: tickets keep the values, which reappear if the field is activated again. */
  async deactivateField(typeId: string, fieldId: string): Promise<void> {
    const rows = await sql<{ id: string }>(
      this.db,
      `UPDATE ticket_type_fields
          SET active = false, version = version + CASE WHEN active THEN 1 ELSE 0 END,
              updated_at = CASE WHEN active THEN $3 ELSE updated_at END
        WHERE id = $1 AND type_id = $2 RETURNING id`,
      [fieldId, typeId, this.clock.now()],
    );
    if (rows.length === 0) throw new NotFoundError('Field');
  }

  private async getField(
    em: EntityManager,
    typeId: string,
    fieldId: string,
    lock = false,
  ): Promise<TicketTypeFieldDto> {
    const [row] = await sql<FieldRow>(
      em,
      `SELECT ${FIELD_COLUMNS} FROM ticket_type_fields f WHERE f.id = $1 AND f.type_id = $2
        ${lock ? 'FOR UPDATE' : ''}`,
      [fieldId, typeId],
    );
    if (!row) throw new NotFoundError('Field');
    const { typeId: _typeId, ...field } = row;
    return field;
  }

  /** Serializes field creation per type, so two new fields cannot take the same key. */
  private async lockType(em: EntityManager, typeId: string): Promise<void> {
    const [row] = await sql<{ id: string }>(
      em,
      'SELECT id FROM ticket_types WHERE id = $1 FOR NO KEY UPDATE',
      [typeId],
    );
    if (!row) throw new NotFoundError('Ticket type');
  }

  private async assertWorkflow(em: EntityManager, workflowId: string): Promise<void> {
    const [row] = await sql<{ id: string }>(em, 'SELECT id FROM workflows WHERE id = $1', [
      workflowId,
    ]);
    if (!row) {
      throw new BusinessRuleError('Unknown workflow', [
        { field: 'workflowId', message: 'no workflow with this id' },
      ]);
    }
  }

  /** The row is locked and its version checked by the caller. */
  private async updateRow<D extends object>(
    em: EntityManager,
    table: 'ticket_types' | 'ticket_type_fields',
    id: string,
    dto: D,
    columns: Partial<Record<keyof D, string>>,
  ): Promise<void> {
    const values: unknown[] = [id, this.clock.now()];
    const sets: string[] = [];
    for (const [field, column] of Object.entries(columns) as [keyof D, string][]) {
      if (dto[field] === undefined) continue;
      values.push(columnValue(column, dto[field]));
      sets.push(`${column} = $${values.length}`);
    }
    await em.query(
      `UPDATE ${table} SET ${[...sets, 'updated_at = $2', 'version = version + 1'].join(', ')}
        WHERE id = $1`,
      values,
    );
  }
}

function isUniqueViolationOn(error: unknown, table: string): boolean {
  const e = error as {
    driverError?: { code?: string; table?: string };
    code?: string;
    table?: string;
  };
  const code = e?.driverError?.code ?? e?.code;
  return code === '23505' && (e?.driverError?.table ?? e?.table) === table;
}
