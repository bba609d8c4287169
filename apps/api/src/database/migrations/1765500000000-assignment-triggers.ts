import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Automatic transitions on assignment (issue 16): a ticket that gets an assignee, is taken, or
 * is handed over by its project's manager may move by itself (HappyDesk: New → In Progress,
 * Pythagoras: New → Solving).
 */
export class AssignmentTriggers1765500000000 implements MigrationInterface {
  name = 'AssignmentTriggers1765500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "workflow_timers" DROP CONSTRAINT "workflow_timers_trigger_check"`);
    await q.query(
      `ALTER TABLE "workflow_timers" ADD CONSTRAINT "workflow_timers_trigger_check"
       CHECK ("trigger" IN ('postpone_expired', 'after_time', 'requester_replied', 'assigned', 'taken', 'handed_over'))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM "workflow_timers" WHERE "trigger" IN ('assigned', 'taken', 'handed_over')`,
    );
    await q.query(`ALTER TABLE "workflow_timers" DROP CONSTRAINT "workflow_timers_trigger_check"`);
    await q.query(
      `ALTER TABLE "workflow_timers" ADD CONSTRAINT "workflow_timers_trigger_check"
       CHECK ("trigger" IN ('postpone_expired', 'after_time', 'requester_replied'))`,
    );
  }
}
