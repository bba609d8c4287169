import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: files of knowledge-base articles (inline images and downloads). The bytes live in the
 * ticket attachments' store under a random key; a deleted file keeps its row (`deleted_at`,
 * `deleted_by_id`) as the article's file history.
 */
export class KbArticleAttachments1765760000000 implements MigrationInterface {
  name = 'KbArticleAttachments1765760000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "kb_article_attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "uploader_id" uuid, "file_name" character varying(255) NOT NULL, "content_type" character varying(127) NOT NULL, "size_bytes" bigint NOT NULL, "sha256" character varying(64) NOT NULL, "storage_key" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by_id" uuid, CONSTRAINT "kb_article_attachments_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "kb_article_attachments_article_idx" ON "kb_article_attachments" ("article_id", "created_at", "id")`,
    );
    await q.query(
      `ALTER TABLE "kb_article_attachments" ADD CONSTRAINT "kb_article_attachments_article_fkey" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kb_article_attachments" ADD CONSTRAINT "kb_article_attachments_uploader_fkey" FOREIGN KEY ("uploader_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kb_article_attachments" ADD CONSTRAINT "kb_article_attachments_deleted_by_fkey" FOREIGN KEY ("deleted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "kb_article_attachments"`);
  }
}
