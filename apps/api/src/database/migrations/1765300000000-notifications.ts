import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications over every channel (issue 14): the event outbox (`event_log`), outgoing e-mail
 * and SMS (`deliveries`), preferences with the installation's defaults, ticket watchers, project
 * notification lists and the users' SMS opt-in.
 */
export class Notifications1765300000000 implements MigrationInterface {
  name = 'Notifications1765300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "event_log" ("id" BIGSERIAL NOT NULL, "name" character varying(60) NOT NULL, "ticket_id" uuid, "actor_id" uuid, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "fanned_out_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d8ccd9b5b44828ea378dd37e691" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "event_log_created_idx" ON "event_log"("created_at")`);
    await q.query(
      `CREATE TABLE "deliveries" ("id" BIGSERIAL NOT NULL, "event_id" bigint, "channel" character varying(8) NOT NULL, "kind" character varying(40) NOT NULL, "user_id" uuid, "address" character varying(320) NOT NULL, "locale" character varying(2) NOT NULL, "ticket_id" uuid, "data" jsonb NOT NULL DEFAULT '{}', "automatic" boolean NOT NULL DEFAULT true, "status" character varying(12) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, "message_id" character varying(250), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "deliveries_status_check" CHECK ("status" IN ('pending', 'sent', 'failed', 'suppressed')), CONSTRAINT "deliveries_channel_check" CHECK ("channel" IN ('email', 'sms')), CONSTRAINT "PK_a6ef225c5c5f0974e503bfb731f" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "deliveries_message_id_key" ON "deliveries"("message_id")`);
    await q.query(
      `CREATE INDEX "deliveries_status_created_idx" ON "deliveries"("status", "created_at")`,
    );
    await q.query(
      `CREATE INDEX "deliveries_address_created_idx" ON "deliveries"("address", "created_at")`,
    );
    await q.query(
      `CREATE INDEX "deliveries_ticket_idx" ON "deliveries"("ticket_id", "created_at")`,
    );
    await q.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "channel" character varying(8) NOT NULL, "enabled" boolean NOT NULL, CONSTRAINT "notification_preferences_channel_check" CHECK ("channel" IN ('in_app', 'email', 'sms')), CONSTRAINT "PK_33fb7d1b3c05464bbb180925aa7" PRIMARY KEY ("user_id", "kind", "channel"))`,
    );
    await q.query(
      `CREATE TABLE "notification_defaults" ("kind" character varying(40) NOT NULL, "channel" character varying(8) NOT NULL, "enabled" boolean NOT NULL, CONSTRAINT "notification_defaults_channel_check" CHECK ("channel" IN ('in_app', 'email', 'sms')), CONSTRAINT "PK_dc132164f15330d20751b87bbb0" PRIMARY KEY ("kind", "channel"))`,
    );
    await q.query(
      `CREATE TABLE "ticket_watchers" ("ticket_id" uuid NOT NULL, "user_id" uuid NOT NULL, "added_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_28b516442127e517174770b1dae" PRIMARY KEY ("ticket_id", "user_id"))`,
    );
    await q.query(`CREATE INDEX "ticket_watchers_user_id_idx" ON "ticket_watchers"("user_id")`);
    await q.query(
      `CREATE TABLE "project_watchers" ("project_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_bd0a4712a18b48e2954c5742f74" PRIMARY KEY ("project_id", "user_id"))`,
    );
    await q.query(`CREATE INDEX "project_watchers_user_id_idx" ON "project_watchers"("user_id")`);
    await q.query(`ALTER TABLE "users" ADD "sms_opt_in" boolean NOT NULL DEFAULT false`);
    await q.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "FK_c1fda5fb48f4641461d9b0756fa" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "FK_5a3d18bc49361b9cd7a3678c85a" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "notification_preferences" ADD CONSTRAINT "FK_64c90edc7310c6be7c10c96f675" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ticket_watchers" ADD CONSTRAINT "FK_a3452cce581cc5203a8d67b6729" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ticket_watchers" ADD CONSTRAINT "FK_62dfd9366e31d265c0d41ec0197" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ticket_watchers" ADD CONSTRAINT "FK_56a3f6f0f5f78463a0779ed31f8" FOREIGN KEY ("added_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "project_watchers" ADD CONSTRAINT "FK_9b7f216f179fe3948b701b6d54f" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "project_watchers" ADD CONSTRAINT "FK_7985e215a0555a153186493337c" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The fan-out's and the delivery workers' only entry points.
    await q.query(
      `CREATE INDEX "event_log_pending_idx" ON "event_log" ("id") WHERE "fanned_out_at" IS NULL`,
    );
    await q.query(
      `CREATE INDEX "deliveries_due_idx" ON "deliveries" ("next_attempt_at", "id") WHERE "status" = 'pending'`,
    );
    // Defaults: everything in the bell and by e-mail; SMS only for what cannot wait (a new,
    // assigned or escalated urgent ticket, an SLA breach escalated to the supervisor).
    await q.query(
      `INSERT INTO "notification_defaults" ("kind", "channel", "enabled")
       SELECT k, c, c <> 'sms' OR k IN ('ticket_new', 'ticket_assigned', 'ticket_escalated', 'sla_escalated')
         FROM unnest($1::text[]) AS k CROSS JOIN unnest(ARRAY['in_app', 'email', 'sms']) AS c`,
      [KINDS],
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" DROP COLUMN "sms_opt_in"`);
    for (const table of [
      'project_watchers',
      'ticket_watchers',
      'notification_defaults',
      'notification_preferences',
      'deliveries',
      'event_log',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}

/** The notification kinds as of this migration (a later kind adds its own defaults). */
const KINDS = [
  'ticket_acknowledged',
  'ticket_new',
  'ticket_assigned',
  'ticket_unassigned',
  'ticket_escalated',
  'comment_public',
  'comment_internal',
  'status_changed',
  'ticket_reopened',
  'sla_reminder',
  'sla_breached',
  'sla_escalated',
  'deputyship_started',
  'deputyship_ended',
];
