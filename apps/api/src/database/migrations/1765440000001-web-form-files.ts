import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Files sent with a web form request, kept until the sender confirms (issue 15). */
export class WebFormFiles1765440000001 implements MigrationInterface {
  name = 'WebFormFiles1765440000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "web_form_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "submission_id" uuid NOT NULL, "position" integer NOT NULL, "file_name" character varying(255) NOT NULL, "declared_type" character varying(200) NOT NULL, "content" bytea NOT NULL, CONSTRAINT "web_form_files_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "web_form_files_submission_idx" ON "web_form_files" ("submission_id", "position") `,
    );
    await q.query(
      `ALTER TABLE "web_form_files" ADD CONSTRAINT "web_form_files_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "web_form_submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "web_form_files"`);
  }
}
