import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, e-mail in: the poller counts the ingest's throws per message in the database, so the
 * limit that sets a message aside holds across instances and restarts.
 */
export class MailboxIngestThrows1765491500000 implements MigrationInterface {
  name = 'MailboxIngestThrows1765491500000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "mailbox_ingest_throws" ("mailbox_id" uuid NOT NULL, "uid_validity" character varying(20) NOT NULL, "uid" bigint NOT NULL, "throws" integer NOT NULL, "last_error" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mailbox_ingest_throws_pkey" PRIMARY KEY ("mailbox_id", "uid_validity", "uid"))`,
    );
    await q.query(
      `ALTER TABLE "mailbox_ingest_throws" ADD CONSTRAINT "mailbox_ingest_throws_mailbox_id_fkey" FOREIGN KEY ("mailbox_id") REFERENCES "support_mailboxes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "mailbox_ingest_throws"`);
  }
}
