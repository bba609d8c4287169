import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, API tokens: a service account is a `users` row flagged `service_account` (no
 * password, never a client), so the visibility rule judges it like any staff user; its tokens
 * are `api_tokens`, kept as SHA-256 hashes (unique, the lookup of every token request).
 */
export class ApiTokens1765400000000 implements MigrationInterface {
  name = 'ApiTokens1765400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "service_account" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "users" ADD "description" character varying(500)`);
    await q.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_service_account_check" CHECK (NOT "service_account" OR ("role" <> 'client' AND "password_hash" IS NULL AND "organization_id" IS NULL))`,
    );
    await q.query(
      `CREATE TABLE "api_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "token_hash" character varying(64) NOT NULL, "scopes" character varying(30) array NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens" ("user_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" ("token_hash") `,
    );
    await q.query(
      `ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "api_tokens"`);
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "users_service_account_check"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "description"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "service_account"`);
  }
}
