import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import { sql } from '../../common/database/sql.js';
import { BusinessRuleError, NotFoundError } from '../../common/errors/domain-errors.js';
import { missingIds } from '../../common/reference-data/condition-lists.js';
import { Clock } from '../../common/time/clock.js';
import {
  advisoryXactLock,
  lockVersioned,
  updateVersioned,
} from '../../common/database/crud-sql.js';
import { staffFieldErrors } from '../directory/index.js';
import { AssignmentRulesEngine } from './assignment-rules.engine.js';
import type {
  AssignmentRuleActionsDto,
  AssignmentRuleConditionsDto,
  AssignmentRuleDto,
  CreateAssignmentRuleDto,
  UpdateAssignmentRuleDto,
} from './dto/assignment-rule.dto.js';
import type { AssignmentRuleConditions } from './entities/assignment-rule.entity.js';

/** Rule order changes wait for each other, so positions stay 1..n without gaps or twins. */
const ORDER_LOCK = 'relaydesk:assignment-rules:order';

const COLUMNS = `r.id, r.name, r.active, r.position, r.apply_on_update AS "applyOnUpdate",
  r.conditions, r.set_group_id AS "groupId", r.set_assignee_id AS "assigneeId",
  r.set_priority AS "priority", r.set_support_level AS "supportLevel", r.version,
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

interface Row extends Omit<AssignmentRuleDto, 'actions' | 'createdAt' | 'updatedAt'> {
  groupId: string | null;
  assigneeId: string | null;
  priority: AssignmentRuleDto['actions']['priority'];
  supportLevel: AssignmentRuleDto['actions']['supportLevel'];
  createdAt: Date;
  updatedAt: Date;
}

function toDto(r: Row): AssignmentRuleDto {
  return {
    id: r.id,
    name: r.name,
    active: r.active,
    position: r.position,
    applyOnUpdate: r.applyOnUpdate,
    conditions: r.conditions,
    actions: {
      groupId: r.groupId,
      assigneeId: r.assigneeId,
      priority: r.priority,
      supportLevel: r.supportLevel,
    },
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Conditions as stored: only the ones that say something. */
function storedConditions(c: AssignmentRuleConditionsDto | undefined): AssignmentRuleConditions {
  const out: AssignmentRuleConditions = {};
  if (!c) return out;
  for (const key of [
    'typeIds',
    'categoryIds',
    'priorities',
    'organizationIds',
    'projectIds',
    'channels',
    'contractIds',
    'serviceObjectIds',
    'equipmentTypeIds',
  ] as const) {
    const list = c[key];
    if (list && list.length > 0) (out as Record<string, unknown>)[key] = list;
  }
  if (c.customField) out.customField = { key: c.customField.key, value: c.customField.value };
  const words = c.subjectWords?.map((w) => w.trim()).filter((w) => w.length > 0);
  if (words?.length) out.subjectWords = words;
  return out;
}

/** Admin CRUD of assignment rules; every write resets this instance's rule cache. */
@Injectable()
export class AssignmentRulesService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly engine: AssignmentRulesEngine,
  ) {}

  async list(): Promise<AssignmentRuleDto[]> {
    const rows = await sql<Row>(
      this.db,
      `SELECT ${COLUMNS} FROM assignment_rules r ORDER BY r.position, r.id`,
    );
    return rows.map(toDto);
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<AssignmentRuleDto> {
    const [row] = await sql<Row>(em, `SELECT ${COLUMNS} FROM assignment_rules r WHERE r.id = $1`, [
      id,
    ]);
    if (!row) throw new NotFoundError('Assignment rule');
    return toDto(row);
  }

  async create(dto: CreateAssignmentRuleDto): Promise<AssignmentRuleDto> {
    const conditions = storedConditions(dto.conditions);
    const result = await this.db.transaction(async (em) => {
      await this.assertValid(em, conditions, dto.actions);
      await advisoryXactLock(em, ORDER_LOCK);
      const [{ n }] = await sql<{ n: number }>(
        em,
        'SELECT count(*)::int AS n FROM assignment_rules',
      );
      const now = this.clock.now();
      const [{ id }] = await sql<{ id: string }>(
        em,
        `INSERT INTO assignment_rules (name, active, position, apply_on_update, conditions,
                                       set_group_id, set_assignee_id, set_priority, set_support_level,
                                       created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
        [
          dto.name.trim(),
          dto.active ?? true,
          n + 1,
          dto.applyOnUpdate ?? false,
          JSON.stringify(conditions),
          dto.actions.groupId ?? null,
          dto.actions.assigneeId ?? null,
          dto.actions.priority ?? null,
          dto.actions.supportLevel ?? null,
          now,
        ],
      );
      if (dto.position !== undefined) await this.moveTo(em, id, dto.position);
      return this.get(id, em);
    });
    this.engine.invalidate();
    return result;
  }

  async update(id: string, dto: UpdateAssignmentRuleDto): Promise<AssignmentRuleDto> {
    const result = await this.db.transaction(async (em) => {
      await advisoryXactLock(em, ORDER_LOCK);
      await lockVersioned(em, 'assignment_rules', 'version', id, dto.version, 'Assignment rule');
      const current = await this.get(id, em);
      const conditions =
        dto.conditions !== undefined
          ? storedConditions(dto.conditions)
          : (current.conditions as AssignmentRuleConditions);
      const actions = dto.actions ?? current.actions;
      await this.assertValid(em, conditions, actions);
      const changes: Record<string, unknown> = {};
      if (dto.name !== undefined) changes.name = dto.name.trim();
      if (dto.active !== undefined) changes.active = dto.active;
      if (dto.applyOnUpdate !== undefined) changes.apply_on_update = dto.applyOnUpdate;
      if (dto.conditions !== undefined) changes.conditions = JSON.stringify(conditions);
      if (dto.actions !== undefined) {
        changes.set_group_id = dto.actions.groupId ?? null;
        changes.set_assignee_id = dto.actions.assigneeId ?? null;
        changes.set_priority = dto.actions.priority ?? null;
        changes.set_support_level = dto.actions.supportLevel ?? null;
      }
      await updateVersioned(
        em,
        'assignment_rules',
        id,
        dto.version,
        changes,
        this.clock.now(),
        'Assignment rule',
      );
      if (dto.position !== undefined) await this.moveTo(em, id, dto.position);
      return this.get(id, em);
    });
    this.engine.invalidate();
    return result;
  }

  async delete(id: string): Promise<void> {
    await this.db.transaction(async (em) => {
      await advisoryXactLock(em, ORDER_LOCK);
      const deleted = await sql(em, 'DELETE FROM assignment_rules WHERE id = $1 RETURNING id', [
        id,
      ]);
      if (deleted.length === 0) throw new NotFoundError('Assignment rule');
      await this.renumber(em, null, 0);
    });
    this.engine.invalidate();
  }

  /**
   * Puts the rule at `position` (1-based, clamped to the end) and renumbers the others 1..n
   * around it. Positions are the order itself, so moving one rule does not bump the others'
   * versions: their content did not change.
   */
  private async moveTo(em: EntityManager, id: string, position: number): Promise<void> {
    await this.renumber(em, id, position);
  }

  private async renumber(em: EntityManager, movedId: string | null, position: number) {
    const rows = await sql<{ id: string }>(
      em,
      'SELECT id FROM assignment_rules ORDER BY position, id',
    );
    const ids = rows.map((r) => r.id).filter((i) => i !== movedId);
    if (movedId) ids.splice(Math.min(Math.max(position, 1), ids.length + 1) - 1, 0, movedId);
    await em.query(
      `UPDATE assignment_rules r SET position = o.ord
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord)
        WHERE r.id = o.id AND r.position <> o.ord`,
      [ids],
    );
  }

  /** Every reference must point at something usable; one error per field, all at once (422). */
  private async assertValid(
    em: EntityManager,
    c: AssignmentRuleConditions,
    a: AssignmentRuleActionsDto,
  ): Promise<void> {
    const errors: ProblemFieldError[] = [];
    if (!a.groupId && !a.assigneeId && !a.priority && !a.supportLevel) {
      errors.push({
        field: 'actions',
        message: 'set at least one of groupId, assigneeId, priority, supportLevel',
      });
    }
    for (const [field, table] of [
      ['typeIds', 'ticket_types'],
      ['categoryIds', 'categories'],
      ['organizationIds', 'organizations'],
      ['projectIds', 'projects'],
      ['contractIds', 'contracts'],
      ['serviceObjectIds', 'service_objects'],
      ['equipmentTypeIds', 'equipment_types'],
    ] as const) {
      errors.push(...(await missingIds(em, `conditions.${field}`, table, c[field])));
    }
    if (a.groupId) {
      const [g] = await sql(em, 'SELECT 1 FROM groups WHERE id = $1 AND active', [a.groupId]);
      if (!g) errors.push({ field: 'actions.groupId', message: 'no active group with this id' });
    }
    if (a.assigneeId) {
      errors.push(...(await staffFieldErrors(em, 'actions.assigneeId', a.assigneeId)));
    }
    if (errors.length > 0) throw new BusinessRuleError('The rule cannot be saved', errors);
  }
}
