import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: @nestjs/throttler counts in PostgreSQL, so limits hold across API instances.
 *
 * - `rate_limit_counters`: one fixed-window counter per throttler and client key (an address,
 *   an account), counted with one atomic upsert; rows whose window ended are swept through the
 *   window_ends_at index.
 * - `login_attempt_counters` goes: the login limits (per address and per account) are two of
 *   those throttlers now. Its counts are of the last few minutes only, so nothing is carried over.
 */
export class RateLimitCounters1765100000000 implements MigrationInterface {
  name = 'RateLimitCounters1765100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "rate_limit_counters" ("throttler" character varying(50) NOT NULL, "key" character varying(300) NOT NULL, "hits" integer NOT NULL, "window_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "rate_limit_counters_pkey" PRIMARY KEY ("throttler", "key"))`,
    );
    await q.query(
      `CREATE INDEX "rate_limit_counters_window_ends_idx" ON "rate_limit_counters" ("window_ends_at") `,
    );
    await q.query(`DROP TABLE "login_attempt_counters"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "login_attempt_counters" ("key" character varying(300) NOT NULL, "attempts" integer NOT NULL, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_21385188d31ae40f99ba0cd7d05" PRIMARY KEY ("key"))`,
    );
    await q.query(`DROP INDEX "public"."rate_limit_counters_window_ends_idx"`);
    await q.query(`DROP TABLE "rate_limit_counters"`);
  }
}
