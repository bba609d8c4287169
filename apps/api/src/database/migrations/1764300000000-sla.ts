import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 6, SLA: business-hours calendars, SLA policies, each ticket's SLA clocks, and the
 * in-app notification store that reminders and escalations write to.
 *
 * - `tickets.sla_next_check_at` is the SLA sweep's only entry point (partial index): its cost
 *   follows the tickets that are due, not the table.
 * - `tickets.effective_due_at` = COALESCE(due_at, resolution_due_at), kept by a trigger so every
 *   writer (API, fixtures, seeds, imports) keeps it; the Overdue queue, due filters, counts and
 *   the calendar read it. tickets_overdue_idx moves onto it.
 */
export class Sla1764300000000 implements MigrationInterface {
  name = 'Sla1764300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "sla_calendars" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "time_zone" character varying(64) NOT NULL, "week" jsonb NOT NULL, "holidays" jsonb NOT NULL DEFAULT '[]', "exceptions" jsonb NOT NULL DEFAULT '[]', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_977ff103ae9eb48a49a5f007648" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "sla_calendars_name_id_idx" ON "sla_calendars" ("name", "id")`);
    await q.query(
      `CREATE TABLE "sla_policies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "position" integer NOT NULL DEFAULT '0', "active" boolean NOT NULL DEFAULT true, "calendar_id" uuid NOT NULL, "organization_ids" uuid array NOT NULL DEFAULT '{}', "priorities" character varying(10) array NOT NULL DEFAULT '{}', "type_ids" uuid array NOT NULL DEFAULT '{}', "first_response_seconds" integer, "resolution_seconds" integer, "priority_targets" jsonb NOT NULL DEFAULT '{}', "reminder_percent" smallint NOT NULL DEFAULT '75', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "sla_policies_reminder_percent_check" CHECK ("reminder_percent" BETWEEN 1 AND 99), CONSTRAINT "PK_41b6803cef982534243a67b6302" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "sla_policies_position_idx" ON "sla_policies" ("position", "id")`);
    await q.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "ticket_id" uuid, "data" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "notifications_ticket_idx" ON "notifications" ("ticket_id")`);
    await q.query(
      `CREATE INDEX "notifications_user_created_idx" ON "notifications" ("user_id", "created_at", "id")`,
    );
    await q.query(
      `CREATE INDEX "notifications_user_unread_idx" ON "notifications" ("user_id", "created_at", "id") WHERE "read_at" IS NULL`,
    );
    for (const column of [
      `"sla_policy_id" uuid`,
      `"first_response_due_at" TIMESTAMP WITH TIME ZONE`,
      `"first_response_remind_at" TIMESTAMP WITH TIME ZONE`,
      `"first_response_breached_at" TIMESTAMP WITH TIME ZONE`,
      `"resolution_due_at" TIMESTAMP WITH TIME ZONE`,
      `"resolution_remind_at" TIMESTAMP WITH TIME ZONE`,
      `"resolution_breached_at" TIMESTAMP WITH TIME ZONE`,
      `"sla_paused_at" TIMESTAMP WITH TIME ZONE`,
      `"sla_paused_seconds" integer NOT NULL DEFAULT '0'`,
      `"sla_reminders_sent" smallint NOT NULL DEFAULT '0'`,
      `"sla_next_check_at" TIMESTAMP WITH TIME ZONE`,
      `"effective_due_at" TIMESTAMP WITH TIME ZONE`,
    ]) {
      await q.query(`ALTER TABLE "tickets" ADD ${column}`);
    }
    await q.query(
      `CREATE FUNCTION tickets_effective_due_at() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.effective_due_at := COALESCE(NEW.due_at, NEW.resolution_due_at);
         RETURN NEW;
       END $$`,
    );
    await q.query(
      `CREATE TRIGGER tickets_effective_due_at
         BEFORE INSERT OR UPDATE OF due_at, resolution_due_at, effective_due_at ON tickets
         FOR EACH ROW EXECUTE FUNCTION tickets_effective_due_at()`,
    );
    await q.query(`UPDATE tickets SET effective_due_at = due_at WHERE due_at IS NOT NULL`);
    await q.query(
      `CREATE INDEX "tickets_effective_due_idx" ON "tickets" ("effective_due_at", "id")`,
    );
    await q.query(`DROP INDEX "tickets_overdue_idx"`);
    await q.query(
      `CREATE INDEX "tickets_overdue_idx" ON "tickets" ("effective_due_at", "id") WHERE "effective_due_at" IS NOT NULL AND "status_category" IN ('new', 'open', 'pending')`,
    );
    await q.query(
      `CREATE INDEX "tickets_sla_next_check_idx" ON "tickets" ("sla_next_check_at") WHERE "sla_next_check_at" IS NOT NULL`,
    );
    await q.query(
      `ALTER TABLE "sla_policies" ADD CONSTRAINT "FK_19ba046d6f085de85f97be9b2ce" FOREIGN KEY ("calendar_id") REFERENCES "sla_calendars"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_c360b09be17eb2e10280304f606" FOREIGN KEY ("sla_policy_id") REFERENCES "sla_policies"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_d506dd64e3806b61e88a26714e3" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_d506dd64e3806b61e88a26714e3"`);
    await q.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"`);
    await q.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_c360b09be17eb2e10280304f606"`);
    await q.query(`ALTER TABLE "sla_policies" DROP CONSTRAINT "FK_19ba046d6f085de85f97be9b2ce"`);
    await q.query(`DROP INDEX "tickets_sla_next_check_idx"`);
    await q.query(`DROP INDEX "tickets_overdue_idx"`);
    await q.query(
      `CREATE INDEX "tickets_overdue_idx" ON "tickets" ("due_at", "id") WHERE "due_at" IS NOT NULL AND "status_category" IN ('new', 'open', 'pending')`,
    );
    await q.query(`DROP INDEX "tickets_effective_due_idx"`);
    await q.query(`DROP TRIGGER tickets_effective_due_at ON tickets`);
    await q.query(`DROP FUNCTION tickets_effective_due_at()`);
    for (const column of [
      'effective_due_at',
      'sla_next_check_at',
      'sla_reminders_sent',
      'sla_paused_seconds',
      'sla_paused_at',
      'resolution_breached_at',
      'resolution_remind_at',
      'resolution_due_at',
      'first_response_breached_at',
      'first_response_remind_at',
      'first_response_due_at',
      'sla_policy_id',
    ]) {
      await q.query(`ALTER TABLE "tickets" DROP COLUMN "${column}"`);
    }
    await q.query(`DROP TABLE "notifications"`);
    await q.query(`DROP TABLE "sla_policies"`);
    await q.query(`DROP TABLE "sla_calendars"`);
  }
}
