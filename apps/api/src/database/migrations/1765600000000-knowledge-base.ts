import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge base (issue 17): sections in a tree with audiences, articles with revisions,
 * ratings, ticket links and daily view counts, and one settings row (the public KB is off).
 * Articles' search documents are kept by a trigger with the tickets' own text-search functions
 * (rd_search_vector: Russian stemming plus unaccented simple words), so "čerpadlo" is found as
 * "cerpadlo" and "насоса" as "насос", exactly as in ticket search.
 */
export class KnowledgeBase1765600000000 implements MigrationInterface {
  name = 'KnowledgeBase1765600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "kb_settings" ("id" smallint NOT NULL, "public_enabled" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "kb_settings_singleton_check" CHECK ("id" = 1), CONSTRAINT "kb_settings_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "kb_sections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "parent_id" uuid, "path" uuid array NOT NULL, "name" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "position" integer NOT NULL DEFAULT '0', "audience" character varying(10) NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "kb_sections_audience_check" CHECK ("audience" IN ('public', 'clients', 'staff')), CONSTRAINT "PK_d5b1287cfae2cf078601c6ca813" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "kb_sections_parent_idx" ON "kb_sections"  ("parent_id", "position")`,
    );
    await q.query(
      `CREATE TABLE "kb_section_organizations" ("section_id" uuid NOT NULL, "organization_id" uuid NOT NULL, CONSTRAINT "kb_section_organizations_pkey" PRIMARY KEY ("section_id", "organization_id"))`,
    );
    await q.query(
      `CREATE INDEX "kb_section_organizations_org_idx" ON "kb_section_organizations"  ("organization_id")`,
    );
    await q.query(
      `CREATE TABLE "kb_articles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "section_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "body" text NOT NULL, "tags" character varying(50) array NOT NULL DEFAULT '{}', "language" character varying(2) NOT NULL, "translation_group_id" uuid NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'draft', "author_id" uuid, "reviewed_by_id" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "helpful_count" integer NOT NULL DEFAULT '0', "not_helpful_count" integer NOT NULL DEFAULT '0', "view_count" bigint NOT NULL DEFAULT '0', "search_doc" tsvector NOT NULL, "title_doc" tsvector NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "kb_articles_language_check" CHECK ("language" IN ('en', 'ru', 'cs')), CONSTRAINT "kb_articles_status_check" CHECK ("status" IN ('draft', 'published', 'archived')), CONSTRAINT "PK_ffb01b096d72350aa97d1d0cb14" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "kb_articles_reviewed_idx" ON "kb_articles"  ("reviewed_at", "id")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "kb_articles_translation_language_key" ON "kb_articles"  ("translation_group_id", "language")`,
    );
    await q.query(`CREATE INDEX "kb_articles_updated_idx" ON "kb_articles"  ("updated_at", "id")`);
    await q.query(
      `CREATE INDEX "kb_articles_section_updated_idx" ON "kb_articles"  ("section_id", "updated_at", "id")`,
    );
    await q.query(
      `CREATE TABLE "kb_article_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "number" integer NOT NULL, "title" character varying(300) NOT NULL, "body" text NOT NULL, "tags" character varying(50) array NOT NULL DEFAULT '{}', "author_id" uuid, "restored_from" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "kb_article_revisions_number_key" UNIQUE ("article_id", "number"), CONSTRAINT "PK_4d9d244661742d7414ceebc0825" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "kb_article_tickets" ("article_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "kb_article_tickets_pkey" PRIMARY KEY ("article_id", "ticket_id"))`,
    );
    await q.query(
      `CREATE INDEX "kb_article_tickets_ticket_idx" ON "kb_article_tickets"  ("ticket_id")`,
    );
    await q.query(
      `CREATE TABLE "kb_article_ratings" ("article_id" uuid NOT NULL, "user_id" uuid NOT NULL, "helpful" boolean NOT NULL, "comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "kb_article_ratings_pkey" PRIMARY KEY ("article_id", "user_id"))`,
    );
    await q.query(
      `CREATE TABLE "kb_article_view_days" ("article_id" uuid NOT NULL, "day" date NOT NULL, "views" integer NOT NULL, CONSTRAINT "kb_article_view_days_pkey" PRIMARY KEY ("article_id", "day"))`,
    );
    await q.query(
      `ALTER TABLE "kb_sections" ADD CONSTRAINT "FK_a241d7f09281521b864929f6637" FOREIGN KEY ("parent_id") REFERENCES "kb_sections"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kb_section_organizations" ADD CONSTRAINT "FK_62e66d8a97a7da2aed427a7e7d2" FOREIGN KEY ("section_id") REFERENCES "kb_sections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kb_section_organizations" ADD CONSTRAINT "FK_97d97858054423848a937c32b76" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kb_articles" ADD CONSTRAINT "FK_3ed03848364c4c28505a2a4a8c0" FOREIGN KEY ("section_id") REFERENCES "kb_sections"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kb_articles" ADD CONSTRAINT "FK_6efbd43677d17a820710ce921d2" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kb_articles" ADD CONSTRAINT "FK_519b0b611df9d0c598201f09920" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kb_article_revisions" ADD CONSTRAINT "FK_7c600e538ae2581e8d97fab2a7d" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kb_article_revisions" ADD CONSTRAINT "FK_c1571d28b661e82ffc591766c0c" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kb_article_tickets" ADD CONSTRAINT "FK_599e48b7709214779a4b59b157b" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kb_article_tickets" ADD CONSTRAINT "FK_cdfc243d8e8082d91c51ef09b55" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kb_article_tickets" ADD CONSTRAINT "FK_0cefac1c2b2bc8bc70560f18fb1" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kb_article_ratings" ADD CONSTRAINT "FK_93a863da5f8940c9a879f5cc670" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kb_article_ratings" ADD CONSTRAINT "FK_edfc80704b568706f8fc27ab0e3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kb_article_view_days" ADD CONSTRAINT "FK_184bcbb044001ccf256a9ebba27" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`INSERT INTO "kb_settings" ("id") VALUES (1)`);
    // Suggestions match ANY word of a ticket's text: plain words (no search syntax), OR-ed later.
    await q.query(`CREATE FUNCTION rd_plain_query(text) RETURNS tsquery
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT plainto_tsquery('pg_catalog.russian'::regconfig, $1)
                || plainto_tsquery('pg_catalog.simple'::regconfig, rd_unaccent($1)) $$`);
    await q.query(`CREATE FUNCTION rd_kb_article_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_doc := setweight(rd_search_vector(NEW.title), 'A')
          || setweight(rd_search_vector(array_to_string(NEW.tags, ' ')), 'B')
          || rd_search_vector(NEW.body);
        NEW.title_doc := to_tsvector('pg_catalog.simple'::regconfig, rd_unaccent(NEW.title));
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER kb_articles_search_refresh
      BEFORE INSERT OR UPDATE OF title, body, tags ON kb_articles
      FOR EACH ROW EXECUTE FUNCTION rd_kb_article_search_trigger()`);
    await q.query(
      `CREATE INDEX "kb_articles_search_idx" ON "kb_articles" USING gin ("search_doc")`,
    );
    await q.query(
      `CREATE INDEX "kb_articles_title_search_idx" ON "kb_articles" USING gin ("title_doc")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'kb_article_view_days',
      'kb_article_ratings',
      'kb_article_tickets',
      'kb_article_revisions',
      'kb_articles',
      'kb_section_organizations',
      'kb_sections',
      'kb_settings',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
    await q.query(`DROP FUNCTION rd_kb_article_search_trigger()`);
    await q.query(`DROP FUNCTION rd_plain_query(text)`);
  }
}
