import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SupportLevel } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { sql } from '../../../common/database/sql.js';
import {
  BusinessRuleError,
  ConflictError,
  NotFoundError,
  VersionConflictError,
} from '../../../common/errors/domain-errors.js';
import { Clock } from '../../../common/time/clock.js';
import { TicketAccessService } from '../ticket-access.service.js';
import type { NewTicketEvent } from '../ticket-events.js';
import { TicketEscalated } from '../events/ticket.events.js';
import { reassignment, TicketWriter } from '../ticket-writer.js';
import { TicketQueries } from '../ticket-queries.js';
import { AssignmentStatusTriggers } from '../assignment-status-triggers.js';
import {
  autoAssignedEvent,
  firstGroupOfLevel,
  GroupDistributionService,
} from '../../assignment/index.js';
import type { EscalateTicketDto, TicketEscalationDto } from '../dto/escalation.dto.js';

const TOP_LEVEL = 3;

/**
 * HappyDesk's "Escalate to next level": the ticket moves to a group of the next support level,
 * leaves its agent (the new group's distribution may pick one at once) and the reason stays in
 * the history. A ticket at no level yet goes to L1.
 */
@Injectable()
export class TicketEscalationService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly access: TicketAccessService,
    private readonly queries: TicketQueries,
    private readonly distribution: GroupDistributionService,
    private readonly writer: TicketWriter,
    private readonly statusTriggers: AssignmentStatusTriggers,
  ) {}

  async escalate(
    user: AuthUser,
    ticketId: string,
    dto: EscalateTicketDto,
  ): Promise<TicketEscalationDto> {
    const now = this.clock.now();
    const result = await this.db.transaction(async (em) => {
      const ticket = await this.access.loadVisible(user, ticketId, { em, lock: true });
      if (ticket.version !== dto.version) throw new VersionConflictError(ticket.version);
      await this.access.assertWritable(ticket, em);
      if (!['new', 'open', 'pending'].includes(ticket.statusCategory)) {
        throw new ConflictError(`The ticket is ${ticket.status}: only open tickets are escalated`);
      }
      const from = ticket.supportLevel ?? 0;
      if (from >= TOP_LEVEL) {
        throw new ConflictError('The ticket is at the top support level (L3) already', {
          supportLevel: from,
        });
      }
      const level = (from + 1) as SupportLevel;
      let groupId: string | null;
      if (dto.groupId) {
        const [g] = await sql(
          em,
          'SELECT 1 FROM groups WHERE id = $1 AND active AND support_level = $2',
          [dto.groupId, level],
        );
        if (!g) {
          throw new BusinessRuleError('The ticket cannot be escalated to this group', [
            { field: 'groupId', message: `no active group of support level ${level} with this id` },
          ]);
        }
        groupId = dto.groupId;
      } else {
        groupId = await firstGroupOfLevel(em, level);
        if (!groupId) {
          throw new ConflictError(`No active group has support level ${level}`, {
            supportLevel: from || null,
          });
        }
      }

      const pick = await this.distribution.pick(em, groupId, now);
      const assigneeId = pick?.userId ?? null;
      const events: NewTicketEvent[] = [
        {
          kind: 'escalated',
          field: 'supportLevel',
          oldValue: {
            supportLevel: ticket.supportLevel,
            groupId: ticket.groupId,
            assigneeId: ticket.assigneeId,
          },
          newValue: { supportLevel: level, groupId, assigneeId: null, reason: dto.reason.trim() },
          internal: true,
        },
      ];
      if (pick) {
        events.push(
          autoAssignedEvent(groupId, pick.userId, pick.distribution, {
            assigneeId: null,
            groupId,
          }),
        );
      }
      const write = reassignment(
        ticket,
        { assigneeId, groupId, supportLevel: level },
        user.id,
        now,
      );
      write
        .record(user.id, events)
        .publish(
          new TicketEscalated(
            ticketId,
            ticket.supportLevel,
            level,
            groupId,
            assigneeId,
            user.id,
            now,
          ),
        );
      // The new group's distribution picked an agent: an `assigned` transition applies.
      await this.statusTriggers.plan(em, ticket, assigneeId, 'assigned', write);
      await this.writer.write(em, write);
      return { supportLevel: level, groupId, assigneeId };
    });
    const ticket = await this.queries.get(user, ticketId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    return { ...result, ticket };
  }
}
