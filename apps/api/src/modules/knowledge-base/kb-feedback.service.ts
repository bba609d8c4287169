import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { iso } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { BusinessRuleError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import { ticketVisibility } from '../tickets/index.js';
import type {
  KbRatingDto,
  KbRelatedTicketDto,
  KbVoteDto,
  KbVoteResultDto,
} from './dto/kb-misc.dto.js';
import { KbArticleQueries } from './kb-article-queries.js';

/** Readers' votes and the article ↔ ticket links. */
@Injectable()
export class KbFeedbackService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly queries: KbArticleQueries,
  ) {}

  /**
   * One vote per user and article: voting again replaces it. The counters on the article move
   * in the same statement's transaction, by the difference the new vote makes.
   */
  async vote(user: AuthUser, articleId: string, dto: KbVoteDto): Promise<KbVoteResultDto> {
    return this.db.transaction(async (em) => {
      await this.queries.assertVisible(user, articleId, em);
      await em.query('SELECT 1 FROM kb_articles WHERE id = $1 FOR UPDATE', [articleId]);
      const [before] = await sql<{ helpful: boolean }>(
        em,
        'SELECT helpful FROM kb_article_ratings WHERE article_id = $1 AND user_id = $2',
        [articleId, user.id],
      );
      const now = this.clock.now();
      await em.query(
        `INSERT INTO kb_article_ratings (article_id, user_id, helpful, comment, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (article_id, user_id) DO UPDATE
           SET helpful = EXCLUDED.helpful, comment = EXCLUDED.comment, updated_at = EXCLUDED.updated_at`,
        [articleId, user.id, dto.helpful, dto.comment?.trim() || null, now],
      );
      const delta = (helpful: boolean) =>
        (dto.helpful === helpful ? 1 : 0) - (before?.helpful === helpful ? 1 : 0);
      const [counts] = await sql<{ helpful_count: number; not_helpful_count: number }>(
        em,
        `UPDATE kb_articles SET helpful_count = helpful_count + $2,
                                not_helpful_count = not_helpful_count + $3
          WHERE id = $1 RETURNING helpful_count, not_helpful_count`,
        [articleId, delta(true), delta(false)],
      );
      return {
        helpful: dto.helpful,
        helpfulCount: counts.helpful_count,
        notHelpfulCount: counts.not_helpful_count,
      };
    });
  }

  async ratings(user: AuthUser, articleId: string): Promise<KbRatingDto[]> {
    await this.queries.assertVisible(user, articleId);
    const rows = await sql<{
      user_id: string;
      name: string;
      helpful: boolean;
      comment: string | null;
      updated_at: Date;
    }>(
      this.db,
      `SELECT r.user_id, u.name, r.helpful, r.comment, r.updated_at
         FROM kb_article_ratings r JOIN users u ON u.id = r.user_id
        WHERE r.article_id = $1 ORDER BY r.updated_at DESC, r.user_id LIMIT 500`,
      [articleId],
    );
    return rows.map((r) => ({
      user: { id: r.user_id, name: r.name },
      helpful: r.helpful,
      comment: r.comment,
      updatedAt: iso(r.updated_at),
    }));
  }

  /** The linked tickets the caller may see (THE ticket rule); the others are left out. */
  async tickets(user: AuthUser, articleId: string): Promise<KbRelatedTicketDto[]> {
    await this.queries.assertVisible(user, articleId);
    const vis = ticketVisibility(user, 't');
    const rows = await this.db
      .createQueryBuilder()
      .select([
        't.id AS id',
        't.number AS number',
        't.subject AS subject',
        'l.created_at AS linked_at',
      ])
      .from('kb_article_tickets', 'l')
      .innerJoin('tickets', 't', 't.id = l.ticket_id')
      .where('l.article_id = :kbArticleId', { kbArticleId: articleId })
      .andWhere(vis.sql, vis.params)
      .orderBy('l.created_at', 'DESC')
      .getRawMany<{ id: string; number: string; subject: string; linked_at: Date }>();
    return rows.map((r) => ({
      id: r.id,
      number: Number(r.number),
      subject: r.subject,
      linkedAt: iso(r.linked_at),
    }));
  }

  async link(user: AuthUser, articleId: string, ticketId: string): Promise<KbRelatedTicketDto[]> {
    await this.queries.assertVisible(user, articleId);
    const vis = ticketVisibility(user, 't');
    const visible = await this.db
      .createQueryBuilder()
      .select('t.id', 'id')
      .from('tickets', 't')
      .where('t.id = :kbTicketId', { kbTicketId: ticketId })
      .andWhere(vis.sql, vis.params)
      .getRawOne<{ id: string }>();
    if (!visible) {
      throw new BusinessRuleError('No such ticket', [
        { field: 'ticketId', message: 'no such ticket' },
      ]);
    }
    await this.db.query(
      `INSERT INTO kb_article_tickets (article_id, ticket_id, created_by_id, created_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [articleId, ticketId, user.id, this.clock.now()],
    );
    return this.tickets(user, articleId);
  }
}
