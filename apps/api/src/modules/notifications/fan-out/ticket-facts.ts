import type { EntityManager } from 'typeorm';
import type { Locale, TranslatedText, WorkingInterval } from '@relaydesk/contracts';
import { sql } from '../../../common/database/sql.js';

/** What the fan-out reads about a ticket once per event: as it is now, public fields only. */
export interface TicketFacts {
  readonly id: string;
  readonly number: number;
  readonly subject: string;
  readonly description: string;
  readonly priority: string;
  readonly status: string;
  readonly workflowId: string;
  readonly requesterId: string | null;
  readonly assigneeId: string | null;
  readonly groupId: string | null;
  readonly projectId: string | null;
  readonly slaPolicyId: string | null;
  readonly firstResponseDueAt: Date | null;
  readonly resolutionDueAt: Date | null;
  readonly requesterName: string | null;
  readonly organizationName: string | null;
  readonly assigneeName: string | null;
  readonly groupName: string | null;
  /** The SLA calendar: the policy's, else the installation's first; null when there is none. */
  readonly calendar: { readonly timeZone: string; readonly week: WorkingInterval[][] } | null;
  /** The workflow's statuses: display names and categories. */
  readonly statuses: ReadonlyMap<string, { name: TranslatedText; category: string }>;
}

interface Row {
  id: string;
  number: string;
  subject: string;
  description: string;
  priority: string;
  status: string;
  workflow_id: string;
  requester_id: string | null;
  assignee_id: string | null;
  group_id: string | null;
  project_id: string | null;
  sla_policy_id: string | null;
  first_response_due_at: Date | null;
  resolution_due_at: Date | null;
  requester_name: string | null;
  organization_name: string | null;
  assignee_name: string | null;
  group_name: string | null;
  calendar_zone: string | null;
  calendar_week: WorkingInterval[][] | null;
  statuses: { key: string; name: TranslatedText; category: string }[];
}

export async function loadTicketFacts(
  em: EntityManager,
  ticketId: string,
): Promise<TicketFacts | null> {
  const [r] = await sql<Row>(
    em,
    `SELECT t.id, t.number, t.subject, t.description, t.priority, t.status, t.workflow_id,
            t.requester_id, t.assignee_id, t.group_id, t.project_id, t.sla_policy_id,
            t.first_response_due_at, t.resolution_due_at,
            rq.name AS requester_name, o.name AS organization_name, a.name AS assignee_name,
            g.name AS group_name, c.time_zone AS calendar_zone, c.week AS calendar_week,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('key', ws.key, 'name', ws.name,
                                                          'category', ws.category)), '[]')
               FROM workflow_statuses ws WHERE ws.workflow_id = t.workflow_id) AS statuses
       FROM tickets t
       LEFT JOIN users rq ON rq.id = t.requester_id
       LEFT JOIN organizations o ON o.id = t.organization_id
       LEFT JOIN users a ON a.id = t.assignee_id
       LEFT JOIN groups g ON g.id = t.group_id
       LEFT JOIN LATERAL (
         SELECT cal.time_zone, cal.week FROM sla_calendars cal
           LEFT JOIN sla_policies p ON p.id = t.sla_policy_id AND p.calendar_id = cal.id
          ORDER BY p.id IS NULL, cal.created_at, cal.id
          LIMIT 1) c ON TRUE
      WHERE t.id = $1`,
    [ticketId],
  );
  if (!r) return null;
  return {
    id: r.id,
    number: Number(r.number),
    subject: r.subject,
    description: r.description,
    priority: r.priority,
    status: r.status,
    workflowId: r.workflow_id,
    requesterId: r.requester_id,
    assigneeId: r.assignee_id,
    groupId: r.group_id,
    projectId: r.project_id,
    slaPolicyId: r.sla_policy_id,
    firstResponseDueAt: r.first_response_due_at,
    resolutionDueAt: r.resolution_due_at,
    requesterName: r.requester_name,
    organizationName: r.organization_name,
    assigneeName: r.assignee_name,
    groupName: r.group_name,
    calendar:
      r.calendar_zone && r.calendar_week
        ? { timeZone: r.calendar_zone, week: r.calendar_week }
        : null,
    statuses: new Map(r.statuses.map((s) => [s.key, { name: s.name, category: s.category }])),
  };
}

/** A status's name in `locale`, else in English, else its key. */
export function statusName(facts: TicketFacts, key: string, locale: Locale): string {
  const name = facts.statuses.get(key)?.name;
  return name?.[locale] || name?.en || key;
}

/** Active staff members of a group. */
export async function groupMembers(em: EntityManager, groupId: string | null): Promise<string[]> {
  if (!groupId) return [];
  const rows = await sql<{ user_id: string }>(
    em,
    `SELECT gm.user_id FROM group_members gm JOIN users u ON u.id = gm.user_id
      WHERE gm.group_id = $1 AND u.role <> 'client' ORDER BY gm.user_id`,
    [groupId],
  );
  return rows.map((r) => r.user_id);
}

export async function activeDispatchers(em: EntityManager): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    em,
    `SELECT id FROM users WHERE role = 'dispatcher' AND active ORDER BY id`,
  );
  return rows.map((r) => r.id);
}

/** The ticket's watchers and its project's notification list, with whether each is a client. */
export async function watchersOf(
  em: EntityManager,
  ticketId: string,
  projectId: string | null,
): Promise<{ userId: string; client: boolean }[]> {
  return (
    await sql<{ user_id: string; client: boolean }>(
      em,
      `SELECT w.user_id, u.role = 'client' AS client
         FROM (SELECT tw.user_id FROM ticket_watchers tw WHERE tw.ticket_id = $1
               UNION
               SELECT pw.user_id FROM project_watchers pw WHERE pw.project_id = $2) w
         JOIN users u ON u.id = w.user_id
        ORDER BY w.user_id`,
      [ticketId, projectId],
    )
  ).map((r) => ({ userId: r.user_id, client: r.client }));
}

/** Names of users by id (for actors, principals and deputies). */
export async function userNames(
  em: EntityManager,
  ids: (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await sql<{ id: string; name: string }>(
    em,
    'SELECT id, name FROM users WHERE id = ANY($1::uuid[])',
    [wanted],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The active staff who own a ticket (its assignee, or else its group's members) and its
 * supervisor (the group's lead, or else the head of the assignee's department).
 */
export async function ownersAndSupervisors(
  em: EntityManager,
  o: { assigneeId: string | null; groupId: string | null },
): Promise<{ owners: string[]; supervisors: string[] }> {
  const [row] = await sql<{ owners: string[]; supervisors: string[] }>(
    em,
    `SELECT
       ARRAY(SELECT u.id FROM users u
              WHERE u.role <> 'client'
                AND (u.id = $1::uuid OR ($1::uuid IS NULL AND u.id IN (
                      SELECT gm.user_id FROM group_members gm WHERE gm.group_id = $2::uuid)))
              ORDER BY u.id) AS owners,
       ARRAY(SELECT u.id FROM users u
              WHERE u.role <> 'client'
                AND u.id = COALESCE(
                      (SELECT g.lead_id FROM groups g WHERE g.id = $2::uuid),
                      (SELECT d.head_id FROM users a JOIN departments d ON d.id = a.department_id
                        WHERE a.id = $1::uuid))) AS supervisors`,
    [o.assigneeId, o.groupId],
  );
  return row;
}
