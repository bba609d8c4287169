import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: the channels ask the contracts module's `mayFile`, so the older list
 * (`organizations.authorized_requester_ids`, issue 15: "not empty means only these may file by
 * mail") moves into `authorized_requesters` and `requester_lists`, and the column goes.
 *
 * An organization with a non-empty old list gets the same people, for any request, with the
 * list switched on (what the old list meant). One whose new list was already saved keeps it:
 * that is the list staff edited last. Only ids that are still contacts of the organization move.
 * `down` brings back the column and fills it from the lists in force.
 */
export class AuthorizedRequestersMove1765820000000 implements MigrationInterface {
  name = 'AuthorizedRequestersMove1765820000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO "authorized_requesters" ("organization_id", "user_id", "contract_id")
       SELECT DISTINCT o.id, u.id, NULL::uuid
         FROM "organizations" o
         CROSS JOIN LATERAL unnest(o.authorized_requester_ids) AS r (user_id)
         JOIN "users" u ON u.id = r.user_id AND u.role = 'client' AND u.organization_id = o.id
        WHERE cardinality(o.authorized_requester_ids) > 0
          AND NOT EXISTS (SELECT 1 FROM "requester_lists" rl WHERE rl.organization_id = o.id)`,
    );
    await q.query(
      `INSERT INTO "requester_lists" ("organization_id", "enabled", "version", "updated_at")
       SELECT o.id, true, 1, now() FROM "organizations" o
        WHERE cardinality(o.authorized_requester_ids) > 0
          AND NOT EXISTS (SELECT 1 FROM "requester_lists" rl WHERE rl.organization_id = o.id)`,
    );
    await q.query(`ALTER TABLE "organizations" DROP COLUMN "authorized_requester_ids"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "organizations" ADD "authorized_requester_ids" uuid array NOT NULL DEFAULT '{}'`,
    );
    await q.query(
      `UPDATE "organizations" o
          SET authorized_requester_ids = ARRAY(SELECT DISTINCT ar.user_id FROM "authorized_requesters" ar
                                                WHERE ar.organization_id = o.id)
        WHERE EXISTS (SELECT 1 FROM "requester_lists" rl WHERE rl.organization_id = o.id AND rl.enabled)`,
    );
  }
}
