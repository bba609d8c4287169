import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `tickets.client_updated_at`: when the ticket last changed in a way its client can see (public
 * comment or file, status, subject, description, priority, client-visible custom fields...).
 * Internal notes and files, assignment, group, support level and SLA recomputes move only
 * `updated_at`, so a client's "updated" date and their list order (sort=updatedAt) reveal
 * nothing of the desk's internal work. Backfilled from updated_at, the best value there is.
 *
 * A client's list is the requester's or the organization's tickets in this order, so those two
 * get the (column, client_updated_at, id) indexes the staff lists have for updated_at.
 */
export class ClientUpdatedAt1765000500000 implements MigrationInterface {
  name = 'ClientUpdatedAt1765000500000';

  public async up(q: QueryRunner): Promise<void> {
    // A constant default adds the column without rewriting the table; the UPDATE backfills.
    await q.query(
      `ALTER TABLE "tickets" ADD "client_updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await q.query(`UPDATE "tickets" SET "client_updated_at" = "updated_at"`);
    await q.query(
      `CREATE INDEX "tickets_requester_client_updated_idx" ON "tickets" ("requester_id", "client_updated_at", "id") `,
    );
    await q.query(
      `CREATE INDEX "tickets_organization_client_updated_idx" ON "tickets" ("organization_id", "client_updated_at", "id") `,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "tickets_organization_client_updated_idx"`);
    await q.query(`DROP INDEX "tickets_requester_client_updated_idx"`);
    await q.query(`ALTER TABLE "tickets" DROP COLUMN "client_updated_at"`);
  }
}
