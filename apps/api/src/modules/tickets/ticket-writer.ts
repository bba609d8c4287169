import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TicketDto } from './dto/ticket.dto.js';
import { toDto } from './ticket-dto-mapping.js';
import { insertTicketParams, insertTicketSql, type NewTicketRow } from './ticket-insert.sql.js';
import type { TicketRow } from './ticket-query.sql.js';
import { DataSource } from 'typeorm';
import { preparedSql, preparedSqlIn, sql } from '../../common/database/sql.js';
import { type DomainEvent, DomainEvents } from '../../common/events/domain-events.js';
import { recordTicketEvents, type NewTicketEvent } from './ticket-events.js';
import { TicketAssigned } from './events/ticket.events.js';

/** Columns of `tickets` a change may set; names are code, never input. */
const WRITABLE = new Set([
  'subject',
  'description',
  'priority',
  'type_id',
  'organization_id',
  'requester_id',
  'due_at',
  'category_id',
  'project_id',
  'service_object_id',
  'equipment_id',
  'contract_id',
  'warranty',
  'warranty_manual',
  'custom_fields',
  'group_id',
  'assignee_id',
  'support_level',
  'status',
  'status_category',
  'postponed_until',
  'resolved_at',
  'closed_at',
  'status_changed_at',
  'next_timer_at',
  'needs_reply',
  'first_responded_at',
  'sla_policy_id',
  'first_response_due_at',
  'first_response_remind_at',
  'resolution_due_at',
  'resolution_remind_at',
  'sla_paused_at',
  'sla_paused_seconds',
  'sla_first_response_paused_seconds',
  'sla_resolution_paused_seconds',
  'sla_pauses',
  'sla_reminders_sent',
  'sla_next_check_at',
  'first_response_breached_at',
  'resolution_breached_at',
]);

/**
 * Everything one action does to one ticket, gathered before anything is written: column values
 * (from the action itself and from what SLA, routing and workflow computed), history lines and
 * domain events. The parts come from several places (a transition that carries a comment and
 * moves the SLA clocks); TicketWriter turns the whole into one UPDATE.
 */
export class TicketChange {
  readonly set: Record<string, unknown> = {};
  /** Columns that keep their value when they have one (`COALESCE(column, value)`). */
  readonly setIfNull: Record<string, unknown> = {};
  readonly history: { actorId: string | null; lines: NewTicketEvent[] }[] = [];
  readonly events: DomainEvent[] = [];
  /** A field edit: optimistic locking (If-Match) sees it. Comments and bookkeeping are not. */
  bumpsVersion = false;
  /** Activity the desk sees: the queues' "updated" moves. */
  touches = false;
  /** Activity the client sees: the portal's "updated" moves. */
  clientSees = false;

  constructor(
    readonly ticketId: string,
    readonly at: Date,
  ) {}

  /** Adds column values; a later part wins over an earlier one for the same column. */
  columns(values: Record<string, unknown>): this {
    Object.assign(this.set, values);
    return this;
  }

  record(actorId: string | null, lines: NewTicketEvent[]): this {
    if (lines.length > 0) this.history.push({ actorId, lines });
    return this;
  }

  publish(...events: DomainEvent[]): this {
    this.events.push(...events);
    return this;
  }

  get isEmpty(): boolean {
    return (
      Object.keys(this.set).length === 0 &&
      Object.keys(this.setIfNull).length === 0 &&
      !this.touches &&
      !this.bumpsVersion
    );
  }
}

/**
 * THE writer of the `tickets` row: its INSERT, and after it every change of a ticket (edits,
 * transitions, timers, comments, attachments, assignment, escalation, the SLA sweep) goes through
 * here as one UPDATE that also bumps `version` and the activity times as the change asks, then
 * writes its history lines and runs the listeners of its domain events, all in the caller's
 * transaction. The caller holds the row lock (or owns the row through SKIP LOCKED) and has
 * checked that the change is allowed.
 */
@Injectable()
export class TicketWriter {
  constructor(
    private readonly db: DataSource,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Creates a ticket, its first history lines, a group pick and its TicketCreated in `event_log`
   * (with the NOTIFY) in ONE statement, and returns the ticket as the API shows it to its creator.
   * Prepared on the pool when nothing else is written with it (atomic without a transaction: what
   * `npm run bench` measures for POST /tickets), or on the caller's transaction (`em`) when
   * listeners of TicketCreated or an Idempotency-Key claim write with it. Either way the event is
   * already recorded: the caller runs only the in-process listeners (`DomainEvents.runListeners`).
   */
  async insert(values: NewTicketRow, em?: EntityManager): Promise<TicketDto> {
    const text = insertTicketSql(values.creatorIsClient, values.distribute);
    const params = insertTicketParams(values);
    const rows = em
      ? await preparedSqlIn<TicketRow>(em, text, params)
      : await preparedSql<TicketRow>(this.db, text, params);
    return toDto(rows[0], values.creatorIsClient) as TicketDto;
  }

  /**
   * Writes the change. `onlyIf` is a fixed SQL condition on the row (a claim that must still
   * hold); the answer says whether the row was written (false: the condition failed, or there is
   * no such ticket), and only then are history and events written.
   */
  async write(em: EntityManager, change: TicketChange, onlyIf?: string): Promise<boolean> {
    if (!change.isEmpty) {
      const params: unknown[] = [change.ticketId];
      const sets: string[] = [];
      const param = (value: unknown) => `$${params.push(value)}`;
      for (const [column, value] of Object.entries(change.set)) {
        sets.push(`${writable(column)} = ${param(value)}`);
      }
      for (const [column, value] of Object.entries(change.setIfNull)) {
        if (column in change.set) continue;
        sets.push(`${writable(column)} = COALESCE(${column}, ${param(value)})`);
      }
      if (change.bumpsVersion) sets.push('version = version + 1');
      const touches = change.touches || change.bumpsVersion;
      if (touches || change.clientSees) {
        const at = param(change.at);
        if (touches) sets.push(`updated_at = ${at}`);
        if (change.clientSees) sets.push(`client_updated_at = ${at}`);
      }
      const written = await sql(
        em,
        `UPDATE tickets SET ${sets.join(', ')} WHERE id = $1${onlyIf ? ` AND (${onlyIf})` : ''} RETURNING id`,
        params,
      );
      if (written.length === 0) return false;
    }
    // One change's lines keep their order across actors (an assignment, then the system's move).
    let offset = 0;
    for (const h of change.history) {
      await recordTicketEvents(em, change.ticketId, h.actorId, change.at, h.lines, offset);
      offset += h.lines.length;
    }
    await this.events.publish(em, ...change.events);
    return true;
  }

  /**
   * Moves the desk's "updated" of several tickets at once (a link between two tickets is news on
   * both); no version bump, no history: the caller records its own lines.
   */
  async touch(em: EntityManager, ticketIds: string[], at: Date): Promise<void> {
    if (ticketIds.length === 0) return;
    await em.query(`UPDATE tickets SET updated_at = $2 WHERE id = ANY($1)`, [ticketIds, at]);
  }
}

function writable(column: string): string {
  if (!WRITABLE.has(column)) throw new Error(`TicketWriter: "${column}" is not a writable column`);
  return column;
}

/** Ticket properties (camelCase, as SLA and the entity name them) as column values. */
export function columnsOf(patch: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(patch).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
  );
}

/**
 * A ticket moving to another group, assignee and support level (assign, escalate): the columns,
 * a version bump and TicketAssigned naming who had it before. The caller adds its history lines
 * and any further event.
 */
export function reassignment(
  ticket: { id: string; assigneeId: string | null; groupId: string | null },
  to: { assigneeId: string | null; groupId: string | null; supportLevel: number | null },
  actorId: string,
  at: Date,
): TicketChange {
  const write = new TicketChange(ticket.id, at).columns({
    assignee_id: to.assigneeId,
    group_id: to.groupId,
    support_level: to.supportLevel,
  });
  write.bumpsVersion = true;
  return write.publish(
    new TicketAssigned(
      ticket.id,
      to.assigneeId,
      to.groupId,
      { assigneeId: ticket.assigneeId, groupId: ticket.groupId },
      actorId,
      at,
    ),
  );
}
