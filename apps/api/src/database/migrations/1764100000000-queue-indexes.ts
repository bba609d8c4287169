import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Found by `npm run bench` at 1M tickets (docs/performance.md):
 * - the open queue's deep pages filtered thousands of closed rows per page; a partial index
 *   holding only not-closed tickets keeps every page an index range scan;
 * - full-text estimates for rare words were off by 20x, which led the planner to bad plans;
 *   larger statistics targets on the search documents fix the estimates.
 */
export class QueueIndexes1764100000000 implements MigrationInterface {
  name = 'QueueIndexes1764100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "tickets_not_done_updated_idx" ON "tickets" ("updated_at", "id")
        WHERE "status_category" NOT IN ('closed', 'canceled')`,
    );
    await q.query(`ALTER TABLE "ticket_search" ALTER COLUMN "public_doc" SET STATISTICS 1000`);
    await q.query(`ALTER TABLE "ticket_search" ALTER COLUMN "internal_doc" SET STATISTICS 1000`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "tickets_not_done_updated_idx"`);
    await q.query(`ALTER TABLE "ticket_search" ALTER COLUMN "public_doc" SET STATISTICS -1`);
    await q.query(`ALTER TABLE "ticket_search" ALTER COLUMN "internal_doc" SET STATISTICS -1`);
  }
}
