import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { GroupDistribution } from '@relaydesk/contracts';
import { sql } from '../../common/database/sql.js';

/** Status categories of a ticket that still needs work: what "open tickets" counts. */
export const OPEN_CATEGORIES_SQL = `('new', 'open', 'pending')`;

/** A staff user who may receive work at `now`: active, a person (not a service account), not out of office. */
export function availableUserSql(u: string, now: string): string {
  return `(${u}.active AND ${u}.role <> 'client' AND NOT ${u}.service_account
     AND NOT ((${u}.out_of_office_from IS NOT NULL OR ${u}.out_of_office_until IS NOT NULL)
              AND (${u}.out_of_office_from IS NULL OR ${u}.out_of_office_from <= ${now})
              AND (${u}.out_of_office_until IS NULL OR ${u}.out_of_office_until > ${now})))`;
}

/**
 * One UPDATE that picks the member of group `group` who gets the next ticket and moves the
 * group's cursor to them, returning `user_id` and `distribution` (no row: the group distributes
 * manually, is inactive, or has nobody available).
 *
 * Round robin takes the first available member after the cursor in id order, wrapping around.
 * Least open takes the available member with the fewest open tickets (an index-only count on
 * tickets_assignee_open_idx per member), ties broken by the same rotation.
 *
 * Fair under concurrency without any lock of our own: the UPDATE takes the group row's lock,
 * and a concurrent picker waiting on it re-evaluates the SET against the row as the first one
 * left it (PostgreSQL's EvalPlanQual recheck), so it sees the moved cursor and picks the next
 * member. Two tickets created at once never go to the same person by accident of timing.
 */
export function distributionPickSql(group: string, now: string): string {
  const members = `FROM group_members m JOIN users u ON u.id = m.user_id
                  WHERE m.group_id = g.id AND ${availableUserSql('u', now)}`;
  return `UPDATE groups g
             SET rr_last_user_id = (
               SELECT m.user_id ${members}
                ORDER BY CASE WHEN g.distribution = 'least_open' THEN
                           (SELECT count(*) FROM tickets o
                             WHERE o.assignee_id = m.user_id AND o.status_category IN ${OPEN_CATEGORIES_SQL})
                         END,
                         m.user_id <= COALESCE(g.rr_last_user_id, '00000000-0000-0000-0000-000000000000'::uuid),
                         m.user_id
                LIMIT 1)
           WHERE g.id = ${group} AND g.active AND g.distribution <> 'manual'
             AND EXISTS (SELECT 1 ${members})
       RETURNING g.rr_last_user_id AS user_id, g.distribution`;
}

export interface DistributionPick {
  userId: string;
  distribution: GroupDistribution;
}

/** Picks within a transaction that is already writing the ticket (edits, escalation, assignment). */
@Injectable()
export class GroupDistributionService {
  async pick(em: EntityManager, groupId: string, now: Date): Promise<DistributionPick | null> {
    const [row] = await sql<{ user_id: string; distribution: GroupDistribution }>(
      em,
      distributionPickSql('$1::uuid', '$2::timestamptz'),
      [groupId, now],
    );
    return row ? { userId: row.user_id, distribution: row.distribution } : null;
  }
}
