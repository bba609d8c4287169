import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search fragments mark what the search matched, accents or not (issue 17). The search finds
 * Czech words through their unaccented forms ("pozadavek" finds "požadavek"), but ts_headline
 * with the Russian configuration reads "požadavek" as itself, so such a fragment marked nothing.
 *
 * `rd_headline` is the Russian configuration with the non-ASCII words unaccented before they are
 * stemmed: "požadavek" becomes "pozadavek", as the search's unaccented half has it; Cyrillic
 * words stem as before ("ё" read as "е"). `rd_headline_query` turns a search query into the OR
 * of its lexemes plus their `rd_headline` forms, so a fragment marks every word that matched
 * any way, whatever the query's AND/OR shape. Both run on a returned page only.
 */
export class KbHeadlineConfig1765850000001 implements MigrationInterface {
  name = 'KbHeadlineConfig1765850000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TEXT SEARCH CONFIGURATION public.rd_headline (COPY = pg_catalog.russian)`,
    );
    await q.query(`ALTER TEXT SEARCH CONFIGURATION public.rd_headline
      ALTER MAPPING FOR word, hword, hword_part WITH public.unaccent, pg_catalog.russian_stem`);
    // Lexemes are read from the query's text form ('word' & 'other':*), quotes doubled inside.
    await q.query(`CREATE FUNCTION rd_headline_query(tsquery) RETURNS tsquery
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT coalesce(string_agg(DISTINCT quote_literal(v.x), ' | ')::tsquery, $1)
              FROM (SELECT replace(m[1], '''''', '''') AS l
                      FROM regexp_matches($1::text, '''((?:[^'']|'''')*)''', 'g') m) w,
                   LATERAL (SELECT w.l
                            UNION
                            SELECT unnest(tsvector_to_array(
                                     to_tsvector('public.rd_headline'::regconfig, w.l)))) v(x) $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION rd_headline_query(tsquery)');
    await q.query('DROP TEXT SEARCH CONFIGURATION public.rd_headline');
  }
}
