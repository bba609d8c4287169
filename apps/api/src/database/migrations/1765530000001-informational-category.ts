import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, item 8: the status category `informational` (PayDox's "Информационное": not open
 * work, never overdue, SLA clocks stopped). Only the workflow statuses' check names categories;
 * the queue indexes' `NOT IN ('closed', 'canceled')` still serves the queues, which exclude
 * `informational` as well (the planner proves the longer NOT IN implies the index's).
 */
export class InformationalCategory1765530000001 implements MigrationInterface {
  name = 'InformationalCategory1765530000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "workflow_statuses" DROP CONSTRAINT "workflow_statuses_category_check"`,
    );
    await q.query(
      `ALTER TABLE "workflow_statuses" ADD CONSTRAINT "workflow_statuses_category_check" CHECK ("category" IN ('new', 'open', 'pending', 'resolved', 'closed', 'canceled', 'informational'))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "workflow_statuses" DROP CONSTRAINT "workflow_statuses_category_check"`,
    );
    await q.query(
      `ALTER TABLE "workflow_statuses" ADD CONSTRAINT "workflow_statuses_category_check" CHECK ("category" IN ('new', 'open', 'pending', 'resolved', 'closed', 'canceled'))`,
    );
  }
}
