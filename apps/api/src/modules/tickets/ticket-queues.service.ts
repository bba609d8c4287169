import { Injectable } from '@nestjs/common';
import {
  Permission,
  roleHasPermission,
  type BySubjectState,
  type TicketSortField,
  type TicketView,
} from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ForbiddenError, InvalidInputError } from '../../common/errors/domain-errors.js';
import type { Page } from '../../common/pagination/cursor.js';
import { Clock } from '../../common/time/clock.js';
import type { ListTicketsQueryDto } from './dto/ticket-input.dto.js';
import type { TicketCountsDto, TicketSummaryDto } from './dto/ticket.dto.js';
import { departmentMembersSql } from './ticket-visibility.js';
import { TicketQueries, type StatusCategoryRule, type TicketListFilter } from './ticket-queries.js';

const ACTIVE: StatusCategoryRule = { in: ['new', 'open', 'pending'] };
/**
 * Open work. Informational tickets (PayDox's "Информационное") are not work: kept out of every
 * work queue and its count, shown by `all` and an explicit filter. The partial queue indexes
 * say NOT IN ('closed', 'canceled'); the planner proves this longer list implies it.
 */
const NOT_DONE: StatusCategoryRule = { notIn: ['closed', 'canceled', 'informational'] };
const DONE: StatusCategoryRule = { in: ['closed', 'canceled'] };

/** A rule as a condition on t, written as the partial indexes' predicates are (planner). */
function categorySql(rule: StatusCategoryRule): string {
  const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
  return 'in' in rule
    ? `t.status_category IN (${list(rule.in)})`
    : `t.status_category NOT IN (${list(rule.notIn)})`;
}

/**
 * The PayDox queues. Each view is a condition on top of the visibility rule; the same
 * conditions feed the list and the sidebar counts, so a count always matches its list.
 */
const VIEW_CONDITIONS = {
  unassigned: `t.assignee_id IS NULL AND ${categorySql(ACTIVE)}`,
  // PayDox "Нераспределенные": not yet given to a group of consultants, nor to anyone.
  undistributed: `t.assignee_id IS NULL AND t.group_id IS NULL AND ${categorySql(ACTIVE)}`,
  mine: `t.assignee_id = :me AND ${categorySql(NOT_DONE)}`,
  createdByMe: `t.created_by_id = :me`,
  open: categorySql(NOT_DONE),
  closed: categorySql(DONE),
  needsReply: `t.needs_reply AND ${categorySql(NOT_DONE)}`,
  // The manual due date, else the SLA resolution deadline (kept in effective_due_at).
  overdue: `t.effective_due_at < :now AND ${categorySql(ACTIVE)}`,
} as const;

/**
 * An agent's Unassigned: the tickets waiting in their own groups (none without a group). One
 * group, the common case, is an equality: a range of tickets_group_unassigned_idx in page order
 * (= ANY of a one-element array is planned as a scan of every unassigned ticket and a sort).
 */
const GROUP_UNASSIGNED = `${VIEW_CONDITIONS.unassigned} AND t.group_id = :myGroup`;
const GROUPS_UNASSIGNED = `${VIEW_CONDITIONS.unassigned} AND t.group_id = ANY(:myGroups)`;

/** "For user" / "For department": open by default (PayDox), closed or all by the switch. */
const SUBJECT_STATE: Record<BySubjectState, string | null> = {
  open: VIEW_CONDITIONS.open,
  closed: VIEW_CONDITIONS.closed,
  all: null,
};
const SUBJECT_CATEGORIES: Record<BySubjectState, StatusCategoryRule | undefined> = {
  open: NOT_DONE,
  closed: DONE,
  all: undefined,
};

/** The status-category rule inside each view's condition, handed to search to narrow by. */
const VIEW_CATEGORIES: Partial<Record<TicketView, StatusCategoryRule>> = {
  unassigned: ACTIVE,
  undistributed: ACTIVE,
  mine: NOT_DONE,
  open: NOT_DONE,
  closed: DONE,
  needs_reply: NOT_DONE,
  overdue: ACTIVE,
};

/**
 * Views and filters about the desk's own work (assignee, group, due dates, the needs-reply
 * flag). A client's ticket shows none of that, so a client may not filter by it either: a
 * filter that keeps or drops their ticket would tell them the value (400). A project is a
 * client's business only when they are its member (see list).
 */
const STAFF_VIEWS: readonly TicketView[] = [
  'unassigned',
  'undistributed',
  'mine',
  'needs_reply',
  'overdue',
  'by_user',
  'by_department',
];
const STAFF_FILTERS: readonly (keyof ListTicketsQueryDto)[] = [
  'assigneeId',
  'groupId',
  'solverId',
  'dueFrom',
  'dueTo',
];
/**
 * The counts a client gets (the others count the desk's queues). Informational tickets are
 * neither open nor closed, so they count on their own: the portal offers their filter ("For
 * information") only when there are some.
 */
const CLIENT_CONDITIONS = {
  createdByMe: VIEW_CONDITIONS.createdByMe,
  open: VIEW_CONDITIONS.open,
  closed: VIEW_CONDITIONS.closed,
  informational: categorySql({ in: ['informational'] }),
} as const;

@Injectable()
export class TicketQueuesService {
  constructor(
    private readonly queries: TicketQueries,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, query: ListTicketsQueryDto): Promise<Page<TicketSummaryDto>> {
    const view = query.view ?? 'all';
    if (user.role === 'client') this.assertClientQuery(view, query);
    if (query.state !== undefined && !BY_SUBJECT.includes(view)) {
      throw new InvalidInputError('state is a switch of view=by_user and view=by_department', [
        { field: 'state', message: 'only with view=by_user or view=by_department' },
      ]);
    }
    const conditions: TicketListFilter['conditions'] = [];
    const base = { me: user.id, now: this.clock.now() };
    let defaultSort: TicketListFilter['sort'] = { field: 'updatedAt', direction: 'desc' };

    switch (view) {
      case 'all':
        break;
      case 'recent':
        defaultSort = { field: 'createdAt', direction: 'desc' };
        break;
      case 'unassigned':
        conditions.push(this.unassignedCondition(user));
        break;
      case 'undistributed':
        if (!distributes(user)) {
          throw new ForbiddenError('Undistributed tickets are the queue of dispatchers and admins');
        }
        conditions.push({ sql: VIEW_CONDITIONS.undistributed });
        break;
      case 'mine':
        conditions.push({ sql: VIEW_CONDITIONS.mine, params: base });
        break;
      case 'created_by_me':
        conditions.push({ sql: VIEW_CONDITIONS.createdByMe, params: base });
        break;
      case 'open':
        conditions.push({ sql: VIEW_CONDITIONS.open });
        break;
      case 'closed':
        conditions.push({ sql: VIEW_CONDITIONS.closed });
        break;
      case 'needs_reply':
        conditions.push({ sql: VIEW_CONDITIONS.needsReply });
        break;
      case 'overdue':
        conditions.push({ sql: VIEW_CONDITIONS.overdue, params: base });
        break;
      case 'by_user':
        if (!query.userId) throw this.missing('userId', 'by_user');
        await this.assertMayViewByUser(user, query.userId);
        conditions.push({
          sql: '(t.requester_id = :byUser OR t.assignee_id = :byUser)',
          params: { byUser: query.userId },
        });
        this.pushSubjectState(conditions, query.state);
        break;
      case 'by_department':
        if (!query.departmentId) throw this.missing('departmentId', 'by_department');
        await this.assertMayViewDepartment(user, query.departmentId);
        conditions.push({
          sql: `(t.requester_id IN ${departmentMembersSql('byDept')} OR t.assignee_id IN ${departmentMembersSql('byDept')})`,
          params: { byDept: [query.departmentId] },
        });
        this.pushSubjectState(conditions, query.state);
        break;
    }

    const viewConditions = conditions.length;
    const filters: [keyof ListTicketsQueryDto, string][] = [
      ['typeId', 't.type_id = :typeId'],
      ['organizationId', 't.organization_id = :organizationId'],
      ['assigneeId', 't.assignee_id = :assigneeId'],
      ['groupId', 't.group_id = :groupId'],
      ['requesterId', 't.requester_id = :requesterId'],
      ['solverId', 't.assignee_id = :solverId'],
      ['projectId', 't.project_id = :projectId'],
      // Issue 18 links (partial indexes: the explicit IS NOT NULL lets the type's lookup use them).
      ['contractId', 't.contract_id = :contractId'],
      ['serviceObjectId', 't.service_object_id = :serviceObjectId'],
      ['equipmentId', 't.equipment_id = :equipmentId'],
      [
        'equipmentTypeId',
        't.equipment_id IS NOT NULL AND t.equipment_id IN (SELECT ei.id FROM equipment_items ei WHERE ei.type_id = :equipmentTypeId)',
      ],
      // A parent category stands for itself and its subcategories (two levels, so one step).
      [
        'categoryId',
        't.category_id IN (SELECT c.id FROM categories c WHERE c.id = :categoryId OR c.parent_id = :categoryId)',
      ],
      ['status', 't.status = ANY(:status)'],
      ['statusCategory', 't.status_category = ANY(:statusCategory)'],
      ['priority', 't.priority = ANY(:priority)'],
      ['channel', 't.channel = ANY(:channel)'],
      ['createdFrom', 't.created_at >= :createdFrom'],
      ['createdTo', 't.created_at < :createdTo'],
      ['dueFrom', 't.effective_due_at >= :dueFrom'],
      ['dueTo', 't.effective_due_at < :dueTo'],
    ];
    for (const [key, cond] of filters) {
      const value = query[key];
      if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
        conditions.push({ sql: cond, params: { [key]: value } });
      }
    }

    if (user.role === 'client' && query.projectId !== undefined) {
      // A client narrows by their own projects only: another project's id finds nothing, as an
      // unknown one does, so the list tells nothing about projects they are not in.
      conditions.push({
        sql: 't.project_id IN (SELECT pm.project_id FROM project_members pm WHERE pm.user_id = :me)',
        params: { me: user.id },
      });
    }

    let sort = defaultSort;
    if (query.sort) {
      const [field, direction] = query.sort.split(':') as [TicketSortField, 'asc' | 'desc'];
      sort = { field, direction };
    }
    return this.queries.list(user, {
      conditions,
      q: query.q,
      statusCategories: BY_SUBJECT.includes(view)
        ? SUBJECT_CATEGORIES[query.state ?? 'open']
        : VIEW_CATEGORIES[view],
      sort,
      limit: query.limit ?? 50,
      cursor: query.cursor,
      viewOnly: conditions.length === viewConditions,
    });
  }

  async counts(user: AuthUser): Promise<TicketCountsDto> {
    if (user.role === 'client') {
      const row = await this.queries.count(user, { ...CLIENT_CONDITIONS }, { me: user.id });
      return {
        createdByMe: row.createdByMe ?? 0,
        open: row.open ?? 0,
        closed: row.closed ?? 0,
        informational: row.informational ?? 0,
      };
    }
    // The same conditions as the lists: Unassigned per role, Undistributed for distributors only.
    const { undistributed, ...common } = VIEW_CONDITIONS;
    const unassigned = this.unassignedCondition(user);
    const conditions: Record<string, string> = {
      ...common,
      unassigned: unassigned.sql,
      ...(distributes(user) ? { undistributed } : {}),
    };
    const row = await this.queries.count(user, conditions, {
      ...unassigned.params,
      me: user.id,
      now: this.clock.now(),
    });
    return {
      unassigned: row.unassigned ?? 0,
      ...(distributes(user) ? { undistributed: row.undistributed ?? 0 } : {}),
      mine: row.mine ?? 0,
      createdByMe: row.createdByMe ?? 0,
      open: row.open ?? 0,
      closed: row.closed ?? 0,
      needsReply: row.needsReply ?? 0,
      overdue: row.overdue ?? 0,
    };
  }

  private assertClientQuery(view: TicketView, query: ListTicketsQueryDto): void {
    const errors = STAFF_FILTERS.filter((k) => query[k] !== undefined).map((field) => ({
      field,
      message: 'is a staff-only filter',
    }));
    if (STAFF_VIEWS.includes(view)) errors.unshift({ field: 'view', message: 'is a staff queue' });
    if (errors.length > 0) {
      throw new InvalidInputError('Clients list their tickets without staff-only filters', errors);
    }
  }

  private missing(field: string, view: string): InvalidInputError {
    return new InvalidInputError(`view=${view} needs ${field}`, [
      { field, message: 'is required for this view' },
    ]);
  }

  /**
   * Distributors see every unassigned ticket; anyone else the ones waiting in their groups, as a
   * PayDox consultant sees what was distributed to their group (Undistributed is the rest).
   */
  private unassignedCondition(user: AuthUser): { sql: string; params?: Record<string, unknown> } {
    if (distributes(user)) return { sql: VIEW_CONDITIONS.unassigned };
    const groups = user.groupIds;
    if (groups.length === 0) return { sql: 'FALSE' };
    return groups.length === 1
      ? { sql: GROUP_UNASSIGNED, params: { myGroup: groups[0] } }
      : { sql: GROUPS_UNASSIGNED, params: { myGroups: groups } };
  }

  private pushSubjectState(
    conditions: TicketListFilter['conditions'],
    state: BySubjectState = 'open',
  ): void {
    const sql = SUBJECT_STATE[state];
    if (sql) conditions.push({ sql });
  }

  /**
   * "For user": anyone for those who may list by user; a department head the people of the
   * departments they head and every department below. Everyone else (themselves included) 403.
   */
  private async assertMayViewByUser(user: AuthUser, userId: string): Promise<void> {
    if (listsByAnyone(user)) return;
    if (user.headOfDepartmentIds.length > 0) {
      const inDept = await this.queries.isInDepartments(userId, user.headOfDepartmentIds);
      if (inDept) return;
    }
    throw new ForbiddenError('You may list tickets by user only for people of your departments');
  }

  /** "For department": any for those who may; a head the departments they head and below. */
  private async assertMayViewDepartment(user: AuthUser, departmentId: string): Promise<void> {
    if (listsByAnyone(user)) return;
    if (user.headOfDepartmentIds.length > 0) {
      const below = await this.queries.isDepartmentBelow(departmentId, user.headOfDepartmentIds);
      if (below) return;
    }
    throw new ForbiddenError('You may list tickets by department only for departments you head');
  }
}

const BY_SUBJECT: readonly TicketView[] = ['by_user', 'by_department'];

/**
 * Admins, canViewAll staff and roles granted tickets.view-by-user (dispatchers) list "For user"
 * and "For department" for anyone; the lists still show only what THE visibility rule lets them.
 */
export function listsByAnyone(user: AuthUser): boolean {
  if (user.role === 'client') return false;
  return (
    user.role === 'admin' ||
    user.canViewAll ||
    roleHasPermission(user.role, Permission.TicketsViewByUser)
  );
}

/** Who hands out work (assigns): dispatchers and admins, the ones Undistributed is for. */
function distributes(user: AuthUser): boolean {
  return user.role !== 'client' && roleHasPermission(user.role, Permission.TicketsAssign);
}
