import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Permission, roleHasPermission } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import {
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  VersionConflictError,
} from '../../common/errors/domain-errors.js';
import { sql } from '../../common/database/sql.js';
import { Clock } from '../../common/time/clock.js';
import type { AssignmentDto } from './dto/ticket-input.dto.js';
import type { TicketDto } from './dto/ticket.dto.js';
import { TicketAssigned } from './events/ticket.events.js';
import { reassignment, TicketChange, TicketWriter } from './ticket-writer.js';
import { TicketAccessService } from './ticket-access.service.js';
import type { NewTicketEvent } from './ticket-events.js';
import {
  assertMayAssignTo,
  autoAssignedEvent,
  GroupDistributionService,
  groupLevel,
} from '../assignment/index.js';
import { TicketReferences } from './ticket-references.js';
import { TicketQueries } from './ticket-queries.js';
import { AssignmentStatusTriggers, type AssignmentWay } from './assignment-status-triggers.js';
import { projectHandover } from './project-handover.js';

@Injectable()
export class TicketAssignmentService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly access: TicketAccessService,
    private readonly queries: TicketQueries,
    private readonly distribution: GroupDistributionService,
    private readonly writer: TicketWriter,
    private readonly statusTriggers: AssignmentStatusTriggers,
  ) {}

  /**
   * An agent takes an unassigned ticket: one conditional UPDATE on the locked row, so of two
   * agents taking at once exactly one gets it and the other gets 409.
   */
  async take(user: AuthUser, ticketId: string, version?: number): Promise<TicketDto> {
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      const ticket = await this.access.loadVisible(user, ticketId, { em, lock: true });
      if (version !== undefined && ticket.version !== version)
        throw new VersionConflictError(ticket.version);
      // Of two agents taking at once, the second waits for the first's lock, then finds the
      // claim's condition false and gets 409.
      const write = new TicketChange(ticketId, now).columns({ assignee_id: user.id });
      write.bumpsVersion = true;
      write
        .record(user.id, [
          {
            kind: 'taken',
            field: 'assigneeId',
            oldValue: { assigneeId: null, groupId: ticket.groupId },
            newValue: { assigneeId: user.id, groupId: ticket.groupId },
          },
        ])
        .publish(
          new TicketAssigned(
            ticketId,
            user.id,
            ticket.groupId,
            { assigneeId: null, groupId: ticket.groupId },
            user.id,
            now,
          ),
        );
      // HappyDesk: taking a ticket in New starts the work (same UPDATE, same claim).
      await this.statusTriggers.plan(em, ticket, user.id, 'taken', write, user.id);
      const claimed = await this.writer.write(
        em,
        write,
        `assignee_id IS NULL AND status_category IN ('new', 'open', 'pending')`,
      );
      if (!claimed) {
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
    });
    return this.queries.get(user, ticketId);
  }

  /**
   * Dispatchers and admins assign to anyone (dispatchers within their departments) and to any
   * group. Staff without that right may only hand over: the manager of the ticket's project
   * gives it to a member of the project (Pythagoras), nothing else.
   */
  async assign(user: AuthUser, ticketId: string, dto: AssignmentDto): Promise<TicketDto> {
    const mayAssign = roleHasPermission(user.role, Permission.TicketsAssign);
    // Decided from the role alone, before any lookup, like the permission guard would.
    if (!mayAssign && !roleHasPermission(user.role, Permission.TicketsHandOver)) {
      throw new ForbiddenError('Your role does not allow this action');
    }
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      const ticket = await this.access.loadVisible(user, ticketId, { em, lock: true });
      // The permission first (404, then 403), then the request (409, 422): otherwise an
      // unknown id would be a 422 where a valid one is a 403.
      const handover = await projectHandover(em, user, ticket, dto.assigneeId ?? null);
      if (!mayAssign) handover.assertPermitted(dto, ticket.groupId);
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
      if (!mayAssign) handover.assertTarget(dto);
      // Pythagoras: the project's manager, whatever their role, hands its tickets to its
      // members; a dispatcher's department bounds their other assignments only.
      const groupKept = dto.groupId === undefined || dto.groupId === ticket.groupId;
      const projectHandsOver = handover.isHandover && groupKept;
      if (dto.assigneeId && dto.assigneeId !== ticket.assigneeId && !projectHandsOver) {
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
      const write = reassignment(ticket, { assigneeId, groupId, supportLevel }, user.id, now);
      write.record(user.id, events);
      const way: AssignmentWay =
        handover.isHandover && assigneeId === dto.assigneeId ? 'handed_over' : 'assigned';
      await this.statusTriggers.plan(em, ticket, assigneeId, way, write, user.id);
      await this.writer.write(em, write);
    });
    return this.queries.get(user, ticketId);
  }
}
