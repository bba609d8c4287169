import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { TicketSortField, TranslatedText } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor.js';
import { compileNamed, valuesFor, type CompiledSql } from '../../common/database/named-sql.js';
import { preparedSql, sql } from '../../common/database/sql.js';
import { Ticket } from './entities/ticket.entity.js';
import { departmentSubtreeSql } from '../directory/index.js';
import { departmentMembersSql, ticketVisibility } from './ticket-visibility.js';
import type { TicketDto, TicketSummaryDto } from './dto/ticket.dto.js';
import { toDto, toSummaryDto } from './ticket-dto-mapping.js';
import { TicketNamesCache } from './ticket-names-cache.js';
import {
  CLIENT_SORT_COLUMNS,
  PAGE_NAMES_SQL,
  selectList,
  SORT_COLUMNS,
  summarySelectList,
  type NameRow,
  type TicketRow,
} from './ticket-query.sql.js';

/** Page statement shapes kept (a bound on memory: a few per visibility rule and view). */
const MAX_PAGE_STATEMENTS = 500;

/** Above this many full-text hits in a view, search stays one query (see applySearch). */
const SEARCH_ID_LIMIT = 10_000;

/** The categories of a done ticket: what `ticket_search.done` is derived from. */
const DONE_CATEGORIES: readonly string[] = ['closed', 'canceled'];

/**
 * Whether `text` can be an equipment item's serial or inventory number: one token (a phrase is
 * never one) with a digit in it. Words people search for ("VPN", "принтер") have none, so their
 * search asks nothing about equipment; "SN-7781", "INV-002", "4711" are looked up.
 */
function isSerialLike(text: string): boolean {
  return text.length <= 100 && !/\s/.test(text) && /\d/.test(text);
}

/**
 * The full-text condition on `ticket_search s` for `$1`, written per half of the split GIN
 * indexes (migration 1765380000000): each arm repeats its index's predicate so the planner
 * can use it, and a view that keeps only not-done (or only done) tickets reads only that half.
 */
function searchWords(clientOnly: boolean, rule?: StatusCategoryRule): string {
  const notDone = '(s.done IS NOT TRUE AND s.%doc @@ rd_search_query($1))';
  const done = '(s.done IS NOT FALSE AND s.%doc @@ rd_search_query($1))';
  let halves = [notDone, done];
  if (rule && 'in' in rule) {
    const keepsDone = rule.in.some((c) => DONE_CATEGORIES.includes(c));
    const keepsOpen = rule.in.some((c) => !DONE_CATEGORIES.includes(c));
    if (keepsDone !== keepsOpen) halves = [keepsDone ? done : notDone];
  } else if (rule && DONE_CATEGORIES.every((c) => rule.notIn.includes(c))) {
    halves = [notDone];
  }
  const docs = clientOnly ? ['public_doc'] : ['public_doc', 'internal_doc'];
  return halves.flatMap((h) => docs.map((d) => h.replace('%doc', d))).join(' OR ');
}

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
  /**
   * Only the view's own condition (no filters, no search): the statement is then named and
   * prepared (see `list`). A filter's plan depends on its value, so filtered pages stay unnamed.
   */
  viewOnly?: boolean;
}

export type StatusCategoryRule = { in: readonly string[] } | { notIn: readonly string[] };

/**
 * The read side of tickets: one ticket, a page (view, filters, search, sort, cursor) and counts.
 * Every query starts from `visibleTickets`, which applies THE visibility rule. Other services
 * read tickets here; writes go through TicketWriter.
 */
@Injectable()
export class TicketQueries {
  /** The names behind list pages, per instance (see TicketNamesCache). */
  private readonly names = new TicketNamesCache();
  /** Page statements by shape (see `list`). */
  private readonly pageStatements = new Map<string, CompiledSql>();

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

  /** One ticket as the caller may see it; an invisible one is a 404 like a missing one. */
  async get(user: AuthUser, id: string): Promise<TicketDto> {
    const dto = await this.findOneDto(user, { id });
    if (!dto) throw new NotFoundError('Ticket');
    return dto;
  }

  async getByNumber(user: AuthUser, number: number): Promise<TicketDto> {
    const dto = await this.findOneDto(user, { number });
    if (!dto) throw new NotFoundError('Ticket');
    return dto;
  }

  /** `em`: read inside a transaction that has not committed yet (a create's follow-up write). */
  async findOneDto(
    user: AuthUser,
    where: { id?: string; number?: number },
    em?: EntityManager,
  ): Promise<TicketDto | null> {
    const isClient = user.role === 'client';
    const qb = this.withRefs(this.visibleTickets(user, em), true, isClient);
    if (where.id !== undefined) qb.andWhere('t.id = :id', { id: where.id });
    if (where.number !== undefined) qb.andWhere('t.number = :number', { number: where.number });
    const row = await qb.getRawOne<TicketRow>();
    return row ? (toDto(row, isClient) as TicketDto) : null;
  }

  /** Keyset page in the requested order; never OFFSET. */
  async list(user: AuthUser, filter: TicketListFilter): Promise<Page<TicketSummaryDto>> {
    const isClient = user.role === 'client';
    const column = (isClient ? CLIENT_SORT_COLUMNS : SORT_COLUMNS)[filter.sort.field];
    const desc = filter.sort.direction === 'desc';
    const isNumber = filter.sort.field === 'number';
    const cursor = decodeCursor(filter.cursor, isNumber ? 'integer' : 'timestamp');
    const cursorParams = cursor ? { cursorValue: cursor.v, cursorId: cursor.id } : {};

    let rows: TicketRow[];
    if (filter.q) {
      const qb = this.pageQuery(user, isClient, filter, column, desc, isNumber, !!cursor);
      qb.setParameters(cursorParams);
      await this.applySearch(qb, user, filter.q, filter.statusCategories);
      rows = await qb.getRawMany<TicketRow>();
    } else {
      // A page without search has one statement per shape (caller kind, visibility rule, view
      // and filters, sort, cursor or not): built by the query builder once and kept, since
      // building it again was 4.5% of the API's time on the queue page. The values are the
      // request's own.
      const vis = ticketVisibility(user, 't');
      const params: Record<string, unknown> = { ...vis.params };
      for (const c of filter.conditions) Object.assign(params, c.params);
      Object.assign(params, cursorParams);
      const key = [
        isClient,
        vis.sql,
        ...filter.conditions.map((c) => c.sql),
        column,
        desc,
        !!cursor,
        filter.limit,
      ].join('\u0000');
      let compiled = this.pageStatements.get(key);
      if (!compiled) {
        const qb = this.pageQuery(user, isClient, filter, column, desc, isNumber, !!cursor);
        compiled = compileNamed(qb.getQuery(), params);
        if (this.pageStatements.size >= MAX_PAGE_STATEMENTS) this.pageStatements.clear();
        this.pageStatements.set(key, compiled);
      }
      // The plain queue page is the hottest read. Planning it took 0.35–0.5 ms against 0.15 ms
      // of execution at 1M tickets (27 indexes on tickets to consider); prepared, each pooled
      // connection plans it a few times and then keeps the generic plan, the same index walk.
      // A filter's plan depends on its value, so filtered pages stay unnamed.
      rows = filter.viewOnly
        ? await preparedSql<TicketRow>(this.db, compiled.text, valuesFor(compiled, params))
        : await sql<TicketRow>(this.db, compiled.text, valuesFor(compiled, params));
    }
    await this.attachNames(rows, isClient, false);
    return toPage(
      rows,
      filter.limit,
      (r) => toSummaryDto(r, isClient),
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

  /** The page statement of `list` as a query builder (named parameters, the cursor's unset). */
  private pageQuery(
    user: AuthUser,
    isClient: boolean,
    filter: TicketListFilter,
    column: string,
    desc: boolean,
    isNumber: boolean,
    withCursor: boolean,
  ): SelectQueryBuilder<Ticket> {
    const qb = this.visibleTickets(user);
    const [first, ...rest] = summarySelectList(isClient);
    qb.select(first[0], first[1]);
    for (const [expr, alias] of rest) qb.addSelect(expr, alias);
    for (const c of filter.conditions) qb.andWhere(c.sql, c.params ?? {});
    if (withCursor) {
      const cast = isNumber ? 'CAST(:cursorValue AS bigint)' : 'CAST(:cursorValue AS timestamptz)';
      qb.andWhere(`(${column}, t.id) ${desc ? '<' : '>'} (${cast}, CAST(:cursorId AS uuid))`);
    }
    return qb
      .orderBy(column, desc ? 'DESC' : 'ASC')
      .addOrderBy('t.id', desc ? 'DESC' : 'ASC')
      .limit(filter.limit + 1);
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
    const words = searchWords(user.role === 'client', categories);
    // A document without a category (written while the migration that added it ran) may match.
    const [op, values] = !categories
      ? []
      : 'in' in categories
        ? ['= ANY', categories.in]
        : ['<> ALL', categories.notIn];
    const docMatch = op
      ? `(${words}) AND (s.status_category IS NULL OR s.status_category ${op}($2))`
      : words;
    const docParams = values ? [values] : [];
    const numberMatch = /^#?\d{1,15}$/.test(text) ? ' OR t.number = :qNumber' : '';
    const qNumber = Number(text.replace('#', ''));
    // Two steps. First the matching ids of the view's half of the index. Up to the limit, the
    // page query gets them as one array: the planner then sees exactly which rows can match and
    // reads them by primary key when few, or walks the queue's index checking each entry
    // against the array when many (measured at 1M tickets: 2 ms for 5,000 ids). Left to
    // itself it sometimes bets on walking the updated_at index and meeting matches early, which
    // takes seconds for a rare word. The ids travel as one text value (no row per id) and never
    // leave the server: visibility is still applied by the page query.
    const [found] = (await this.db.query(
      `SELECT count(*)::int AS n, array_agg(m.ticket_id)::text AS ids
         FROM (SELECT s.ticket_id FROM ticket_search s WHERE ${docMatch}
               LIMIT ${SEARCH_ID_LIMIT + 1}) m`,
      [text, ...docParams],
    )) as { n: number; ids: string | null }[];
    const byEquipment = isSerialLike(text) ? await this.ticketsOnEquipmentNumbered(text) : '';
    if (found.n <= SEARCH_ID_LIMIT) {
      const ids = found.ids ? found.ids.slice(1, -1) : '';
      qb.andWhere(`(t.id = ANY(CAST(:searchIds AS uuid[]))${numberMatch})`, {
        searchIds: `{${[ids, byEquipment].filter(Boolean).join(',')}}`,
        qNumber,
      });
      return;
    }
    // More matches in the view than that: they are dense, so walking the queue in page order
    // meets a page of them early. The category test is left to the page query's own view
    // condition: repeated here, the planner would count its selectivity twice and expect too
    // few matches to walk for.
    const equipmentMatch = byEquipment ? ' OR t.id = ANY(CAST(:equipmentTicketIds AS uuid[]))' : '';
    qb.andWhere(
      `(t.id IN (SELECT s.ticket_id FROM ticket_search s WHERE ${words.replaceAll('$1', ':q')})${numberMatch}${equipmentMatch})`,
      { q: text, qNumber, equipmentTicketIds: `{${byEquipment}}` },
    );
  }

  /**
   * The tickets on the equipment item whose serial or inventory number is `text` (any case),
   * as the comma-separated ids the search adds to its matches (issue 18); visibility is the
   * page query's. A statement of its own, asked only for a token that can be such a number:
   * as a subquery of the full-text statement it made every word search plan and run it
   * (docs/performance.md). Equality on the items' lower(...) indexes, then the tickets'
   * partial equipment index.
   */
  private async ticketsOnEquipmentNumbered(text: string): Promise<string> {
    const [row] = (await this.db.query(
      `SELECT array_agg(et.id)::text AS ids FROM (SELECT t.id FROM tickets t
          WHERE t.equipment_id IS NOT NULL AND t.equipment_id IN (
            SELECT ei.id FROM equipment_items ei
             WHERE lower(ei.serial_number) = lower($1) OR lower(ei.inventory_number) = lower($1))
          LIMIT ${SEARCH_ID_LIMIT}) et`,
      [text],
    )) as { ids: string | null }[];
    return row.ids ? row.ids.slice(1, -1) : '';
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

  /** Whether `departmentId` is one of `roots` or below one of them. */
  async isDepartmentBelow(departmentId: string, roots: string[]): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT 1 WHERE $1::uuid IN ${departmentSubtreeSql('d.id = ANY($2::uuid[])')}`,
      [departmentId, roots],
    )) as unknown[];
    return rows.length > 0;
  }

  /**
   * Fills in the names the DTOs read for rows selected without them (one statement). A client's
   * page never reads the staff-only names (group, SLA policy, assignee, project), and a list
   * page (`full` false) not those a list row leaves out (category, project, SLA policy).
   */
  private async attachNames(rows: TicketRow[], isClient: boolean, full = true): Promise<void> {
    if (rows.length === 0) return;
    const cache = this.names;
    cache.sync(rows[0].names_v);
    // The ids this instance does not hold yet, per kind: usually none, and then no statement.
    const missing = (kind: NameRow['k'], ...columns: (keyof TicketRow)[]): string[] => {
      const ids = new Set<string>();
      for (const r of rows) {
        for (const c of columns) {
          const id = r[c] as string | null;
          if (id !== null && !cache.has(kind, id)) ids.add(id);
        }
      }
      return [...ids];
    };
    const params = [
      missing('t', 't_type_id'),
      missing('o', 't_organization_id'),
      isClient ? missing('u', 't_requester_id') : missing('u', 't_requester_id', 't_assignee_id'),
      // A client's page never reads the staff-only names (group, project, SLA policy), and a list
      // page (`full` false) not those a list row leaves out (category, project, SLA policy).
      isClient ? [] : missing('g', 't_group_id'),
      full ? missing('c', 't_category_id') : [],
      full && !isClient ? missing('p', 't_project_id') : [],
      full && !isClient ? missing('s', 't_sla_policy_id') : [],
    ];
    const workflows = new Set<string>();
    for (const r of rows) if (!cache.statusesOf(r.t_workflow_id)) workflows.add(r.t_workflow_id);
    const found = new Map<string, NameRow>();
    if (workflows.size > 0 || params.some((p) => p.length > 0)) {
      const fresh = await preparedSql<NameRow>(this.db, PAGE_NAMES_SQL, [
        ...params,
        [...workflows],
      ]);
      for (const n of fresh) found.set(n.k === 'w' ? `w:${n.id}:${n.x}` : `${n.k}:${n.id}`, n);
      cache.add(fresh, [...workflows], rows[0].names_v);
    }
    const get = (k: NameRow['k'], id: string | null) =>
      id === null ? undefined : (cache.get(k, id) ?? found.get(`${k}:${id}`));
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
      const status =
        cache.statusesOf(r.t_workflow_id)?.get(r.t_status) ??
        found.get(`w:${r.t_workflow_id}:${r.t_status}`);
      r.status_name = (status?.name as TranslatedText | undefined) ?? null;
    }
  }
}
