import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Index name → [document column, predicate]. Each document is in exactly one of a pair. */
const SPLIT_INDEXES: [string, string, string][] = [
  ['ticket_search_public_not_done_idx', 'public_doc', '"done" IS NOT TRUE'],
  ['ticket_search_internal_not_done_idx', 'internal_doc', '"done" IS NOT TRUE'],
  ['ticket_search_public_done_idx', 'public_doc', '"done" IS NOT FALSE'],
  ['ticket_search_internal_done_idx', 'internal_doc', '"done" IS NOT FALSE'],
];

/**
 * The search documents' GIN indexes split by whether the ticket is done (closed or canceled),
 * so a search in a queue of not-done tickets (open, mine, unassigned…) reads only the matches
 * that can be on its page. With one index per document, a word in 5% of a million tickets gave
 * 50,000 matches whose heap rows were all read to drop the 45,000 closed ones (100–450 ms);
 * from the not-done index it is the 5,000 open ones (about 10 ms). A search without a status
 * rule reads both halves of each pair (a BitmapOr), as cheap as one index.
 *
 * The split is on `done`, a stored column PostgreSQL derives from `status_category`, not on the
 * category itself: a column in an index predicate cannot change in a HOT update, and most
 * status changes (new → open → pending → resolved) keep a ticket not done, so they stay HOT.
 * Only closing, cancelling and reopening move a document to the other index (its lexemes are
 * inserted there). A document without a category (see 1764330000000) is in both halves.
 */
export class SearchDoneSplit1765380000000 implements MigrationInterface {
  name = 'SearchDoneSplit1765380000000';

  public async up(q: QueryRunner): Promise<void> {
    // Building GIN indexes is much faster with room to sort (the session's value only).
    await q.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    await q.query(`DROP INDEX "ticket_search_public_idx"`);
    await q.query(`DROP INDEX "ticket_search_internal_idx"`);
    // Rewrites the table (about 15 s at 1M tickets) while writes to it wait.
    await q.query(`ALTER TABLE "ticket_search" ADD COLUMN "done" boolean
      GENERATED ALWAYS AS ("status_category" IN ('closed', 'canceled')) STORED`);
    for (const [name, column, predicate] of SPLIT_INDEXES) {
      await q.query(
        `CREATE INDEX "${name}" ON "ticket_search" USING gin ("${column}") WHERE ${predicate}`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [name] of SPLIT_INDEXES) await q.query(`DROP INDEX "${name}"`);
    await q.query(`ALTER TABLE "ticket_search" DROP COLUMN "done"`);
    await q.query(
      `CREATE INDEX "ticket_search_public_idx" ON "ticket_search" USING gin ("public_doc")`,
    );
    await q.query(
      `CREATE INDEX "ticket_search_internal_idx" ON "ticket_search" USING gin ("internal_doc")`,
    );
  }
}
