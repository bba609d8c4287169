import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18, access by object (CDESK): the service objects a client contact is limited to. No row
 * for a contact means the whole organization; rows go with the contact or the object.
 */
export class ContactObjectAccess1765820000010 implements MigrationInterface {
  name = 'ContactObjectAccess1765820000010';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "contact_object_access" ("user_id" uuid NOT NULL, "service_object_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_contact_object_access" PRIMARY KEY ("user_id", "service_object_id"))`,
    );
    await q.query(
      `CREATE INDEX "contact_object_access_object_idx" ON "contact_object_access" ("service_object_id")`,
    );
    await q.query(
      `ALTER TABLE "contact_object_access" ADD CONSTRAINT "FK_84c772add1c2fee33e7289de2e7" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "contact_object_access" ADD CONSTRAINT "FK_61fd1c92c1d7f1c10fe4f1acebc" FOREIGN KEY ("service_object_id") REFERENCES "service_objects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "contact_object_access"`);
  }
}
