import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The receiving server's Authentication-Results (SPF, DKIM, DMARC verdicts) kept on each inbound
 * message, so staff can judge whether a client's reply came from where its From says; an index
 * for counting refusal mails per normalized address and per hour.
 */
export class InboundAuthenticationResults1765430000001 implements MigrationInterface {
  name = 'InboundAuthenticationResults1765430000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "inbound_messages" ADD "authentication_results" text`);
    await q.query(
      `CREATE INDEX "deliveries_refused_created_idx" ON "deliveries" ("created_at") WHERE "kind" = 'mail_refused'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "deliveries_refused_created_idx"`);
    await q.query(`ALTER TABLE "inbound_messages" DROP COLUMN "authentication_results"`);
  }
}
