/**
 * The words of a free text (a new ticket's subject and description) that suggestions search
 * for, as one tsquery of alternatives, in two tiers.
 *
 * A description is full of words that are in most articles ("not", "please", "working"); ORed
 * together they matched a third of a 100,000-article KB, and ranking those took 800 ms. So in
 * a large KB the words are picked by how rare they are, from PostgreSQL's own statistics of
 * the column (pg_stats.most_common_elems, kept by ANALYZE), which covers the stop words of
 * every language without a list:
 * - `telling`: the words the statistics do not list, which are rarer than every listed one or
 *   absent (costing nothing), the longest UNLISTED_TERMS of them; and the listed words in at
 *   most COMMON_TERM_SHARE of the articles, the rarest LISTED_TERMS of them.
 * - `common`: the rarest listed word above that share, searched only when the telling words
 *   found too few articles: ORed with them, its many matches would fill the candidates (see
 *   SUGGESTION_CANDIDATES) before the telling ones.
 * A single letter ("e" of "E-23") tells nothing and is left out.
 * Below LARGE_KB articles (or before the first ANALYZE) every word is telling: ranking all the
 * matches of a small KB is cheap, and there a word's share says little.
 */
export const LARGE_KB = 10_000;
export const UNLISTED_TERMS = 24;
export const LISTED_TERMS = 8;
export const COMMON_TERM_SHARE = 0.05;

export type SuggestionTier = 'telling' | 'common';

/** SQL for the tsquery; `text` is the placeholder of the (already shortened) text. */
export function suggestionTermsSql(text: string, tier: SuggestionTier): string {
  const small = `(SELECT reltuples < ${LARGE_KB} FROM pg_class WHERE oid = 'kb_articles'::regclass)`;
  const keep =
    tier === 'telling'
      ? `${small}
         OR (c.freq IS NULL AND c.n <= ${UNLISTED_TERMS})
         OR (c.freq <= ${COMMON_TERM_SHARE} AND c.n <= ${LISTED_TERMS})`
      : `NOT ${small} AND c.freq > ${COMMON_TERM_SHARE} AND c.n_common = 1`;
  // Each lexeme is quoted for the tsquery syntax (backslash and quote escaped).
  return `(SELECT coalesce(string_agg(
                    '''' || replace(replace(c.w, E'\\\\', E'\\\\\\\\'), '''', '''''') || '''',
                    ' | '), '')::tsquery
             FROM (SELECT w.w, st.freq,
                          row_number() OVER (PARTITION BY st.freq IS NULL
                                             ORDER BY st.freq, length(w.w) DESC, w.w) AS n,
                          row_number() OVER (PARTITION BY st.freq > ${COMMON_TERM_SHARE}
                                             ORDER BY st.freq, w.w) AS n_common
                     FROM (SELECT DISTINCT w FROM unnest(tsvector_to_array(rd_search_vector(${text}))) w
                            WHERE length(w) > 1) w
                     LEFT JOIN (SELECT e.elem, e.freq
                                  FROM pg_stats ps,
                                       unnest(ps.most_common_elems::text::text[],
                                              ps.most_common_elem_freqs) AS e(elem, freq)
                                 WHERE ps.schemaname = current_schema()
                                   AND ps.tablename = 'kb_articles'
                                   AND ps.attname = 'search_doc') st ON st.elem = w.w) c
            WHERE ${keep})`;
}
