// The `kb` scenario of `npm run bench` (issue 17): BENCH_KB_ARTICLES knowledge-base articles
// (100,000 by default) across en/ru/cs in sections of every audience, seeded set-based with
// generate_series into the bench database (kept for the next run, like the tickets), then the
// search and the type-ahead at ONE connection as a client (the audience rule in the query) and
// as staff. Targets: search p95 < 20 ms, type-ahead p95 < 15 ms (report.mjs). docs/performance.md.
import { CZECH, ENGLISH, RUSSIAN, words } from './words.mjs';

/** Bump when the generated articles change, so an old bench database gets them anew. */
export const KB_SEED_VERSION = 1;

export const BENCH_CLIENT = {
  email: 'bench.client@bench.relaydesk.test',
  password: 'bench-client-password',
};

/** In 5% of articles (2% in the title, 3% in the body), every language: what people search. */
export const KB_COMMON_TERM = 'roaming';
/** In 0.1% of articles, in Russian inflected forms: the stemmer must fold them. */
export const KB_RARE_TERM = 'ареометр';
const KB_RARE_FORMS = ['ареометр', 'ареометра', 'ареометром', 'ареометре'];
/** Subject and description of a new ticket, from the seed's vocabulary (so every word is common). */
const KB_SUGGESTION_TEXT =
  'Не работает принтер в офисе. Ошибка доступа к сети после обновления, просим помочь срочно';
const SECTIONS_PER_AUDIENCE = 10;

async function seedInfo(db) {
  await db.query('CREATE SCHEMA IF NOT EXISTS bench');
  await db.query('CREATE TABLE IF NOT EXISTS bench.kb_seed_info (info jsonb NOT NULL)');
  const { rows } = await db.query('SELECT info FROM bench.kb_seed_info LIMIT 1');
  return rows[0]?.info ?? null;
}

/**
 * Sections: per audience ten top sections, each second one with a subsection; two clients
 * sections are for one organization only. Articles go round the leaf and top sections.
 */
async function seedKb(db, articles, log) {
  const started = Date.now();
  await db.query('DELETE FROM kb_articles');
  await db.query('DELETE FROM kb_section_organizations');
  await db.query('DELETE FROM kb_sections WHERE parent_id IS NOT NULL');
  await db.query('DELETE FROM kb_sections');
  await db.query(
    `INSERT INTO kb_sections (id, path, name, audience, position)
     SELECT g.id, ARRAY[g.id], 'Bench ' || g.audience || ' ' || g.i, g.audience, g.i
       FROM (SELECT gen_random_uuid() AS id, a.audience, i
               FROM unnest(ARRAY['public', 'clients', 'staff']) AS a(audience),
                    generate_series(1, $1::int) AS i) g`,
    [SECTIONS_PER_AUDIENCE],
  );
  await db.query(
    `INSERT INTO kb_sections (id, parent_id, path, name, audience, position)
     SELECT g.id, s.id, s.path || g.id, s.name || ' / sub', s.audience, 0
       FROM (SELECT gen_random_uuid() AS id, s.id AS parent FROM kb_sections s WHERE s.position % 2 = 0) g
       JOIN kb_sections s ON s.id = g.parent`,
  );
  await db.query(
    `INSERT INTO kb_section_organizations (section_id, organization_id)
     SELECT s.id, (SELECT id FROM organizations ORDER BY id LIMIT 1)
       FROM kb_sections s WHERE s.audience = 'clients' AND s.parent_id IS NULL AND s.position IN (3, 5)`,
  );
  // One statement: hashing the row number picks the words, so a seed of a size is the same
  // every time. The search trigger computes the documents (rd_search_vector, as tickets).
  const lists = [ENGLISH, RUSSIAN, CZECH].map((l) => words(l));
  await db.query(
    `WITH sections AS (SELECT array_agg(id ORDER BY id) AS ids FROM kb_sections),
          vocab AS (SELECT $2::text[] AS en, $3::text[] AS ru, $4::text[] AS cs)
     INSERT INTO kb_articles (id, section_id, title, body, tags, language, translation_group_id,
                              status, published_at, view_count, created_at, updated_at)
     SELECT g.id, sections.ids[1 + g.n % cardinality(sections.ids)],
            initcap(w[1 + h1 % wl]) || ' ' || w[1 + h2 % wl] || ' ' || w[1 + h3 % wl]
              || CASE WHEN n % 50 = 7 THEN ' ' || $5 ELSE '' END,
            (SELECT string_agg(w[1 + ((h1 * k + h2 * k * k + h3) % wl)], ' ') FROM generate_series(1, 60) k)
              || CASE WHEN n % 100 IN (11, 12, 13) THEN ' ' || $5 ELSE '' END
              || CASE WHEN n % 1000 = 17 THEN ' ' || ($6::text[])[1 + h2 % 4] ELSE '' END,
            ARRAY[w[1 + h2 % wl], w[1 + h3 % wl]]::varchar[],
            lang, g.id,
            CASE WHEN n % 20 = 0 THEN 'draft' WHEN n % 50 = 1 THEN 'archived' ELSE 'published' END,
            now() - make_interval(mins => n), n % 997, now() - make_interval(mins => n), now() - make_interval(mins => n)
       FROM (SELECT n, gen_random_uuid() AS id FROM generate_series(1, $1::int) AS n) g, sections, vocab,
            LATERAL (SELECT (ARRAY['en', 'ru', 'cs'])[1 + n % 3] AS lang) l,
            LATERAL (SELECT CASE l.lang WHEN 'en' THEN vocab.en WHEN 'ru' THEN vocab.ru ELSE vocab.cs END AS w) wv,
            LATERAL (SELECT cardinality(wv.w) AS wl,
                            (hashint4(n)::bigint & 2147483647) AS h1,
                            (hashint4(n + 1000003)::bigint & 2147483647) AS h2,
                            (hashint4(n + 2000003)::bigint & 2147483647) AS h3) h`,
    [articles, ...lists, KB_COMMON_TERM, KB_RARE_FORMS],
  );
  await db.query('VACUUM (ANALYZE) kb_articles');
  await db.query('ANALYZE kb_sections');
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const count = async (q) =>
    Number(
      (
        await db.query(
          `SELECT count(*)::int AS n FROM kb_articles WHERE search_doc @@ rd_search_query($1)`,
          [q],
        )
      ).rows[0].n,
    );
  const info = {
    version: KB_SEED_VERSION,
    articles,
    seedSeconds: seconds,
    commonTerm: KB_COMMON_TERM,
    commonTermArticles: await count(KB_COMMON_TERM),
    rareTerm: KB_RARE_TERM,
    rareTermArticles: await count(KB_RARE_TERM),
  };
  await db.query('DELETE FROM bench.kb_seed_info');
  await db.query('INSERT INTO bench.kb_seed_info (info) VALUES ($1)', [info]);
  log(
    `seeded ${articles} knowledge-base articles in ${seconds} s ("${KB_COMMON_TERM}" in ${info.commonTermArticles}, "${KB_RARE_TERM}" in ${info.rareTermArticles})`,
  );
  return info;
}

/** A client of the organization the restricted sections are for, so every rule branch runs. */
async function ensureClient(db, hashPassword) {
  const { rowCount } = await db.query('SELECT 1 FROM users WHERE email = $1', [BENCH_CLIENT.email]);
  if (rowCount) return;
  await db.query(
    `INSERT INTO users (email, password_hash, name, role, organization_id, locale)
     VALUES ($1, $2, 'Bench Client', 'client', (SELECT id FROM organizations ORDER BY id LIMIT 1), 'ru')`,
    [BENCH_CLIENT.email, await hashPassword(BENCH_CLIENT.password)],
  );
}

/** Seeds (unless this size is there) and returns the rows to measure. */
export async function prepareKb({ withDb, articles, hashPassword, log }) {
  return withDb(async (db) => {
    await ensureClient(db, hashPassword);
    const info = await seedInfo(db);
    if (info?.version === KB_SEED_VERSION && info.articles === articles) {
      log(`reusing the seeded knowledge base (${info.articles} articles)`);
      return info;
    }
    return seedKb(db, articles, log);
  });
}

/** The kb reads, each at one connection: `token` picks the reader. */
export function kbReads({ clientToken, staffToken }) {
  const q = (term) => encodeURIComponent(term);
  return [
    {
      name: `kb search (common) as client: q=${KB_COMMON_TERM}`,
      kind: 'kb-search',
      path: `/api/v1/kb/search?q=${q(KB_COMMON_TERM)}`,
      token: clientToken,
    },
    {
      name: `kb search (rare, inflected) as client: q=${KB_RARE_TERM}`,
      kind: 'kb-search',
      path: `/api/v1/kb/search?q=${q('ареометрами')}`,
      token: clientToken,
    },
    {
      name: `kb search (common) as staff: q=${KB_COMMON_TERM}`,
      kind: 'kb-search',
      path: `/api/v1/kb/search?q=${q(KB_COMMON_TERM)}`,
      token: staffToken,
    },
    {
      // A new ticket's text as the portal sends it while the client types (and as the automatic
      // answer reads it): every word of it is common in the seed, the worst case for picking.
      name: 'kb suggestions as client: a new ticket text of common words',
      kind: 'kb-suggestions',
      path: `/api/v1/kb/suggestions?text=${q(KB_SUGGESTION_TEXT)}`,
      token: clientToken,
    },
    {
      name: 'kb type-ahead as client: q=roa',
      kind: 'kb-typeahead',
      path: '/api/v1/kb/typeahead?q=roa',
      token: clientToken,
    },
    {
      name: 'kb type-ahead as client, two words: q=ремонт ком',
      kind: 'kb-typeahead',
      path: `/api/v1/kb/typeahead?q=${q('ремонт ком')}`,
      token: clientToken,
    },
  ];
}

/** A kb answer is right when it is a 200 with items (each search found its term). */
export function probeKb(res) {
  const items = res.body?.items ?? [];
  if (res.status !== 200) return { ok: false, detail: `status ${res.status}` };
  if (items.length === 0) return { ok: false, detail: 'no items' };
  return { ok: true, detail: `${items.length} items` };
}
