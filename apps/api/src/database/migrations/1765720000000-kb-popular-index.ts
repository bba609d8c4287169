import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The portal's "popular articles" (GET /kb/articles?sort=popular): most viewed first, read
 * backwards along (view_count, id) so a page stops after its rows instead of sorting them all.
 */
export class KbPopularIndex1765720000000 implements MigrationInterface {
  name = 'KbPopularIndex1765720000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "kb_articles_popular_idx" ON "kb_articles"  ("view_count", "id")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."kb_articles_popular_idx"`);
  }
}
