import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Locale, Role } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../common/errors/domain-errors.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { Clock } from '../../common/time/clock.js';
import { isTicketVisible, TicketCreated, TicketTransitionsService } from '../tickets/index.js';
import type { TicketKbSuggestionDto, TicketKbSuggestionsDto } from './dto/kb-auto-answer.dto.js';
import { isKbStaff, kbArticleVisibility, type KbAudienceReader } from './kb-audience.js';
import { suggestionTermsSql } from './kb-suggestion-terms.sql.js';

/**
 * The text of a new ticket the automatic answer reads: the subject and the start of the
 * description. The work stays bounded however long a mailed-in description is, and the start
 * of a description is where people say what is wrong.
 */
export const AUTO_ANSWER_TEXT_MAX = 1000;
/** Articles offered at most, and candidates (by rank) scored to pick them. */
export const AUTO_ANSWER_MAX = 3;
const CANDIDATES = 50;
/**
 * It runs in the ticket's own transaction, so its cost is bounded like the suggestions': the
 * telling words of the text only (kb-suggestion-terms.sql.ts: ORing every word matched a third
 * of a 100,000-article KB), and at most this many matches ranked.
 */
const MATCHES = 500;

/** The requester's comment on the closing transition: who and why, in their language. */
const SOLVED_COMMENT: Record<Locale, (title: string) => string> = {
  en: (title) => `This solved my problem: the knowledge-base article "${title}".`,
  ru: (title) => `Проблема решена статьёй базы знаний «${title}».`,
  cs: (title) => `Problém vyřešil článek znalostní báze „${title}“.`,
};

/** Where a solved ticket goes: the workflow's requester move to closed, else to resolved. */
const SOLVED_CATEGORIES = ['closed', 'resolved'] as const;
const FINISHED_CATEGORIES = ['resolved', 'closed', 'canceled'];

interface Requester {
  role: Role;
  organization_id: string | null;
  locale: Locale;
  enabled: boolean;
}

interface SuggestionRow {
  article_id: string;
  title: string;
  language: TicketKbSuggestionDto['language'];
  position: number;
  score: number;
  solved_at: Date | null;
  solved_by_id: string | null;
  solved_by_name: string | null;
}

/**
 * A ticket's suggestions as `reader` may read them now (THE audience rule: an article archived
 * or moved out of the reader's sections since is left out). Staff also get the score and who
 * marked the solution.
 */
async function readSuggestions(
  em: EntityManager,
  reader: KbAudienceReader,
  ticketId: string,
): Promise<TicketKbSuggestionDto[]> {
  const p = new SqlParams();
  const rows = await sql<SuggestionRow>(
    em,
    `SELECT s.article_id, a.title, a.language, s.position, s.score, s.solved_at,
            s.solved_by_id, u.name AS solved_by_name
       FROM ticket_kb_suggestions s
       JOIN kb_articles a ON a.id = s.article_id
       LEFT JOIN users u ON u.id = s.solved_by_id
      WHERE s.ticket_id = ${p.add(ticketId)} AND ${kbArticleVisibility(reader, p, 'a')}
      ORDER BY s.position`,
    p.values,
  );
  const staff = isKbStaff(reader);
  return rows.map((r) => ({
    articleId: r.article_id,
    title: r.title,
    language: r.language,
    position: r.position,
    solvedAt: r.solved_at?.toISOString() ?? null,
    ...(staff
      ? {
          score: Math.round(r.score * 1000) / 1000,
          solvedBy: r.solved_by_id ? { id: r.solved_by_id, name: r.solved_by_name ?? '' } : null,
        }
      : {}),
  }));
}

/**
 * The suggestions of a ticket for its acknowledgement mail (the notifications module's
 * fan-out), as its requester may read them when the mail is written.
 */
export async function autoAnswerArticlesForMail(
  em: EntityManager,
  ticketId: string,
): Promise<{ articles: { id: string; title: string }[]; closable: boolean }> {
  // `closable`: the workflow has a requester move from the ticket's status to a closed or
  // resolved one, so the mail's "This solved my problem" leads to a button (the click itself
  // goes through the workflow's full check).
  const [requester] = await sql<{
    role: Role;
    organization_id: string | null;
    closable: boolean;
  }>(
    em,
    `SELECT u.role, u.organization_id,
            EXISTS (SELECT 1 FROM workflow_transitions wt
                      JOIN workflow_statuses ws
                        ON ws.workflow_id = wt.workflow_id AND ws.key = wt.to_status
                     WHERE wt.workflow_id = t.workflow_id AND wt.from_status = t.status
                       AND (wt.allow_requester OR u.role = ANY(wt.allowed_roles))
                       AND ws.category IN ('closed', 'resolved') AND NOT wt.requires_postpone
                   ) AS closable
       FROM tickets t JOIN users u ON u.id = t.requester_id
      WHERE t.id = $1 AND EXISTS (SELECT 1 FROM ticket_kb_suggestions s WHERE s.ticket_id = t.id)`,
    [ticketId],
  );
  if (!requester) return { articles: [], closable: false };
  const rows = await readSuggestions(
    em,
    { role: requester.role, organizationId: requester.organization_id },
    ticketId,
  );
  return {
    articles: rows.map((r) => ({ id: r.articleId, title: r.title })),
    closable: requester.closable,
  };
}

/**
 * The automatic answer (HappyDesk's first line): when a client's ticket is filed, by any
 * channel, up to three published articles that the requester may read and that match it well
 * enough are kept for it (`ticket_kb_suggestions`), in the ticket's own transaction. The
 * acknowledgement mail lists them, the portal's ticket page shows them, and the requester can
 * close the ticket with the one that solved it.
 *
 * The score (0-1) is the share of the article title's distinct words (stemmed, unaccented)
 * that the ticket's text contains. See docs/knowledge-base.md "Automatic answer" for why.
 */
@Injectable()
export class KbAutoAnswer {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly transitions: TicketTransitionsService,
    events: DomainEvents,
  ) {
    // Only a client's ticket is answered: staff filing for themselves keep the create's single
    // statement (no transaction opened for a listener with nothing to do).
    events.on(
      TicketCreated,
      (e, em) => this.suggest(em, e.ticketId, e.requesterId),
      (facts) => facts.requesterIsClient === true,
    );
  }

  /** Picks and keeps the suggestions of a new ticket (nothing for staff or when switched off). */
  async suggest(em: EntityManager, ticketId: string, requesterId: string | null): Promise<void> {
    if (!requesterId) return;
    const [requester] = await sql<Requester>(
      em,
      `SELECT u.role, u.organization_id, u.locale, ks.auto_answer_enabled AS enabled
         FROM users u CROSS JOIN kb_settings ks WHERE u.id = $1 AND ks.id = 1`,
      [requesterId],
    );
    if (!requester?.enabled || requester.role !== 'client') return;
    const p = new SqlParams();
    const ticket = p.add(ticketId);
    const language = p.add(requester.locale);
    const visible = kbArticleVisibility(
      { role: requester.role, organizationId: requester.organization_id },
      p,
      'a',
    );
    // Words as lexemes of the 'russian' configuration (Russian stems, English stems for Latin
    // words, stop words dropped) of the unaccented text, on both sides alike.
    const lexemes = (text: string) =>
      `tsvector_to_array(to_tsvector('pg_catalog.russian'::regconfig, rd_unaccent(${text})))`;
    await sql(
      em,
      `WITH src AS (
         SELECT left(t.subject || E'\\n' || coalesce(t.description, ''), ${p.add(AUTO_ANSWER_TEXT_MAX)}) AS text
           FROM tickets t WHERE t.id = ${ticket}),
       q AS (
         SELECT ${suggestionTermsSql('src.text', 'telling')} AS query,
                ${lexemes('src.text')} AS words
           FROM src),
       matches AS (
         SELECT a.id, a.language, a.translation_group_id, a.title, a.search_doc
           FROM kb_articles a, q
          WHERE a.search_doc @@ q.query AND ${visible}
          LIMIT ${MATCHES}),
       candidates AS (
         SELECT a.id, a.language, a.translation_group_id,
                ts_rank(a.search_doc, q.query, 1) AS rank, ${lexemes('a.title')} AS title_words
           FROM matches a, q
          ORDER BY rank DESC, a.id
          LIMIT ${p.add(CANDIDATES)}),
       scored AS (
         SELECT c.*,
                (SELECT count(*) FROM unnest(c.title_words) w WHERE w = ANY(q.words))::real
                  / greatest(cardinality(c.title_words), 1) AS score
           FROM candidates c, q),
       one_per_group AS (
         SELECT DISTINCT ON (s.translation_group_id) s.*
           FROM scored s, kb_settings ks
          WHERE ks.id = 1 AND s.score >= ks.auto_answer_min_score
          ORDER BY s.translation_group_id, (s.language = ${language}) DESC, s.score DESC,
                   s.rank DESC, s.id),
       ranked AS (
         SELECT g.id, g.score,
                row_number() OVER (ORDER BY (g.language = ${language}) DESC, g.score DESC,
                                            g.rank DESC, g.id) AS position
           FROM one_per_group g)
       INSERT INTO ticket_kb_suggestions (ticket_id, article_id, position, score, created_at)
       SELECT ${ticket}, r.id, r.position, r.score, ${p.add(this.clock.now())}
         FROM ranked r WHERE r.position <= ${p.add(AUTO_ANSWER_MAX)}`,
      p.values,
    );
  }

  /**
   * A ticket's suggestions as the reader may see them now: the ticket must be visible (404),
   * and a client gets only articles they can still open (one archived or moved since is gone).
   */
  async list(user: AuthUser, ticketId: string): Promise<TicketKbSuggestionsDto> {
    if (!(await isTicketVisible(this.db.manager, user, ticketId))) {
      throw new NotFoundError('Ticket');
    }
    const items = await readSuggestions(this.db.manager, user, ticketId);
    const canClose =
      items.length > 0 &&
      !items.some((i) => i.solvedAt) &&
      (await this.closingMove(user, ticketId)) !== undefined;
    return { items, canClose };
  }

  /** The requester's workflow move that "solved" makes now: to closed, else to resolved. */
  private async closingMove(user: AuthUser, ticketId: string) {
    const [ticket] = await sql<{ requester_id: string | null }>(
      this.db,
      'SELECT requester_id FROM tickets WHERE id = $1',
      [ticketId],
    );
    if (ticket?.requester_id !== user.id) return undefined;
    const options = await this.transitions.options(user, ticketId);
    return SOLVED_CATEGORIES.map((category) =>
      options.find(
        (o) =>
          o.category === category &&
          !o.requiresPostpone &&
          !o.requiresDuplicateOf &&
          o.missingFields.length === 0,
      ),
    ).find((o) => o !== undefined);
  }

  /**
   * "This solved my problem": the requester closes the ticket with a suggested article, by the
   * workflow's own requester transition (to closed, else to resolved) with a comment naming the
   * article, and the article is recorded as the solution, in one transaction. Once: a second
   * time is a 409 (the partial unique index holds it under a race too).
   */
  async solve(
    user: AuthUser,
    ticketId: string,
    articleId: string,
    version: number,
  ): Promise<TicketKbSuggestionsDto> {
    const [ticket] = await sql<{ requester_id: string | null; solved: boolean }>(
      this.db,
      `SELECT t.requester_id,
              EXISTS (SELECT 1 FROM ticket_kb_suggestions s
                       WHERE s.ticket_id = t.id AND s.solved_at IS NOT NULL) AS solved
         FROM tickets t WHERE t.id = $1`,
      [ticketId],
    );
    if (!ticket || !(await isTicketVisible(this.db.manager, user, ticketId))) {
      throw new NotFoundError('Ticket');
    }
    if (ticket.requester_id !== user.id) {
      throw new ForbiddenError('Only the requester closes a ticket as solved by an article');
    }
    const [suggestion] = await readSuggestions(this.db.manager, user, ticketId).then((rows) =>
      rows.filter((r) => r.articleId === articleId),
    );
    if (!suggestion) throw new NotFoundError('Suggested article');
    if (ticket.solved) {
      throw new ConflictError('This ticket was already closed as solved by an article');
    }
    const target = await this.closingMove(user, ticketId);
    if (!target) {
      const [row] = await sql<{ category: string }>(
        this.db,
        `SELECT status_category AS category FROM tickets WHERE id = $1`,
        [ticketId],
      );
      throw new ConflictError(
        FINISHED_CATEGORIES.includes(row?.category ?? '')
          ? 'The ticket is already resolved or closed'
          : 'The workflow does not let the requester close this ticket now',
      );
    }
    await this.db.transaction(async (em) => {
      // The transition first: it locks the ticket, so a second click waits for this one and
      // then finds the version or the status moved (409), never a unique violation.
      await this.transitions.transitionIn(em, user, ticketId, {
        to: target.to,
        version,
        comment: SOLVED_COMMENT[user.locale](suggestion.title),
      });
      const marked = await sql<{ article_id: string }>(
        em,
        `UPDATE ticket_kb_suggestions SET solved_at = $3, solved_by_id = $4
          WHERE ticket_id = $1 AND article_id = $2 AND solved_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM ticket_kb_suggestions o
                             WHERE o.ticket_id = $1 AND o.solved_at IS NOT NULL)
        RETURNING article_id`,
        [ticketId, articleId, this.clock.now(), user.id],
      );
      if (marked.length === 0) {
        throw new ConflictError('This ticket was already closed as solved by an article');
      }
    });
    return { items: await readSuggestions(this.db.manager, user, ticketId), canClose: false };
  }
}
