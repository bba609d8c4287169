import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import type {
  KbSearchHitDto,
  KbSearchQueryDto,
  KbSuggestionsQueryDto,
  KbTypeaheadItemDto,
} from './dto/kb-search.dto.js';
import { kbArticleVisibility, type KbReader } from './kb-audience.js';
import { suggestionTermsSql, type SuggestionTier } from './kb-suggestion-terms.sql.js';
import { SUMMARY_COLUMNS, toSummary, type ArticleSummaryRow } from './kb-article-queries.js';

/** Control characters that cannot occur in an article: they mark the matches in ts_headline. */
const START = '\u0002';
const STOP = '\u0003';
/**
 * The Markdown syntax a fragment shows as noise (`**`, `#`, `>`, `|`, backticks, a link's or
 * image's brackets and target): fragments are plain text, so it is blanked out before
 * ts_headline picks them.
 */
const MARKDOWN_SYNTAX = '!?\\[|\\]\\([^)]*\\)|[*_`#>|~]+|^\\s*[-+]\\s';
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxFragments=2, MaxWords=25, MinWords=8, FragmentDelimiter=" … "`;

interface HitRow extends ArticleSummaryRow {
  rank: number;
  headline: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The headline as safe HTML: everything escaped, then only our markers become <mark>. */
export function highlightHtml(headline: string): string {
  return escapeHtml(headline).replaceAll(START, '<mark>').replaceAll(STOP, '</mark>');
}

/**
 * Matches ranked at most, so that no query costs more than this many ranks (about 1 µs each):
 * a word in more articles than this is ranked among the first ones found, not all of them.
 */
const SEARCH_CANDIDATES = 10_000;
/** The same bound for suggestions, which run while a client types and in ticket intake. */
const SUGGESTION_CANDIDATES = 500;

/** Words of free text for the type-ahead's prefix query: letters and digits only. */
function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}

/**
 * Search across title (A), tags (B) and body with the tickets' text handling (rd_search_query:
 * Russian stems, unaccented simple words), ranked; the audience rule is IN the query, so a
 * reader never gets a hit, a count or a fragment of an article they cannot open. ts_headline,
 * the costly part, runs on the returned page only.
 *
 * The rank is ts_rank (weighted frequency) divided by 1 + log(document length), not
 * ts_rank_cd: every match is ranked, and for a common word (5,000 matches in 100,000
 * articles) ts_rank_cd alone took 13 of the query's 19 ms, ts_rank 6. Cover density adds
 * little to KB queries of one or two words; the length normalisation keeps a short article
 * about the word above a long one that mentions it once.
 */
@Injectable()
export class KbSearchService {
  constructor(private readonly db: DataSource) {}

  async search(reader: KbReader, q: KbSearchQueryDto): Promise<KbSearchHitDto[]> {
    if (!q.q || words(q.q).length === 0) return [];
    const p = new SqlParams();
    const query = `rd_search_query(${p.add(q.q)})`;
    return this.ranked(reader, p, query, q.language, q.limit ?? 20);
  }

  /**
   * Articles that may answer a text being typed (a new ticket's subject and description): any
   * of its telling words may match (kb-suggestion-terms.sql.ts picks them), best first.
   */
  async suggestions(reader: KbReader, q: KbSuggestionsQueryDto): Promise<KbSearchHitDto[]> {
    if (!q.text || words(q.text).length === 0) return [];
    const text = q.text.slice(0, 2000);
    const limit = q.limit ?? 5;
    const search = (tier: SuggestionTier) => {
      const p = new SqlParams();
      const query = suggestionTermsSql(p.add(text), tier);
      // One article per translation group (its best-matching language): the same answer
      // twice in two languages is noise beside a form.
      return this.ranked(reader, p, query, q.language, limit, SUGGESTION_CANDIDATES, true);
    };
    const hits = await search('telling');
    if (hits.length >= limit) return hits;
    const seen = new Set(hits.map((h) => h.id));
    const more = (await search('common')).filter((h) => !seen.has(h.id));
    return [...hits, ...more].slice(0, limit);
  }

  private async ranked(
    reader: KbReader,
    p: SqlParams,
    query: string,
    language: string | undefined,
    limit: number,
    candidates = SEARCH_CANDIDATES,
    onePerTranslation = false,
  ): Promise<KbSearchHitDto[]> {
    const where = [`a.search_doc @@ q.query`, kbArticleVisibility(reader, p, 'a')];
    if (language) where.push(`a.language = ${p.add(language)}`);
    const rows = await sql<HitRow>(
      this.db,
      `WITH q AS (SELECT x.query, rd_headline_query(x.query) AS marks
                    FROM (SELECT ${query} AS query) x),
       matches AS (
         SELECT a.id, a.search_doc, a.translation_group_id FROM kb_articles a, q
          WHERE ${where.join(' AND ')}
          LIMIT ${candidates}),
       ranked AS (
         SELECT ${onePerTranslation ? 'DISTINCT ON (m.translation_group_id)' : ''}
                m.id, ts_rank(m.search_doc, q.query, 1) AS rank
           FROM matches m, q
          ${onePerTranslation ? 'ORDER BY m.translation_group_id, rank DESC, m.id' : ''}),
       top AS (
         SELECT r.id, r.rank FROM ranked r
          ORDER BY r.rank DESC, r.id
          LIMIT ${p.add(limit)})
       SELECT ${SUMMARY_COLUMNS}, top.rank,
              ts_headline('public.rd_headline'::regconfig,
                          regexp_replace(translate(left(a.body, 20000), E'\\u0002\\u0003', ''),
                                         ${p.add(MARKDOWN_SYNTAX)}, ' ', 'gn'), q.marks,
                          ${p.add(HEADLINE_OPTIONS)}) AS headline
         FROM top JOIN kb_articles a ON a.id = top.id, q
        ORDER BY top.rank DESC, a.id`,
      p.values,
    );
    return rows.map((r) => ({
      ...toSummary(r),
      rank: r.rank,
      highlight: highlightHtml(r.headline),
    }));
  }

  /** Titles starting with what was typed (the last word as a prefix), for the search box. */
  async typeahead(
    reader: KbReader,
    text: string | undefined,
    language: string | undefined,
    limit: number,
  ): Promise<KbTypeaheadItemDto[]> {
    const ws = words(text ?? '');
    if (ws.length === 0) return [];
    const p = new SqlParams();
    const tsquery = ws
      .map((w, i) => `'${w.replace(/'/g, '')}'${i === ws.length - 1 ? ':*' : ''}`)
      .join(' & ');
    const where = [
      `a.title_doc @@ to_tsquery('pg_catalog.simple'::regconfig, rd_unaccent(${p.add(tsquery)}))`,
      kbArticleVisibility(reader, p, 'a'),
    ];
    if (language) where.push(`a.language = ${p.add(language)}`);
    return sql<KbTypeaheadItemDto>(
      this.db,
      `SELECT a.id, a.title, a.language FROM kb_articles a
        WHERE ${where.join(' AND ')}
        ORDER BY a.view_count DESC, a.id
        LIMIT ${p.add(limit)}`,
      p.values,
    );
  }
}
