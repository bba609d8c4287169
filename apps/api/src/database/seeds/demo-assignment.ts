import type { EntityManager } from 'typeorm';
import type { CustomFieldValues, TicketChannel, TicketPriority } from '@relaydesk/contracts';
import type { AssignmentRuleConditions } from '../../modules/assignment/entities/assignment-rule.entity.js';
import { conditionsMatch } from '../../modules/assignment/rule-matcher.js';
import type { DirectoryIds } from './demo-directory.js';

interface DemoRule {
  name: string;
  conditions: AssignmentRuleConditions;
  group: 'l1' | 'l2';
  supportLevel: 1 | 2;
}

/** Tried in this order; the first match wins. */
const RULES: DemoRule[] = [
  {
    name: 'Срочные → L2 / Urgent to L2 engineering',
    conditions: { priorities: ['urgent'] },
    group: 'l2',
    supportLevel: 2,
  },
  {
    name: '«Не работает» → L1 / "Nefunguje" to L1 support',
    conditions: {
      subjectWords: ['не работает', 'не включается', 'nefunguje', 'nejde', "doesn't work"],
    },
    group: 'l1',
    supportLevel: 1,
  },
];

interface TicketRow {
  id: string;
  subject: string;
  priority: TicketPriority;
  type_id: string | null;
  category_id: string | null;
  organization_id: string | null;
  project_id: string | null;
  channel: TicketChannel;
  custom_fields: CustomFieldValues;
  created_at: string;
  created_group: string | null;
  group_id: string | null;
}

/**
 * HappyDesk-style support lines on the demo groups (L1 takes turns, L2 goes to the least busy
 * engineer), two assignment rules, and the history that goes with them: every demo ticket
 * carries its group's level, its history lines say which level it was at, and the tickets a
 * rule routed at creation show a `rule_applied` line with the rule's name.
 */
export async function insertDemoAssignment(em: EntityManager, ids: DirectoryIds): Promise<void> {
  await em.query(
    `UPDATE groups SET support_level = 1, distribution = 'round_robin' WHERE id = $1`,
    [ids.groups.l1],
  );
  await em.query(`UPDATE groups SET support_level = 2, distribution = 'least_open' WHERE id = $1`, [
    ids.groups.l2,
  ]);
  const ruleIds: string[] = [];
  for (const [i, r] of RULES.entries()) {
    const [{ id }] = (await em.query(
      `INSERT INTO assignment_rules (name, position, conditions, set_group_id, set_support_level)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [r.name, i + 1, JSON.stringify(r.conditions), ids.groups[r.group], r.supportLevel],
    )) as { id: string }[];
    ruleIds.push(id);
  }

  await em.query(
    `UPDATE tickets t SET support_level = g.support_level FROM groups g WHERE g.id = t.group_id`,
  );
  // The level report reads the level from the creation line and from `supportLevel` changes.
  await em.query(
    `UPDATE ticket_events e
        SET new_value = e.new_value || jsonb_build_object('supportLevel',
              (SELECT g.support_level FROM groups g WHERE g.id = (e.new_value ->> 'groupId')::uuid))
      WHERE e.kind = 'created' AND e.new_value ? 'groupId'`,
  );
  await em.query(
    `WITH lines AS (
       SELECT e.id, e.ticket_id, e.actor_id, e.kind, e.created_at,
              (SELECT g.support_level FROM groups g WHERE g.id = (e.new_value ->> 'groupId')::uuid) AS level
         FROM ticket_events e
        WHERE e.kind IN ('created', 'assigned') AND e.new_value ? 'groupId'
     ), changes AS (
       SELECT l.*, lag(l.level) OVER (PARTITION BY l.ticket_id ORDER BY l.created_at, l.id) AS before
         FROM lines l
     )
     INSERT INTO ticket_events (ticket_id, actor_id, kind, field, old_value, new_value, internal, created_at)
     SELECT c.ticket_id, c.actor_id, 'field_changed', 'supportLevel', to_jsonb(c.before), to_jsonb(c.level),
            false, c.created_at + interval '1 microsecond'
       FROM changes c
      WHERE c.kind = 'assigned' AND c.level IS DISTINCT FROM c.before`,
  );

  const tickets = (await em.query(
    `SELECT t.id, t.subject, t.priority, t.type_id, t.category_id, t.organization_id, t.project_id,
            t.channel, t.custom_fields, e.created_at::text AS created_at,
            e.new_value ->> 'groupId' AS created_group, t.group_id
       FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id AND e.kind = 'created'`,
  )) as TicketRow[];
  for (const t of tickets) {
    const facts = {
      subject: t.subject,
      typeId: t.type_id,
      categoryIds: t.category_id ? [t.category_id] : [],
      priority: t.priority,
      organizationId: t.organization_id,
      projectId: t.project_id,
      channel: t.channel,
      customFields: t.custom_fields,
    };
    const i = RULES.findIndex((r) => conditionsMatch(r.conditions, facts));
    // Only tickets that are in the rule's group: the rule put them there at creation, and a
    // dispatcher's later assignment (if any) then starts from that group.
    if (i < 0) continue;
    const groupId = ids.groups[RULES[i].group];
    if (t.group_id !== groupId) continue;
    if (t.created_group !== groupId) {
      await em.query(
        `UPDATE ticket_events SET new_value = new_value || jsonb_build_object('groupId', $2::text, 'supportLevel', $3::int)
          WHERE ticket_id = $1 AND kind = 'created'`,
        [t.id, groupId, RULES[i].supportLevel],
      );
      await em.query(
        `UPDATE ticket_events SET old_value = old_value || jsonb_build_object('groupId', $2::text)
          WHERE id = (SELECT id FROM ticket_events WHERE ticket_id = $1 AND kind IN ('assigned', 'taken')
                       ORDER BY created_at, id LIMIT 1)`,
        [t.id, groupId],
      );
    }
    await em.query(
      `INSERT INTO ticket_events (ticket_id, actor_id, kind, field, new_value, internal, created_at)
       VALUES ($1, NULL, 'rule_applied', 'assignmentRule', $2, true,
               $3::timestamptz + interval '1 microsecond')`,
      [
        t.id,
        JSON.stringify({
          ruleId: ruleIds[i],
          ruleName: RULES[i].name,
          groupId: ids.groups[RULES[i].group],
          supportLevel: RULES[i].supportLevel,
        }),
        t.created_at,
      ],
    );
  }
}
