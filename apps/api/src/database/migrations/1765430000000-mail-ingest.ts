import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail in (issue 15): every inbound message with its raw bytes, unique by mailbox UID and by
 * Message-ID (a second fetch is a no-op); organizations' allowed mail domains and authorized
 * requesters (CDESK sender authorization); bounces recorded on the delivery they report.
 */
export class MailIngest1765430000000 implements MigrationInterface {
  name = 'MailIngest1765430000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "inbound_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mailbox_id" uuid, "source" character varying(8) NOT NULL, "uid_validity" character varying(20), "uid" bigint, "message_id" character varying(998) NOT NULL, "raw" bytea NOT NULL, "from_address" character varying(320), "from_name" character varying(200) NOT NULL DEFAULT '', "reply_to" character varying(320), "subject" character varying(1000) NOT NULL DEFAULT '', "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(12) NOT NULL, "reason" text, "created_ticket" boolean NOT NULL DEFAULT false, "ticket_id" uuid, "comment_id" uuid, "thread_ticket_id" uuid, "sender_id" uuid, "attachments" jsonb NOT NULL DEFAULT '[]', "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "inbound_messages_status_check" CHECK ("status" IN ('processed', 'ignored', 'quarantined', 'refused', 'bounce', 'failed', 'discarded')), CONSTRAINT "PK_4f21d40ad47ab9702cb1ee64590" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "inbound_messages_mailbox_uid_key" ON "inbound_messages" ("mailbox_id", "uid_validity", "uid") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "inbound_messages_message_id_key" ON "inbound_messages" ("message_id") `,
    );
    await q.query(
      `CREATE INDEX "inbound_messages_status_received_idx" ON "inbound_messages" ("status", "received_at") `,
    );
    await q.query(
      `CREATE INDEX "inbound_messages_from_received_idx" ON "inbound_messages" ("from_address", "received_at") `,
    );
    await q.query(
      `CREATE INDEX "inbound_messages_ticket_idx" ON "inbound_messages" ("ticket_id") `,
    );
    await q.query(
      `ALTER TABLE "inbound_messages" ADD CONSTRAINT "FK_e00f67329ee0d54618290cf313f" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "inbound_messages" ADD CONSTRAINT "FK_f4c66f70c107dc9669881c82a05" FOREIGN KEY ("sender_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "inbound_messages" ADD CONSTRAINT "FK_e12c726be7f74ebc65eb9ebe568" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "organizations" ADD "mail_domains" character varying(253) array NOT NULL DEFAULT '{}'`,
    );
    await q.query(
      `ALTER TABLE "organizations" ADD "authorized_requester_ids" uuid array NOT NULL DEFAULT '{}'`,
    );
    await q.query(`ALTER TABLE "deliveries" ADD "bounced_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "deliveries" ADD "bounce_permanent" boolean`);
    await q.query(`ALTER TABLE "deliveries" ADD "bounce_status" character varying(16)`);
    await q.query(`ALTER TABLE "deliveries" ADD "bounce_diagnostic" text`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "deliveries" DROP COLUMN "bounce_diagnostic"`);
    await q.query(`ALTER TABLE "deliveries" DROP COLUMN "bounce_status"`);
    await q.query(`ALTER TABLE "deliveries" DROP COLUMN "bounce_permanent"`);
    await q.query(`ALTER TABLE "deliveries" DROP COLUMN "bounced_at"`);
    await q.query(`ALTER TABLE "organizations" DROP COLUMN "authorized_requester_ids"`);
    await q.query(`ALTER TABLE "organizations" DROP COLUMN "mail_domains"`);
    await q.query(`DROP TABLE "inbound_messages"`);
  }
}
