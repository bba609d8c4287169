import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 5: workflows as data (assignee-made and field-requiring transitions, timed and
 * reply-triggered automatic transitions, postpone caps, read-only statuses), custom fields per
 * ticket type, two-level categories, projects, ticket links and satisfaction ratings.
 *
 * The scheduler now reads `tickets.next_timer_at` (the earliest timed transition of the ticket's
 * current status), so its cost follows the tickets that are due whatever kind of timer they have.
 */
export class WorkflowEngine1764200000000 implements MigrationInterface {
  name = 'WorkflowEngine1764200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "projects" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "manager_id" uuid NOT NULL, "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6271df0a7aed1d6c0691ce6ac50" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "projects_manager_idx" ON "projects" ("manager_id")`);
    await q.query(
      `CREATE TABLE "categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "parent_id" uuid, "name" jsonb NOT NULL, "is_public" boolean NOT NULL DEFAULT true, "active" boolean NOT NULL DEFAULT true, "position" integer NOT NULL DEFAULT '0', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_24dbc6126a28ff948da33e97d3b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "categories_parent_idx" ON "categories" ("parent_id")`);
    await q.query(
      `CREATE TABLE "project_members" ("project_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_b3f491d3a3f986106d281d8eb4b" PRIMARY KEY ("project_id", "user_id"))`,
    );
    await q.query(`CREATE INDEX "project_members_user_id_idx" ON "project_members" ("user_id")`);
    await q.query(
      `CREATE TABLE "ticket_type_fields" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type_id" uuid NOT NULL, "key" character varying(50) NOT NULL, "name" jsonb NOT NULL, "kind" character varying(16) NOT NULL, "required" boolean NOT NULL DEFAULT false, "client_visible" boolean NOT NULL DEFAULT false, "client_editable" boolean NOT NULL DEFAULT false, "options" jsonb NOT NULL DEFAULT '[]', "active" boolean NOT NULL DEFAULT true, "position" integer NOT NULL DEFAULT '0', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ticket_type_fields_type_key_key" UNIQUE ("type_id", "key"), CONSTRAINT "ticket_type_fields_client_check" CHECK (NOT "client_editable" OR "client_visible"), CONSTRAINT "ticket_type_fields_kind_check" CHECK ("kind" IN ('text', 'long_text', 'number', 'date', 'date_time', 'select', 'multi_select', 'checkbox', 'user', 'organization')), CONSTRAINT "PK_7caecb1bee4aeb93e9fb8504625" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "ticket_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "linked_ticket_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ticket_links_pair_kind_key" UNIQUE ("ticket_id", "linked_ticket_id", "kind"), CONSTRAINT "ticket_links_not_self_check" CHECK ("ticket_id" <> "linked_ticket_id"), CONSTRAINT "ticket_links_kind_check" CHECK ("kind" IN ('duplicate_of', 'related', 'child_of')), CONSTRAINT "PK_8766e8ae6e97368dfa6731a8aed" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ticket_links_linked_idx" ON "ticket_links" ("linked_ticket_id")`);
    await q.query(
      `CREATE TABLE "ticket_ratings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "rating" smallint NOT NULL, "comment" text, "rated_by_id" uuid, "assignee_id" uuid, "via" character varying(10) NOT NULL, "link_nonce" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ticket_ratings_via_check" CHECK ("via" IN ('portal', 'link')), CONSTRAINT "ticket_ratings_rating_check" CHECK ("rating" BETWEEN 1 AND 5), CONSTRAINT "PK_98d7d41bb5abd65e379fc091678" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ticket_ratings_link_nonce_key" ON "ticket_ratings" ("link_nonce")`,
    );
    await q.query(
      `CREATE INDEX "ticket_ratings_assignee_idx" ON "ticket_ratings" ("assignee_id", "created_at")`,
    );
    await q.query(`CREATE INDEX "ticket_ratings_created_idx" ON "ticket_ratings" ("created_at")`);
    await q.query(
      `CREATE INDEX "ticket_ratings_ticket_idx" ON "ticket_ratings" ("ticket_id", "created_at")`,
    );
    await q.query(`ALTER TABLE "workflow_statuses" ADD "postpone_max_days" integer`);
    await q.query(`ALTER TABLE "workflow_statuses" ADD "read_only" boolean NOT NULL DEFAULT false`);
    await q.query(
      `ALTER TABLE "workflow_transitions" ADD "allow_assignee" boolean NOT NULL DEFAULT false`,
    );
    await q.query(
      `ALTER TABLE "workflow_transitions" ADD "required_fields" text array NOT NULL DEFAULT '{}'`,
    );
    await q.query(
      `ALTER TABLE "workflow_transitions" ADD "requires_duplicate_of" boolean NOT NULL DEFAULT false`,
    );
    await q.query(`ALTER TABLE "workflow_timers" ADD "after_seconds" integer`);
    await q.query(`ALTER TABLE "tickets" ADD "category_id" uuid`);
    await q.query(`ALTER TABLE "tickets" ADD "project_id" uuid`);
    await q.query(`ALTER TABLE "tickets" ADD "custom_fields" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(
      `ALTER TABLE "tickets" ADD "status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await q.query(`ALTER TABLE "tickets" ADD "next_timer_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `CREATE INDEX "tickets_project_updated_idx" ON "tickets" ("project_id", "updated_at", "id")`,
    );
    await q.query(
      `CREATE INDEX "tickets_ticket_category_updated_idx" ON "tickets" ("category_id", "updated_at", "id")`,
    );
    await q.query(
      `ALTER TABLE "workflow_timers" ADD CONSTRAINT "workflow_timers_after_seconds_check" CHECK (("trigger" = 'after_time') = ("after_seconds" IS NOT NULL AND "after_seconds" > 0))`,
    );
    await q.query(
      `ALTER TABLE "workflow_timers" ADD CONSTRAINT "workflow_timers_workflow_status_trigger_key" UNIQUE ("workflow_id", "status_key", "trigger")`,
    );
    await q.query(
      `ALTER TABLE "projects" ADD CONSTRAINT "FK_87bd52575ded2be008b89dd7b21" FOREIGN KEY ("manager_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "categories" ADD CONSTRAINT "FK_88cea2dc9c31951d06437879b40" FOREIGN KEY ("parent_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_32a7f0e4e32a46a094b55f7c25c" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_ad2a415688c613c9897f7975efd" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "project_members" ADD CONSTRAINT "FK_b5729113570c20c7e214cf3f58d" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "project_members" ADD CONSTRAINT "FK_e89aae80e010c2faa72e6a49ce8" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ticket_type_fields" ADD CONSTRAINT "FK_de8470fbccfefeb843e03758642" FOREIGN KEY ("type_id") REFERENCES "ticket_types"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ticket_links" ADD CONSTRAINT "FK_05e4c105cbac7510eb92824646e" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ticket_links" ADD CONSTRAINT "FK_61aad35377cc3ebdf437264b657" FOREIGN KEY ("linked_ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ticket_links" ADD CONSTRAINT "FK_127104b328ccf1a941faa1ee5e4" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ticket_ratings" ADD CONSTRAINT "FK_647a321b4525821d55818825e7d" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ticket_ratings" ADD CONSTRAINT "FK_0aa50207c1ecca1e17e06034d82" FOREIGN KEY ("rated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ticket_ratings" ADD CONSTRAINT "FK_5376b90e090026ccc82e45c8463" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE "workflow_timers" DROP CONSTRAINT "workflow_timers_trigger_check"`);
    await q.query(
      `ALTER TABLE "workflow_timers" ADD CONSTRAINT "workflow_timers_trigger_check" CHECK ("trigger" IN ('postpone_expired', 'after_time', 'requester_replied'))`,
    );

    // Existing tickets: when they entered their status (history says), and their next timer.
    await q.query(
      `UPDATE tickets t SET status_changed_at = COALESCE(
         (SELECT max(e.created_at) FROM ticket_events e
           WHERE e.ticket_id = t.id AND e.kind = 'status_changed'), t.created_at)`,
    );
    await q.query(
      `UPDATE tickets t SET next_timer_at = t.postponed_until
        WHERE t.postponed_until IS NOT NULL
          AND EXISTS (SELECT 1 FROM workflow_timers wt
                       WHERE wt.workflow_id = t.workflow_id AND wt.status_key = t.status
                         AND wt.trigger = 'postpone_expired')`,
    );
    await q.query(`DROP INDEX "tickets_postponed_until_idx"`);
    await q.query(
      `CREATE INDEX "tickets_next_timer_idx" ON "tickets" ("next_timer_at") WHERE "next_timer_at" IS NOT NULL`,
    );
  }

  public async down(): Promise<void> {
    throw new Error('Not reversible; restore a backup instead');
  }
}
