import type { EntityManager } from 'typeorm';
import { sql } from '../../common/database/sql.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import { Workflow } from './entities/workflow.entity.js';
import { WorkflowStatus } from './entities/workflow-status.entity.js';
import { WorkflowTimer } from './entities/workflow-timer.entity.js';
import { WorkflowTransition } from './entities/workflow-transition.entity.js';
import type { WorkflowDefinition } from './workflow.service.js';
import type { WorkflowSpec } from './workflow-spec.js';

/**
 * A workflow read straight from `em`, never from a cache: writers need what their own
 * transaction sees, and must not cache what may still roll back.
 */
export async function readWorkflowDefinition(
  em: EntityManager,
  workflowId: string,
): Promise<WorkflowDefinition> {
  const workflow = await em.findOneBy(Workflow, { id: workflowId });
  if (!workflow) throw new NotFoundError('Workflow');
  const statuses = await em.find(WorkflowStatus, {
    where: { workflowId },
    order: { position: 'ASC' },
  });
  const transitions = await em.find(WorkflowTransition, {
    where: { workflowId },
    order: { position: 'ASC' },
  });
  const timers = await em.find(WorkflowTimer, {
    where: { workflowId },
    order: { statusKey: 'ASC', trigger: 'ASC' },
  });
  return { workflow, statuses, transitions, timers };
}

export async function workflowKeyTaken(em: EntityManager, key: string): Promise<boolean> {
  const rows = await sql(em, 'SELECT 1 FROM workflows WHERE key = $1', [key]);
  return rows.length > 0;
}

/** Inserts the workflow row and its definition; returns the new id. Input is validated. */
export async function insertWorkflow(
  em: EntityManager,
  spec: WorkflowSpec,
  now: Date,
): Promise<string> {
  const [{ id }] = await sql<{ id: string }>(
    em,
    `INSERT INTO workflows (key, name, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id`,
    [spec.key, JSON.stringify(spec.name), now],
  );
  await insertDefinitionRows(em, id, spec);
  return id;
}

/** Swaps statuses, transitions and timers for the spec's; the caller holds the workflow lock. */
export async function replaceDefinitionRows(
  em: EntityManager,
  workflowId: string,
  spec: WorkflowSpec,
): Promise<void> {
  await em.query('DELETE FROM workflow_timers WHERE workflow_id = $1', [workflowId]);
  await em.query('DELETE FROM workflow_transitions WHERE workflow_id = $1', [workflowId]);
  await em.query('DELETE FROM workflow_statuses WHERE workflow_id = $1', [workflowId]);
  await insertDefinitionRows(em, workflowId, spec);
}

/** One statement per table, whatever the size of the workflow. */
async function insertDefinitionRows(
  em: EntityManager,
  workflowId: string,
  spec: WorkflowSpec,
): Promise<void> {
  await em.query(
    `INSERT INTO workflow_statuses (workflow_id, key, name, category, is_initial, is_final,
                                    pauses_sla, postpone_max_days, read_only, position)
     SELECT $1, x.key, x.name, x."category", x."isInitial", x."isFinal", x."pausesSla",
            x."postponeMaxDays", x."readOnly", e.ord - 1
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(v, ord),
            jsonb_to_record(e.v) AS x(key text, name jsonb, "category" text, "isInitial" boolean,
                                      "isFinal" boolean, "pausesSla" boolean,
                                      "postponeMaxDays" int, "readOnly" boolean)`,
    [workflowId, JSON.stringify(spec.statuses)],
  );
  if (spec.transitions.length > 0) {
    await em.query(
      `INSERT INTO workflow_transitions (workflow_id, from_status, to_status, allowed_roles,
                                         allow_requester, allow_assignee, requires_postpone,
                                         comment_required, required_fields,
                                         requires_duplicate_of, position)
       SELECT $1, x."from", x."to",
              ARRAY(SELECT jsonb_array_elements_text(x."allowedRoles")),
              x."allowRequester", x."allowAssignee", x."requiresPostpone", x."commentRequired",
              ARRAY(SELECT jsonb_array_elements_text(x."requiredFields")),
              x."requiresDuplicateOf", e.ord - 1
         FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(v, ord),
              jsonb_to_record(e.v) AS x("from" text, "to" text, "allowedRoles" jsonb,
                                        "allowRequester" boolean, "allowAssignee" boolean,
                                        "requiresPostpone" boolean, "commentRequired" boolean,
                                        "requiredFields" jsonb, "requiresDuplicateOf" boolean)`,
      [workflowId, JSON.stringify(spec.transitions)],
    );
  }
  if (spec.autoTransitions.length > 0) {
    await em.query(
      `INSERT INTO workflow_timers (workflow_id, status_key, trigger, after_seconds, to_status)
       SELECT $1, x.status, x.trigger, x."afterSeconds", x."to"
         FROM jsonb_to_recordset($2::jsonb) AS x(status text, trigger text, "afterSeconds" int,
                                                 "to" text)`,
      [workflowId, JSON.stringify(spec.autoTransitions)],
    );
  }
}
