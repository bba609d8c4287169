import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who sees what is configurable (issue 16, item 9): a visibility scope per staff user (null: the
 * installation default) and one settings row with that default and the unassigned-tickets option.
 * `can_view_all` becomes the scope `all`; the default `groups` is what every other agent saw, so
 * nobody sees more or less after the upgrade.
 */
export class VisibilityScopes1765510000000 implements MigrationInterface {
  name = 'VisibilityScopes1765510000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "visibility_scope" character varying(16)`);
    await q.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_visibility_scope_check" CHECK ("visibility_scope" IN ('own', 'groups', 'department', 'all'))`,
    );
    await q.query(
      `UPDATE "users" SET "visibility_scope" = 'all' WHERE "can_view_all" AND "role" <> 'client'`,
    );
    await q.query(`ALTER TABLE "users" DROP COLUMN "can_view_all"`);
    await q.query(
      `CREATE TABLE "visibility_settings" ("id" smallint NOT NULL, "default_scope" character varying(16) NOT NULL DEFAULT 'groups', "unassigned_group_only" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "visibility_settings_singleton_check" CHECK ("id" = 1), CONSTRAINT "visibility_settings_default_scope_check" CHECK ("default_scope" IN ('own', 'groups', 'department', 'all')), CONSTRAINT "visibility_settings_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`INSERT INTO "visibility_settings" ("id") VALUES (1)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "visibility_settings"`);
    await q.query(`ALTER TABLE "users" ADD "can_view_all" boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE "users" SET "can_view_all" = true WHERE "visibility_scope" = 'all'`);
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "users_visibility_scope_check"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "visibility_scope"`);
  }
}
