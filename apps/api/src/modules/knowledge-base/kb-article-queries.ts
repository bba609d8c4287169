import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { iso, SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import {
  decodeCursor,
  invalidCursorError,
  toPage,
  type Page,
} from '../../common/pagination/cursor.js';
import type {
  KbArticleDto,
  KbArticleSummaryDto,
  KbArticlesQueryDto,
} from './dto/kb-article.dto.js';
import { isKbStaff, kbArticleVisibility, type KbReader } from './kb-audience.js';
import { renderMarkdown } from './markdown/render-markdown.js';

export interface ArticleSummaryRow {
  id: string;
  section_id: string;
  title: string;
  tags: string[];
  language: KbArticleSummaryDto['language'];
  status: KbArticleSummaryDto['status'];
  published_at: Date | null;
  updated_at: Date;
}

interface ArticleRow extends ArticleSummaryRow {
  body: string;
  translation_group_id: string;
  author_id: string | null;
  author_name: string | null;
  reviewed_by_id: string | null;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  helpful_count: number;
  not_helpful_count: number;
  view_count: string;
  my_vote: boolean | null;
  version: number;
  created_at: Date;
}

export const SUMMARY_COLUMNS = `a.id, a.section_id, a.title, a.tags, a.language, a.status, a.published_at, a.updated_at`;

export function toSummary(r: ArticleSummaryRow): KbArticleSummaryDto {
  return {
    id: r.id,
    sectionId: r.section_id,
    title: r.title,
    tags: r.tags,
    language: r.language,
    status: r.status,
    publishedAt: r.published_at ? iso(r.published_at) : null,
    updatedAt: iso(r.updated_at),
  };
}

/** The read side of articles: every query starts from THE audience rule (kb-audience.ts). */
@Injectable()
export class KbArticleQueries {
  constructor(private readonly db: DataSource) {}

  /** A page of the articles the reader sees, most recently updated first (keyset). */
  async page(reader: KbReader, q: KbArticlesQueryDto): Promise<Page<KbArticleSummaryDto>> {
    const p = new SqlParams();
    const where = [kbArticleVisibility(reader, p, 'a')];
    if (q.sectionId) where.push(`a.section_id = ${p.add(q.sectionId)}`);
    if (q.language) where.push(`a.language = ${p.add(q.language)}`);
    if (q.status) where.push(`a.status = ${p.add(q.status)}`);
    const limit = q.limit ?? 50;
    if (q.sort === 'popular') return this.popularPage(q.cursor, where, p, limit);
    const cursor = decodeCursor(q.cursor, 'timestamp');
    if (cursor) {
      if (typeof cursor.v !== 'string') throw invalidCursorError();
      where.push(
        `(a.updated_at, a.id) < (${p.add(cursor.v)}::timestamptz, ${p.add(cursor.id)}::uuid)`,
      );
    }
    const rows = await sql<ArticleSummaryRow>(
      this.db,
      `SELECT ${SUMMARY_COLUMNS} FROM kb_articles a WHERE ${where.join(' AND ')}
        ORDER BY a.updated_at DESC, a.id DESC LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    return toPage(rows, limit, toSummary, (r) => ({ v: r.updated_at.toISOString(), id: r.id }));
  }

  /**
   * Most viewed first, keyset on (view_count, id): read backwards along kb_articles_popular_idx,
   * so a page stops after `limit` visible rows instead of sorting every article the reader sees.
   * The count is a number in the cursor, so a cursor of the `recent` order is a 400 here.
   */
  private async popularPage(
    rawCursor: string | undefined,
    where: string[],
    p: SqlParams,
    limit: number,
  ): Promise<Page<KbArticleSummaryDto>> {
    const cursor = decodeCursor(rawCursor, 'integer');
    if (cursor) {
      where.push(`(a.view_count, a.id) < (${p.add(cursor.v)}::bigint, ${p.add(cursor.id)}::uuid)`);
    }
    const rows = await sql<ArticleSummaryRow & { view_count: string }>(
      this.db,
      `SELECT ${SUMMARY_COLUMNS}, a.view_count FROM kb_articles a WHERE ${where.join(' AND ')}
        ORDER BY a.view_count DESC, a.id DESC LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
    return toPage(rows, limit, toSummary, (r) => ({ v: Number(r.view_count), id: r.id }));
  }

  /** Whether the reader sees the article (404 otherwise); for the paths that act on one. */
  async assertVisible(
    reader: KbReader,
    id: string,
    em: EntityManager = this.db.manager,
  ): Promise<void> {
    const p = new SqlParams();
    const rows = await sql<{ id: string }>(
      em,
      `SELECT a.id FROM kb_articles a WHERE a.id = ${p.add(id)} AND ${kbArticleVisibility(reader, p, 'a')}`,
      p.values,
    );
    if (rows.length === 0) throw new NotFoundError('Article');
  }

  async get(
    reader: KbReader,
    id: string,
    em: EntityManager = this.db.manager,
  ): Promise<KbArticleDto> {
    const p = new SqlParams();
    const idParam = p.add(id);
    const userParam = p.add(reader?.id ?? null);
    const [row] = await sql<ArticleRow>(
      em,
      `SELECT ${SUMMARY_COLUMNS}, a.body, a.translation_group_id, a.author_id, au.name AS author_name,
              a.reviewed_by_id, rv.name AS reviewed_by_name, a.reviewed_at, a.helpful_count,
              a.not_helpful_count, a.view_count, a.version, a.created_at,
              (SELECT r.helpful FROM kb_article_ratings r
                WHERE r.article_id = a.id AND r.user_id = ${userParam}::uuid) AS my_vote
         FROM kb_articles a
         LEFT JOIN users au ON au.id = a.author_id
         LEFT JOIN users rv ON rv.id = a.reviewed_by_id
        WHERE a.id = ${idParam} AND ${kbArticleVisibility(reader, p, 'a')}`,
      p.values,
    );
    if (!row) throw new NotFoundError('Article');
    const tp = new SqlParams();
    const translations = await sql<{
      id: string;
      language: KbArticleDto['language'];
      title: string;
    }>(
      em,
      `SELECT a.id, a.language, a.title FROM kb_articles a
        WHERE a.translation_group_id = ${tp.add(row.translation_group_id)} AND a.id <> ${tp.add(id)}
          AND ${kbArticleVisibility(reader, tp, 'a')}
        ORDER BY a.language`,
      tp.values,
    );
    const staff = isKbStaff(reader);
    return {
      ...toSummary(row),
      bodyHtml: renderMarkdown(row.body, { publicReader: reader === null }),
      body: staff ? row.body : null,
      translationGroupId: row.translation_group_id,
      translations,
      author: row.author_id ? { id: row.author_id, name: row.author_name ?? '' } : null,
      reviewedBy: row.reviewed_by_id
        ? { id: row.reviewed_by_id, name: row.reviewed_by_name ?? '' }
        : null,
      reviewedAt: row.reviewed_at ? iso(row.reviewed_at) : null,
      helpfulCount: row.helpful_count,
      notHelpfulCount: row.not_helpful_count,
      viewCount: Number(row.view_count),
      myVote: row.my_vote,
      version: row.version,
      createdAt: iso(row.created_at),
    };
  }
}
