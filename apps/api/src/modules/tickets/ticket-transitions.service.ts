import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import {
  BusinessRuleError,
  TransitionNotAllowedError,
  VersionConflictError,
} from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import { WorkflowService, type WorkflowDefinition } from '../workflow/workflow.service.js';
import type { TransitionDto } from './dto/ticket-input.dto.js';
import type { TicketDto, TransitionOptionDto } from './dto/ticket.dto.js';
import type { Ticket } from './entities/ticket.entity.js';
import { TicketAccessService } from './ticket-access.service.js';
import { recordTicketEvents, type NewTicketEvent } from './ticket-events.js';
import { writeComment } from './ticket-comment-writer.js';
import { TicketsService } from './tickets.service.js';

export interface StatusChange {
  ticket: Ticket;
  def: WorkflowDefinition;
  to: string;
  actorId: string | null;
  postponeUntil: Date | null;
  at: Date;
}

@Injectable()
export class TicketTransitionsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly access: TicketAccessService,
    private readonly workflows: WorkflowService,
    private readonly tickets: TicketsService,
  ) {}

  async options(user: AuthUser, ticketId: string): Promise<TransitionOptionDto[]> {
    const ticket = await this.access.loadVisible(user, ticketId);
    const def = await this.workflows.definition(ticket.workflowId);
    return this.workflows
      .allowedFrom(def, ticket.status, this.workflows.actorFor(user, ticket.requesterId))
      .map((t) => ({
        to: t.toStatus,
        name: this.workflows.status(def, t.toStatus)?.name ?? { en: t.toStatus },
        requiresPostpone: t.requiresPostpone,
        commentRequired: t.commentRequired,
      }));
  }

  async transition(user: AuthUser, ticketId: string, dto: TransitionDto): Promise<TicketDto> {
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      const ticket = await this.access.loadVisible(user, ticketId, { em, lock: true });
      if (ticket.version !== dto.version) throw new VersionConflictError(ticket.version);
      const def = await this.workflows.definition(ticket.workflowId, em);
      const allowed = this.workflows.allowedFrom(
        def,
        ticket.status,
        this.workflows.actorFor(user, ticket.requesterId),
      );
      const transition = allowed.find((t) => t.toStatus === dto.to);
      if (!transition) {
        throw new TransitionNotAllowedError(
          ticket.status,
          dto.to,
          allowed.map((t) => t.toStatus),
        );
      }

      let postponeUntil: Date | null = null;
      if (transition.requiresPostpone) {
        postponeUntil = dto.postponeUntil ? new Date(dto.postponeUntil) : null;
        if (!postponeUntil || postponeUntil.getTime() <= now.getTime()) {
          throw new BusinessRuleError(`Moving to "${dto.to}" needs a postponeUntil in the future`, [
            { field: 'postponeUntil', message: 'must be a date-time in the future' },
          ]);
        }
      } else if (dto.postponeUntil !== undefined) {
        throw new BusinessRuleError(`"${dto.to}" does not take a postponeUntil`, [
          { field: 'postponeUntil', message: 'is only for postponing transitions' },
        ]);
      }
      if (transition.commentRequired && !dto.comment?.trim()) {
        throw new BusinessRuleError(`Moving to "${dto.to}" needs a comment`, [
          { field: 'comment', message: 'is required for this transition' },
        ]);
      }

      await this.applyStatusChange(em, {
        ticket,
        def,
        to: dto.to,
        actorId: user.id,
        postponeUntil,
        at: now,
      });
      if (dto.comment?.trim()) {
        await writeComment(em, {
          ticketId: ticket.id,
          authorId: user.id,
          authorIsClient: user.role === 'client',
          body: dto.comment,
          internal: false,
          at: now,
        });
      }
    });
    return this.tickets.get(user, ticketId);
  }

  /**
   * Moves a ticket to another status of its workflow and records it; shared by people's
   * transitions and the scheduler's timed ones. The caller holds the row lock.
   */
  async applyStatusChange(em: EntityManager, change: StatusChange): Promise<void> {
    const { ticket, def, to, actorId, postponeUntil, at } = change;
    const target = this.workflows.status(def, to);
    if (!target) throw new TransitionNotAllowedError(ticket.status, to, []);
    await em.query(
      `UPDATE tickets SET
         status = $2, status_category = $3::varchar, postponed_until = $4,
         resolved_at = CASE WHEN $3::varchar = 'resolved' THEN $5::timestamptz
                            WHEN $3::varchar IN ('closed', 'canceled') THEN resolved_at ELSE NULL END,
         closed_at = CASE WHEN $3::varchar IN ('closed', 'canceled') THEN $5::timestamptz ELSE NULL END,
         version = version + 1, updated_at = $5
       WHERE id = $1`,
      [ticket.id, target.key, target.category, postponeUntil, at],
    );
    const events: NewTicketEvent[] = [
      { kind: 'status_changed', field: 'status', oldValue: ticket.status, newValue: target.key },
    ];
    const oldPostpone = ticket.postponedUntil?.toISOString() ?? null;
    const newPostpone = postponeUntil?.toISOString() ?? null;
    if (oldPostpone !== newPostpone) {
      events.push({
        kind: 'field_changed',
        field: 'postponedUntil',
        oldValue: oldPostpone,
        newValue: newPostpone,
      });
    }
    await recordTicketEvents(em, ticket.id, actorId, at, events);
  }
}
