import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification fan-out's failures per event: an event whose fan-out keeps failing (a bug in
 * a recipient rule, data it cannot read) is tried a few times, its last error kept on the row,
 * then set aside, so it never blocks the events behind it.
 */
export class FanOutAttempts1765320000000 implements MigrationInterface {
  name = 'FanOutAttempts1765320000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "event_log" ADD "fan_out_attempts" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "event_log" ADD "fan_out_error" text`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "event_log" DROP COLUMN "fan_out_error"`);
    await q.query(`ALTER TABLE "event_log" DROP COLUMN "fan_out_attempts"`);
  }
}
