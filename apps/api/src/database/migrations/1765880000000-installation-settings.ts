import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18, the service protocol: the installation's own company details (printed as the service
 * provider) and its time zone (printed dates). One row; an installation that already keeps a
 * business calendar starts in that calendar's zone, else UTC.
 */
export class InstallationSettings1765880000000 implements MigrationInterface {
  name = 'InstallationSettings1765880000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "installation_settings" ("id" smallint NOT NULL, "company_name" character varying(200) NOT NULL DEFAULT '', "legal_name" character varying(300) NOT NULL DEFAULT '', "address" text NOT NULL DEFAULT '', "tax_id" character varying(50) NOT NULL DEFAULT '', "registration_id" character varying(50) NOT NULL DEFAULT '', "phone" character varying(50) NOT NULL DEFAULT '', "email" character varying(254) NOT NULL DEFAULT '', "currency" character varying(3) NOT NULL DEFAULT '', "time_zone" character varying(64) NOT NULL DEFAULT 'UTC', "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "installation_settings_singleton_check" CHECK ("id" = 1), CONSTRAINT "installation_settings_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `INSERT INTO "installation_settings" ("id", "time_zone")
       VALUES (1, COALESCE((SELECT "time_zone" FROM "sla_calendars" ORDER BY "created_at", "id" LIMIT 1), 'UTC'))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "installation_settings"`);
  }
}
