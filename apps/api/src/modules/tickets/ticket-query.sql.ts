import type {
  CustomFieldValues,
  RatingVia,
  TicketSortField,
  TranslatedText,
} from '@relaydesk/contracts';
import type { TicketFieldsDto } from './dto/ticket.dto.js';

// The ticket read side's SQL: select lists, the page-names statement and the row types they
// produce (mapped to DTOs by ticket-dto-mapping.ts). Placeholders are `$n` in hand-written
// statements and `:name` only inside TypeORM query builders.

export const SORT_COLUMNS: Record<TicketSortField, string> = {
  updatedAt: 't.updated_at',
  createdAt: 't.created_at',
  number: 't.number',
};

/** A client's `updatedAt` is the last change they can see (see the ClientUpdatedAt migration). */
export const CLIENT_SORT_COLUMNS: Record<TicketSortField, string> = {
  ...SORT_COLUMNS,
  updatedAt: 't.client_updated_at',
};

const TICKET_COLUMNS = [
  'id',
  'number',
  'subject',
  'priority',
  'status',
  'status_category',
  'workflow_id',
  'type_id',
  'organization_id',
  'requester_id',
  'service_object_id',
  'equipment_id',
  'contract_id',
  'warranty',
  'assignee_id',
  'group_id',
  'support_level',
  'category_id',
  'project_id',
  'status_changed_at',
  'due_at',
  'sla_policy_id',
  'first_response_due_at',
  'first_response_breached_at',
  'resolution_due_at',
  'resolution_breached_at',
  'sla_paused_at',
  'postponed_until',
  'needs_reply',
  'first_responded_at',
  'resolved_at',
  'closed_at',
  'channel',
  'created_by_id',
  'created_at',
  'updated_at',
  'client_updated_at',
  'version',
];

/** Clients see only the custom fields their type marks client-visible; filtered in SQL. */
const CLIENT_VISIBLE_CUSTOM_FIELDS = `(SELECT COALESCE(jsonb_object_agg(f.key, t.custom_fields -> f.key), '{}'::jsonb)
   FROM ticket_type_fields f
  WHERE f.type_id = t.type_id AND f.client_visible AND t.custom_fields ? f.key)`;

/** The requester's most recent satisfaction rating, if any. */
const LATEST_RATING = `(SELECT jsonb_build_object('rating', r.rating, 'comment', r.comment, 'via', r.via,
                                  'createdAt', r.created_at)
   FROM ticket_ratings r WHERE r.ticket_id = t.id ORDER BY r.created_at DESC LIMIT 1)`;

/** The name of the status a tickets row `alias` is in, as its workflow names it. */
export const statusNameSql = (alias: string) =>
  `(SELECT ws.name FROM workflow_statuses ws WHERE ws.workflow_id = ${alias}.workflow_id AND ws.key = ${alias}.status)`;

/** The names of the rows a ticket refers to, as `toDto` reads them. */
const NAME_SELECTS: [string, string][] = [
  ['(SELECT tt.key FROM ticket_types tt WHERE tt.id = t.type_id)', 'type_key'],
  ['(SELECT tt.name FROM ticket_types tt WHERE tt.id = t.type_id)', 'type_name'],
  ['(SELECT o.name FROM organizations o WHERE o.id = t.organization_id)', 'org_name'],
  ['(SELECT u.name FROM users u WHERE u.id = t.requester_id)', 'requester_name'],
  ['(SELECT u.name FROM users u WHERE u.id = t.assignee_id)', 'assignee_name'],
  ['(SELECT g.name FROM groups g WHERE g.id = t.group_id)', 'group_name'],
  ['(SELECT c.name FROM categories c WHERE c.id = t.category_id)', 'category_name'],
  ['(SELECT c.parent_id FROM categories c WHERE c.id = t.category_id)', 'category_parent_id'],
  ['(SELECT p.name FROM projects p WHERE p.id = t.project_id)', 'project_name'],
  ['(SELECT sp.name FROM sla_policies sp WHERE sp.id = t.sla_policy_id)', 'sla_policy_name'],
  [statusNameSql('t'), 'status_name'],
  ['(SELECT so.name FROM service_objects so WHERE so.id = t.service_object_id)', 'so_name'],
  [
    `(SELECT jsonb_build_object('name', btrim(ei.manufacturer || ' ' || ei.model),
             'serialNumber', ei.serial_number, 'inventoryNumber', ei.inventory_number)
        FROM equipment_items ei WHERE ei.id = t.equipment_id)`,
    'equipment_ref',
  ],
  [
    `(SELECT jsonb_build_object('number', ct.number, 'title', ct.title)
        FROM contracts ct WHERE ct.id = t.contract_id)`,
    'contract_ref',
  ],
];

/** A client's ticket shows none of these names, so its statements do not read them. */
const STAFF_ONLY_NAMES = ['assignee_name', 'group_name', 'project_name', 'sla_policy_name'];
const CLIENT_NAME_SELECTS = NAME_SELECTS.filter(([, alias]) => !STAFF_ONLY_NAMES.includes(alias));

/**
 * [expression, alias] pairs over a `t` that is a tickets row: every column, cursor values and,
 * with `withNames`, the names of what it refers to as scalar subselects. One ticket (detail,
 * create) takes its names that way; a page does not: ten subplans for each of 51 rows cost more
 * than the page scan itself (0.55 of 0.64 ms measured at 1M tickets), so `list` reads the
 * distinct referenced rows once, in a second statement (see `attachNames`). Joins are no
 * option either: planning five joins against a table with this many indexes cost 3.3 ms.
 */
export function selectList(
  withDescription: boolean,
  isClient: boolean,
  withNames: boolean,
): [string, string][] {
  const detail: [string, string][] = withDescription
    ? [
        ['t.description', 't_description'],
        [isClient ? CLIENT_VISIBLE_CUSTOM_FIELDS : 't.custom_fields', 't_custom_fields'],
        [LATEST_RATING, 'latest_rating'],
      ]
    : [];
  return [
    ...TICKET_COLUMNS.map((c): [string, string] => [`t.${c}`, `t_${c}`]),
    ...detail,
    ...(withNames ? (isClient ? CLIENT_NAME_SELECTS : NAME_SELECTS) : []),
    // Full microsecond precision for cursors: a JS Date would round to milliseconds.
    [isClient ? 't.client_updated_at::text' : 't.updated_at::text', 'cur_updated_at'],
    ['t.created_at::text', 'cur_created_at'],
    // Read in the tickets' snapshot: whether this instance's cached names are still current.
    ['(SELECT nv.version::text FROM name_versions nv WHERE nv.id = 1)', 'names_v'],
  ];
}

/**
 * The columns of a list row (TicketSummaryDto): what lists show and link to. The workflow is
 * read for the status name only; the client's `updatedAt` is their own column.
 */
const SUMMARY_COLUMNS = [
  'id',
  'number',
  'subject',
  'priority',
  'status',
  'status_category',
  'workflow_id',
  'type_id',
  'organization_id',
  'requester_id',
  'service_object_id',
  'equipment_id',
  'contract_id',
  'assignee_id',
  'group_id',
  'due_at',
  'resolution_due_at',
  'sla_paused_at',
  // For the requester's promise (TicketPromiseDto).
  'first_response_due_at',
  'first_responded_at',
  'created_at',
];

export function summarySelectList(isClient: boolean): [string, string][] {
  return [
    ...SUMMARY_COLUMNS.map((c): [string, string] => [`t.${c}`, `t_${c}`]),
    isClient ? ['t.client_updated_at', 't_client_updated_at'] : ['t.updated_at', 't_updated_at'],
    [isClient ? 't.client_updated_at::text' : 't.updated_at::text', 'cur_updated_at'],
    ['t.created_at::text', 'cur_created_at'],
    // Read in the tickets' snapshot: whether this instance's cached names are still current.
    ['(SELECT nv.version::text FROM name_versions nv WHERE nv.id = 1)', 'names_v'],
  ];
}

/**
 * The names behind a page of tickets in one statement of fixed text (prepared once per
 * connection): each referenced row once, however many tickets share it.
 */
export const PAGE_NAMES_SQL = `
  SELECT 't' AS k, tt.id, tt.key AS x, tt.name AS name FROM ticket_types tt WHERE tt.id = ANY($1::uuid[])
  UNION ALL SELECT 'o', o.id, NULL, to_jsonb(o.name) FROM organizations o WHERE o.id = ANY($2::uuid[])
  UNION ALL SELECT 'u', u.id, NULL, to_jsonb(u.name) FROM users u WHERE u.id = ANY($3::uuid[])
  UNION ALL SELECT 'g', g.id, NULL, to_jsonb(g.name) FROM groups g WHERE g.id = ANY($4::uuid[])
  UNION ALL SELECT 'c', c.id, c.parent_id::text, c.name FROM categories c WHERE c.id = ANY($5::uuid[])
  UNION ALL SELECT 'p', p.id, NULL, to_jsonb(p.name) FROM projects p WHERE p.id = ANY($6::uuid[])
  UNION ALL SELECT 's', sp.id, NULL, to_jsonb(sp.name) FROM sla_policies sp WHERE sp.id = ANY($7::uuid[])
  UNION ALL SELECT 'w', ws.workflow_id, ws.key, ws.name FROM workflow_statuses ws WHERE ws.workflow_id = ANY($8::uuid[])`;

export interface NameRow {
  k: 't' | 'o' | 'u' | 'g' | 'c' | 'p' | 's' | 'w';
  id: string;
  x: string | null;
  name: unknown;
}

export interface TicketRow {
  /** On list rows: the `name_versions` counter (see TicketNamesCache). */
  names_v?: string | null;
  t_id: string;
  t_number: string;
  t_subject: string;
  t_description?: string;
  t_priority: TicketFieldsDto['priority'];
  t_status: string;
  t_status_category: TicketFieldsDto['statusCategory'];
  t_workflow_id: string;
  t_type_id: string | null;
  t_organization_id: string | null;
  t_requester_id: string | null;
  t_service_object_id: string | null;
  t_equipment_id: string | null;
  t_contract_id: string | null;
  t_warranty?: boolean;
  so_name?: string | null;
  equipment_ref?: {
    name: string;
    serialNumber: string | null;
    inventoryNumber: string | null;
  } | null;
  contract_ref?: { number: string; title: string } | null;
  t_assignee_id: string | null;
  t_group_id: string | null;
  t_support_level: 1 | 2 | 3 | null;
  t_category_id: string | null;
  t_project_id: string | null;
  t_status_changed_at: Date;
  t_custom_fields?: CustomFieldValues;
  latest_rating?: {
    rating: number;
    comment: string | null;
    via: RatingVia;
    createdAt: string;
  } | null;
  category_name: TranslatedText | null;
  category_parent_id: string | null;
  project_name: string | null;
  t_due_at: Date | null;
  t_sla_policy_id: string | null;
  sla_policy_name: string | null;
  t_first_response_due_at: Date | null;
  t_first_response_breached_at: Date | null;
  t_resolution_due_at: Date | null;
  t_resolution_breached_at: Date | null;
  t_sla_paused_at: Date | null;
  t_postponed_until: Date | null;
  t_needs_reply: boolean;
  t_first_responded_at: Date | null;
  t_resolved_at: Date | null;
  t_closed_at: Date | null;
  t_channel: TicketFieldsDto['channel'];
  t_created_by_id: string | null;
  t_created_at: Date;
  t_updated_at: Date;
  t_client_updated_at: Date;
  t_version: number;
  type_key: string | null;
  type_name: TranslatedText;
  status_name: TranslatedText | null;
  cur_updated_at: string;
  cur_created_at: string;
  org_name: string | null;
  requester_name: string | null;
  assignee_name: string | null;
  group_name: string | null;
}
