import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16's queues, each a range scan of its own partial index like Unassigned
 * (tickets_unassigned_idx). Without them both views read every active unassigned ticket and
 * sorted them: 2 ms at 20,000 tickets (3,800 unassigned) against 0.09 ms for Unassigned, and
 * linear in that queue (300,000 unassigned at the bench's 1M tickets).
 * - Undistributed: no group and no assignee, active (a dispatcher's queue).
 * - An agent's Unassigned: the active unassigned tickets of their groups, by group.
 * The predicates are the views' conditions as ticket-queues.service.ts writes them.
 */
export class PaydoxQueueIndexes1765520000000 implements MigrationInterface {
  name = 'PaydoxQueueIndexes1765520000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "tickets_undistributed_idx" ON "tickets" ("updated_at", "id")
        WHERE "assignee_id" IS NULL AND "group_id" IS NULL
          AND "status_category" IN ('new', 'open', 'pending')`,
    );
    await q.query(
      `CREATE INDEX "tickets_group_unassigned_idx" ON "tickets" ("group_id", "updated_at", "id")
        WHERE "assignee_id" IS NULL AND "status_category" IN ('new', 'open', 'pending')`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "tickets_group_unassigned_idx"`);
    await q.query(`DROP INDEX "tickets_undistributed_idx"`);
  }
}
