import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 6: deputies (CDESK) and the private calendar feed (PayDox).
 *
 * - `deputyships`: a deputy works the principal's tickets during [starts_at, ends_at). Requests
 *   compare the period with their own time, so nothing has to run for access to begin or end; the
 *   expiry sweep only records and announces the end, reading due rows through a partial index on
 *   ends_at WHERE expiry_processed_at IS NULL (its cost follows what is due, not the table).
 * - `deputyship_events`: the audit trail; at most one end record per deputyship.
 * - `ticket_events.on_behalf_of_id`: the assignee a deputy acted for.
 * - `calendar_feeds`: one hashed feed token per user; partial indexes let the feed read a user's
 *   assigned and requested tickets by due date.
 */
export class Deputies1764320000000 implements MigrationInterface {
  name = 'Deputies1764320000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "deputyships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "principal_id" uuid NOT NULL, "deputy_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "note" character varying(500), "created_by_id" uuid, "canceled_at" TIMESTAMP WITH TIME ZONE, "canceled_by_id" uuid, "expiry_processed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "deputyships_not_self_check" CHECK ("principal_id" <> "deputy_id"), CONSTRAINT "deputyships_period_check" CHECK ("ends_at" >= "starts_at"), CONSTRAINT "PK_7818d0c4c00ce442b16ba70d418" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "deputyships_deputy_ends_idx" ON "deputyships" ("deputy_id", "ends_at", "id") `,
    );
    await q.query(
      `CREATE INDEX "deputyships_principal_ends_idx" ON "deputyships" ("principal_id", "ends_at", "id") `,
    );
    await q.query(
      `CREATE INDEX "deputyships_expiry_due_idx" ON "deputyships" ("ends_at") WHERE "expiry_processed_at" IS NULL`,
    );
    await q.query(
      `CREATE TABLE "deputyship_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "deputyship_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "actor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "deputyship_events_kind_check" CHECK ("kind" IN ('created', 'ended', 'expired')), CONSTRAINT "PK_40878777ea7e1191e820565010d" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "deputyship_events_deputyship_idx" ON "deputyship_events" ("deputyship_id", "created_at") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "deputyship_events_end_once_key" ON "deputyship_events" ("deputyship_id") WHERE "kind" IN ('ended', 'expired')`,
    );
    await q.query(
      `CREATE TABLE "calendar_feeds" ("user_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3212ce9ff23847e66347a6730d3" PRIMARY KEY ("user_id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds" ("token_hash") `,
    );
    await q.query(`ALTER TABLE "ticket_events" ADD "on_behalf_of_id" uuid`);
    await q.query(
      `CREATE INDEX "tickets_assignee_due_idx" ON "tickets" ("assignee_id", "effective_due_at") WHERE "effective_due_at" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "tickets_requester_due_idx" ON "tickets" ("requester_id", "effective_due_at") WHERE "effective_due_at" IS NOT NULL`,
    );
    await q.query(
      `ALTER TABLE "ticket_events" ADD CONSTRAINT "FK_f17e92b1ed8cdc75609f1f35bd9" FOREIGN KEY ("on_behalf_of_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "deputyships" ADD CONSTRAINT "FK_27eaec1f44b2ea86a0fae97de65" FOREIGN KEY ("principal_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "deputyships" ADD CONSTRAINT "FK_333e5e43a0764d5db648766feeb" FOREIGN KEY ("deputy_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "deputyships" ADD CONSTRAINT "FK_3aeb7416f9ab8146fbfb7421090" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "deputyships" ADD CONSTRAINT "FK_9cd3be2a8771b7f0529f43ae88d" FOREIGN KEY ("canceled_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "deputyship_events" ADD CONSTRAINT "FK_abdca314eea7ae6ba025220d0eb" FOREIGN KEY ("deputyship_id") REFERENCES "deputyships"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "deputyship_events" ADD CONSTRAINT "FK_68624181d173b73a89b003a5e67" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "calendar_feeds" ADD CONSTRAINT "FK_3212ce9ff23847e66347a6730d3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_3212ce9ff23847e66347a6730d3"`);
    await q.query(`ALTER TABLE "ticket_events" DROP CONSTRAINT "FK_f17e92b1ed8cdc75609f1f35bd9"`);
    await q.query(`DROP INDEX "tickets_requester_due_idx"`);
    await q.query(`DROP INDEX "tickets_assignee_due_idx"`);
    await q.query(`ALTER TABLE "ticket_events" DROP COLUMN "on_behalf_of_id"`);
    await q.query(`DROP TABLE "calendar_feeds"`);
    await q.query(`DROP TABLE "deputyship_events"`);
    await q.query(`DROP TABLE "deputyships"`);
  }
}
