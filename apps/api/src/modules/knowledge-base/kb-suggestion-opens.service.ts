import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { sql } from '../../common/database/sql.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { ForbiddenError, NotFoundError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import { TicketFiledAfterSuggestions } from '../tickets/index.js';
import type { RecordKbSuggestionOpenDto } from './dto/kb-suggestion-open.dto.js';
import { KbArticleQueries } from './kb-article-queries.js';

/**
 * What a deflection is made of, written by the server alone: a client opening a suggested article
 * from the new-ticket form (here), and the ticket filed with the form's session id (the listener
 * below, in the create's transaction). Nothing is reported by the browser when the client leaves:
 * the report decides "deflected" from these rows and the clock (kb-deflection-report.service.ts).
 */
@Injectable()
export class KbSuggestionOpensService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly queries: KbArticleQueries,
    events: DomainEvents,
  ) {
    events.on(TicketFiledAfterSuggestions, (e, em) => this.markFiled(e, em));
  }

  /**
   * Records that the client opened the article in the session; again for the same session and
   * article changes nothing. The article must be one the client sees (404 otherwise, as
   * everywhere), and the session must be theirs (another client's id is a 404 too).
   */
  async record(user: AuthUser, dto: RecordKbSuggestionOpenDto): Promise<void> {
    // Staff read suggestions in the composer, not on the portal's form: their opens would count
    // articles that never stood in for a client's ticket.
    if (user.role !== 'client') {
      throw new ForbiddenError('Only clients record the suggestions they open');
    }
    await this.db.transaction(async (em) => {
      await this.queries.assertVisible(user, dto.articleId, em);
      const now = this.clock.now();
      await em.query(
        `INSERT INTO kb_suggestion_sessions (id, user_id, started_at, last_opened_at)
         VALUES ($1, $2, $3, $3) ON CONFLICT (id) DO NOTHING`,
        [dto.sessionId, user.id, now],
      );
      // Locked: two opens of one session at once each see the other's open row, or wait for it.
      const [session] = await sql<{ user_id: string }>(
        em,
        `SELECT user_id FROM kb_suggestion_sessions WHERE id = $1 FOR NO KEY UPDATE`,
        [dto.sessionId],
      );
      if (session?.user_id !== user.id) throw new NotFoundError('Suggestion session');
      const opened = await sql(
        em,
        `INSERT INTO kb_suggestion_opens (session_id, article_id, opened_at) VALUES ($1, $2, $3)
         ON CONFLICT (session_id, article_id) DO NOTHING RETURNING article_id`,
        [dto.sessionId, dto.articleId, now],
      );
      if (opened.length > 0) {
        await em.query(
          `UPDATE kb_suggestion_sessions SET last_opened_at = GREATEST(last_opened_at, $2)
            WHERE id = $1`,
          [dto.sessionId, now],
        );
      }
    });
  }

  /** Only the session's own client filing marks it: staff filing for them is not their choice. */
  private async markFiled(e: TicketFiledAfterSuggestions, em: EntityManager): Promise<void> {
    await em.query(
      `UPDATE kb_suggestion_sessions SET filed_at = $3, ticket_id = $4
        WHERE id = $1 AND user_id = $2 AND filed_at IS NULL`,
      [e.suggestionSessionId, e.actorId, e.at, e.ticketId],
    );
  }
}
