import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import { Ticket } from './entities/ticket.entity.js';
import { ticketVisibility } from './ticket-visibility.js';

/** Loads one ticket through the visibility rule: invisible and missing are the same 404. */
@Injectable()
export class TicketAccessService {
  constructor(private readonly db: DataSource) {}

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
}
