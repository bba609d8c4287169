import type { MigrationInterface, QueryRunner } from 'typeorm';
import { seedOkdeskWorkflow } from '../seeds/okdesk-workflow.js';

/**
 * The foundation schema. Tables and constraints are what TypeORM derives from the entities
 * (the drift test keeps them equal); below them come what entities cannot express: extensions,
 * partial and trigram indexes, full-text search, and the Okdesk reference workflow.
 */
export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE SEQUENCE ticket_number_seq START WITH 1001`);

    await q.query(
      `CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "tax_id" character varying(50), "address" text, "phone" character varying(50), "email" character varying(254), "notes" text, "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "organizations_name_id_idx" ON "organizations" ("name", "id") `);
    await q.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" citext NOT NULL, "password_hash" text, "name" character varying(200) NOT NULL, "phone" character varying(50), "locale" character varying(2) NOT NULL DEFAULT 'en', "role" character varying(16) NOT NULL, "organization_id" uuid, "department_id" uuid, "can_view_all" boolean NOT NULL DEFAULT false, "can_view_organization_tickets" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "last_login_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_locale_check" CHECK ("locale" IN ('en', 'ru', 'cs')), CONSTRAINT "users_role_check" CHECK ("role" IN ('admin', 'dispatcher', 'agent', 'client')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "users_email_key" ON "users" ("email") `);
    await q.query(`CREATE INDEX "users_organization_id_idx" ON "users" ("organization_id") `);
    await q.query(`CREATE INDEX "users_department_id_idx" ON "users" ("department_id") `);
    await q.query(`CREATE INDEX "users_name_id_idx" ON "users" ("name", "id") `);
    await q.query(
      `CREATE TABLE "departments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "parent_id" uuid, "head_id" uuid, "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_839517a681a86bb84cbcc6a1e9d" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "departments_parent_id_idx" ON "departments" ("parent_id") `);
    await q.query(`CREATE INDEX "departments_head_id_idx" ON "departments" ("head_id") `);
    await q.query(`CREATE INDEX "departments_name_id_idx" ON "departments" ("name", "id") `);
    await q.query(
      `CREATE TABLE "groups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "description" text, "lead_id" uuid, "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_659d1483316afb28afd3a90646e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "groups_name_id_idx" ON "groups" ("name", "id") `);
    await q.query(
      `CREATE TABLE "group_members" ("group_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_f5939ee0ad233ad35e03f5c65c1" PRIMARY KEY ("group_id", "user_id"))`,
    );
    await q.query(`CREATE INDEX "group_members_user_id_idx" ON "group_members" ("user_id") `);
    await q.query(
      `CREATE TABLE "auth_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "user_agent" character varying(500), "ip" character varying(64), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" character varying(50), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_641507381f32580e8479efc36cd" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "auth_sessions_user_id_idx" ON "auth_sessions" ("user_id") `);
    await q.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "refresh_tokens_session_id_idx" ON "refresh_tokens" ("session_id") `,
    );
    await q.query(
      `CREATE TABLE "login_attempt_counters" ("key" character varying(300) NOT NULL, "attempts" integer NOT NULL, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_21385188d31ae40f99ba0cd7d05" PRIMARY KEY ("key"))`,
    );
    await q.query(
      `CREATE TABLE "workflows" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(50) NOT NULL, "name" jsonb NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_12c71b5ff38293dc81ef7b3bbd5" UNIQUE ("key"), CONSTRAINT "PK_5b5757cc1cd86268019fef52e0c" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "workflow_statuses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workflow_id" uuid NOT NULL, "key" character varying(50) NOT NULL, "name" jsonb NOT NULL, "category" character varying(16) NOT NULL, "is_initial" boolean NOT NULL DEFAULT false, "is_final" boolean NOT NULL DEFAULT false, "pauses_sla" boolean NOT NULL DEFAULT false, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "workflow_statuses_workflow_key_key" UNIQUE ("workflow_id", "key"), CONSTRAINT "workflow_statuses_category_check" CHECK ("category" IN ('new', 'open', 'pending', 'resolved', 'closed', 'canceled')), CONSTRAINT "PK_5933af9b773c575a905467543f5" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "workflow_transitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workflow_id" uuid NOT NULL, "from_status" character varying(50) NOT NULL, "to_status" character varying(50) NOT NULL, "allowed_roles" text array NOT NULL DEFAULT '{}', "allow_requester" boolean NOT NULL DEFAULT false, "requires_postpone" boolean NOT NULL DEFAULT false, "comment_required" boolean NOT NULL DEFAULT false, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "workflow_transitions_workflow_from_to_key" UNIQUE ("workflow_id", "from_status", "to_status"), CONSTRAINT "PK_edda0b5bb7b13fc6681c56764af" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "workflow_timers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workflow_id" uuid NOT NULL, "status_key" character varying(50) NOT NULL, "trigger" character varying(32) NOT NULL, "to_status" character varying(50) NOT NULL, CONSTRAINT "workflow_timers_trigger_check" CHECK ("trigger" IN ('postpone_expired')), CONSTRAINT "PK_92d946eb79e5edf1fe7ed2c4cac" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "ticket_types" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(50) NOT NULL, "name" jsonb NOT NULL, "is_public" boolean NOT NULL DEFAULT false, "workflow_id" uuid NOT NULL, "default_priority" character varying(10) NOT NULL DEFAULT 'normal', "active" boolean NOT NULL DEFAULT true, "position" integer NOT NULL DEFAULT '0', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_7e4c0524d520c73e7c74171ce5c" UNIQUE ("key"), CONSTRAINT "PK_5510ce7e18a4edc648c9fbfc283" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "tickets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" bigint NOT NULL DEFAULT nextval('ticket_number_seq'), "subject" character varying(250) NOT NULL, "description" text NOT NULL DEFAULT '', "priority" character varying(10) NOT NULL DEFAULT 'normal', "status" character varying(50) NOT NULL, "status_category" character varying(16) NOT NULL, "workflow_id" uuid NOT NULL, "type_id" uuid, "organization_id" uuid, "requester_id" uuid, "assignee_id" uuid, "group_id" uuid, "due_at" TIMESTAMP WITH TIME ZONE, "postponed_until" TIMESTAMP WITH TIME ZONE, "needs_reply" boolean NOT NULL DEFAULT false, "first_responded_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "channel" character varying(10) NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "tickets_channel_check" CHECK ("channel" IN ('portal', 'agent', 'api')), CONSTRAINT "tickets_priority_check" CHECK ("priority" IN ('low', 'normal', 'high', 'urgent')), CONSTRAINT "PK_343bc942ae261cf7a1377f48fd0" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "tickets_number_key" ON "tickets" ("number") `);
    await q.query(`CREATE INDEX "tickets_due_idx" ON "tickets" ("due_at", "id") `);
    await q.query(
      `CREATE INDEX "tickets_type_updated_idx" ON "tickets" ("type_id", "updated_at", "id") `,
    );
    await q.query(
      `CREATE INDEX "tickets_priority_updated_idx" ON "tickets" ("priority", "updated_at", "id") `,
    );
    await q.query(
      `CREATE INDEX "tickets_category_updated_idx" ON "tickets" ("status_category", "updated_at", "id") `,
    );
    await q.query(
      `CREATE INDEX "tickets_status_updated_idx" ON "tickets" ("status", "updated_at", "id") `,
    );
    await q.query(
      `CREATE INDEX "tickets_created_by_updated_idx" ON "tickets" ("created_by_id", "updated_at", "id") `,
    );
    await q.query(
      `CREATE INDEX "tickets_organization_updated_idx" ON "tickets" ("organization_id", "updated_at", "id") `,
    );
    await q.query(
      `CREATE INDEX "tickets_requester_updated_idx" ON "tickets" ("requester_id", "updated_at", "id") `,
    );
    await q.query(
      `CREATE INDEX "tickets_group_updated_idx" ON "tickets" ("group_id", "updated_at", "id") `,
    );
    await q.query(
      `CREATE INDEX "tickets_assignee_updated_idx" ON "tickets" ("assignee_id", "updated_at", "id") `,
    );
    await q.query(`CREATE INDEX "tickets_created_idx" ON "tickets" ("created_at", "id") `);
    await q.query(`CREATE INDEX "tickets_updated_idx" ON "tickets" ("updated_at", "id") `);
    await q.query(
      `CREATE TABLE "ticket_comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "author_id" uuid, "body" text NOT NULL, "internal" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_811ed3b81dd8df6b9a92058d89c" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ticket_comments_ticket_created_idx" ON "ticket_comments" ("ticket_id", "created_at", "id") `,
    );
    await q.query(
      `CREATE TABLE "attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "comment_id" uuid, "internal" boolean NOT NULL DEFAULT false, "uploader_id" uuid, "file_name" character varying(255) NOT NULL, "content_type" character varying(127) NOT NULL, "size_bytes" bigint NOT NULL, "sha256" character varying(64) NOT NULL, "storage_key" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5e1f050bcff31e3084a1d662412" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "attachments_comment_id_idx" ON "attachments" ("comment_id") `);
    await q.query(
      `CREATE INDEX "attachments_ticket_created_idx" ON "attachments" ("ticket_id", "created_at", "id") `,
    );
    await q.query(
      `CREATE TABLE "ticket_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "actor_id" uuid, "kind" character varying(32) NOT NULL, "field" character varying(64), "old_value" jsonb, "new_value" jsonb, "internal" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d61d07653b492eca67f9bad8ec2" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ticket_events_ticket_created_idx" ON "ticket_events" ("ticket_id", "created_at", "id") `,
    );
    await q.query(
      `CREATE TABLE "idempotency_keys" ("user_id" uuid NOT NULL, "key" character varying(200) NOT NULL, "route" character varying(300) NOT NULL, "request_hash" character varying(64) NOT NULL, "status_code" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_392b1af86f210d98d3f0c764728" PRIMARY KEY ("user_id", "key"))`,
    );
    await q.query(
      `CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" ("created_at") `,
    );
    await q.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_21a659804ed7bf61eb91688dea7" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_0921d1972cf861d568f5271cd85" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "departments" ADD CONSTRAINT "FK_700b0b13f494cb37b6ca929e79b" FOREIGN KEY ("parent_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "departments" ADD CONSTRAINT "FK_8a78ebfafe22243a64d0b91239c" FOREIGN KEY ("head_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "groups" ADD CONSTRAINT "FK_56a246e2d71116cefbade38bfc1" FOREIGN KEY ("lead_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "group_members" ADD CONSTRAINT "FK_2c840df5db52dc6b4a1b0b69c6e" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "group_members" ADD CONSTRAINT "FK_20a555b299f75843aa53ff8b0ee" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "auth_sessions" ADD CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_3bf308fa93da3966f9e76fcfba4" FOREIGN KEY ("session_id") REFERENCES "auth_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "workflow_statuses" ADD CONSTRAINT "FK_9a4787836ba925fb9b50d1e3073" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "workflow_transitions" ADD CONSTRAINT "FK_58336fc5e065337745f54ed09b1" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "workflow_timers" ADD CONSTRAINT "FK_0a016525f081726baa601c562f4" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ticket_types" ADD CONSTRAINT "FK_20b7bfaf6c69453115002f39791" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_4b3cc0e04d315bb2773aecb102e" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_ece528311611e82b5b46ffd30ae" FOREIGN KEY ("type_id") REFERENCES "ticket_types"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_613ef43a793c628ad7b22981f33" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_2a06f5cdaf003ceaa9fcf08be77" FOREIGN KEY ("requester_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_dff6e2b44c9b5e177114588772f" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_6c7c96226788b4ce372cb982db9" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_f131b2269095005a89841a11e4a" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ticket_comments" ADD CONSTRAINT "FK_4ee48e3e18e7c3ac35152a9fb7b" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ticket_comments" ADD CONSTRAINT "FK_580b2a4f5b78b556eb684f96dbe" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "attachments" ADD CONSTRAINT "FK_73d871f247ffebda5dc3f0df8a4" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "attachments" ADD CONSTRAINT "FK_b4b436948b623e8e765bd1c0977" FOREIGN KEY ("comment_id") REFERENCES "ticket_comments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "attachments" ADD CONSTRAINT "FK_73407cf2d2a0e64546bacf309a7" FOREIGN KEY ("uploader_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ticket_events" ADD CONSTRAINT "FK_9cf43c4478294faa98129c47c21" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ticket_events" ADD CONSTRAINT "FK_f13e732854401f6f00cdd045f23" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );

    await this.extraIndexes(q);
    await this.fullTextSearch(q);
    await seedOkdeskWorkflow(q);
  }

  private async extraIndexes(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "organizations_name_trgm_idx" ON "organizations" USING gin ("name" gin_trgm_ops)`,
    );
    await q.query(
      `CREATE INDEX "users_search_trgm_idx" ON "users" USING gin (("name" || ' ' || "email") gin_trgm_ops)`,
    );
    // Partial indexes for the queues: each holds only the rows its view can return.
    await q.query(
      `CREATE INDEX "tickets_unassigned_idx" ON "tickets" ("updated_at", "id") WHERE "assignee_id" IS NULL`,
    );
    await q.query(
      `CREATE INDEX "tickets_needs_reply_idx" ON "tickets" ("updated_at", "id") WHERE "needs_reply"`,
    );
    await q.query(
      `CREATE INDEX "tickets_overdue_idx" ON "tickets" ("due_at", "id") WHERE "due_at" IS NOT NULL AND "status_category" IN ('new', 'open', 'pending')`,
    );
    await q.query(
      `CREATE INDEX "tickets_postponed_until_idx" ON "tickets" ("postponed_until") WHERE "postponed_until" IS NOT NULL`,
    );
  }

  /**
   * Search documents live in their own table, kept by triggers: ticket rows stay narrow, and
   * the split into public and internal text means a client search can never match words that
   * appear only in internal notes. Russian is stemmed (snowball); Czech and English are also
   * indexed unaccented with the simple dictionary, so "cerpadlo" finds "čerpadlo".
   */
  private async fullTextSearch(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION rd_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
    await q.query(`CREATE FUNCTION rd_search_vector(text) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT to_tsvector('pg_catalog.russian'::regconfig, left(coalesce($1, ''), 250000))
                || to_tsvector('pg_catalog.simple'::regconfig, rd_unaccent(left(coalesce($1, ''), 250000))) $$`);
    await q.query(`CREATE FUNCTION rd_search_query(text) RETURNS tsquery
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT websearch_to_tsquery('pg_catalog.russian'::regconfig, $1)
                || websearch_to_tsquery('pg_catalog.simple'::regconfig, rd_unaccent($1)) $$`);
    await q.query(`CREATE TABLE "ticket_search" (
      "ticket_id" uuid PRIMARY KEY REFERENCES "tickets"("id") ON DELETE CASCADE,
      "public_doc" tsvector NOT NULL,
      "internal_doc" tsvector NOT NULL
    )`);
    await q.query(
      `CREATE INDEX "ticket_search_public_idx" ON "ticket_search" USING gin ("public_doc")`,
    );
    await q.query(
      `CREATE INDEX "ticket_search_internal_idx" ON "ticket_search" USING gin ("internal_doc")`,
    );
    await q.query(`CREATE FUNCTION rd_refresh_ticket_search(uuid) RETURNS void
      LANGUAGE sql VOLATILE
      AS $$
        INSERT INTO ticket_search (ticket_id, public_doc, internal_doc)
        SELECT t.id,
               setweight(rd_search_vector(t.subject), 'A')
                 || rd_search_vector(t.description)
                 || rd_search_vector((SELECT string_agg(c.body, ' ') FROM ticket_comments c
                                      WHERE c.ticket_id = t.id AND NOT c.internal)),
               rd_search_vector((SELECT string_agg(c.body, ' ') FROM ticket_comments c
                                 WHERE c.ticket_id = t.id AND c.internal))
          FROM tickets t WHERE t.id = $1
        ON CONFLICT (ticket_id) DO UPDATE
          SET public_doc = EXCLUDED.public_doc, internal_doc = EXCLUDED.internal_doc
      $$`);
    await q.query(`CREATE FUNCTION rd_tickets_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM rd_refresh_ticket_search(NEW.id); RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER tickets_search_refresh
      AFTER INSERT OR UPDATE OF subject, description ON tickets
      FOR EACH ROW EXECUTE FUNCTION rd_tickets_search_trigger()`);
    await q.query(`CREATE FUNCTION rd_comments_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM rd_refresh_ticket_search(CASE WHEN TG_OP = 'DELETE' THEN OLD.ticket_id ELSE NEW.ticket_id END);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER ticket_comments_search_refresh
      AFTER INSERT OR UPDATE OF body, internal OR DELETE ON ticket_comments
      FOR EACH ROW EXECUTE FUNCTION rd_comments_search_trigger()`);
  }

  public async down(): Promise<void> {
    throw new Error('The initial migration is not reversible; restore a backup instead');
  }
}
