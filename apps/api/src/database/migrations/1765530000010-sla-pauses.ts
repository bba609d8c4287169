import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, review F4: a recompute (priority, type, organization) decides again which stops of
 * the clocks count against the new dues, so a ticket keeps its ended stops. New tickets start
 * with none. A ticket that has already stood still for business time gets NULL, "stops
 * unknown": its recompute keeps the per-clock paused seconds it has, as before this migration.
 * They are not rebuilt from the status history: a workflow's pausing flags may have changed since
 * (the history does not say whether a status stopped the clocks then), and the rebuilt stops
 * could not be checked against the stored seconds here, so the dues could move with no edit to
 * explain it. A ticket with no paused seconds gets an empty list: replaying no stops gives the
 * zero it has.
 */
export class SlaPauses1765530000010 implements MigrationInterface {
  name = 'SlaPauses1765530000010';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "tickets" ADD "sla_pauses" jsonb DEFAULT '[]'`);
    await q.query(`UPDATE "tickets" SET "sla_pauses" = NULL WHERE "sla_paused_seconds" <> 0`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "tickets" DROP COLUMN "sla_pauses"`);
  }
}
