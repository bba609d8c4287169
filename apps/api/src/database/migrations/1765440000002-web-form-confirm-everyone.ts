import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Known contacts confirm by mail like anyone else unless an admin decides otherwise: filing at
 * once lets whoever types a contact's address file in their name (security review, issue 15).
 */
export class WebFormConfirmEveryone1765440000002 implements MigrationInterface {
  name = 'WebFormConfirmEveryone1765440000002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "web_form_settings" ALTER COLUMN "known_contact_immediate" SET DEFAULT false`,
    );
    // Settings no admin has saved yet (version 1) carried the old default, not a choice.
    await q.query(
      `UPDATE "web_form_settings" SET "known_contact_immediate" = false WHERE "version" = 1`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "web_form_settings" ALTER COLUMN "known_contact_immediate" SET DEFAULT true`,
    );
  }
}
