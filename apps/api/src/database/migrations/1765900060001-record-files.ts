import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: documents of contracts and files of work entries. The bytes live in the ticket
 * attachments' store under a random key; a deleted file keeps its row (`deleted_at`,
 * `deleted_by_id`) as the record's file history. `shared` makes a contract document readable by
 * the contract's client; work entry files are staff only.
 */
export class RecordFiles1765900060001 implements MigrationInterface {
  name = 'RecordFiles1765900060001';

  public async up(q: QueryRunner): Promise<void> {
    const file = `"uploader_id" uuid, "file_name" character varying(255) NOT NULL, "content_type" character varying(127) NOT NULL, "size_bytes" bigint NOT NULL, "sha256" character varying(64) NOT NULL, "storage_key" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by_id" uuid`;
    await q.query(
      `CREATE TABLE "contract_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "shared" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', ${file}, CONSTRAINT "contract_documents_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "contract_documents_contract_idx" ON "contract_documents" ("contract_id", "created_at", "id")`,
    );
    await q.query(
      `CREATE TABLE "work_entry_attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "work_entry_id" uuid NOT NULL, ${file}, CONSTRAINT "work_entry_attachments_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "work_entry_attachments_entry_idx" ON "work_entry_attachments" ("work_entry_id", "created_at", "id")`,
    );
    for (const [table, parentColumn, parentTable] of [
      ['contract_documents', 'contract_id', 'contracts'],
      ['work_entry_attachments', 'work_entry_id', 'work_entries'],
    ]) {
      const parent = parentColumn === 'contract_id' ? 'contract' : 'entry';
      await q.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${table}_${parent}_fkey" FOREIGN KEY ("${parentColumn}") REFERENCES "${parentTable}"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
      for (const who of ['uploader', 'deleted_by']) {
        await q.query(
          `ALTER TABLE "${table}" ADD CONSTRAINT "${table}_${who}_fkey" FOREIGN KEY ("${who === 'uploader' ? 'uploader_id' : 'deleted_by_id'}") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
        );
      }
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "work_entry_attachments"`);
    await q.query(`DROP TABLE "contract_documents"`);
  }
}
