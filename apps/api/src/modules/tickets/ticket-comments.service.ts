import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ForbiddenError } from '../../common/errors/domain-errors.js';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor.js';
import { Clock } from '../../common/time/clock.js';
import type { CreateCommentDto } from './dto/ticket-input.dto.js';
import type { CommentDto } from './dto/ticket.dto.js';
import { TicketAccessService } from './ticket-access.service.js';
import { writeComment } from './ticket-comment-writer.js';
import { TicketChange, TicketWriter } from './ticket-writer.js';
import { TicketStatusChanger } from './ticket-status-changer.service.js';
import type { Ticket } from './entities/ticket.entity.js';
import { type WorkflowDefinition, WorkflowService } from '../workflow/index.js';

interface CommentRow {
  id: string;
  ticket_id: string;
  body: string;
  internal: boolean;
  author_id: string | null;
  author_name: string | null;
  created_at: Date;
  cursor_at: string;
}

const SELECT_COMMENTS = `
  SELECT c.id, c.ticket_id, c.body, c.internal, c.author_id, u.name AS author_name, c.created_at,
         c.created_at::text AS cursor_at
    FROM ticket_comments c LEFT JOIN users u ON u.id = c.author_id`;

const toDto = (r: CommentRow): CommentDto => ({
  id: r.id,
  ticketId: r.ticket_id,
  body: r.body,
  internal: r.internal,
  author: r.author_id ? { id: r.author_id, name: r.author_name ?? '' } : null,
  createdAt: r.created_at.toISOString(),
});

@Injectable()
export class TicketCommentsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly access: TicketAccessService,
    private readonly workflows: WorkflowService,
    private readonly statusChanger: TicketStatusChanger,
    private readonly writer: TicketWriter,
  ) {}

  /** Oldest first, as a conversation reads. Clients never get internal comments. */
  async list(
    user: AuthUser,
    ticketId: string,
    limit = 100,
    cursorRaw?: string,
  ): Promise<Page<CommentDto>> {
    await this.access.loadVisible(user, ticketId);
    const cursor = decodeCursor(cursorRaw, 'timestamp');
    const params: unknown[] = [ticketId, limit + 1];
    let where = 'c.ticket_id = $1';
    if (user.role === 'client') where += ' AND NOT c.internal';
    if (cursor) {
      params.push(String(cursor.v), cursor.id);
      where += ` AND (c.created_at, c.id) > (CAST($3 AS timestamptz), CAST($4 AS uuid))`;
    }
    const rows = (await this.db.query(
      `${SELECT_COMMENTS}
        WHERE ${where}
        ORDER BY c.created_at, c.id
        LIMIT $2`,
      params,
    )) as CommentRow[];
    return toPage(rows, limit, toDto, (r) => ({ v: r.cursor_at, id: r.id }));
  }

  /**
   * A client's comment means the desk owes an answer (needsReply); a staff member's public
   * comment is that answer and the first one is the first response. Internal notes change
   * neither. Comments are not field edits, so the ticket's version stays.
   */
  /** `options.em`: inside the caller's transaction (a mail reply is stored with its raw message). */
  async create(
    user: AuthUser,
    ticketId: string,
    dto: CreateCommentDto,
    options: { em?: EntityManager } = {},
  ): Promise<CommentDto> {
    const isClient = user.role === 'client';
    if (isClient && dto.internal)
      throw new ForbiddenError('Clients cannot write internal comments');
    const internal = !isClient && dto.internal === true;
    const now = this.clock.now();
    const inTransaction = <T>(work: (em: EntityManager) => Promise<T>): Promise<T> =>
      options.em ? work(options.em) : this.db.transaction(work);
    const id = await inTransaction(async (em) => {
      // Locked: a reply may move the ticket (requester_replied), which must not race a transition.
      const ticket = await this.access.loadVisible(user, ticketId, { em, lock: true });
      await this.access.assertWritable(ticket, em);
      // The comment and a status change it triggers are one write of the ticket.
      const write = new TicketChange(ticketId, now);
      const commentId = await writeComment(
        em,
        {
          ticketId,
          authorId: user.id,
          authorIsClient: isClient,
          body: dto.body,
          internal,
          at: now,
        },
        write,
      );
      if (!internal && ticket.requesterId === user.id) {
        await this.onRequesterReply(em, ticket, now, write);
      }
      await this.writer.write(em, write);
      return commentId;
    });
    const rows = (await (options.em ?? this.db).query(`${SELECT_COMMENTS} WHERE c.id = $1`, [
      id,
    ])) as CommentRow[];
    return toDto(rows[0]);
  }

  /**
   * The requester answered: a status with a `requester_replied` trigger (HappyDesk: Waiting for
   * Customer, Fixed) moves on by itself; the system is the actor, the reply is the reason.
   */
  private async onRequesterReply(
    em: EntityManager,
    ticket: Ticket,
    at: Date,
    write: TicketChange,
  ): Promise<void> {
    const replyTrigger = (def: WorkflowDefinition) =>
      def.timers.find((t) => t.statusKey === ticket.status && t.trigger === 'requester_replied');
    // Most statuses have no reply trigger: the cached definition says so without a lock.
    if (!replyTrigger(await this.workflows.definition(ticket.workflowId, em))) return;
    const def = await this.workflows.definitionForWrite(ticket.workflowId, em);
    const trigger = replyTrigger(def);
    if (!trigger) return;
    await this.statusChanger.plan(
      em,
      { ticket, def, to: trigger.toStatus, actorId: null, postponeUntil: null, at },
      write,
    );
  }
}
