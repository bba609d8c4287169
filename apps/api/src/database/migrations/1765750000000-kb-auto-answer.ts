import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, the automatic answer: the switch and the score threshold in `kb_settings`, and
 * `ticket_kb_suggestions` (the articles offered to a new ticket's requester, and the one that
 * solved it: at most one per ticket by a partial unique index, so a second "solved" cannot
 * record twice however the requests race).
 */
export class KbAutoAnswer1765750000000 implements MigrationInterface {
  name = 'KbAutoAnswer1765750000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "kb_settings" ADD "auto_answer_enabled" boolean NOT NULL DEFAULT false`,
    );
    await q.query(
      `ALTER TABLE "kb_settings" ADD "auto_answer_min_score" real NOT NULL DEFAULT '0.5'`,
    );
    await q.query(
      `ALTER TABLE "kb_settings" ADD CONSTRAINT "kb_settings_auto_answer_min_score_check" CHECK ("auto_answer_min_score" BETWEEN 0 AND 1)`,
    );
    await q.query(
      `CREATE TABLE "ticket_kb_suggestions" ("ticket_id" uuid NOT NULL, "article_id" uuid NOT NULL, "position" smallint NOT NULL, "score" real NOT NULL, "solved_at" TIMESTAMP WITH TIME ZONE, "solved_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ticket_kb_suggestions_position_check" CHECK ("position" BETWEEN 1 AND 3), CONSTRAINT "ticket_kb_suggestions_pkey" PRIMARY KEY ("ticket_id", "article_id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ticket_kb_suggestions_position_key" ON "ticket_kb_suggestions" ("ticket_id", "position") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ticket_kb_suggestions_solved_key" ON "ticket_kb_suggestions" ("ticket_id") WHERE "solved_at" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "ticket_kb_suggestions_article_idx" ON "ticket_kb_suggestions" ("article_id") `,
    );
    await q.query(
      `ALTER TABLE "ticket_kb_suggestions" ADD CONSTRAINT "FK_8c181be3e37e098a4640104a140" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ticket_kb_suggestions" ADD CONSTRAINT "FK_863eb65e6a30ce320a85f4f767e" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ticket_kb_suggestions" ADD CONSTRAINT "FK_a14ecc932e8825c6ce10dac8772" FOREIGN KEY ("solved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "ticket_kb_suggestions"`);
    await q.query(
      `ALTER TABLE "kb_settings" DROP CONSTRAINT "kb_settings_auto_answer_min_score_check"`,
    );
    await q.query(`ALTER TABLE "kb_settings" DROP COLUMN "auto_answer_min_score"`);
    await q.query(`ALTER TABLE "kb_settings" DROP COLUMN "auto_answer_enabled"`);
  }
}
