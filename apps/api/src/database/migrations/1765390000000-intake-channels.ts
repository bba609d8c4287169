import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tickets also come by e-mail, the public web form and monitoring alerts (issue 15). */
export class IntakeChannels1765390000000 implements MigrationInterface {
  name = 'IntakeChannels1765390000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "tickets" DROP CONSTRAINT "tickets_channel_check"`);
    await q.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "tickets_channel_check" CHECK ("channel" IN ('portal', 'agent', 'api', 'email', 'web_form', 'monitoring'))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "tickets" DROP CONSTRAINT "tickets_channel_check"`);
    await q.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "tickets_channel_check" CHECK ("channel" IN ('portal', 'agent', 'api'))`,
    );
  }
}
