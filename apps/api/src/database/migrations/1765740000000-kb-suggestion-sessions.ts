import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, deflection: the portal's new-ticket form sessions in which a client opened suggested
 * articles (`kb_suggestion_sessions`, filed or not) and which articles they opened
 * (`kb_suggestion_opens`, one row per session and article). The report decides "deflected" when
 * it reads them (docs/knowledge-base.md), so nothing sweeps these tables.
 */
export class KbSuggestionSessions1765740000000 implements MigrationInterface {
  name = 'KbSuggestionSessions1765740000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "kb_suggestion_sessions" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "filed_at" TIMESTAMP WITH TIME ZONE, "ticket_id" uuid, CONSTRAINT "kb_suggestion_sessions_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "kb_suggestion_sessions_started_idx" ON "kb_suggestion_sessions" ("started_at") `,
    );
    await q.query(
      `CREATE INDEX "kb_suggestion_sessions_user_idx" ON "kb_suggestion_sessions" ("user_id") `,
    );
    await q.query(
      `CREATE TABLE "kb_suggestion_opens" ("session_id" uuid NOT NULL, "article_id" uuid NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "kb_suggestion_opens_pkey" PRIMARY KEY ("session_id", "article_id"))`,
    );
    await q.query(
      `CREATE INDEX "kb_suggestion_opens_article_idx" ON "kb_suggestion_opens" ("article_id") `,
    );
    await q.query(
      `ALTER TABLE "kb_suggestion_sessions" ADD CONSTRAINT "FK_17db88e9ce367cfcf5da1910bbf" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kb_suggestion_sessions" ADD CONSTRAINT "FK_6d984ba08e0dd2a696d17746279" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kb_suggestion_opens" ADD CONSTRAINT "FK_641aa1e8fda7af2ebee1dd4d6d0" FOREIGN KEY ("session_id") REFERENCES "kb_suggestion_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kb_suggestion_opens" ADD CONSTRAINT "FK_6b84c5fd912759543226047dc8b" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "kb_suggestion_opens"`);
    await q.query(`DROP TABLE "kb_suggestion_sessions"`);
  }
}
