import type { MigrationInterface, QueryRunner } from 'typeorm';
import { canonical } from './1765500000001-preset-assignment-transitions.js';
import {
  HAPPYDESK_SHIPPED_1765500000001,
  OKDESK_SHIPPED_1764000000000,
  type ShippedLifecycle,
} from './shipped-workflows.js';

/**
 * The requester's "close as solved" from every open state (issue 17's one-click "this solved my
 * problem"; HappyDesk lets the client close their own request): requester only, no staff role,
 * appended after the preset's own transitions in this order, as the presets now list them.
 */
export const REQUESTER_CLOSES = [
  {
    shipped: OKDESK_SHIPPED_1764000000000,
    from: ['open', 'in_progress', 'needs_clarification'],
    to: 'closed',
  },
  {
    shipped: HAPPYDESK_SHIPPED_1765500000001,
    from: ['new', 'in_progress', 'waiting_for_customer', 'hold'],
    to: 'closed',
  },
] as const;

/** The frozen copy as the rows `canonical` reads from the database. */
function canonicalOf(w: ShippedLifecycle): string {
  return canonical(
    w.statuses.map((s) => ({
      key: s.key,
      name: { ...s.name },
      category: s.category,
      is_initial: s.isInitial,
      is_final: s.isFinal,
      pauses_sla: s.pausesSla,
      postpone_max_days: s.postponeMaxDays,
      read_only: s.readOnly,
    })),
    w.transitions.map((t) => ({
      from_status: t.from,
      to_status: t.to,
      allowed_roles: t.allowedRoles,
      allow_requester: t.allowRequester,
      allow_assignee: t.allowAssignee,
      requires_postpone: t.requiresPostpone,
      comment_required: t.commentRequired,
      required_fields: t.requiredFields,
      requires_duplicate_of: t.requiresDuplicateOf,
    })),
    w.autoTransitions.map((a) => ({
      status_key: a.status,
      trigger: a.trigger,
      after_seconds: a.afterSeconds,
      to_status: a.to,
    })),
  );
}

/**
 * Installed Okdesk and HappyDesk workflows get the requester's close from their open states, but
 * only those still exactly as shipped, under whatever key or name: a workflow an admin changed in
 * any way is theirs, and is left as it is.
 */
export class PresetRequesterClose1765850000000 implements MigrationInterface {
  name = 'PresetRequesterClose1765850000000';

  public async up(q: QueryRunner): Promise<void> {
    const shipped = REQUESTER_CLOSES.map((u) => ({ ...u, canonical: canonicalOf(u.shipped) }));
    const workflows = (await q.query('SELECT id FROM workflows ORDER BY key FOR UPDATE')) as {
      id: string;
    }[];
    for (const { id } of workflows) {
      const current = canonical(
        await q.query(
          `SELECT key, name, category, is_initial, is_final, pauses_sla, postpone_max_days, read_only
             FROM workflow_statuses WHERE workflow_id = $1 ORDER BY position, key`,
          [id],
        ),
        await q.query(
          `SELECT from_status, to_status, allowed_roles, allow_requester, allow_assignee,
                  requires_postpone, comment_required, required_fields, requires_duplicate_of
             FROM workflow_transitions WHERE workflow_id = $1
            ORDER BY position, from_status, to_status`,
          [id],
        ),
        await q.query(
          `SELECT status_key, trigger, after_seconds, to_status
             FROM workflow_timers WHERE workflow_id = $1`,
          [id],
        ),
      );
      const upgrade = shipped.find((u) => u.canonical === current);
      if (!upgrade) continue;
      const base = upgrade.shipped.transitions.length;
      for (const [i, from] of upgrade.from.entries()) {
        await q.query(
          `INSERT INTO workflow_transitions
             (workflow_id, from_status, to_status, allowed_roles, allow_requester, position)
           VALUES ($1, $2, $3, '{}', true, $4)`,
          [id, from, upgrade.to, base + i],
        );
      }
      // Instances cache definitions by version: the bump makes writers reload this one.
      await q.query('UPDATE workflows SET version = version + 1 WHERE id = $1', [id]);
    }
  }

  public async down(): Promise<void> {
    // Nothing: the moves are valid transitions for older code too, and once installed they are
    // the admin's to keep or remove like any other.
  }
}
