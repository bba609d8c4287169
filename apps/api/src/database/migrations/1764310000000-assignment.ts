import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 6, assignment: ordered assignment rules; per-group distribution (round robin with an
 * atomic cursor, least open) and support levels; out-of-office periods on users; the support
 * level a ticket is at.
 *
 * Two partial indexes carry the new hot paths: counting a member's open tickets (least open)
 * is an index-only count, and the support-level report reads only the history lines that move
 * a ticket between levels.
 */
export class Assignment1764310000000 implements MigrationInterface {
  name = 'Assignment1764310000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "assignment_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "active" boolean NOT NULL DEFAULT true, "position" integer NOT NULL, "apply_on_update" boolean NOT NULL DEFAULT false, "conditions" jsonb NOT NULL DEFAULT '{}', "set_group_id" uuid, "set_assignee_id" uuid, "set_priority" character varying(10), "set_support_level" smallint, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "assignment_rules_action_check" CHECK (num_nonnulls("set_group_id", "set_assignee_id", "set_priority", "set_support_level") > 0), CONSTRAINT "assignment_rules_support_level_check" CHECK ("set_support_level" BETWEEN 1 AND 3), CONSTRAINT "assignment_rules_priority_check" CHECK ("set_priority" IN ('low', 'normal', 'high', 'urgent')), CONSTRAINT "PK_b2a701c65267def8d951bd91c2d" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "assignment_rules_position_idx" ON "assignment_rules" ("position", "id") `,
    );
    await q.query(
      `ALTER TABLE "assignment_rules" ADD CONSTRAINT "FK_f81f514fd31ec9fd8cc07b7352b" FOREIGN KEY ("set_group_id") REFERENCES "groups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "assignment_rules" ADD CONSTRAINT "FK_de9b707c7db4efbf63422ba4fd2" FOREIGN KEY ("set_assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await q.query(`ALTER TABLE "users" ADD "out_of_office_from" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "users" ADD "out_of_office_until" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_out_of_office_check" CHECK ("out_of_office_until" IS NULL OR "out_of_office_from" IS NULL OR "out_of_office_until" > "out_of_office_from")`,
    );

    await q.query(`ALTER TABLE "groups" ADD "support_level" smallint`);
    await q.query(
      `ALTER TABLE "groups" ADD "distribution" character varying(16) NOT NULL DEFAULT 'manual'`,
    );
    await q.query(`ALTER TABLE "groups" ADD "rr_last_user_id" uuid`);
    await q.query(
      `ALTER TABLE "groups" ADD CONSTRAINT "groups_distribution_check" CHECK ("distribution" IN ('manual', 'round_robin', 'least_open'))`,
    );
    await q.query(
      `ALTER TABLE "groups" ADD CONSTRAINT "groups_support_level_check" CHECK ("support_level" BETWEEN 1 AND 3)`,
    );

    await q.query(`ALTER TABLE "tickets" ADD "support_level" smallint`);
    await q.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "tickets_support_level_check" CHECK ("support_level" BETWEEN 1 AND 3)`,
    );
    await q.query(
      `CREATE INDEX "tickets_assignee_open_idx" ON "tickets" ("assignee_id")
        WHERE "status_category" IN ('new', 'open', 'pending')`,
    );
    await q.query(
      `CREATE INDEX "ticket_events_support_level_idx" ON "ticket_events" ("created_at", "ticket_id")
        WHERE "field" = 'supportLevel' OR "new_value" ? 'supportLevel'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ticket_events_support_level_idx"`);
    await q.query(`DROP INDEX "tickets_assignee_open_idx"`);
    await q.query(`ALTER TABLE "tickets" DROP CONSTRAINT "tickets_support_level_check"`);
    await q.query(`ALTER TABLE "tickets" DROP COLUMN "support_level"`);
    await q.query(`ALTER TABLE "groups" DROP CONSTRAINT "groups_support_level_check"`);
    await q.query(`ALTER TABLE "groups" DROP CONSTRAINT "groups_distribution_check"`);
    await q.query(`ALTER TABLE "groups" DROP COLUMN "rr_last_user_id"`);
    await q.query(`ALTER TABLE "groups" DROP COLUMN "distribution"`);
    await q.query(`ALTER TABLE "groups" DROP COLUMN "support_level"`);
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "users_out_of_office_check"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "out_of_office_until"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "out_of_office_from"`);
    await q.query(`DROP TABLE "assignment_rules"`);
  }
}
