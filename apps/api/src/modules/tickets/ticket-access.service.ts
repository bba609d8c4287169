import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ConflictError, NotFoundError } from '../../common/errors/domain-errors.js';
import { WorkflowService } from '../workflow/index.js';
import { Ticket } from './entities/ticket.entity.js';
import { isTicketVisible, ticketVisibility } from './ticket-visibility.js';

/** Loads one ticket through the visibility rule: invisible and missing are the same 404. */
@Injectable()
export class TicketAccessService {
  constructor(
    private readonly db: DataSource,
    private readonly workflows: WorkflowService,
  ) {}

  async loadVisible(
    user: AuthUser,
    ticketId: string,
    options: { em?: EntityManager; lock?: boolean } = {},
  ): Promise<Ticket> {
    const vis = ticketVisibility(user, 't');
    const qb = (options.em ?? this.db.manager)
      .createQueryBuilder(Ticket, 't')
      .where('t.id = :ticketId', { ticketId })
      .andWhere(vis.sql, vis.params);
    if (options.lock) qb.setLock('pessimistic_write');
    const ticket = await qb.getOne();
    if (!ticket) throw new NotFoundError('Ticket');
    return ticket;
  }

  /** Whether the caller may see a ticket, without loading it (for references to other tickets). */
  async isVisible(user: AuthUser, ticketId: string, em?: EntityManager): Promise<boolean> {
    return isTicketVisible(em ?? this.db.manager, user, ticketId);
  }

  /**
   * A ticket in a read-only status (archived, e.g. Pythagoras' Closed) takes no comments, files
   * or edits: 409, since the ticket exists and is visible but its state forbids the change.
   * Read from the cached workflow definition, like every other status rule.
   */
  async assertWritable(ticket: Pick<Ticket, 'status' | 'workflowId'>, em?: EntityManager) {
    const def = await this.workflows.definition(ticket.workflowId, em);
    if (this.workflows.status(def, ticket.status)?.readOnly) {
      throw new ConflictError(`The ticket is ${ticket.status}: it is archived and read-only`);
    }
  }
}
