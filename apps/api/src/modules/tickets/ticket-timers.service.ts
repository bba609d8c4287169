import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Clock } from '../../common/time/clock.js';
import { ScheduledLoop, type LoopSummary } from '../../common/scheduling/scheduled-loop.js';
import { type WorkflowDefinition, WorkflowService } from '../workflow/index.js';
import { Ticket } from './entities/ticket.entity.js';
import { TicketLinksService } from './ticket-links.service.js';
import { TicketChange, TicketWriter } from './ticket-writer.js';
import { TicketStatusChanger } from './ticket-status-changer.service.js';

/** A parent whose children are open is not closed by a timer; look again after this long. */
const PARENT_RETRY_MS = 3_600_000;

/**
 * Timed transitions of every workflow: at a ticket's postpone-until time (Okdesk "needs
 * clarification", HappyDesk "hold") and after a time in a status (HappyDesk: Fixed → Closed
 * after 48 hours). Each ticket carries `next_timer_at`, the earliest of its status's timers,
 * so a batch reads only due rows through a partial index: the cost follows the number of due
 * tickets, not the table. Safe with any number of API instances: a batch claims its tickets with
 * FOR UPDATE SKIP LOCKED, so no two instances move the same ticket, and a ticket whose status
 * changed meanwhile has a new next_timer_at and is simply not due any more.
 */
@Injectable()
export class TicketTimersService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly workflows: WorkflowService,
    private readonly statusChanger: TicketStatusChanger,
    private readonly writer: TicketWriter,
    private readonly links: TicketLinksService,
  ) {}

  /** Every 15 s while the scheduler is on; see ScheduledLoop for overlap and failures. */
  @ScheduledLoop('ticket-timers', 15_000)
  async tick(): Promise<LoopSummary> {
    const moved = await this.runDue();
    return moved > 0 ? `ran ${moved} timed transition(s)` : null;
  }

  /** Processes every due ticket in batches; returns how many were moved. */
  async runDue(batchSize = 100): Promise<number> {
    let total = 0;
    for (;;) {
      const { claimed, moved } = await this.runBatch(batchSize);
      total += moved;
      if (claimed < batchSize) return total;
    }
  }

  private async runBatch(batchSize: number): Promise<{ claimed: number; moved: number }> {
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const due = (await em.query(
        `SELECT id FROM tickets
          WHERE next_timer_at IS NOT NULL AND next_timer_at <= $1
          ORDER BY next_timer_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED`,
        [now, batchSize],
      )) as { id: string }[];
      if (due.length === 0) return { claimed: 0, moved: 0 };
      const tickets = await em.findBy(Ticket, { id: In(due.map((d) => d.id)) });
      // One definition per workflow per batch: its share lock holds until the batch commits.
      const defs = new Map<string, WorkflowDefinition>();
      let moved = 0;
      for (const ticket of tickets) {
        let def = defs.get(ticket.workflowId);
        if (!def) {
          def = await this.workflows.definitionForWrite(ticket.workflowId, em);
          defs.set(ticket.workflowId, def);
        }
        if (await this.fire(em, def, ticket, now)) moved++;
      }
      return { claimed: due.length, moved };
    });
  }

  /** Runs the ticket's earliest timer if it is due; otherwise only brings next_timer_at up to date. */
  private async fire(
    em: EntityManager,
    def: WorkflowDefinition,
    ticket: Ticket,
    now: Date,
  ): Promise<boolean> {
    const next = this.workflows.nextTimer(
      def,
      ticket.status,
      ticket.statusChangedAt,
      ticket.postponedUntil,
    );
    if (next && next.at.getTime() <= now.getTime()) {
      const target = this.workflows.status(def, next.timer.toStatus);
      const blocked =
        target?.category === 'closed' && (await this.links.openChildren(em, ticket.id)).length > 0;
      if (target && !blocked) {
        await this.statusChanger.apply(em, {
          ticket,
          def,
          to: next.timer.toStatus,
          actorId: null,
          postponeUntil: null,
          at: now,
        });
        return true;
      }
      // A parent with open children waits; a timer to a status that no longer exists is dropped.
      await this.setNext(
        em,
        ticket.id,
        blocked ? new Date(now.getTime() + PARENT_RETRY_MS) : null,
        now,
      );
      return false;
    }
    // The workflow changed under the ticket, or the timer was removed: recompute, never loop.
    await this.setNext(em, ticket.id, next?.at ?? null, now);
    return false;
  }

  /** Scheduler bookkeeping: no version, no activity, no history. */
  private async setNext(
    em: EntityManager,
    ticketId: string,
    next: Date | null,
    now: Date,
  ): Promise<void> {
    await this.writer.write(em, new TicketChange(ticketId, now).columns({ next_timer_at: next }));
  }
}
