import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../common/time/clock.js';
import { ScheduledLoop, type LoopSummary } from '../../common/scheduling/scheduled-loop.js';
import { TicketChange, TicketWriter } from './ticket-writer.js';
import { SlaBreached, SlaReminderDue } from './events/sla.events.js';
import {
  dueEvents,
  nextCheckAt,
  REMINDER_BIT,
  type SlaEvent,
  type SlaState,
} from '../sla/index.js';

interface DueRow {
  id: string;
  assignee_id: string | null;
  group_id: string | null;
  sla_policy_id: string | null;
  reminder_percent: number | null;
  first_response_due_at: Date | null;
  first_response_remind_at: Date | null;
  first_response_breached_at: Date | null;
  resolution_due_at: Date | null;
  resolution_remind_at: Date | null;
  resolution_breached_at: Date | null;
  sla_paused_at: Date | null;
  first_responded_at: Date | null;
  sla_reminders_sent: number;
}

export interface SweepResult {
  /** Tickets looked at. */
  checked: number;
  reminders: number;
  breaches: number;
}

/**
 * THE place SLA time passes: reminders at a policy's share of a target, and at a deadline the
 * breach (recorded on the ticket and in its history) with an escalation to the supervisor.
 *
 * Each ticket carries `sla_next_check_at`, the earliest thing pending on its clocks; a batch
 * reads only due rows through a partial index and claims them with FOR UPDATE SKIP LOCKED, so
 * the cost follows the due tickets, never the table, and with any number of instances each
 * reminder, breach and escalation happens once: the ticket's flags, its next check and the
 * events' listeners (in-app notifications) commit together, and if an instance dies mid-batch its transaction rolls back and
 * another instance picks the tickets up on its next tick.
 */
@Injectable()
export class SlaSweepService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly writer: TicketWriter,
  ) {}

  /** Every 15 s while the scheduler is on; see ScheduledLoop for overlap and failures. */
  @ScheduledLoop('sla-sweep', 15_000)
  async tick(): Promise<LoopSummary> {
    const r = await this.runDue();
    return r.reminders + r.breaches > 0
      ? `SLA: ${r.reminders} reminder(s), ${r.breaches} breach(es)`
      : null;
  }

  /** Processes every due ticket in batches. */
  async runDue(batchSize = 200): Promise<SweepResult> {
    const total: SweepResult = { checked: 0, reminders: 0, breaches: 0 };
    for (;;) {
      const r = await this.runBatch(batchSize);
      total.checked += r.checked;
      total.reminders += r.reminders;
      total.breaches += r.breaches;
      if (r.checked < batchSize) return total;
    }
  }

  private runBatch(batchSize: number): Promise<SweepResult> {
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const rows = (await em.query(
        `SELECT t.id, t.assignee_id, t.group_id, t.sla_policy_id,
                (SELECT p.reminder_percent FROM sla_policies p WHERE p.id = t.sla_policy_id) AS reminder_percent,
                t.first_response_due_at, t.first_response_remind_at, t.first_response_breached_at,
                t.resolution_due_at, t.resolution_remind_at, t.resolution_breached_at,
                t.sla_paused_at, t.first_responded_at, t.sla_reminders_sent
           FROM tickets t
          WHERE t.sla_next_check_at IS NOT NULL AND t.sla_next_check_at <= $1
          ORDER BY t.sla_next_check_at
          LIMIT $2
          FOR UPDATE OF t SKIP LOCKED`,
        [now, batchSize],
      )) as DueRow[];
      const result: SweepResult = { checked: rows.length, reminders: 0, breaches: 0 };
      for (const row of rows) {
        const fired = await this.check(em, row, now);
        result.reminders += fired.filter((e) => e.kind === 'reminder').length;
        result.breaches += fired.filter((e) => e.kind === 'breach').length;
      }
      return result;
    });
  }

  private async check(em: EntityManager, row: DueRow, now: Date): Promise<SlaEvent[]> {
    const state: SlaState = {
      firstResponseDueAt: row.first_response_due_at,
      firstResponseRemindAt: row.first_response_remind_at,
      resolutionDueAt: row.resolution_due_at,
      resolutionRemindAt: row.resolution_remind_at,
      pausedAt: row.sla_paused_at,
      firstRespondedAt: row.first_responded_at,
      firstResponseBreachedAt: row.first_response_breached_at,
      resolutionBreachedAt: row.resolution_breached_at,
      remindersSent: row.sla_reminders_sent,
    };
    const events = dueEvents(state, now);
    for (const e of events) {
      // A breach also settles the clock's reminder: none is sent after the deadline.
      state.remindersSent |= REMINDER_BIT[e.clock];
      if (e.kind === 'breach') {
        if (e.clock === 'first_response') state.firstResponseBreachedAt = e.at;
        else state.resolutionBreachedAt = e.at;
      }
    }
    // Bookkeeping of the clocks, not an edit: no version, no "updated"; the breach is in history.
    const write = new TicketChange(row.id, now).columns({
      first_response_breached_at: state.firstResponseBreachedAt,
      resolution_breached_at: state.resolutionBreachedAt,
      sla_reminders_sent: state.remindersSent,
      sla_next_check_at: nextCheckAt(state),
    });
    const owners = { assigneeId: row.assignee_id, groupId: row.group_id };
    for (const e of events) {
      if (e.kind === 'reminder') {
        write.publish(
          new SlaReminderDue(row.id, e.clock, e.dueAt, row.reminder_percent, owners, now),
        );
        continue;
      }
      write
        .record(null, [
          {
            kind: 'sla_breached',
            field: e.clock,
            newValue: { clock: e.clock, dueAt: e.dueAt.toISOString(), policyId: row.sla_policy_id },
            internal: true,
          },
        ])
        .publish(new SlaBreached(row.id, e.clock, e.dueAt, row.sla_policy_id, owners, now));
    }
    await this.writer.write(em, write);
    return events;
  }
}
