import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The project list pages by (name, id) like the other directory lists: keyset on an index. */
export class ProjectNameIndex1764250000000 implements MigrationInterface {
  name = 'ProjectNameIndex1764250000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "projects_name_id_idx" ON "projects" ("name", "id") `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "projects_name_id_idx"`);
  }
}
