import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, account mails: `account_tokens` holds the SHA-256 of each single-use link a welcome,
 * password-reset or e-mail-change mail carries (never the token), with its expiry and when it was
 * used. Looked up by hash (unique); the (user, purpose) index serves "a newer token replaces the
 * older ones".
 */
export class AccountTokens1765370000000 implements MigrationInterface {
  name = 'AccountTokens1765370000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "account_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" character varying(20) NOT NULL, "token_hash" character varying(64) NOT NULL, "new_email" citext, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "account_tokens_purpose_check" CHECK ("purpose" IN ('welcome', 'password_reset', 'email_change')), CONSTRAINT "account_tokens_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "account_tokens_token_hash_key" ON "account_tokens" ("token_hash") `,
    );
    await q.query(
      `CREATE INDEX "account_tokens_user_purpose_idx" ON "account_tokens" ("user_id", "purpose") `,
    );
    await q.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "account_tokens"`);
  }
}
