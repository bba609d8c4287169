import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CUSTOM_FIELD_REF_PREFIX, type ProblemFieldError } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import {
  BusinessRuleError,
  ConflictError,
  TransitionNotAllowedError,
  VersionConflictError,
} from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import {
  type WorkflowDefinition,
  WorkflowService,
  type WorkflowTransition,
} from '../workflow/index.js';
import type { TransitionDto } from './dto/ticket-input.dto.js';
import type { TicketDto, TransitionOptionDto } from './dto/ticket.dto.js';
import type { Ticket } from './entities/ticket.entity.js';
import { TicketAccessService } from './ticket-access.service.js';
import { writeComment } from './ticket-comment-writer.js';
import { TicketChange, TicketWriter } from './ticket-writer.js';
import type { NewTicketEvent } from './ticket-events.js';
import { TicketLinksService } from './ticket-links.service.js';
import { TicketStatusChanger } from './ticket-status-changer.service.js';
import { TicketQueries } from './ticket-queries.js';

const DAY_MS = 86_400_000;

/** Ticket columns a transition can require, by the API's field name. */
const REQUIRABLE: Record<string, (t: Ticket) => unknown> = {
  assigneeId: (t) => t.assigneeId,
  groupId: (t) => t.groupId,
  dueAt: (t) => t.dueAt,
  categoryId: (t) => t.categoryId,
  projectId: (t) => t.projectId,
  organizationId: (t) => t.organizationId,
  typeId: (t) => t.typeId,
};

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** Required fields of a transition that the ticket has not filled yet. */
export function missingFields(transition: WorkflowTransition, ticket: Ticket): string[] {
  return transition.requiredFields.filter((field) => {
    if (field.startsWith(CUSTOM_FIELD_REF_PREFIX)) {
      return isEmpty(ticket.customFields?.[field.slice(CUSTOM_FIELD_REF_PREFIX.length)]);
    }
    const read = REQUIRABLE[field];
    return read ? isEmpty(read(ticket)) : false;
  });
}

/** Whether `user` may close a parent whose children are still open (recorded when they do). */
const mayForceClose = (user: AuthUser) => user.role === 'admin' || user.role === 'dispatcher';

@Injectable()
export class TicketTransitionsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly access: TicketAccessService,
    private readonly workflows: WorkflowService,
    private readonly queries: TicketQueries,
    private readonly statusChanger: TicketStatusChanger,
    private readonly writer: TicketWriter,
    private readonly links: TicketLinksService,
  ) {}

  async options(user: AuthUser, ticketId: string): Promise<TransitionOptionDto[]> {
    const ticket = await this.access.loadVisible(user, ticketId);
    const def = await this.workflows.definition(ticket.workflowId);
    return this.workflows
      .allowedFrom(def, ticket.status, this.workflows.actorFor(user, ticket))
      .map((t) => {
        const target = this.workflows.status(def, t.toStatus);
        return {
          to: t.toStatus,
          name: target?.name ?? { en: t.toStatus },
          category: target?.category ?? 'open',
          requiresPostpone: t.requiresPostpone,
          postponeMaxDays: t.requiresPostpone ? (target?.postponeMaxDays ?? null) : null,
          commentRequired: t.commentRequired,
          requiresDuplicateOf: t.requiresDuplicateOf,
          requiredFields: t.requiredFields,
          missingFields: missingFields(t, ticket),
        };
      });
  }

  async transition(user: AuthUser, ticketId: string, dto: TransitionDto): Promise<TicketDto> {
    await this.db.transaction((em) => this.transitionIn(em, user, ticketId, dto));
    return this.queries.get(user, ticketId);
  }

  /**
   * A person's transition inside the caller's transaction. Checks, in order: the version, that
   * the workflow allows this actor the move, then every business rule of the transition,
   * reporting them together. Public for actions of other modules that must commit with the
   * transition (the knowledge base's "this article solved my problem").
   */
  async transitionIn(
    em: EntityManager,
    user: AuthUser,
    ticketId: string,
    dto: TransitionDto,
  ): Promise<void> {
    const ticket = await this.access.loadVisible(user, ticketId, { em, lock: true });
    if (ticket.version !== dto.version) throw new VersionConflictError(ticket.version);
    const def = await this.workflows.definitionForWrite(ticket.workflowId, em);
    await this.transitionLocked(em, user, ticket, def, dto);
  }

  /**
   * An automatic move inside the caller's transaction (intake: a resolved alert), at the
   * ticket's current version. It happens only when the workflow lets the caller make it now
   * with nothing more to give (no postpone date, comment, duplicate, missing field or open
   * child); otherwise nothing happens and it answers false: a refusal is not an error here.
   */
  async transitionIfAllowed(
    em: EntityManager,
    user: AuthUser,
    ticketId: string,
    to: string,
  ): Promise<boolean> {
    const ticket = await this.access.loadVisible(user, ticketId, { em, lock: true });
    if (ticket.status === to) return false;
    const def = await this.workflows.definitionForWrite(ticket.workflowId, em);
    const transition = this.workflows
      .allowedFrom(def, ticket.status, this.workflows.actorFor(user, ticket))
      .find((t) => t.toStatus === to);
    if (
      !transition ||
      transition.requiresPostpone ||
      transition.commentRequired ||
      transition.requiresDuplicateOf ||
      missingFields(transition, ticket).length > 0
    ) {
      return false;
    }
    if (
      this.workflows.status(def, to)?.category === 'closed' &&
      (await this.links.openChildren(em, ticket.id)).length > 0
    ) {
      return false;
    }
    await this.transitionLocked(em, user, ticket, def, { to, version: ticket.version });
    return true;
  }

  /**
   * The transition of a ticket the caller has already loaded visible, locked and at the
   * version the request carries, with its workflow read for writing (`definitionForWrite`):
   * acceptance uses it to commit the rating and the status together without loading both again.
   */
  async transitionLocked(
    em: EntityManager,
    user: AuthUser,
    ticket: Ticket,
    def: WorkflowDefinition,
    dto: TransitionDto,
  ): Promise<void> {
    const now = this.clock.now();
    const allowed = this.workflows.allowedFrom(
      def,
      ticket.status,
      this.workflows.actorFor(user, ticket),
    );
    const transition = allowed.find((t) => t.toStatus === dto.to);
    if (!transition) {
      throw new TransitionNotAllowedError(
        ticket.status,
        dto.to,
        allowed.map((t) => t.toStatus),
      );
    }
    const target = this.workflows.status(def, dto.to)!;
    const errors: ProblemFieldError[] = [];

    let postponeUntil: Date | null = null;
    if (transition.requiresPostpone) {
      postponeUntil = dto.postponeUntil ? new Date(dto.postponeUntil) : null;
      if (!postponeUntil || postponeUntil.getTime() <= now.getTime()) {
        errors.push({ field: 'postponeUntil', message: 'must be a date-time in the future' });
      } else if (
        target.postponeMaxDays !== null &&
        postponeUntil.getTime() > now.getTime() + target.postponeMaxDays * DAY_MS
      ) {
        errors.push({
          field: 'postponeUntil',
          message: `must be at most ${target.postponeMaxDays} days ahead`,
        });
      }
    } else if (dto.postponeUntil !== undefined) {
      errors.push({ field: 'postponeUntil', message: 'is only for postponing transitions' });
    }
    if (transition.commentRequired && !dto.comment?.trim()) {
      errors.push({ field: 'comment', message: 'is required for this transition' });
    }
    for (const field of missingFields(transition, ticket)) {
      errors.push({ field, message: 'must be filled before this transition' });
    }
    if (transition.requiresDuplicateOf) {
      if (!dto.duplicateOfId) {
        errors.push({ field: 'duplicateOfId', message: 'name the ticket this one duplicates' });
      } else if (dto.duplicateOfId === ticket.id) {
        errors.push({ field: 'duplicateOfId', message: 'cannot be the ticket itself' });
      } else if (!(await this.access.isVisible(user, dto.duplicateOfId, em))) {
        errors.push({ field: 'duplicateOfId', message: 'no ticket with this id' });
      }
    } else if (dto.duplicateOfId !== undefined) {
      errors.push({ field: 'duplicateOfId', message: 'is only for duplicate transitions' });
    }
    if (errors.length > 0) {
      throw new BusinessRuleError(`Moving to "${dto.to}" needs more information`, errors);
    }

    const extraEvents: NewTicketEvent[] = [];
    if (target.category === 'closed') {
      const open = await this.links.openChildren(em, ticket.id);
      if (open.length > 0) {
        if (!dto.force || !mayForceClose(user)) {
          // The answer names only the children the caller may see (a client's parent ticket
          // can have children that are the desk's own), and does not count the others.
          const named: number[] = [];
          for (const c of open) {
            if (await this.access.isVisible(user, c.id, em)) named.push(c.number);
          }
          throw new ConflictError(
            'Child tickets are still open; close them first' +
              (mayForceClose(user) ? ' or force the close' : ''),
            { openChildren: named },
          );
        }
        extraEvents.push({
          kind: 'close_forced',
          newValue: { openChildren: open.map((c) => c.number) },
          internal: true,
        });
      }
    }

    // The status, its SLA consequences and the comment are one UPDATE of the ticket.
    const write = new TicketChange(ticket.id, now);
    await this.statusChanger.plan(
      em,
      { ticket, def, to: dto.to, actorId: user.id, postponeUntil, at: now, extraEvents },
      write,
    );
    if (dto.comment?.trim()) {
      await writeComment(
        em,
        {
          ticketId: ticket.id,
          authorId: user.id,
          authorIsClient: user.role === 'client',
          body: dto.comment,
          internal: false,
          at: now,
        },
        write,
      );
    }
    await this.writer.write(em, write);
    if (transition.requiresDuplicateOf && dto.duplicateOfId) {
      await this.links.link(em, {
        ticketId: ticket.id,
        otherId: dto.duplicateOfId,
        relation: 'duplicate_of',
        actorId: user.id,
        at: now,
        selfWritten: true,
      });
    }
  }
}
