import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import { sql } from '../../common/database/sql.js';
import {
  BusinessRuleError,
  ConflictError,
  NotFoundError,
  VersionConflictError,
} from '../../common/errors/domain-errors.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { Clock } from '../../common/time/clock.js';
import { createWorkflow } from './create-workflow.js';
import {
  toWorkflowSpec,
  translated,
  type CreateWorkflowDto,
  type InstallWorkflowPresetDto,
  type ReplaceWorkflowDto,
} from './dto/workflow-input.dto.js';
import { toWorkflowDto, type WorkflowDto } from './dto/workflow.dto.js';
import { findWorkflowPreset } from './presets/workflow-presets.js';
import { readWorkflowDefinition, replaceDefinitionRows } from './workflow-definition.repository.js';
import type { WorkflowSpec } from './workflow-spec.js';
import { validateWorkflowSpec } from './workflow-spec.validator.js';
import { WorkflowRedefined } from './events/workflow.events.js';
import { WorkflowService, type WorkflowDefinition } from './workflow.service.js';

/** Tickets created without a type land in this workflow, so it must always exist. */
const DEFAULT_WORKFLOW_KEY = 'okdesk';

/**
 * An admin's changes to workflows. Every change is one transaction; this instance forgets its
 * cached definitions after the commit, other instances within WorkflowService's cache TTL.
 */
@Injectable()
export class WorkflowAdminService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly workflows: WorkflowService,
    private readonly events: DomainEvents,
  ) {}

  async installPreset(presetKey: string, dto: InstallWorkflowPresetDto): Promise<WorkflowDto> {
    const preset = findWorkflowPreset(presetKey);
    if (!preset) throw new NotFoundError('Workflow preset');
    return this.create({
      ...preset,
      key: dto.key ?? preset.key,
      name: dto.name ? translated(dto.name) : preset.name,
    });
  }

  createFromDto(dto: CreateWorkflowDto): Promise<WorkflowDto> {
    return this.create(toWorkflowSpec(dto));
  }

  private async create(spec: WorkflowSpec): Promise<WorkflowDto> {
    const id = await this.db.transaction((em) => createWorkflow(em, spec, this.clock.now()));
    return this.committed(id);
  }

  /**
   * Replaces the whole definition. Tickets in statuses that disappear move to the status the
   * mapping names (history line each); tickets elsewhere follow changed categories and timers.
   */
  async replace(id: string, dto: ReplaceWorkflowDto, actorId: string): Promise<WorkflowDto> {
    const spec = toWorkflowSpec(dto);
    await this.db.transaction(async (em) => {
      const current = await this.lock(em, id);
      if (current.version !== dto.version) throw new VersionConflictError(current.version);
      const errors = validateWorkflowSpec(spec);
      if (spec.key !== current.key) {
        errors.push({ field: 'key', message: 'the key of a workflow cannot be changed' });
      }
      if (errors.length) throw new BusinessRuleError('The workflow is not valid', errors);

      const before = await readWorkflowDefinition(em, id);
      const mapping = dto.statusMapping ?? {};
      const mappingErrors = await this.mappingErrors(em, before, spec, mapping);
      if (mappingErrors.length) {
        throw new BusinessRuleError(
          'Tickets are in statuses this change removes; map each to a status that stays',
          mappingErrors,
        );
      }

      await replaceDefinitionRows(em, id, spec);
      await em.query(
        `UPDATE workflows SET name = $2, version = version + 1, updated_at = $3 WHERE id = $1`,
        [id, JSON.stringify(spec.name), this.clock.now()],
      );
      // The tickets module moves the workflow's tickets (WorkflowTicketMigration).
      await this.events.publish(
        em,
        new WorkflowRedefined(
          id,
          before,
          await readWorkflowDefinition(em, id),
          mapping,
          actorId,
          this.clock.now(),
        ),
      );
    });
    return this.committed(id);
  }

  async delete(id: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const current = await this.lock(em, id);
      if (current.key === DEFAULT_WORKFLOW_KEY) {
        throw new ConflictError('The default workflow cannot be deleted');
      }
      const [use] = await sql<{ types: number; tickets: boolean }>(
        em,
        `SELECT (SELECT count(*)::int FROM ticket_types WHERE workflow_id = $1) AS types,
                EXISTS (SELECT 1 FROM tickets WHERE workflow_id = $1) AS tickets`,
        [id],
      );
      if (use.types > 0 || use.tickets) {
        throw new ConflictError(
          'The workflow is in use: move its ticket types and tickets to another workflow first',
          { ticketTypes: use.types, hasTickets: use.tickets },
        );
      }
      await em.query('DELETE FROM workflows WHERE id = $1', [id]);
    });
    this.workflows.invalidate();
  }

  /** Serializes changes to one workflow; a missing one is a 404. */
  private async lock(em: EntityManager, id: string): Promise<{ key: string; version: number }> {
    const [row] = await sql<{ key: string; version: number }>(
      em,
      'SELECT key, version FROM workflows WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (!row) throw new NotFoundError('Workflow');
    return row;
  }

  private async mappingErrors(
    em: EntityManager,
    before: WorkflowDefinition,
    spec: WorkflowSpec,
    mapping: Record<string, string>,
  ): Promise<ProblemFieldError[]> {
    const kept = new Set(spec.statuses.map((s) => s.key));
    const removed = before.statuses.map((s) => s.key).filter((key) => !kept.has(key));
    const errors: ProblemFieldError[] = [];
    for (const [from, to] of Object.entries(mapping)) {
      if (!removed.includes(from)) {
        errors.push({
          field: `statusMapping.${from}`,
          message: `"${from}" is not a status this change removes`,
        });
      } else if (!kept.has(to)) {
        errors.push({
          field: `statusMapping.${from}`,
          message: `no status "${to}" in the new definition`,
        });
      }
    }
    if (removed.length === 0) return errors;
    const inUse = await sql<{ status: string; n: number }>(
      em,
      `SELECT status, count(*)::int AS n FROM tickets
        WHERE workflow_id = $1 AND status = ANY($2::text[])
        GROUP BY status ORDER BY status`,
      [before.workflow.id, removed],
    );
    for (const { status, n } of inUse) {
      if (mapping[status] === undefined) {
        errors.push({
          field: `statusMapping.${status}`,
          message: `${n} ticket(s) are in "${status}", which this change removes; map it to a status that stays`,
        });
      }
    }
    return errors;
  }

  /** After a commit: drop this instance's cache, then read what was stored. */
  private async committed(id: string): Promise<WorkflowDto> {
    this.workflows.invalidate();
    return toWorkflowDto(await this.workflows.definition(id));
  }
}
