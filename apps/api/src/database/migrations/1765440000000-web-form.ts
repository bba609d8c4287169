import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The public web form (issue 15): its settings row and the submissions waiting for confirmation. */
export class WebForm1765440000000 implements MigrationInterface {
  name = 'WebForm1765440000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "web_form_settings" ("id" smallint NOT NULL, "enabled" boolean NOT NULL DEFAULT false, "type_ids" uuid array NOT NULL DEFAULT '{}', "default_group_id" uuid, "default_priority" character varying(10), "known_contact_immediate" boolean NOT NULL DEFAULT true, "allowed_origins" text array NOT NULL DEFAULT '{}', "min_fill_seconds" integer NOT NULL DEFAULT 3, "max_per_ip_per_hour" integer NOT NULL DEFAULT 20, "max_per_address_per_hour" integer NOT NULL DEFAULT 3, "version" integer NOT NULL DEFAULT 1, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "web_form_settings_singleton_check" CHECK ("id" = 1), CONSTRAINT "web_form_settings_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `ALTER TABLE "web_form_settings" ADD CONSTRAINT "web_form_settings_default_group_id_fkey" FOREIGN KEY ("default_group_id") REFERENCES "groups"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // The one row exists from the start: readers never have to create it.
    await q.query(`INSERT INTO "web_form_settings" ("id") VALUES (1)`);
    await q.query(
      `CREATE TABLE "web_form_submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" citext NOT NULL, "name" character varying(200) NOT NULL, "subject" character varying(250) NOT NULL, "description" text NOT NULL, "type_id" uuid, "locale" character varying(2) NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "confirmed_at" TIMESTAMP WITH TIME ZONE, "ticket_id" uuid, "ticket_number" integer, CONSTRAINT "web_form_submissions_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "web_form_submissions_token_hash_key" ON "web_form_submissions" ("token_hash") `,
    );
    await q.query(
      `CREATE INDEX "web_form_submissions_expires_at_idx" ON "web_form_submissions" ("expires_at") `,
    );
    await q.query(
      `ALTER TABLE "web_form_submissions" ADD CONSTRAINT "web_form_submissions_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "web_form_submissions"`);
    await q.query(`DROP TABLE "web_form_settings"`);
  }
}
