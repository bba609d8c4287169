import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import {
  BusinessRuleError,
  ConflictError,
  VersionConflictError,
} from '../../common/errors/domain-errors.js';
import { sql } from '../../common/database/sql.js';
import { Clock } from '../../common/time/clock.js';
import type { AssignmentDto } from './dto/ticket-input.dto.js';
import type { TicketDto } from './dto/ticket.dto.js';
import { TicketAccessService } from './ticket-access.service.js';
import { recordTicketEvents, type NewTicketEvent } from './ticket-events.js';
import {
  assertMayAssignTo,
  autoAssignedEvent,
  GroupDistributionService,
  groupLevel,
} from '../assignment/index.js';
import { TicketReferences } from './ticket-references.js';
import { TicketsService } from './tickets.service.js';

@Injectable()
export class TicketAssignmentService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly access: TicketAccessService,
    private readonly tickets: TicketsService,
    private readonly distribution: GroupDistributionService,
  ) {}

  /**
   * An agent takes an unassigned ticket. The claim is one conditional UPDATE: of two agents
   * taking at once, the database lets exactly one through and the other gets 409.
   */
  async take(user: AuthUser, ticketId: string, version?: number): Promise<TicketDto> {
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      const ticket = await this.access.loadVisible(user, ticketId, { em });
      if (version !== undefined && ticket.version !== version)
        throw new VersionConflictError(ticket.version);
      const claimed = await sql<{ group_id: string | null }>(
        em,
        `UPDATE tickets SET assignee_id = $2, version = version + 1, updated_at = $3
          WHERE id = $1 AND assignee_id IS NULL AND status_category IN ('new', 'open', 'pending')
          RETURNING group_id`,
        [ticketId, user.id, now],
      );
      if (claimed.length === 0) {
        // Not through the visibility rule: once taken by someone else the ticket may be
        // invisible to this agent, yet "someone was faster" is the honest answer.
        const [current] = await sql<{ version: number }>(
          em,
          'SELECT version FROM tickets WHERE id = $1',
          [ticketId],
        );
        throw new ConflictError('The ticket is already assigned or no longer open', {
          currentVersion: current?.version,
        });
      }
      await recordTicketEvents(em, ticketId, user.id, now, [
        {
          kind: 'taken',
          field: 'assigneeId',
          oldValue: { assigneeId: null, groupId: ticket.groupId },
          newValue: { assigneeId: user.id, groupId: claimed[0].group_id },
        },
      ]);
    });
    return this.tickets.get(user, ticketId);
  }

  async assign(user: AuthUser, ticketId: string, dto: AssignmentDto): Promise<TicketDto> {
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      const ticket = await this.access.loadVisible(user, ticketId, { em, lock: true });
      if (ticket.version !== dto.version) throw new VersionConflictError(ticket.version);
      if (dto.assigneeId === undefined && dto.groupId === undefined) {
        throw new BusinessRuleError('Say whom to assign: assigneeId and/or groupId', [
          { field: 'assigneeId', message: 'assigneeId or groupId is required' },
        ]);
      }
      const refs = new TicketReferences(em);
      if (dto.assigneeId) await refs.staff(dto.assigneeId, 'assigneeId');
      if (dto.groupId) await refs.group(dto.groupId);
      if (refs.errors.length > 0)
        throw new BusinessRuleError('The ticket cannot be assigned', refs.errors);
      if (dto.assigneeId && dto.assigneeId !== ticket.assigneeId) {
        await assertMayAssignTo(em, user, dto.assigneeId);
      }

      let assigneeId = dto.assigneeId !== undefined ? dto.assigneeId : ticket.assigneeId;
      const groupId = dto.groupId !== undefined ? dto.groupId : ticket.groupId;
      if (assigneeId === ticket.assigneeId && groupId === ticket.groupId) return;
      // The ticket is at its group's support level; a group without one takes it off the levels.
      const groupChanged = groupId !== ticket.groupId;
      const supportLevel = groupChanged ? await groupLevel(em, groupId) : ticket.supportLevel;
      const events: NewTicketEvent[] = [
        {
          kind: 'assigned',
          field: 'assigneeId',
          oldValue: { assigneeId: ticket.assigneeId, groupId: ticket.groupId },
          newValue: { assigneeId, groupId },
        },
      ];
      if (supportLevel !== ticket.supportLevel) {
        events.push({
          kind: 'field_changed',
          field: 'supportLevel',
          oldValue: ticket.supportLevel,
          newValue: supportLevel,
        });
      }
      // Landing in a group without an agent: the group's distribution may pick one.
      if (assigneeId === null && groupId) {
        const pick = await this.distribution.pick(em, groupId, now);
        if (pick) {
          assigneeId = pick.userId;
          events.push(
            autoAssignedEvent(groupId, pick.userId, pick.distribution, {
              assigneeId: null,
              groupId,
            }),
          );
        }
      }
      await em.query(
        `UPDATE tickets SET assignee_id = $2, group_id = $3, support_level = $5,
                version = version + 1, updated_at = $4
          WHERE id = $1`,
        [ticketId, assigneeId, groupId, now, supportLevel],
      );
      await recordTicketEvents(em, ticketId, user.id, now, events);
    });
    return this.tickets.get(user, ticketId);
  }
}
