import type { CustomFieldValues } from '@relaydesk/contracts';
import { distributionPickSql } from '../assignment/index.js';
import type { NewTicketSla } from '../sla/index.js';
import type { TicketFieldsDto } from './dto/ticket.dto.js';
import type { NewTicketEvent } from './ticket-events.js';
import { selectList } from './ticket-query.sql.js';
import { EVENTS_CHANNEL } from '../../common/events/domain-events.js';
import { TicketCreated } from './events/ticket.events.js';

export interface NewTicketRow {
  subject: string;
  description: string;
  priority: TicketFieldsDto['priority'];
  status: string;
  statusCategory: TicketFieldsDto['statusCategory'];
  workflowId: string;
  typeId: string | null;
  organizationId: string | null;
  requesterId: string | null;
  assigneeId: string | null;
  groupId: string | null;
  dueAt: string | null;
  channel: TicketFieldsDto['channel'];
  categoryId: string | null;
  projectId: string | null;
  customFields: CustomFieldValues;
  createdById: string;
  /** Whether the API view returned to the creator hides staff-only custom fields. */
  creatorIsClient: boolean;
  createdAt: Date;
  /** The first timed transition of the initial status, if it has one. */
  nextTimerAt: Date | null;
  /** Set by an assignment rule; null: the group's level (if it has one). */
  supportLevel: number | null;
  /**
   * Without an assignee, let the group's distribution (round robin, least open) pick one in
   * the same statement; nothing happens for a group that distributes manually.
   */
  distribute: boolean;
  /** History lines after "created" (the rule that routed the ticket), by the system. */
  routingEvents: NewTicketEvent[];
  /** The SLA policy and clocks (sla module), computed before this INSERT. */
  sla: NewTicketSla;
  /** A client's new ticket waits for the desk's first public answer (PayDox, Okdesk). */
  needsReply: boolean;
  /** Issue 18 links, checked by the contracts module's rules before this INSERT. */
  serviceObjectId: string | null;
  equipmentId: string | null;
  contractId: string | null;
  warranty: boolean;
  /** Staff set `warranty` themselves: later equipment changes leave it. */
  warrantyManual: boolean;
}

const insertTicketSqlCache = new Map<string, string>();

/**
 * The text of the single create statement (see `insertWithHistory`), built once per variant so
 * each request reuses the same string, and with it the same prepared statement.
 */
export function insertTicketSql(creatorIsClient: boolean, distribute: boolean): string {
  const cacheKey = `${creatorIsClient}:${distribute}`;
  const cached = insertTicketSqlCache.get(cacheKey);
  if (cached) return cached;
  const select = selectList(true, creatorIsClient, true)
    .map(([expr, alias]) => `${expr} AS "${alias}"`)
    .join(', ');
  // The group's distribution picks the assignee inside this statement (see
  // distributionPickSql), so the cursor moves exactly when a ticket is really created.
  const pick = distribute
    ? distributionPickSql('$11::uuid', '$15::timestamptz')
    : 'SELECT NULL::uuid AS user_id, NULL::varchar AS distribution WHERE false';
  const text = `WITH pick AS (
         ${pick}
       ), t AS (
         INSERT INTO tickets (subject, description, priority, status, status_category, workflow_id, type_id,
                              organization_id, requester_id, assignee_id, group_id, due_at, channel,
                              created_by_id, created_at, updated_at, client_updated_at, status_changed_at,
                              category_id, project_id, custom_fields, next_timer_at, support_level,
                              sla_policy_id, first_response_due_at, first_response_remind_at,
                              resolution_due_at, resolution_remind_at, sla_paused_at, sla_next_check_at, needs_reply,
                              service_object_id, equipment_id, contract_id, warranty, warranty_manual)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, COALESCE($10::uuid, (SELECT user_id FROM pick)),
                 $11, $12, $13, $14, $15, $15, $15, $15, $16, $17, $18, $19,
                 COALESCE($20::smallint, (SELECT g.support_level FROM groups g WHERE g.id = $11::uuid)),
                 $22, $23, $24, $25, $26, $27, $28, $30, $31, $32, $33, $34, $35)
         RETURNING *
       ), history AS (
         INSERT INTO ticket_events (ticket_id, actor_id, kind, new_value, internal, created_at)
         SELECT t.id, t.created_by_id, 'created',
                jsonb_build_object('number', t.number, 'subject', t.subject, 'status', t.status,
                                   'priority', t.priority, 'assigneeId', t.assignee_id, 'groupId', t.group_id,
                                   'supportLevel', t.support_level),
                false, t.created_at
           FROM t
       ), routing AS (
         INSERT INTO ticket_events (ticket_id, actor_id, kind, field, old_value, new_value, internal, created_at)
         SELECT t.id, NULL::uuid, e.value ->> 'kind', e.value ->> 'field',
                NULLIF(e.value -> 'oldValue', 'null'), NULLIF(e.value -> 'newValue', 'null'),
                COALESCE((e.value ->> 'internal')::boolean, false),
                t.created_at + make_interval(secs => e.ord / 1000000.0)
           FROM t, jsonb_array_elements($21::jsonb) WITH ORDINALITY AS e(value, ord)
         UNION ALL
         SELECT t.id, NULL, 'auto_assigned', 'assigneeId',
                jsonb_build_object('assigneeId', NULL, 'groupId', t.group_id),
                jsonb_build_object('assigneeId', p.user_id, 'groupId', t.group_id, 'distribution', p.distribution),
                false, t.created_at + make_interval(secs => (jsonb_array_length($21::jsonb) + 1) / 1000000.0)
           FROM t JOIN pick p ON p.user_id = t.assignee_id
          WHERE $10::uuid IS NULL
       ), created_event AS (
         -- Its TicketCreated in the outbox, as DomainEvents.publish records an event (the same
         -- payload as JSON.stringify of the event), so the create stays one statement.
         INSERT INTO event_log (name, ticket_id, actor_id, payload, created_at)
         SELECT '${TicketCreated.eventName}', t.id, t.created_by_id,
                jsonb_build_object('ticketId', t.id, 'number', t.number, 'subject', t.subject,
                                   'organizationId', t.organization_id, 'requesterId', t.requester_id,
                                   'groupId', t.group_id, 'assigneeId', t.assignee_id,
                                   'priority', t.priority, 'status', t.status,
                                   'actorId', t.created_by_id, 'at', $29::text),
                t.created_at
           FROM t
         RETURNING id, ticket_id
       )
       SELECT ${select},
              (SELECT pg_notify('${EVENTS_CHANNEL}', e.id || '|${TicketCreated.eventName}|' || e.ticket_id)
                 FROM created_event e) AS "createdEventNotified"
         FROM t`;
  insertTicketSqlCache.set(cacheKey, text);
  return text;
}

/** The parameters of `insertTicketSql`, in its placeholder order. */
export function insertTicketParams(values: NewTicketRow): unknown[] {
  return [
    values.subject,
    values.description,
    values.priority,
    values.status,
    values.statusCategory,
    values.workflowId,
    values.typeId,
    values.organizationId,
    values.requesterId,
    values.assigneeId,
    values.groupId,
    values.dueAt,
    values.channel,
    values.createdById,
    values.createdAt,
    values.categoryId,
    values.projectId,
    JSON.stringify(values.customFields),
    values.nextTimerAt,
    values.supportLevel,
    JSON.stringify(
      values.routingEvents.map((e) => ({
        kind: e.kind,
        field: e.field ?? null,
        oldValue: e.oldValue ?? null,
        newValue: e.newValue ?? null,
        internal: e.internal ?? false,
      })),
    ),
    values.sla.slaPolicyId,
    values.sla.firstResponseDueAt,
    values.sla.firstResponseRemindAt,
    values.sla.resolutionDueAt,
    values.sla.resolutionRemindAt,
    values.sla.slaPausedAt,
    values.sla.slaNextCheckAt,
    values.createdAt.toISOString(),
    values.needsReply,
    values.serviceObjectId,
    values.equipmentId,
    values.contractId,
    values.warranty,
    values.warrantyManual,
  ];
}
