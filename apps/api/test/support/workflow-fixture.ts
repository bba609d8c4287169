import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AutoTransitionTrigger, Role, StatusCategory } from '@relaydesk/contracts';

export interface FixtureStatus {
  key: string;
  category: StatusCategory;
  initial?: boolean;
  final?: boolean;
  readOnly?: boolean;
  postponeMaxDays?: number;
}

export interface FixtureTransition {
  from: string;
  to: string;
  roles?: Role[];
  requester?: boolean;
  assignee?: boolean;
  postpone?: boolean;
  comment?: boolean;
  fields?: string[];
  duplicateOf?: boolean;
}

export interface FixtureTimer {
  status: string;
  trigger: AutoTransitionTrigger;
  afterSeconds?: number;
  to: string;
}

/**
 * Writes a workflow and a ticket type that uses it straight into the database, so engine tests
 * do not depend on the admin API or the presets they are not about. Returns the type key for
 * `factory.ticket({ typeKey })`.
 */
export async function createWorkflowFixture(
  db: DataSource,
  def: { statuses: FixtureStatus[]; transitions: FixtureTransition[]; timers?: FixtureTimer[] },
  options: { publicType?: boolean } = {},
): Promise<{ workflowId: string; typeKey: string; typeId: string }> {
  const key = `wf_${randomBytes(4).toString('hex')}`;
  const [{ id: workflowId }] = (await db.query(
    `INSERT INTO workflows (key, name) VALUES ($1, $2) RETURNING id`,
    [key, JSON.stringify({ en: key })],
  )) as { id: string }[];
  for (const [i, s] of def.statuses.entries()) {
    await db.query(
      `INSERT INTO workflow_statuses (workflow_id, key, name, category, is_initial, is_final, read_only,
                                      postpone_max_days, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        workflowId,
        s.key,
        JSON.stringify({ en: s.key }),
        s.category,
        s.initial ?? false,
        s.final ?? false,
        s.readOnly ?? false,
        s.postponeMaxDays ?? null,
        i,
      ],
    );
  }
  for (const [i, tr] of def.transitions.entries()) {
    await db.query(
      `INSERT INTO workflow_transitions (workflow_id, from_status, to_status, allowed_roles, allow_requester,
                                         allow_assignee, requires_postpone, comment_required,
                                         required_fields, requires_duplicate_of, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        workflowId,
        tr.from,
        tr.to,
        tr.roles ?? ['agent', 'dispatcher', 'admin'],
        tr.requester ?? false,
        tr.assignee ?? false,
        tr.postpone ?? false,
        tr.comment ?? false,
        tr.fields ?? [],
        tr.duplicateOf ?? false,
        i,
      ],
    );
  }
  for (const tm of def.timers ?? []) {
    await db.query(
      `INSERT INTO workflow_timers (workflow_id, status_key, trigger, after_seconds, to_status)
       VALUES ($1, $2, $3, $4, $5)`,
      [workflowId, tm.status, tm.trigger, tm.afterSeconds ?? null, tm.to],
    );
  }
  const [{ id: typeId }] = (await db.query(
    `INSERT INTO ticket_types (key, name, is_public, workflow_id) VALUES ($1, $2, $3, $4) RETURNING id`,
    [key, JSON.stringify({ en: key }), options.publicType ?? true, workflowId],
  )) as { id: string }[];
  return { workflowId, typeKey: key, typeId };
}
