import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, item 7a: a stop that begins after a clock's due must not move that due, so each clock
 * keeps its own paused seconds. Existing tickets start from the total paused so far (their dues
 * were computed from it), which is what they show today.
 */
export class SlaClockPauses1765530000000 implements MigrationInterface {
  name = 'SlaClockPauses1765530000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "tickets" ADD "sla_first_response_paused_seconds" integer NOT NULL DEFAULT '0'`,
    );
    await q.query(
      `ALTER TABLE "tickets" ADD "sla_resolution_paused_seconds" integer NOT NULL DEFAULT '0'`,
    );
    await q.query(
      `UPDATE "tickets" SET "sla_first_response_paused_seconds" = "sla_paused_seconds",
              "sla_resolution_paused_seconds" = "sla_paused_seconds"
        WHERE "sla_paused_seconds" <> 0`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "tickets" DROP COLUMN "sla_resolution_paused_seconds"`);
    await q.query(`ALTER TABLE "tickets" DROP COLUMN "sla_first_response_paused_seconds"`);
  }
}
