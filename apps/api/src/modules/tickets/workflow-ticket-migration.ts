import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql } from '../../common/database/sql.js';
import { BusinessRuleError } from '../../common/errors/domain-errors.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { WorkflowRedefined, WorkflowService, type WorkflowDefinition } from '../workflow/index.js';

/**
 * Listens to WorkflowRedefined: when an admin changes a workflow, its tickets follow in the same
 * transaction (the workflow module never writes tickets).
 */
@Injectable()
export class WorkflowTicketMigration {
  constructor(events: DomainEvents, workflows: WorkflowService) {
    events.on(WorkflowRedefined, (e, em) =>
      migrateWorkflowTickets(em, workflows, {
        workflowId: e.workflowId,
        before: e.before,
        after: e.after,
        mapping: e.mapping,
        actorId: e.actorId,
        now: e.at,
      }),
    );
  }
}

interface TicketMigration {
  workflowId: string;
  before: WorkflowDefinition;
  after: WorkflowDefinition;
  /** Removed status key → key of a status of `after`; covers every removed status in use. */
  mapping: Readonly<Record<string, string>>;
  actorId: string;
  now: Date;
}

/**
 * A status's new category, when it changes. Resolution and closing dates follow the category the
 * way a transition sets them, so queues and reports agree with the ticket's new place.
 */
const CATEGORY_DATES = `
  resolved_at = CASE WHEN m.category = t.status_category THEN t.resolved_at
                     WHEN m.category = 'resolved' THEN $2::timestamptz
                     WHEN m.category IN ('closed', 'canceled') THEN t.resolved_at
                     ELSE NULL END,
  closed_at = CASE WHEN m.category = t.status_category THEN t.closed_at
                   WHEN m.category IN ('closed', 'canceled') THEN $2::timestamptz
                   ELSE NULL END`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What decides a status's timer: trigger and delay (the target does not move the time). */
function timerShape(def: WorkflowDefinition, statusKey: string): string {
  return def.timers
    .filter((t) => t.statusKey === statusKey)
    .map((t) => `${t.trigger}:${t.afterSeconds ?? ''}`)
    .sort()
    .join(',');
}

/**
 * Brings a workflow's tickets in line with its new definition, in the caller's transaction and
 * in a fixed number of statements however many tickets there are:
 * - tickets in removed statuses move to their mapped status, with a history line each;
 * - tickets in a kept status whose category changed take the new category;
 * - tickets in a kept status whose timers changed get their next timer recomputed.
 */
async function migrateWorkflowTickets(
  em: EntityManager,
  workflows: WorkflowService,
  m: TicketMigration,
): Promise<void> {
  const { workflowId, before, after, now } = m;
  const afterByKey = new Map(after.statuses.map((s) => [s.key, s]));
  const removed = before.statuses.filter((s) => !afterByKey.has(s.key)).map((s) => s.key);

  if (removed.length > 0) {
    const moving = await sql<{ id: string; status: string; postponed_until: Date | null }>(
      em,
      `SELECT id, status, postponed_until FROM tickets
        WHERE workflow_id = $1 AND status = ANY($2::text[])
        ORDER BY id FOR UPDATE`,
      [workflowId, removed],
    );
    if (moving.length > 0) {
      const to = moving.map((t) => m.mapping[t.status]);
      // A ticket that entered a removed status after the caller checked the mapping.
      const unmapped = moving.filter((_, i) => !afterByKey.has(to[i]));
      if (unmapped.length > 0) {
        throw new BusinessRuleError(
          'Tickets are in statuses this change removes',
          [...new Set(unmapped.map((t) => t.status))].map((key) => ({
            field: `statusMapping.${key}`,
            message: `tickets are in "${key}"`,
          })),
        );
      }
      await em.query(
        `UPDATE tickets t SET
           status = m.status, status_category = m.category, ${CATEGORY_DATES},
           next_timer_at = m.next_timer_at, status_changed_at = $2, updated_at = $2,
           client_updated_at = $2, version = t.version + 1
         FROM unnest($1::uuid[], $3::text[], $4::text[], $5::timestamptz[])
              AS m(id, status, category, next_timer_at)
        WHERE t.id = m.id`,
        [
          moving.map((t) => t.id),
          now,
          to,
          to.map((key) => afterByKey.get(key)!.category),
          moving.map((t, i) => iso(workflows.nextTimerAt(after, to[i], now, t.postponed_until))),
        ],
      );
      await em.query(
        `INSERT INTO ticket_events (ticket_id, actor_id, kind, field, old_value, new_value, created_at)
         SELECT m.id, $2, 'status_changed', 'status', to_jsonb(m.old), to_jsonb(m.new), $3
           FROM unnest($1::uuid[], $4::text[], $5::text[]) AS m(id, old, new)`,
        [moving.map((t) => t.id), m.actorId, now, moving.map((t) => t.status), to],
      );
    }
  }

  const kept = before.statuses.filter((s) => afterByKey.has(s.key));
  const recategorized = kept.filter((s) => afterByKey.get(s.key)!.category !== s.category);
  // One statement, but the tickets_search_status trigger also updates each ticket's search
  // document (a row trigger: a statement trigger cannot have a column list).
  if (recategorized.length > 0) {
    await em.query(
      `UPDATE tickets t SET status_category = m.category, ${CATEGORY_DATES},
              updated_at = $2, client_updated_at = $2, version = t.version + 1
         FROM unnest($3::text[], $4::text[]) AS m(status, category)
        WHERE t.workflow_id = $1 AND t.status = m.status AND t.status_category <> m.category`,
      [
        workflowId,
        now,
        recategorized.map((s) => s.key),
        recategorized.map((s) => afterByKey.get(s.key)!.category),
      ],
    );
  }

  const retimed = kept
    .filter((s) => timerShape(before, s.key) !== timerShape(after, s.key))
    .map((s) => s.key);
  if (retimed.length > 0) {
    const waiting = await sql<{
      id: string;
      status: string;
      status_changed_at: Date;
      postponed_until: Date | null;
    }>(
      em,
      `SELECT id, status, status_changed_at, postponed_until FROM tickets
        WHERE workflow_id = $1 AND status = ANY($2::text[])
        ORDER BY id FOR UPDATE`,
      [workflowId, retimed],
    );
    if (waiting.length > 0) {
      await em.query(
        `UPDATE tickets t SET next_timer_at = m.next_timer_at
           FROM unnest($1::uuid[], $2::timestamptz[]) AS m(id, next_timer_at)
          WHERE t.id = m.id`,
        [
          waiting.map((t) => t.id),
          waiting.map((t) =>
            iso(workflows.nextTimerAt(after, t.status, t.status_changed_at, t.postponed_until)),
          ),
        ],
      );
    }
  }
}
