import { createHash } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sha256 of `canonical()` of each preset's definition as it shipped before issue 16 (commit
 * 5d8415d: HAPPYDESK_PRESET, PYTHAGORAS_PRESET), and the transition the preset has gained since.
 * A hash, not a copy: the test installs today's preset less the new row and expects the upgrade.
 */
const UPGRADES = [
  {
    preset: 'happydesk',
    sha256: 'd91321c47bf3d21a793513c76ca76832e425f797c5f6159d6627683cdf93beb0',
    add: { status: 'new', trigger: 'assigned', to: 'in_progress' },
  },
  {
    preset: 'pythagoras',
    sha256: 'e520b62d80d835b84ab42320d9a1629c77c3891226aee231318d1cad52e953ff',
    add: { status: 'new', trigger: 'handed_over', to: 'solving' },
  },
] as const;

interface StatusRow {
  key: string;
  name: Record<string, string>;
  category: string;
  is_initial: boolean;
  is_final: boolean;
  pauses_sla: boolean;
  postpone_max_days: number | null;
  read_only: boolean;
}
interface TransitionRow {
  from_status: string;
  to_status: string;
  allowed_roles: string[];
  allow_requester: boolean;
  allow_assignee: boolean;
  requires_postpone: boolean;
  comment_required: boolean;
  required_fields: string[];
  requires_duplicate_of: boolean;
}
interface TimerRow {
  status_key: string;
  trigger: string;
  after_seconds: number | null;
  to_status: string;
}

const byKey = (o: Record<string, string>) =>
  Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A workflow's lifecycle as one string: statuses and transitions in their order, timers by
 * status and trigger. Key and name of the workflow are left out: a preset installed under
 * another key or name is still the unchanged preset.
 */
export function canonical(s: StatusRow[], t: TransitionRow[], tm: TimerRow[]): string {
  return JSON.stringify({
    statuses: s.map((x) => [
      x.key,
      byKey(x.name),
      x.category,
      x.is_initial,
      x.is_final,
      x.pauses_sla,
      x.postpone_max_days,
      x.read_only,
    ]),
    transitions: t.map((x) => [
      x.from_status,
      x.to_status,
      x.allowed_roles,
      x.allow_requester,
      x.allow_assignee,
      x.requires_postpone,
      x.comment_required,
      x.required_fields,
      x.requires_duplicate_of,
    ]),
    timers: [...tm]
      .sort((a, b) => compare(a.status_key, b.status_key) || compare(a.trigger, b.trigger))
      .map((x) => [x.status_key, x.trigger, x.after_seconds, x.to_status]),
  });
}

/**
 * Existing installations get the presets' new automatic transitions (HappyDesk: assigned in New
 * → In Progress; Pythagoras: handed over in New → Solving), but only on workflows that are still
 * exactly the preset as shipped, under whatever key: a workflow an admin has changed in any way
 * is theirs, and is left as it is.
 */
export class PresetAssignmentTransitions1765500000001 implements MigrationInterface {
  name = 'PresetAssignmentTransitions1765500000001';

  public async up(q: QueryRunner): Promise<void> {
    const workflows = (await q.query('SELECT id FROM workflows ORDER BY key FOR UPDATE')) as {
      id: string;
    }[];
    for (const { id } of workflows) {
      const statuses = (await q.query(
        `SELECT key, name, category, is_initial, is_final, pauses_sla, postpone_max_days, read_only
           FROM workflow_statuses WHERE workflow_id = $1 ORDER BY position, key`,
        [id],
      )) as StatusRow[];
      const transitions = (await q.query(
        `SELECT from_status, to_status, allowed_roles, allow_requester, allow_assignee,
                requires_postpone, comment_required, required_fields, requires_duplicate_of
           FROM workflow_transitions WHERE workflow_id = $1 ORDER BY position, from_status, to_status`,
        [id],
      )) as TransitionRow[];
      const timers = (await q.query(
        `SELECT status_key, trigger, after_seconds, to_status FROM workflow_timers WHERE workflow_id = $1`,
        [id],
      )) as TimerRow[];
      const hash = createHash('sha256')
        .update(canonical(statuses, transitions, timers))
        .digest('hex');
      const upgrade = UPGRADES.find((u) => u.sha256 === hash);
      if (!upgrade) continue;
      await q.query(
        `INSERT INTO workflow_timers (workflow_id, status_key, trigger, after_seconds, to_status)
         VALUES ($1, $2, $3, NULL, $4)`,
        [id, upgrade.add.status, upgrade.add.trigger, upgrade.add.to],
      );
      // Instances cache definitions by version: the bump makes writers reload this one.
      await q.query('UPDATE workflows SET version = version + 1 WHERE id = $1', [id]);
    }
  }

  public async down(): Promise<void> {
    // The rows are removed with the triggers by AssignmentTriggers1765500000000's down.
  }
}
