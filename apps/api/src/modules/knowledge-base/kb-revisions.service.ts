import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { iso } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import type {
  KbRevisionDiffDto,
  KbRevisionDto,
  KbRevisionSummaryDto,
} from './dto/kb-revision.dto.js';
import { lineDiff } from './markdown/line-diff.js';

interface RevisionRow {
  number: number;
  title: string;
  body: string;
  tags: string[];
  author_id: string | null;
  author_name: string | null;
  restored_from: number | null;
  created_at: Date;
}

const SELECT = `SELECT r.number, r.title, r.body, r.tags, r.author_id, u.name AS author_name,
                       r.restored_from, r.created_at
                  FROM kb_article_revisions r LEFT JOIN users u ON u.id = r.author_id`;

function summary(r: RevisionRow): KbRevisionSummaryDto {
  return {
    number: r.number,
    title: r.title,
    author: r.author_id ? { id: r.author_id, name: r.author_name ?? '' } : null,
    restoredFrom: r.restored_from,
    createdAt: iso(r.created_at),
  };
}

/** An article's history (staff): every save, one revision to open, a diff between two. */
@Injectable()
export class KbRevisionsService {
  constructor(private readonly db: DataSource) {}

  async list(articleId: string): Promise<KbRevisionSummaryDto[]> {
    await this.assertArticle(articleId);
    const rows = await sql<RevisionRow>(
      this.db,
      `${SELECT} WHERE r.article_id = $1 ORDER BY r.number DESC`,
      [articleId],
    );
    return rows.map(summary);
  }

  async get(articleId: string, number: number): Promise<KbRevisionDto> {
    const [row] = await sql<RevisionRow>(
      this.db,
      `${SELECT} WHERE r.article_id = $1 AND r.number = $2`,
      [articleId, number],
    );
    if (!row) throw new NotFoundError('Revision');
    return { ...summary(row), body: row.body, tags: row.tags };
  }

  /** From the older `from` to `to`: lines removed and added, tags removed and added. */
  async diff(articleId: string, from: number, to: number): Promise<KbRevisionDiffDto> {
    const [a, b] = await Promise.all([this.get(articleId, from), this.get(articleId, to)]);
    return {
      from,
      to,
      title: lineDiff(a.title, b.title),
      body: lineDiff(a.body, b.body),
      tagsAdded: b.tags.filter((t) => !a.tags.includes(t)),
      tagsRemoved: a.tags.filter((t) => !b.tags.includes(t)),
    };
  }

  private async assertArticle(id: string): Promise<void> {
    const rows = await sql(this.db, 'SELECT 1 FROM kb_articles WHERE id = $1', [id]);
    if (rows.length === 0) throw new NotFoundError('Article');
  }
}
