import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AutoTransitionTrigger } from '@relaydesk/contracts';
import { type WorkflowDefinition, WorkflowService } from '../workflow/index.js';
import type { Ticket } from './entities/ticket.entity.js';
import { TicketStatusChanger } from './ticket-status-changer.service.js';
import type { TicketChange } from './ticket-writer.js';

/** How a ticket got its assignee. */
export type AssignmentWay = 'assigned' | 'taken' | 'handed_over';

/**
 * The triggers each way meets, most specific first: a take and a handover are assignments too,
 * so a status with only an `assigned` transition moves on them as well, while one with a
 * `taken` or `handed_over` transition of its own takes that one.
 */
const TRIGGERS: Record<AssignmentWay, readonly AutoTransitionTrigger[]> = {
  assigned: ['assigned'],
  taken: ['taken', 'assigned'],
  handed_over: ['handed_over', 'assigned'],
};

/**
 * Automatic transitions on assignment (HappyDesk: taken or assigned in New → In Progress;
 * Pythagoras: handed over by the project manager in New → Solving). The status change joins
 * the assignment's own TicketChange, so both are one UPDATE of the ticket, with the system as
 * the actor of the status line, as for the other automatic transitions.
 */
@Injectable()
export class AssignmentStatusTriggers {
  constructor(
    private readonly workflows: WorkflowService,
    private readonly statusChanger: TicketStatusChanger,
  ) {}

  /**
   * Adds to `write` the status change the ticket's workflow makes when `ticket` (as it was
   * before this change, row locked) gets `assigneeId` in this `way`. Nothing when the
   * assignee is unchanged or cleared, or the current status has no such transition.
   * `causedById`: the person who took, assigned or handed over, told of their own act already.
   */
  async plan(
    em: EntityManager,
    ticket: Ticket,
    assigneeId: string | null,
    way: AssignmentWay,
    write: TicketChange,
    causedById: string | null = null,
  ): Promise<void> {
    if (assigneeId === null || assigneeId === ticket.assigneeId) return;
    const find = (def: WorkflowDefinition) => {
      for (const trigger of TRIGGERS[way]) {
        const timer = def.timers.find(
          (t) => t.statusKey === ticket.status && t.trigger === trigger,
        );
        if (timer) return timer;
      }
      return undefined;
    };
    // Most statuses have none: the cached definition says so without the share lock.
    if (!find(await this.workflows.definition(ticket.workflowId, em))) return;
    const def = await this.workflows.definitionForWrite(ticket.workflowId, em);
    const timer = find(def);
    if (!timer || !this.workflows.status(def, timer.toStatus)) return;
    await this.statusChanger.plan(
      em,
      {
        ticket,
        def,
        to: timer.toStatus,
        actorId: null,
        postponeUntil: null,
        at: write.at,
        causedById,
      },
      write,
    );
  }
}
