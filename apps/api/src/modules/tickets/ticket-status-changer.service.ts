import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransitionNotAllowedError } from '../../common/errors/domain-errors.js';
import { type WorkflowDefinition, WorkflowService } from '../workflow/index.js';
import { SlaService } from '../sla/index.js';
import type { Ticket } from './entities/ticket.entity.js';
import type { NewTicketEvent } from './ticket-events.js';
import { TicketStatusChanged } from './events/ticket.events.js';
import { columnsOf, TicketChange, TicketWriter } from './ticket-writer.js';

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
  /** With no actor: the person whose action set the system moving, if any. */
  causedById?: string | null;
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
    private readonly writer: TicketWriter,
  ) {}

  /** Writes the status change alone (a transition, a timer, a reply trigger, acceptance). */
  async apply(em: EntityManager, change: StatusChange): Promise<void> {
    const write = new TicketChange(change.ticket.id, change.at);
    await this.plan(em, change, write);
    await this.writer.write(em, write);
  }

  /**
   * Adds the status change to `write`, for callers that write more with it (a transition's
   * comment): the status and its derived columns, the SLA clocks' pause or resumption, the
   * history lines and TicketStatusChanged, all in the caller's one UPDATE.
   */
  async plan(em: EntityManager, change: StatusChange, write: TicketChange): Promise<void> {
    const { ticket, def, to, actorId, postponeUntil, at } = change;
    const target = this.workflows.status(def, to);
    if (!target) throw new TransitionNotAllowedError(ticket.status, to, []);
    const category = target.category;
    const closing = category === 'closed' || category === 'canceled';
    write.columns({
      status: target.key,
      status_category: category,
      postponed_until: postponeUntil,
      resolved_at: category === 'resolved' ? at : closing ? ticket.resolvedAt : null,
      closed_at: closing ? at : null,
      status_changed_at: at,
      next_timer_at: this.workflows.nextTimerAt(def, target.key, at, postponeUntil),
    });
    // SLA clocks stop in pausing and resolved/closed/canceled statuses and resume after.
    const from = this.workflows.status(def, ticket.status);
    const sla = await this.sla.onStatusChange(em, ticket, from, target, at);
    if (sla) write.columns(columnsOf(sla));
    write.bumpsVersion = true;
    write.clientSees = true;
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
    write.record(actorId, [...events, ...(change.extraEvents ?? [])]);
    write.publish(
      new TicketStatusChanged(
        ticket.id,
        ticket.status,
        target.key,
        category,
        actorId,
        at,
        change.causedById ?? null,
      ),
    );
  }
}
