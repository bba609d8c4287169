import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SupportLevel, TicketEventKind, TicketPriority } from '@relaydesk/contracts';
import { sql } from '../../common/database/sql.js';
import type { AssignmentRuleConditions } from './entities/assignment-rule.entity.js';
import { GroupDistributionService } from './group-distribution.js';
import { conditionsMatch, type TicketFacts } from './rule-matcher.js';
import { firstGroupOfLevel, groupLevel } from './support-level-groups.js';
import { ReferenceCache } from '../../common/reference-data/reference-cache.js';
import { Clock } from '../../common/time/clock.js';

/**
 * A line for the ticket's history, as the tickets module writes it (its NewTicketEvent has this
 * shape): routing decides what to record, the tickets module records it with the change.
 */
export interface RoutingHistoryLine {
  kind: TicketEventKind;
  field?: string;
  oldValue?: unknown;
  newValue?: unknown;
  internal?: boolean;
}

/** How long this instance reuses the rules it read (same idea as WorkflowService). */

export interface CachedRule {
  id: string;
  name: string;
  applyOnUpdate: boolean;
  conditions: AssignmentRuleConditions;
  setGroupId: string | null;
  setAssigneeId: string | null;
  setPriority: TicketPriority | null;
  setSupportLevel: SupportLevel | null;
}

/** The facts of a ticket, with its category as one id (the engine adds the parent). */
export type RoutingFacts = Omit<TicketFacts, 'categoryIds'> & { categoryId: string | null };

/** What the first matching rule decided for a new ticket; absent fields are left alone. */
export interface CreatePlan {
  groupId?: string;
  assigneeId?: string;
  priority?: TicketPriority;
  supportLevel?: SupportLevel;
  /** The `rule_applied` line, written by the same INSERT as the ticket. */
  events: RoutingHistoryLine[];
}

/** The ticket an edit leaves, as far as routing is concerned. */
export interface RoutedTicket extends RoutingFacts {
  groupId: string | null;
  assigneeId: string | null;
  supportLevel: number | null;
}

/**
 * Applies assignment rules. Rules are tried in `position` order and the FIRST active rule whose
 * conditions all match is applied, no other: the order alone says which rule wins, so an admin
 * reads the list top-down like a switch (specific rules first, a catch-all last). Rules are few
 * and read on every ticket create, so each instance keeps them for REFERENCE_TTL_MS and evaluates
 * them in memory; writes through the rules API reset this instance's copy at once.
 */
@Injectable()
export class AssignmentRulesEngine {
  private readonly cache: ReferenceCache<'active', CachedRule[]>;

  constructor(
    private readonly db: DataSource,
    private readonly distribution: GroupDistributionService,
    clock: Clock,
  ) {
    this.cache = new ReferenceCache(clock);
  }

  invalidate(): void {
    this.cache.clear();
  }

  async activeRules(em: EntityManager = this.db.manager): Promise<CachedRule[]> {
    const cached = this.cache.get('active');
    if (cached) return cached;
    const rules = await sql<CachedRule>(
      em,
      `SELECT id, name, apply_on_update AS "applyOnUpdate", conditions,
              set_group_id AS "setGroupId", set_assignee_id AS "setAssigneeId",
              set_priority AS "setPriority", set_support_level AS "setSupportLevel"
         FROM assignment_rules WHERE active ORDER BY position, id`,
    );
    return this.cache.set('active', rules);
  }

  /** The first matching rule (only those with applyOnUpdate when re-routing after an edit). */
  async firstMatch(
    em: EntityManager,
    facts: RoutingFacts,
    onUpdate: boolean,
  ): Promise<CachedRule | null> {
    const rules = (await this.activeRules(em)).filter((r) => !onUpdate || r.applyOnUpdate);
    if (rules.length === 0) return null;
    const categoryIds = await this.categoryWithParent(em, facts.categoryId, rules);
    const full: TicketFacts = { ...facts, categoryIds };
    return rules.find((r) => conditionsMatch(r.conditions, full)) ?? null;
  }

  /**
   * For a new ticket. What the creator put in the request wins over a rule: a rule fills in the
   * group, agent and priority the request left open (a client's request never carries a group or
   * an agent). The caller writes the plan and its history line in its single INSERT.
   */
  async planCreate(
    em: EntityManager,
    facts: RoutingFacts,
    explicit: { groupId: boolean; assigneeId: boolean; priority: boolean },
  ): Promise<CreatePlan> {
    const rule = await this.firstMatch(em, facts, false);
    if (!rule) return { events: [] };
    const usable = await this.usableTargets(em, rule);
    const plan: CreatePlan = { events: [] };
    if (rule.setPriority && !explicit.priority) plan.priority = rule.setPriority;
    if (usable.assigneeId && !explicit.assigneeId) plan.assigneeId = usable.assigneeId;
    if (!explicit.groupId) {
      const groupId =
        usable.groupId ??
        (rule.setSupportLevel ? await firstGroupOfLevel(em, rule.setSupportLevel) : null);
      if (groupId) plan.groupId = groupId;
      if (rule.setSupportLevel) plan.supportLevel = rule.setSupportLevel;
    }
    const { events: _events, ...set } = plan;
    plan.events.push(ruleAppliedEvent(rule, set));
    return plan;
  }

  /**
   * After an edit of a routing fact (type, category, priority, organization or project): the
   * first matching rule flagged applyOnUpdate is applied to the ticket as the edit leaves it.
   * A priority the same edit sets wins over the rule's. Moving the ticket to another group
   * takes it off its agent (unless the rule names one) and lets the new group's distribution
   * pick the next one. Returns the columns to write and the history lines.
   */
  async planUpdate(
    em: EntityManager,
    ticket: RoutedTicket,
    explicitPriority: boolean,
    now: Date,
  ): Promise<{ columns: Record<string, unknown>; events: RoutingHistoryLine[] }> {
    const rule = await this.firstMatch(em, ticket, true);
    if (!rule) return { columns: {}, events: [] };
    const usable = await this.usableTargets(em, rule);
    const columns: Record<string, unknown> = {};
    const set: Record<string, unknown> = {};
    const events: RoutingHistoryLine[] = [];

    if (rule.setPriority && !explicitPriority && rule.setPriority !== ticket.priority) {
      columns.priority = set.priority = rule.setPriority;
    }
    const targetGroup =
      usable.groupId ??
      (rule.setSupportLevel && !rule.setGroupId
        ? await firstGroupOfLevel(em, rule.setSupportLevel)
        : null);
    const groupChanged = targetGroup !== null && targetGroup !== ticket.groupId;
    let assigneeId = ticket.assigneeId;
    if (groupChanged) {
      columns.group_id = set.groupId = targetGroup;
      assigneeId = null;
    }
    if (usable.assigneeId) assigneeId = usable.assigneeId;
    const level =
      rule.setSupportLevel ??
      (groupChanged ? await groupLevel(em, targetGroup) : ticket.supportLevel);
    if (level !== ticket.supportLevel) columns.support_level = set.supportLevel = level;

    const groupId = groupChanged ? targetGroup : ticket.groupId;
    let pick = null;
    if (assigneeId === null && groupId && (groupChanged || ticket.assigneeId !== null)) {
      pick = await this.distribution.pick(em, groupId, now);
      if (pick) assigneeId = pick.userId;
    }
    if (assigneeId !== ticket.assigneeId) {
      columns.assignee_id = assigneeId;
      if (!pick) set.assigneeId = assigneeId;
    }
    events.push(ruleAppliedEvent(rule, set));
    if (pick) {
      events.push(
        autoAssignedEvent(groupId!, pick.userId, pick.distribution, {
          assigneeId: null,
          groupId,
        }),
      );
    }
    return { columns, events };
  }

  /** The rule's group and agent, if they are still active (a rule outlives a reorganization). */
  private async usableTargets(
    em: EntityManager,
    rule: CachedRule,
  ): Promise<{ groupId: string | null; assigneeId: string | null }> {
    if (!rule.setGroupId && !rule.setAssigneeId) return { groupId: null, assigneeId: null };
    const [row] = await sql<{ group_ok: boolean | null; assignee_ok: boolean | null }>(
      em,
      `SELECT (SELECT g.active FROM groups g WHERE g.id = $1) AS group_ok,
              (SELECT u.active AND u.role <> 'client' FROM users u WHERE u.id = $2) AS assignee_ok`,
      [rule.setGroupId, rule.setAssigneeId],
    );
    return {
      groupId: row.group_ok ? rule.setGroupId : null,
      assigneeId: row.assignee_ok ? rule.setAssigneeId : null,
    };
  }

  private async categoryWithParent(
    em: EntityManager,
    categoryId: string | null,
    rules: CachedRule[],
  ): Promise<string[]> {
    if (!categoryId) return [];
    if (!rules.some((r) => r.conditions.categoryIds?.length)) return [categoryId];
    const [row] = await sql<{ parent_id: string | null }>(
      em,
      'SELECT parent_id FROM categories WHERE id = $1',
      [categoryId],
    );
    return row?.parent_id ? [categoryId, row.parent_id] : [categoryId];
  }
}

/** The history line naming the rule and what it changed (internal: routing is staff business). */
export function ruleAppliedEvent(
  rule: Pick<CachedRule, 'id' | 'name'>,
  set: Record<string, unknown>,
): RoutingHistoryLine {
  return {
    kind: 'rule_applied',
    field: 'assignmentRule',
    newValue: { ruleId: rule.id, ruleName: rule.name, ...set },
    internal: true,
  };
}

/** The history line of a pick by group distribution; the actor is the system. */
export function autoAssignedEvent(
  groupId: string,
  userId: string,
  distribution: string,
  before: { assigneeId: string | null; groupId: string | null },
): RoutingHistoryLine {
  return {
    kind: 'auto_assigned',
    field: 'assigneeId',
    oldValue: before,
    newValue: { assigneeId: userId, groupId, distribution },
  };
}
