import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ProblemFieldError, StatusCategory } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import {
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  TransitionNotAllowedError,
  VersionConflictError,
} from '../../../common/errors/domain-errors.js';
import { Clock } from '../../../common/time/clock.js';
import {
  type WorkflowDefinition,
  WorkflowService,
  type WorkflowTransition,
} from '../../workflow/index.js';
import type { TicketDto } from '../dto/ticket.dto.js';
import { TicketAccessService } from '../ticket-access.service.js';
import { TicketTransitionsService } from '../ticket-transitions.service.js';
import { TicketQueries } from '../ticket-queries.js';
import { TicketWriter } from '../ticket-writer.js';
import { RATING_COMMENT_MAX, type AcceptanceDto } from './dto/satisfaction.dto.js';
import { writeRating } from './rating-writer.js';

/**
 * Where each decision sends a resolved ticket, by status category, in order of preference: a
 * rejection goes back to work, and "open" is work in progress while "new" would put the ticket
 * back in the intake queue.
 */
const TARGETS: Record<AcceptanceDto['decision'], StatusCategory[]> = {
  accept: ['closed'],
  reject: ['open', 'new'],
};

/**
 * Staff who may record the requester's answer for them (it came by phone or mail). Agents may
 * not: the rating judges their own work.
 */
const mayActForRequester = (user: AuthUser) => user.role === 'admin' || user.role === 'dispatcher';

/**
 * The requester's answer to a resolution: accept (closed, with a rating) or reject (back to work,
 * with a public comment saying why). The status moves along the workflow's own transitions,
 * through the transition engine, in the same transaction as the rating.
 */
@Injectable()
export class TicketAcceptanceService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly access: TicketAccessService,
    private readonly workflows: WorkflowService,
    private readonly transitions: TicketTransitionsService,
    private readonly queries: TicketQueries,
    private readonly writer: TicketWriter,
  ) {}

  async decide(user: AuthUser, ticketId: string, dto: AcceptanceDto): Promise<TicketDto> {
    await this.db.transaction(async (em) => {
      const now = this.clock.now();
      const ticket = await this.access.loadVisible(user, ticketId, { em, lock: true });
      if (ticket.requesterId !== user.id && !mayActForRequester(user)) {
        throw new ForbiddenError(
          'Only the requester accepts or rejects a resolution (or a dispatcher or admin for them)',
        );
      }
      if (ticket.version !== dto.version) throw new VersionConflictError(ticket.version);
      if (ticket.statusCategory !== 'resolved') {
        throw new ConflictError('Only a resolved ticket can be accepted or rejected', {
          currentStatus: ticket.status,
        });
      }

      const def = await this.workflows.definitionForWrite(ticket.workflowId, em);
      const allowed = this.workflows.allowedFrom(
        def,
        ticket.status,
        this.workflows.actorFor(user, ticket),
      );
      const transition = this.pick(def, allowed, TARGETS[dto.decision]);
      if (!transition) {
        throw new TransitionNotAllowedError(
          ticket.status,
          `a status of category ${TARGETS[dto.decision].join(' or ')}`,
          allowed.map((t) => t.toStatus),
        );
      }

      const comment = dto.comment?.trim() ? dto.comment : undefined;
      const errors: ProblemFieldError[] = [];
      // Only the requester rates: staff recording the answer for them record no rating (the
      // satisfaction report counts the requesters' own judgement, never the desk's).
      const isRequester = ticket.requesterId === user.id;
      if (dto.decision === 'accept') {
        if (!isRequester && dto.rating !== undefined) {
          errors.push({
            field: 'rating',
            message: 'only the requester rates; record the acceptance without a rating',
          });
        } else if (isRequester && dto.rating === undefined) {
          errors.push({ field: 'rating', message: 'rate the resolution from 1 to 5 to accept it' });
        }
        if (comment && comment.length > RATING_COMMENT_MAX) {
          errors.push({
            field: 'comment',
            message: `a rating's comment has at most ${RATING_COMMENT_MAX} characters`,
          });
        }
      } else {
        if (!comment) {
          errors.push({ field: 'comment', message: 'say what is still wrong to reject' });
        }
        if (dto.rating !== undefined) {
          errors.push({ field: 'rating', message: 'is given when accepting, not rejecting' });
        }
      }
      if (errors.length > 0) {
        throw new BusinessRuleError(`Cannot ${dto.decision} the resolution as sent`, errors);
      }

      // A rejection's comment is the conversation's next message. An acceptance's comment belongs
      // to the rating, unless the workflow insists on a public comment for closing.
      const publicComment =
        dto.decision === 'reject' || transition.commentRequired ? comment : undefined;
      await this.transitions.transitionLocked(em, user, ticket, def, {
        to: transition.toStatus,
        version: dto.version,
        ...(publicComment ? { comment: publicComment } : {}),
      });

      if (dto.decision === 'accept' && isRequester && dto.rating !== undefined) {
        await writeRating(em, this.writer, {
          ticketId: ticket.id,
          rating: dto.rating,
          comment: comment ?? null,
          ratedById: user.id,
          assigneeId: ticket.assigneeId,
          via: 'portal',
          linkNonce: null,
          at: now,
        });
      }
    });
    return this.queries.get(user, ticketId);
  }

  /**
   * The first transition (in the workflow's order) to a status of the most preferred category.
   * Transitions that need input acceptance cannot give (a postpone date, a duplicate) are passed
   * over rather than failing later.
   */
  private pick(
    def: WorkflowDefinition,
    allowed: WorkflowTransition[],
    categories: StatusCategory[],
  ): WorkflowTransition | undefined {
    for (const category of categories) {
      const hit = allowed.find(
        (t) =>
          !t.requiresPostpone &&
          !t.requiresDuplicateOf &&
          this.workflows.status(def, t.toStatus)?.category === category,
      );
      if (hit) return hit;
    }
    return undefined;
  }
}
