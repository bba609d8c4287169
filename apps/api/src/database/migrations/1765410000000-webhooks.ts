import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks (issue 15): endpoints, their messages (the outbox) and the attempts (the delivery
 * log), and the webhook feed's marker on event_log, which is pruned once both the notification
 * fan-out and the feed are done with a row.
 */
export class Webhooks1765410000000 implements MigrationInterface {
  name = 'Webhooks1765410000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "event_log" ADD "webhooks_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "event_log" ADD "webhook_attempts" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "event_log" ADD "webhook_error" text`);
    // Events from before webhooks existed had no endpoint to go to.
    await q.query(`UPDATE "event_log" SET "webhooks_at" = "created_at"`);
    await q.query(
      `CREATE INDEX "event_log_webhooks_pending_idx" ON "event_log" ("id") WHERE "webhooks_at" IS NULL`,
    );
    await q.query(
      `CREATE TABLE "webhook_endpoints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "url" character varying(2048) NOT NULL, "description" character varying(500) NOT NULL DEFAULT '', "active" boolean NOT NULL DEFAULT true, "events" character varying(40) array NOT NULL DEFAULT '{}', "include_internal_comments" boolean NOT NULL DEFAULT false, "secret" text NOT NULL, "previous_secret" text, "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, "consecutive_failures" integer NOT NULL DEFAULT '0', "disabled_at" TIMESTAMP WITH TIME ZONE, "disabled_reason" text, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "endpoint_id" uuid NOT NULL, "event_id" bigint NOT NULL, "event_type" character varying(40) NOT NULL, "ticket_id" uuid, "body" text NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_status_code" integer, "last_error" text, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "webhook_deliveries_status_check" CHECK ("status" IN ('pending', 'delivered', 'failed')), CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "webhook_deliveries_event_endpoint_key" ON "webhook_deliveries" ("event_id", "endpoint_id")`,
    );
    await q.query(
      `CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" ("endpoint_id", "created_at", "id")`,
    );
    await q.query(
      `CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" ("next_attempt_at", "id") WHERE "status" = 'pending'`,
    );
    await q.query(
      `ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `CREATE TABLE "webhook_attempts" ("id" BIGSERIAL NOT NULL, "delivery_id" uuid NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status_code" integer, "duration_ms" integer NOT NULL, "response_excerpt" text, "error" text, "manual" boolean NOT NULL DEFAULT false, CONSTRAINT "webhook_attempts_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts" ("delivery_id", "id")`,
    );
    await q.query(
      `ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "webhook_attempts"`);
    await q.query(`DROP TABLE "webhook_deliveries"`);
    await q.query(`DROP TABLE "webhook_endpoints"`);
    await q.query(`DROP INDEX "event_log_webhooks_pending_idx"`);
    await q.query(`ALTER TABLE "event_log" DROP COLUMN "webhook_error"`);
    await q.query(`ALTER TABLE "event_log" DROP COLUMN "webhook_attempts"`);
    await q.query(`ALTER TABLE "event_log" DROP COLUMN "webhooks_at"`);
  }
}
