import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, canned responses: reply templates (`canned_responses`), personal (owner_id), per
 * group (group_id) or global, one language each, with type and category hints for the
 * composer's ranking and a usage count. The admin list reads by scope and title; the picker
 * reads the caller's few templates (global, own, their groups') through the owner and group
 * indexes.
 */
export class CannedResponses1765610000000 implements MigrationInterface {
  name = 'CannedResponses1765610000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "canned_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "body" text NOT NULL, "scope" character varying(10) NOT NULL, "owner_id" uuid, "group_id" uuid, "language" character varying(2) NOT NULL, "type_ids" uuid array NOT NULL DEFAULT '{}', "category_ids" uuid array NOT NULL DEFAULT '{}', "usage_count" integer NOT NULL DEFAULT '0', "version" integer NOT NULL DEFAULT '1', "created_by_id" uuid, "updated_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "canned_responses_scope_owner_check" CHECK (("scope" = 'personal' AND "owner_id" IS NOT NULL AND "group_id" IS NULL) OR ("scope" = 'group' AND "group_id" IS NOT NULL AND "owner_id" IS NULL) OR ("scope" = 'global' AND "owner_id" IS NULL AND "group_id" IS NULL)), CONSTRAINT "canned_responses_language_check" CHECK ("language" IN ('en', 'ru', 'cs')), CONSTRAINT "canned_responses_scope_check" CHECK ("scope" IN ('personal', 'group', 'global')), CONSTRAINT "PK_1df87c74d99c463b1c7fb30dc14" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "canned_responses_scope_title_idx" ON "canned_responses" ("scope", "title", "id") `,
    );
    await q.query(`CREATE INDEX "canned_responses_group_idx" ON "canned_responses" ("group_id") `);
    await q.query(`CREATE INDEX "canned_responses_owner_idx" ON "canned_responses" ("owner_id") `);
    await q.query(
      `ALTER TABLE "canned_responses" ADD CONSTRAINT "FK_32274493102d8885568261eebe1" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "canned_responses" ADD CONSTRAINT "FK_29fe86702bc424b17e679949fe7" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "canned_responses" ADD CONSTRAINT "FK_d683863f9de473e4dfb66a58ef8" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "canned_responses" ADD CONSTRAINT "FK_84079afe86a68c65caf86fa0223" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "canned_responses"`);
  }
}
