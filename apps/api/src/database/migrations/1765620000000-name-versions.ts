import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, performance: the names a ticket page shows (type, status, organization, requester,
 * assignee, group, category, project, SLA policy) are cached in each API instance. One counter
 * says when a cached name may be stale: every statement that renames, re-keys or removes such
 * a row bumps it in the same transaction, and the page statement reads it in the snapshot it
 * reads the tickets in (see TicketNamesCache). A new row needs no bump: its id is new to every
 * cache. Workflow statuses are found by workflow and key, not by a fresh id, so any change to
 * them bumps the counter.
 */
const WATCHED: [table: string, events: string][] = [
  ['users', 'UPDATE OF name OR DELETE'],
  ['organizations', 'UPDATE OF name OR DELETE'],
  ['groups', 'UPDATE OF name OR DELETE'],
  ['ticket_types', 'UPDATE OF name, key OR DELETE'],
  ['categories', 'UPDATE OF name, parent_id OR DELETE'],
  ['projects', 'UPDATE OF name OR DELETE'],
  ['sla_policies', 'UPDATE OF name OR DELETE'],
  ['workflow_statuses', 'INSERT OR UPDATE OR DELETE'],
];

export class NameVersions1765620000000 implements MigrationInterface {
  name = 'NameVersions1765620000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "name_versions" ("id" smallint PRIMARY KEY CHECK ("id" = 1), "version" bigint NOT NULL)`,
    );
    await q.query(`INSERT INTO "name_versions" ("id", "version") VALUES (1, 1)`);
    await q.query(`CREATE FUNCTION rd_bump_name_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE name_versions SET version = version + 1 WHERE id = 1;
        RETURN NULL;
      END $$`);
    for (const [table, events] of WATCHED) {
      await q.query(
        `CREATE TRIGGER "${table}_name_version" AFTER ${events} OR TRUNCATE ON "${table}"
           FOR EACH STATEMENT EXECUTE FUNCTION rd_bump_name_version()`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [table] of WATCHED) {
      await q.query(`DROP TRIGGER "${table}_name_version" ON "${table}"`);
    }
    await q.query(`DROP FUNCTION rd_bump_name_version()`);
    await q.query(`DROP TABLE "name_versions"`);
  }
}
