import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, the review queue: `kb_settings.review_interval_months` (how old a review may get,
 * 6 by default) and an index on the date the queue orders by (the last review, or the creation
 * of an article never reviewed) over published articles only, so the queue's keyset pages read
 * the index in order whatever the number of articles.
 */
export class KbReviewQueue1765710000000 implements MigrationInterface {
  name = 'KbReviewQueue1765710000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "kb_settings" ADD "review_interval_months" smallint NOT NULL DEFAULT '6'`,
    );
    await q.query(
      `ALTER TABLE "kb_settings" ADD CONSTRAINT "kb_settings_review_interval_check" CHECK ("review_interval_months" BETWEEN 1 AND 120)`,
    );
    await q.query(
      `CREATE INDEX "kb_articles_review_due_idx" ON "kb_articles" ((coalesce("reviewed_at", "created_at")), "id") WHERE "status" = 'published'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "kb_articles_review_due_idx"`);
    await q.query(`ALTER TABLE "kb_settings" DROP CONSTRAINT "kb_settings_review_interval_check"`);
    await q.query(`ALTER TABLE "kb_settings" DROP COLUMN "review_interval_months"`);
  }
}
