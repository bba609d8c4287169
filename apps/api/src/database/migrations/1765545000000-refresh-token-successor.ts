import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The successor of each rotated refresh token, so a rotation whose answer never reached the
 * browser (a reload while the refresh was in flight) can be retried within a short grace
 * window instead of counting as theft. Tokens rotated before this migration have none: they
 * get no grace, only the reuse detection they always had.
 */
export class RefreshTokenSuccessor1765545000000 implements MigrationInterface {
  name = 'RefreshTokenSuccessor1765545000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "refresh_tokens" ADD "replaced_by_id" uuid`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "replaced_by_id"`);
  }
}
