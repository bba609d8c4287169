import type { MigrationInterface, QueryRunner } from 'typeorm';

/** CSV import of the registers (issue 18): the import jobs and the external ids rows carry. */
export class RegisterImport1765830000000 implements MigrationInterface {
  name = 'RegisterImport1765830000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "register_imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "register" character varying(20) NOT NULL, "mode" character varying(10) NOT NULL, "state" character varying(10) NOT NULL DEFAULT 'queued', "file_key" character varying(100) NOT NULL, "file_name" character varying(255) NOT NULL, "size_bytes" integer NOT NULL, "delimiter" character varying(1) NOT NULL, "created_by" uuid NOT NULL, "rows_done" integer NOT NULL DEFAULT '0', "created_count" integer NOT NULL DEFAULT '0', "updated_count" integer NOT NULL DEFAULT '0', "error_count" integer NOT NULL DEFAULT '0', "errors" jsonb NOT NULL DEFAULT '[]', "claimed_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "register_imports_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "register_imports_state_created_idx" ON "register_imports" ("state", "created_at")`,
    );
    await q.query(
      `CREATE TABLE "register_external_ids" ("register" character varying(20) NOT NULL, "external_id" character varying(200) NOT NULL, "row_id" uuid NOT NULL, CONSTRAINT "register_external_ids_pkey" PRIMARY KEY ("register", "external_id"))`,
    );
    await q.query(
      `CREATE INDEX "register_external_ids_row_idx" ON "register_external_ids" ("register", "row_id")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "register_external_ids"`);
    await q.query(`DROP TABLE "register_imports"`);
  }
}
