import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource, In } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Clock } from '../../common/time/clock.js';
import { WorkflowService } from '../workflow/workflow.service.js';
import { Ticket } from './entities/ticket.entity.js';
import { TicketTransitionsService } from './ticket-transitions.service.js';

/**
 * Timed transitions (Okdesk: back to Open when the postpone-until time passes). Safe with any
 * number of API instances: each batch claims due tickets with FOR UPDATE SKIP LOCKED, so two
 * instances never move the same ticket, and a ticket whose status changed meanwhile is skipped.
 * Cost follows the number of due tickets (partial index on postponed_until), not the table.
 */
@Injectable()
export class TicketTimersService {
  private readonly logger = new Logger(TicketTimersService.name);
  private running = false;

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly workflows: WorkflowService,
    private readonly transitions: TicketTransitionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Interval('ticket-timers', 15_000)
  async tick(): Promise<void> {
    if (this.running || !this.config.schedulerEnabled) return;
    this.running = true;
    try {
      const moved = await this.runDue();
      if (moved > 0) this.logger.log(`moved ${moved} postponed ticket(s)`);
    } catch (e) {
      this.logger.error(e instanceof Error ? e.message : String(e));
    } finally {
      this.running = false;
    }
  }

  /** Processes every due ticket in batches; returns how many were moved. */
  async runDue(batchSize = 100): Promise<number> {
    let total = 0;
    for (;;) {
      const moved = await this.runBatch(batchSize);
      total += moved;
      if (moved < batchSize) return total;
    }
  }

  private async runBatch(batchSize: number): Promise<number> {
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      // OF t: lock only the tickets, so instances skip each other's tickets, not the timer rows.
      const due = (await em.query(
        `SELECT t.id, wt.to_status
           FROM tickets t
           JOIN workflow_timers wt ON wt.workflow_id = t.workflow_id AND wt.status_key = t.status
                                  AND wt.trigger = 'postpone_expired'
          WHERE t.postponed_until IS NOT NULL AND t.postponed_until <= $1
          ORDER BY t.postponed_until
          LIMIT $2
          FOR UPDATE OF t SKIP LOCKED`,
        [now, batchSize],
      )) as { id: string; to_status: string }[];
      if (due.length === 0) return 0;
      const tickets = await em.findBy(Ticket, { id: In(due.map((d) => d.id)) });
      const byId = new Map(tickets.map((t) => [t.id, t]));
      for (const { id, to_status } of due) {
        const ticket = byId.get(id)!;
        const def = await this.workflows.definition(ticket.workflowId, em);
        await this.transitions.applyStatusChange(em, {
          ticket,
          def,
          to: to_status,
          actorId: null,
          postponeUntil: null,
          at: now,
        });
      }
      return due.length;
    });
  }
}
