import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, e-mail in: support mailboxes polled over IMAP. The password is stored sealed
 * (SecretBox); the poller keeps its place (UIDVALIDITY, last UID) and its health (last error,
 * last success) on the row. One mailbox per served address, whatever its case.
 */
export class SupportMailboxes1765420000000 implements MigrationInterface {
  name = 'SupportMailboxes1765420000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "support_mailboxes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "address" character varying(320) NOT NULL, "imap_host" character varying(255) NOT NULL, "imap_port" integer NOT NULL, "imap_tls" character varying(10) NOT NULL, "imap_user" character varying(320) NOT NULL, "imap_password_sealed" text NOT NULL, "folder" character varying(200) NOT NULL DEFAULT 'INBOX', "processed_folder" character varying(200) NOT NULL DEFAULT 'Processed', "failed_folder" character varying(200) NOT NULL DEFAULT 'Failed', "default_type_id" uuid, "default_group_id" uuid, "default_priority" character varying(10), "unknown_sender_policy" character varying(12) NOT NULL DEFAULT 'quarantine', "active" boolean NOT NULL DEFAULT true, "uid_validity" character varying(20), "last_uid" bigint NOT NULL DEFAULT '0', "last_polled_at" TIMESTAMP WITH TIME ZONE, "last_success_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "last_error_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "support_mailboxes_priority_check" CHECK ("default_priority" IN ('low', 'normal', 'high', 'urgent')), CONSTRAINT "support_mailboxes_policy_check" CHECK ("unknown_sender_policy" IN ('refuse', 'quarantine')), CONSTRAINT "support_mailboxes_port_check" CHECK ("imap_port" BETWEEN 1 AND 65535), CONSTRAINT "support_mailboxes_tls_check" CHECK ("imap_tls" IN ('tls', 'starttls', 'none')), CONSTRAINT "PK_292c656e6a926bffe8b4a391b2e" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "support_mailboxes_address_key" ON "support_mailboxes" (lower("address"))`,
    );
    await q.query(
      `ALTER TABLE "support_mailboxes" ADD CONSTRAINT "FK_b5ba4eb9fc1b54e04ff7d66661b" FOREIGN KEY ("default_type_id") REFERENCES "ticket_types"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "support_mailboxes" ADD CONSTRAINT "FK_43f8ad25a27d3ab7b4bb4c25395" FOREIGN KEY ("default_group_id") REFERENCES "groups"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "support_mailboxes"`);
  }
}
