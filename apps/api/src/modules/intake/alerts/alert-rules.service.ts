import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import {
  advisoryXactLock,
  lockVersioned,
  updateVersioned,
} from '../../../common/database/crud-sql.js';
import { sql } from '../../../common/database/sql.js';
import { BusinessRuleError, NotFoundError } from '../../../common/errors/domain-errors.js';
import { Clock } from '../../../common/time/clock.js';
import type { AlertRuleDto, CreateAlertRuleDto, UpdateAlertRuleDto } from './dto/alert-rule.dto.js';
import type { AlertRuleSpec, LabelMatcher } from './rules/alert-rule-matcher.js';

/** Rule order changes wait for each other, so positions stay 1..n without gaps or twins. */
const ORDER_LOCK = 'relaydesk:alert-rules:order';
/** Every alert is tried against every rule: the list stays short enough to be cheap. */
export const MAX_ALERT_RULES = 200;

const COLUMNS = `r.id, r.name, r.active, r.position, r.source, r.matchers,
  r.set_type_id AS "typeId", r.set_priority AS "priority", r.set_group_id AS "groupId",
  r.set_organization_id AS "organizationId", r.resolve_status AS "resolveStatus",
  r.repeat_comment_minutes AS "repeatCommentMinutes", r.version,
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

interface Row extends Omit<AlertRuleDto, 'createdAt' | 'updatedAt'> {
  createdAt: Date;
  updatedAt: Date;
}

const toDto = (r: Row): AlertRuleDto => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** The matchers as stored: only what the matcher reads, in the order given. */
const storedMatchers = (list: LabelMatcher[] | undefined): LabelMatcher[] =>
  (list ?? []).map((m) => ({ label: m.label, op: m.op, value: m.value }));

/** Columns a create or an update sets, from the fields the body carries. */
function columnChanges(dto: Partial<CreateAlertRuleDto>): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  if (dto.name !== undefined) c.name = dto.name.trim();
  if (dto.active !== undefined) c.active = dto.active;
  if (dto.source !== undefined) c.source = dto.source;
  if (dto.matchers !== undefined) c.matchers = JSON.stringify(storedMatchers(dto.matchers));
  if (dto.typeId !== undefined) c.set_type_id = dto.typeId;
  if (dto.priority !== undefined) c.set_priority = dto.priority;
  if (dto.groupId !== undefined) c.set_group_id = dto.groupId;
  if (dto.organizationId !== undefined) c.set_organization_id = dto.organizationId;
  if (dto.resolveStatus !== undefined) c.resolve_status = dto.resolveStatus;
  if (dto.repeatCommentMinutes !== undefined) c.repeat_comment_minutes = dto.repeatCommentMinutes;
  return c;
}

/** Admin CRUD of alert rules (an ordered list, like assignment rules) and the ingest's read. */
@Injectable()
export class AlertRulesService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<AlertRuleDto[]> {
    const rows = await sql<Row>(
      this.db,
      `SELECT ${COLUMNS} FROM alert_rules r ORDER BY r.position, r.id`,
    );
    return rows.map(toDto);
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<AlertRuleDto> {
    const [row] = await sql<Row>(em, `SELECT ${COLUMNS} FROM alert_rules r WHERE r.id = $1`, [id]);
    if (!row) throw new NotFoundError('Alert rule');
    return toDto(row);
  }

  /** The active rules in the order they are tried, as the ingest reads them. */
  async activeRules(em: EntityManager): Promise<AlertRuleSpec[]> {
    return sql<AlertRuleSpec>(
      em,
      `SELECT ${COLUMNS} FROM alert_rules r WHERE r.active ORDER BY r.position, r.id`,
    );
  }

  async create(dto: CreateAlertRuleDto): Promise<AlertRuleDto> {
    return this.db.transaction(async (em) => {
      await this.assertValid(em, dto);
      await advisoryXactLock(em, ORDER_LOCK);
      const [{ n }] = await sql<{ n: number }>(em, 'SELECT count(*)::int AS n FROM alert_rules');
      if (n >= MAX_ALERT_RULES) {
        throw new BusinessRuleError(`There can be at most ${MAX_ALERT_RULES} alert rules`);
      }
      const columns = { active: true, matchers: '[]', ...columnChanges(dto), position: n + 1 };
      const names = Object.keys(columns);
      const now = this.clock.now();
      const [{ id }] = await sql<{ id: string }>(
        em,
        `INSERT INTO alert_rules (${names.join(', ')}, created_at, updated_at)
         VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}, $${names.length + 1}, $${names.length + 1})
         RETURNING id`,
        [...Object.values(columns), now],
      );
      if (dto.position !== undefined) await this.renumber(em, id, dto.position);
      return this.get(id, em);
    });
  }

  async update(id: string, dto: UpdateAlertRuleDto): Promise<AlertRuleDto> {
    return this.db.transaction(async (em) => {
      await advisoryXactLock(em, ORDER_LOCK);
      await lockVersioned(em, 'alert_rules', 'version', id, dto.version, 'Alert rule');
      await this.assertValid(em, dto);
      await updateVersioned(
        em,
        'alert_rules',
        id,
        dto.version,
        columnChanges(dto),
        this.clock.now(),
        'Alert rule',
      );
      if (dto.position !== undefined) await this.renumber(em, id, dto.position);
      return this.get(id, em);
    });
  }

  async delete(id: string): Promise<void> {
    await this.db.transaction(async (em) => {
      await advisoryXactLock(em, ORDER_LOCK);
      const deleted = await sql(em, 'DELETE FROM alert_rules WHERE id = $1 RETURNING id', [id]);
      if (deleted.length === 0) throw new NotFoundError('Alert rule');
      await this.renumber(em, null, 0);
    });
  }

  /** Puts `movedId` at `position` (clamped) and renumbers the others 1..n around it. */
  private async renumber(em: EntityManager, movedId: string | null, position: number) {
    const rows = await sql<{ id: string }>(em, 'SELECT id FROM alert_rules ORDER BY position, id');
    const ids = rows.map((r) => r.id).filter((i) => i !== movedId);
    if (movedId) ids.splice(Math.min(Math.max(position, 1), ids.length + 1) - 1, 0, movedId);
    await em.query(
      `UPDATE alert_rules r SET position = o.ord
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord)
        WHERE r.id = o.id AND r.position <> o.ord`,
      [ids],
    );
  }

  /** Every reference must point at something usable; one error per field, all at once (422). */
  private async assertValid(em: EntityManager, dto: Partial<CreateAlertRuleDto>): Promise<void> {
    const errors: ProblemFieldError[] = [];
    const exists = async (field: string, query: string, value: string | null | undefined) => {
      if (!value) return;
      const [row] = await sql(em, query, [value]);
      if (!row) errors.push({ field, message: `no usable ${field.replace(/Id$/, '')} ${value}` });
    };
    await exists('typeId', 'SELECT 1 FROM ticket_types WHERE id = $1 AND active', dto.typeId);
    await exists('groupId', 'SELECT 1 FROM groups WHERE id = $1 AND active', dto.groupId);
    await exists(
      'organizationId',
      'SELECT 1 FROM organizations WHERE id = $1 AND active',
      dto.organizationId,
    );
    await exists(
      'resolveStatus',
      'SELECT 1 FROM workflow_statuses WHERE key = $1 LIMIT 1',
      dto.resolveStatus,
    );
    if (errors.length > 0) throw new BusinessRuleError('The rule cannot be saved', errors);
  }
}
