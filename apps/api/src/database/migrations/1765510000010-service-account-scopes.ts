import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, item 9 (review F1): a service account's "restricted" was stored as a null scope, which
 * follows the installation default; a default switched to `all` then widened every restricted API
 * token to every ticket. Restricted service accounts are `groups` explicitly from now on.
 */
export class ServiceAccountScopes1765510000010 implements MigrationInterface {
  name = 'ServiceAccountScopes1765510000010';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE "users" SET "visibility_scope" = 'groups' WHERE "service_account" AND "visibility_scope" IS NULL`,
    );
  }

  public async down(): Promise<void> {
    // Not reversible: which accounts were null before cannot be told from the explicit ones.
  }
}
