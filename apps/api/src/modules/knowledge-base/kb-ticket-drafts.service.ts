import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Permission, roleHasPermission, type KbLanguage } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { sql } from '../../common/database/sql.js';
import {
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import { recordTicketEvents, ticketVisibility } from '../tickets/index.js';
import { BODY_MAX, TITLE_MAX, type KbArticleDto } from './dto/kb-article.dto.js';
import type { KbDraftFromTicketDto } from './dto/kb-ticket.dto.js';
import { KbArticlesService } from './kb-articles.service.js';
import { DRAFT_HEADINGS, ticketDraftMarkdown } from './markdown/ticket-draft-markdown.js';

interface TicketRow {
  id: string;
  subject: string;
  description: string;
  status_category: string;
  requester_locale: KbLanguage | null;
}

interface CommentRow {
  body: string;
  author_name: string | null;
  solution: boolean;
}

/** What a draft may be written from: the work on the ticket is over. */
const FINISHED = ['resolved', 'closed'];

/**
 * The public answers of a ticket, oldest first: comments that are not internal, by staff (a
 * client's own messages are the question, not the answer). `solution`: the comment came with
 * the move into a resolved or closed status (a transition's comment: the status line and the
 * comment are one write, at the same instant by the same person), which is how the workflow
 * marks a solution; transitions that demand a comment (Pythagoras' "done") always have one.
 */
const PUBLIC_ANSWERS = `
  SELECT c.body, u.name AS author_name,
         EXISTS (SELECT 1 FROM ticket_events e
                   JOIN workflow_statuses ws ON ws.workflow_id = t.workflow_id
                                            AND ws.key = e.new_value #>> '{}'
                  WHERE e.ticket_id = c.ticket_id AND e.kind = 'status_changed'
                    AND ws.category IN ('resolved', 'closed')
                    AND e.actor_id = c.author_id
                    AND e.created_at >= c.created_at
                    AND e.created_at < c.created_at + interval '1 millisecond') AS solution
    FROM ticket_comments c
    JOIN tickets t ON t.id = c.ticket_id
    JOIN users u ON u.id = c.author_id AND u.role <> 'client'
   WHERE c.ticket_id = $1 AND NOT c.internal
   ORDER BY c.created_at, c.id
   LIMIT 200`;

/**
 * "Publish to knowledge base": a DRAFT article from a resolved or closed ticket (its subject;
 * its description and public answers, as literal text), linked to the ticket, with a staff-only
 * line in the ticket's history, all in one transaction. Internal notes, files and custom fields
 * never go in: the body is built from the description and non-internal comments alone.
 */
@Injectable()
export class KbTicketDraftsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly articles: KbArticlesService,
  ) {}

  async create(user: AuthUser, ticketId: string, dto: KbDraftFromTicketDto): Promise<KbArticleDto> {
    return this.db.transaction(async (em) => {
      const ticket = await this.visibleTicket(em, user, ticketId);
      // After visibility: whoever may not see the ticket learns nothing of it, not even a 403.
      if (!roleHasPermission(user.role, Permission.KbEdit)) {
        throw new ForbiddenError('Writing knowledge-base articles needs kb.edit');
      }
      if (!FINISHED.includes(ticket.status_category)) {
        throw new ConflictError(
          'Only a resolved or closed ticket can be published to the knowledge base',
          { statusCategory: ticket.status_category },
        );
      }
      const sectionId = dto.sectionId ?? (await this.defaultSection(em));
      const language = dto.language ?? ticket.requester_locale ?? user.locale;
      const answers = await sql<CommentRow>(em, PUBLIC_ANSWERS, [ticket.id]);
      const solved = answers.some((a) => a.solution);
      const pick = (solution: boolean) =>
        answers
          .filter((a) => !solved || a.solution === solution)
          .map((a) => ({ body: a.body, authorName: a.author_name }));
      // Without a marked solution every public answer is the solution the agent edits down.
      const body = ticketDraftMarkdown(
        ticket.description,
        { solution: pick(true), others: solved ? pick(false) : [] },
        DRAFT_HEADINGS[language],
        dto.includeAuthors === true,
      ).slice(0, BODY_MAX);
      const article = await this.articles.createIn(em, user, {
        sectionId,
        language,
        title: ticket.subject.trim().slice(0, TITLE_MAX) || `#${ticket.id}`,
        body,
      });
      const now = this.clock.now();
      await em.query(
        `INSERT INTO kb_article_tickets (article_id, ticket_id, created_by_id, created_at)
         VALUES ($1, $2, $3, $4)`,
        [article.id, ticket.id, user.id, now],
      );
      await recordTicketEvents(em, ticket.id, user.id, now, [
        {
          kind: 'kb_draft_created',
          newValue: { articleId: article.id, title: article.title },
          internal: true,
        },
      ]);
      return article;
    });
  }

  private async visibleTicket(
    em: EntityManager,
    user: AuthUser,
    ticketId: string,
  ): Promise<TicketRow> {
    const vis = ticketVisibility(user, 't');
    const row = await em
      .createQueryBuilder()
      .select([
        't.id AS id',
        't.subject AS subject',
        't.description AS description',
        't.status_category AS status_category',
        'r.locale AS requester_locale',
      ])
      .from('tickets', 't')
      .leftJoin('users', 'r', 'r.id = t.requester_id')
      .where('t.id = :kbDraftTicketId', { kbDraftTicketId: ticketId })
      .andWhere(vis.sql, vis.params)
      .getRawOne<TicketRow>();
    if (!row) throw new NotFoundError('Ticket');
    return row;
  }

  /** A draft from a ticket is the desk's text until someone edits it: a staff section first. */
  private async defaultSection(em: EntityManager): Promise<string> {
    const [row] = await sql<{ id: string }>(
      em,
      `SELECT id FROM kb_sections
        ORDER BY (audience = 'staff') DESC, cardinality(path), position, id LIMIT 1`,
    );
    if (!row) {
      throw new BusinessRuleError('The knowledge base has no section to put the draft in', [
        { field: 'sectionId', message: 'create a section first' },
      ]);
    }
    return row.id;
  }
}
