import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: `GET /tickets?channel=…` filters by channel. Like every list filter it has its
 * (column, updated_at, id) index, so a page of a rare channel (api, monitoring) among a million
 * tickets is a range walk, not a scan of the whole updated_at order.
 */
export class TicketChannelIndex1765400000001 implements MigrationInterface {
  name = 'TicketChannelIndex1765400000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "tickets_channel_updated_idx" ON "tickets" ("channel", "updated_at", "id") `,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."tickets_channel_updated_idx"`);
  }
}
