import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `idempotency_keys.committed_at`: set inside the transaction that carries out the request, so
 * "the create committed" is recorded atomically with the create itself. A claim still pending
 * after a minute is taken over by a retry only while it is NULL; once it is set, the request was
 * carried out and only its answer was lost, and the retry gets a 409 instead of a second create.
 */
export class IdempotencyCommittedAt1765200000000 implements MigrationInterface {
  name = 'IdempotencyCommittedAt1765200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "idempotency_keys" ADD "committed_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "idempotency_keys" DROP COLUMN "committed_at"`);
  }
}
