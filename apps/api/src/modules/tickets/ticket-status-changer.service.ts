import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransitionNotAllowedError } from '../../common/errors/domain-errors.js';
import { type WorkflowDefinition, WorkflowService } from '../workflow/index.js';
import { SlaService } from '../sla/index.js';
import type { Ticket } from './entities/ticket.entity.js';
import { recordTicketEvents, type NewTicketEvent } from './ticket-events.js';

export interface StatusChange {
  ticket: Ticket;
  def: WorkflowDefinition;
  to: string;
  /** null: the system (a timer, or a trigger such as the requester's reply). */
  actorId: string | null;
  postponeUntil: Date | null;
  at: Date;
  /** Extra history lines written with the status change (e.g. why the system moved it). */
  extraEvents?: NewTicketEvent[];
}

/**
 * The one place a ticket's status changes: people's transitions, timers, reply triggers and
 * acceptance all come through here, so derived columns (category, resolved/closed times, the
 * time the status was entered, the scheduler's next look, the SLA clocks' pause) can never
 * disagree with the status.
 * The caller holds the ticket's row lock and has checked that the change is allowed.
 */
@Injectable()
export class TicketStatusChanger {
  constructor(
    private readonly workflows: WorkflowService,
    private readonly sla: SlaService,
  ) {}

  async apply(em: EntityManager, change: StatusChange): Promise<void> {
    const { ticket, def, to, actorId, postponeUntil, at } = change;
    const target = this.workflows.status(def, to);
    if (!target) throw new TransitionNotAllowedError(ticket.status, to, []);
    const nextTimerAt = this.workflows.nextTimerAt(def, target.key, at, postponeUntil);
    await em.query(
      `UPDATE tickets SET
         status = $2, status_category = $3::varchar, postponed_until = $4,
         resolved_at = CASE WHEN $3::varchar = 'resolved' THEN $5::timestamptz
                            WHEN $3::varchar IN ('closed', 'canceled') THEN resolved_at ELSE NULL END,
         closed_at = CASE WHEN $3::varchar IN ('closed', 'canceled') THEN $5::timestamptz ELSE NULL END,
         status_changed_at = $5, next_timer_at = $6,
         version = version + 1, updated_at = $5, client_updated_at = $5
       WHERE id = $1`,
      [ticket.id, target.key, target.category, postponeUntil, at, nextTimerAt],
    );
    // SLA clocks stop in pausing and resolved/closed/canceled statuses and resume after.
    const from = this.workflows.status(def, ticket.status);
    await this.sla.onStatusChange(em, ticket, from, target, at);
    const events: NewTicketEvent[] = [
      { kind: 'status_changed', field: 'status', oldValue: ticket.status, newValue: target.key },
    ];
    const oldPostpone = ticket.postponedUntil?.toISOString() ?? null;
    const newPostpone = postponeUntil?.toISOString() ?? null;
    if (oldPostpone !== newPostpone) {
      events.push({
        kind: 'field_changed',
        field: 'postponedUntil',
        oldValue: oldPostpone,
        newValue: newPostpone,
      });
    }
    await recordTicketEvents(em, ticket.id, actorId, at, [
      ...events,
      ...(change.extraEvents ?? []),
    ]);
  }
}
