import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type {
  CustomFieldValues,
  RatingVia,
  TicketSortField,
  TranslatedText,
} from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor.js';
import { Ticket } from './entities/ticket.entity.js';
import { departmentMembersSql, ticketVisibility } from './ticket-visibility.js';
import type { TicketDto, TicketFieldsDto, TicketSummaryDto } from './dto/ticket.dto.js';
import type { NewTicketEvent } from './ticket-events.js';
import type { NewTicketSla } from '../sla/index.js';
import { distributionPickSql } from '../assignment/index.js';
import { preparedSql, sql } from '../../common/database/sql.js';

/** Above this many full-text hits, search stays one query (see applySearch). */
const SEARCH_ID_LIMIT = 5000;

const SORT_COLUMNS: Record<TicketSortField, string> = {
  updatedAt: 't.updated_at',
  createdAt: 't.created_at',
  number: 't.number',
};

/** A client's `updatedAt` is the last change they can see (see the ClientUpdatedAt migration). */
const CLIENT_SORT_COLUMNS: Record<TicketSortField, string> = {
  ...SORT_COLUMNS,
  updatedAt: 't.client_updated_at',
};

export interface TicketListFilter {
  /** Extra SQL conditions with their parameters (views, filters), ANDed together. */
  conditions: { sql: string; params?: Record<string, unknown> }[];
  q?: string;
  /**
   * The status categories the view keeps (its rule is in `conditions` too). Search documents
   * carry the category, so the search step narrows to the view's tickets before the page query.
   */
  statusCategories?: StatusCategoryRule;
  sort: { field: TicketSortField; direction: 'asc' | 'desc' };
  limit: number;
  cursor?: string;
}

export type StatusCategoryRule = { in: readonly string[] } | { notIn: readonly string[] };

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
}

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
function selectList(
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
  'assignee_id',
  'group_id',
  'due_at',
  'resolution_due_at',
  'sla_paused_at',
  'created_at',
];

function summarySelectList(isClient: boolean): [string, string][] {
  return [
    ...SUMMARY_COLUMNS.map((c): [string, string] => [`t.${c}`, `t_${c}`]),
    isClient ? ['t.client_updated_at', 't_client_updated_at'] : ['t.updated_at', 't_updated_at'],
    [isClient ? 't.client_updated_at::text' : 't.updated_at::text', 'cur_updated_at'],
    ['t.created_at::text', 'cur_created_at'],
  ];
}

/**
 * The names behind a page of tickets in one statement of fixed text (prepared once per
 * connection): each referenced row once, however many tickets share it.
 */
const PAGE_NAMES_SQL = `
  SELECT 't' AS k, tt.id, tt.key AS x, tt.name AS name FROM ticket_types tt WHERE tt.id = ANY($1::uuid[])
  UNION ALL SELECT 'o', o.id, NULL, to_jsonb(o.name) FROM organizations o WHERE o.id = ANY($2::uuid[])
  UNION ALL SELECT 'u', u.id, NULL, to_jsonb(u.name) FROM users u WHERE u.id = ANY($3::uuid[])
  UNION ALL SELECT 'g', g.id, NULL, to_jsonb(g.name) FROM groups g WHERE g.id = ANY($4::uuid[])
  UNION ALL SELECT 'c', c.id, c.parent_id::text, c.name FROM categories c WHERE c.id = ANY($5::uuid[])
  UNION ALL SELECT 'p', p.id, NULL, to_jsonb(p.name) FROM projects p WHERE p.id = ANY($6::uuid[])
  UNION ALL SELECT 's', sp.id, NULL, to_jsonb(sp.name) FROM sla_policies sp WHERE sp.id = ANY($7::uuid[])
  UNION ALL SELECT 'w', ws.workflow_id, ws.key, ws.name FROM workflow_statuses ws WHERE ws.workflow_id = ANY($8::uuid[])`;

const insertTicketSqlCache = new Map<string, string>();

/**
 * The text of the single create statement (see `insertWithHistory`), built once per variant so
 * each request reuses the same string, and with it the same prepared statement.
 */
function insertTicketSql(creatorIsClient: boolean, distribute: boolean): string {
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
                              resolution_due_at, resolution_remind_at, sla_paused_at, sla_next_check_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, COALESCE($10::uuid, (SELECT user_id FROM pick)),
                 $11, $12, $13, $14, $15, $15, $15, $15, $16, $17, $18, $19,
                 COALESCE($20::smallint, (SELECT g.support_level FROM groups g WHERE g.id = $11::uuid)),
                 $22, $23, $24, $25, $26, $27, $28)
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
       )
       SELECT ${select} FROM t`;
  insertTicketSqlCache.set(cacheKey, text);
  return text;
}

interface NameRow {
  k: 't' | 'o' | 'u' | 'g' | 'c' | 'p' | 's' | 'w';
  id: string;
  x: string | null;
  name: unknown;
}

interface Row {
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

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Ticket fields only staff receive (documented as such in TicketFieldsDto). */
const CLIENT_HIDDEN_TICKET_FIELDS = [
  'assigneeId',
  'assignee',
  'groupId',
  'group',
  'supportLevel',
  'projectId',
  'project',
  'dueAt',
  'needsReply',
] as const;

/**
 * The queries that matter for tickets. Every one starts from `visibleTickets`, which applies
 * THE visibility rule; names of referenced rows come from joins in the same query (no N+1).
 */
@Injectable()
export class TicketsRepository {
  constructor(private readonly db: DataSource) {}

  visibleTickets(user: AuthUser, em: EntityManager = this.db.manager): SelectQueryBuilder<Ticket> {
    const vis = ticketVisibility(user, 't');
    return em.createQueryBuilder(Ticket, 't').where(vis.sql, vis.params);
  }

  private withRefs(
    qb: SelectQueryBuilder<Ticket>,
    withDescription: boolean,
    isClient: boolean,
    withNames = true,
  ): SelectQueryBuilder<Ticket> {
    const [first, ...rest] = selectList(withDescription, isClient, withNames);
    qb.select(first[0], first[1]);
    for (const [expr, alias] of rest) qb.addSelect(expr, alias);
    return qb;
  }

  /**
   * Creates a ticket and its "created" history line in ONE statement (atomic without an
   * explicit transaction) and returns the ticket as the API shows it: one round trip instead
   * of five, which is what `npm run bench` measures for POST /tickets.
   */
  /**
   * The ticket, its first history lines and a group pick in one statement: prepared on the pool
   * when nothing else is written with it, or in the caller's transaction (`em`) when listeners
   * of TicketCreated write with it.
   */
  async insertWithHistory(values: NewTicketRow, em?: EntityManager): Promise<TicketDto> {
    const rows = await (
      em
        ? (t: string, p: unknown[]) => sql<Row>(em, t, p)
        : (t: string, p: unknown[]) => preparedSql<Row>(this.db, t, p)
    )(insertTicketSql(values.creatorIsClient, values.distribute), [
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
    ]);
    return this.toDto(rows[0], values.creatorIsClient) as TicketDto;
  }

  async findOneDto(
    user: AuthUser,
    where: { id?: string; number?: number },
  ): Promise<TicketDto | null> {
    const isClient = user.role === 'client';
    const qb = this.withRefs(this.visibleTickets(user), true, isClient);
    if (where.id !== undefined) qb.andWhere('t.id = :id', { id: where.id });
    if (where.number !== undefined) qb.andWhere('t.number = :number', { number: where.number });
    const row = await qb.getRawOne<Row>();
    return row ? (this.toDto(row, isClient) as TicketDto) : null;
  }

  /** Keyset page in the requested order; never OFFSET. */
  async list(user: AuthUser, filter: TicketListFilter): Promise<Page<TicketSummaryDto>> {
    const isClient = user.role === 'client';
    const qb = this.visibleTickets(user);
    const [first, ...rest] = summarySelectList(isClient);
    qb.select(first[0], first[1]);
    for (const [expr, alias] of rest) qb.addSelect(expr, alias);
    for (const c of filter.conditions) qb.andWhere(c.sql, c.params ?? {});
    if (filter.q) await this.applySearch(qb, user, filter.q, filter.statusCategories);

    const column = (isClient ? CLIENT_SORT_COLUMNS : SORT_COLUMNS)[filter.sort.field];
    const desc = filter.sort.direction === 'desc';
    const isNumber = filter.sort.field === 'number';
    const cursor = decodeCursor(filter.cursor, isNumber ? 'integer' : 'timestamp');
    if (cursor) {
      const value = cursor.v;
      const cast = isNumber ? 'CAST(:cursorValue AS bigint)' : 'CAST(:cursorValue AS timestamptz)';
      qb.andWhere(`(${column}, t.id) ${desc ? '<' : '>'} (${cast}, CAST(:cursorId AS uuid))`, {
        cursorValue: value,
        cursorId: cursor.id,
      });
    }
    qb.orderBy(column, desc ? 'DESC' : 'ASC')
      .addOrderBy('t.id', desc ? 'DESC' : 'ASC')
      .limit(filter.limit + 1);

    const rows = await qb.getRawMany<Row>();
    await this.attachNames(rows, isClient, false);
    return toPage(
      rows,
      filter.limit,
      (r) => this.toSummaryDto(r, isClient),
      (r) => ({
        v:
          filter.sort.field === 'number'
            ? Number(r.t_number)
            : filter.sort.field === 'createdAt'
              ? r.cur_created_at
              : r.cur_updated_at,
        id: r.t_id,
      }),
    );
  }

  /**
   * Full-text search over subject, description and the comments the caller may see: clients
   * match the public document only, so words from internal notes can never find a ticket for
   * them. A number (or #number) also finds the ticket with that number. `categories` narrows
   * the matches to the view's status categories (kept beside the documents by a trigger).
   */
  async applySearch(
    qb: SelectQueryBuilder<Ticket>,
    user: AuthUser,
    q: string,
    categories?: StatusCategoryRule,
  ): Promise<void> {
    const text = q.trim();
    if (!text) return;
    const words =
      user.role === 'client'
        ? 's.public_doc @@ rd_search_query($1)'
        : '(s.public_doc @@ rd_search_query($1) OR s.internal_doc @@ rd_search_query($1))';
    // A document without a category (written while the migration that added it ran) may match.
    const [op, values] = !categories
      ? []
      : 'in' in categories
        ? ['= ANY', categories.in]
        : ['<> ALL', categories.notIn];
    const docMatch = op
      ? `${words} AND (s.status_category IS NULL OR s.status_category ${op}($2))`
      : words;
    const docParams = values ? [values] : [];
    const numberMatch = /^#?\d{1,15}$/.test(text) ? ' OR t.number = :qNumber' : '';
    const qNumber = Number(text.replace('#', ''));
    // Two steps. First the matching ids, straight from the GIN index; when they are few (the
    // usual case), the page query filters by them. Left to itself the planner sometimes bets
    // on walking the updated_at index and meeting matches early, which takes seconds for a
    // rare word (measured at 1M tickets). The ids never leave the server: visibility is still
    // applied by the page query.
    const hits = (await this.db.query(
      `SELECT s.ticket_id FROM ticket_search s WHERE ${docMatch} LIMIT ${SEARCH_ID_LIMIT + 1}`,
      [text, ...docParams],
    )) as { ticket_id: string }[];
    if (hits.length <= SEARCH_ID_LIMIT) {
      qb.andWhere(`(t.id = ANY(:searchIds)${numberMatch})`, {
        searchIds: hits.map((h) => h.ticket_id),
        qNumber,
      });
      return;
    }
    qb.andWhere(
      `(t.id IN (SELECT s.ticket_id FROM ticket_search s WHERE ${docMatch.replaceAll('$1', ':q').replace('$2', ':qCategories')})${numberMatch})`,
      { q: text, qNumber, qCategories: docParams[0] },
    );
  }

  async count(user: AuthUser, conditions: Record<string, string>, params: Record<string, unknown>) {
    const qb = this.visibleTickets(user).select([]);
    for (const [name, cond] of Object.entries(conditions)) {
      qb.addSelect(`count(*) FILTER (WHERE ${cond})::int`, name);
    }
    qb.setParameters(params);
    return (await qb.getRawOne<Record<string, number>>()) ?? {};
  }

  async isInDepartments(userId: string, departmentIds: string[]): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT 1 FROM users u WHERE u.id = $1 AND u.id IN ${departmentMembersSql('x').replace(':x', '$2')}`,
      [userId, departmentIds],
    )) as unknown[];
    return rows.length > 0;
  }

  /**
   * Fills in the names the DTOs read for rows selected without them (one statement). A client's
   * page never reads the staff-only names (group, SLA policy, assignee, project), and a list
   * page (`full` false) not those a list row leaves out (category, project, SLA policy).
   */
  private async attachNames(rows: Row[], isClient: boolean, full = true): Promise<void> {
    if (rows.length === 0) return;
    const ids = (pick: (r: Row) => (string | null)[]) => [
      ...new Set(rows.flatMap(pick).filter((id): id is string => id !== null)),
    ];
    const staffOnly = (pick: (r: Row) => (string | null)[]) => (isClient ? [] : ids(pick));
    const detail = (pick: (r: Row) => (string | null)[]) => (full ? ids(pick) : []);
    const params = [
      ids((r) => [r.t_type_id]),
      ids((r) => [r.t_organization_id]),
      ids((r) => [r.t_requester_id, ...(isClient ? [] : [r.t_assignee_id])]),
      staffOnly((r) => [r.t_group_id]),
      detail((r) => [r.t_category_id]),
      full ? staffOnly((r) => [r.t_project_id]) : [],
      full ? staffOnly((r) => [r.t_sla_policy_id]) : [],
      ids((r) => [r.t_workflow_id]),
    ];
    const found = new Map<string, NameRow>();
    for (const n of await preparedSql<NameRow>(this.db, PAGE_NAMES_SQL, params)) {
      // A workflow has many statuses: those are found by workflow and key.
      found.set(n.k === 'w' ? `w:${n.id}:${n.x}` : `${n.k}:${n.id}`, n);
    }
    const get = (k: NameRow['k'], id: string | null) => (id ? found.get(`${k}:${id}`) : undefined);
    for (const r of rows) {
      const type = get('t', r.t_type_id);
      r.type_key = type?.x ?? null;
      r.type_name = (type?.name ?? null) as TranslatedText;
      r.org_name = (get('o', r.t_organization_id)?.name as string | undefined) ?? null;
      r.requester_name = (get('u', r.t_requester_id)?.name as string | undefined) ?? null;
      r.assignee_name = (get('u', r.t_assignee_id)?.name as string | undefined) ?? null;
      r.group_name = (get('g', r.t_group_id)?.name as string | undefined) ?? null;
      const category = get('c', r.t_category_id);
      r.category_name = (category?.name as TranslatedText | undefined) ?? null;
      r.category_parent_id = category?.x ?? null;
      r.project_name = (get('p', r.t_project_id)?.name as string | undefined) ?? null;
      r.sla_policy_name = (get('s', r.t_sla_policy_id)?.name as string | undefined) ?? null;
      r.status_name =
        (found.get(`w:${r.t_workflow_id}:${r.t_status}`)?.name as TranslatedText | undefined) ??
        null;
    }
  }

  /** A list row (see summarySelectList); clients get no assignee, group, due date or SLA pause. */
  private toSummaryDto(r: Row, isClient: boolean): TicketSummaryDto {
    const dto: TicketSummaryDto = {
      id: r.t_id,
      number: Number(r.t_number),
      subject: r.t_subject,
      priority: r.t_priority,
      status: r.t_status,
      statusName: r.status_name ?? { en: r.t_status },
      statusCategory: r.t_status_category,
      type: r.t_type_id ? { id: r.t_type_id, key: r.type_key ?? '', name: r.type_name } : null,
      organization: r.t_organization_id
        ? { id: r.t_organization_id, name: r.org_name ?? '' }
        : null,
      requester: r.t_requester_id ? { id: r.t_requester_id, name: r.requester_name ?? '' } : null,
      createdAt: r.t_created_at.toISOString(),
      updatedAt: (isClient ? r.t_client_updated_at : r.t_updated_at).toISOString(),
      sla: { resolutionDueAt: iso(r.t_resolution_due_at) },
    };
    if (!isClient) {
      dto.assignee = r.t_assignee_id ? { id: r.t_assignee_id, name: r.assignee_name ?? '' } : null;
      dto.group = r.t_group_id ? { id: r.t_group_id, name: r.group_name ?? '' } : null;
      dto.dueAt = iso(r.t_due_at);
      dto.sla.pausedAt = iso(r.t_sla_paused_at);
    }
    return dto;
  }

  /**
   * A row as the API shows it to the caller. Clients get the client view (see
   * `CLIENT_HIDDEN_TICKET_FIELDS`): no assignee, group, support level, project, due date,
   * needs-reply flag, SLA policy or SLA breach/pause times, and `updatedAt` is the last change
   * they can see.
   */
  private toDto(r: Row, isClient: boolean): TicketFieldsDto | TicketDto {
    const dto: TicketFieldsDto &
      Partial<Pick<TicketDto, 'description' | 'customFields' | 'satisfaction'>> = {
      id: r.t_id,
      number: Number(r.t_number),
      subject: r.t_subject,
      priority: r.t_priority,
      status: r.t_status,
      statusName: r.status_name ?? { en: r.t_status },
      statusCategory: r.t_status_category,
      workflowId: r.t_workflow_id,
      typeId: r.t_type_id,
      type: r.t_type_id ? { id: r.t_type_id, key: r.type_key ?? '', name: r.type_name } : null,
      organizationId: r.t_organization_id,
      organization: r.t_organization_id
        ? { id: r.t_organization_id, name: r.org_name ?? '' }
        : null,
      requesterId: r.t_requester_id,
      requester: r.t_requester_id ? { id: r.t_requester_id, name: r.requester_name ?? '' } : null,
      assigneeId: r.t_assignee_id,
      assignee: r.t_assignee_id ? { id: r.t_assignee_id, name: r.assignee_name ?? '' } : null,
      groupId: r.t_group_id,
      group: r.t_group_id ? { id: r.t_group_id, name: r.group_name ?? '' } : null,
      supportLevel: r.t_support_level,
      categoryId: r.t_category_id,
      category: r.t_category_id
        ? {
            id: r.t_category_id,
            name: r.category_name ?? { en: '' },
            parentId: r.category_parent_id,
          }
        : null,
      projectId: r.t_project_id,
      project: r.t_project_id ? { id: r.t_project_id, name: r.project_name ?? '' } : null,
      statusChangedAt: r.t_status_changed_at.toISOString(),
      dueAt: iso(r.t_due_at),
      sla: {
        policy: r.t_sla_policy_id ? { id: r.t_sla_policy_id, name: r.sla_policy_name ?? '' } : null,
        firstResponseDueAt: iso(r.t_first_response_due_at),
        firstResponseBreachedAt: iso(r.t_first_response_breached_at),
        resolutionDueAt: iso(r.t_resolution_due_at),
        resolutionBreachedAt: iso(r.t_resolution_breached_at),
        pausedAt: iso(r.t_sla_paused_at),
      },
      postponedUntil: iso(r.t_postponed_until),
      needsReply: r.t_needs_reply,
      firstRespondedAt: iso(r.t_first_responded_at),
      resolvedAt: iso(r.t_resolved_at),
      closedAt: iso(r.t_closed_at),
      channel: r.t_channel,
      createdById: r.t_created_by_id,
      createdAt: r.t_created_at.toISOString(),
      updatedAt: (isClient ? r.t_client_updated_at : r.t_updated_at).toISOString(),
      version: r.t_version,
    };
    if (isClient) {
      for (const key of CLIENT_HIDDEN_TICKET_FIELDS) delete dto[key];
      dto.sla = {
        firstResponseDueAt: dto.sla.firstResponseDueAt,
        resolutionDueAt: dto.sla.resolutionDueAt,
      };
    }
    if (r.t_description !== undefined) dto.description = r.t_description;
    if (r.t_custom_fields !== undefined) dto.customFields = r.t_custom_fields;
    if (r.latest_rating !== undefined) {
      dto.satisfaction = r.latest_rating
        ? { ...r.latest_rating, createdAt: new Date(r.latest_rating.createdAt).toISOString() }
        : null;
    }
    return dto;
  }
}
