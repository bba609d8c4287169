import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StatusCategory, TicketPriority } from '@relaydesk/contracts';
import { SlaConfigService, type SlaSnapshot, type SlaSubject } from './sla-config.service.js';
import {
  addPause,
  clocksStopped,
  deadlines,
  nextCheckAt,
  NOT_PAUSED,
  REMINDER_BIT,
  replayStops,
  withStop,
  type PausedSeconds,
  type SlaDeadlines,
  type SlaState,
  type SlaStop,
} from './sla-clock.js';

/**
 * New values of a ticket's SLA columns (as Ticket properties): what this module computes; the
 * tickets module writes them with the change that caused them.
 */
export type SlaPatch = Partial<
  Pick<
    SlaTicket,
    | 'slaPolicyId'
    | 'firstResponseDueAt'
    | 'firstResponseRemindAt'
    | 'resolutionDueAt'
    | 'resolutionRemindAt'
    | 'slaPausedAt'
    | 'slaPausedSeconds'
    | 'slaFirstResponsePausedSeconds'
    | 'slaResolutionPausedSeconds'
    | 'slaRemindersSent'
  >
> & {
  slaNextCheckAt?: Date | null;
  /** The ticket's ended stops as jsonb text (the writer passes column values as they are). */
  slaPauses?: string | null;
};

/** The SLA columns of a ticket about to be inserted. */
export interface NewTicketSla extends SlaDeadlines {
  slaPolicyId: string | null;
  slaPausedAt: Date | null;
  slaNextCheckAt: Date | null;
}

type StatusLike = { pausesSla: boolean; category: StatusCategory | string };

/** The SLA columns of a ticket, and what picks its policy: all this module reads of a ticket. */
export interface SlaTicket extends SlaSubject {
  id: string;
  createdAt: Date;
  slaPolicyId: string | null;
  firstResponseDueAt: Date | null;
  firstResponseRemindAt: Date | null;
  resolutionDueAt: Date | null;
  resolutionRemindAt: Date | null;
  slaPausedAt: Date | null;
  /** Business seconds the clocks stood still in all. */
  slaPausedSeconds: number;
  /** Of those, the ones before each clock ran out: what moves its due (see PausedSeconds). */
  slaFirstResponsePausedSeconds: number;
  slaResolutionPausedSeconds: number;
  /**
   * The ended stops, in order (the open one is slaPausedAt); null on a ticket whose stops before
   * migration 1765530000010 are unknown: its recompute keeps the per-clock seconds above.
   */
  slaPauses: SlaStop[] | null;
  firstRespondedAt: Date | null;
  firstResponseBreachedAt: Date | null;
  resolutionBreachedAt: Date | null;
  slaRemindersSent: number;
}

const NO_SLA: NewTicketSla = {
  slaPolicyId: null,
  firstResponseDueAt: null,
  firstResponseRemindAt: null,
  resolutionDueAt: null,
  resolutionRemindAt: null,
  slaPausedAt: null,
  slaNextCheckAt: null,
};

function pausedOf(t: SlaTicket): PausedSeconds {
  return {
    firstResponse: t.slaFirstResponsePausedSeconds,
    resolution: t.slaResolutionPausedSeconds,
  };
}

function stateOf(t: SlaTicket): SlaState {
  return {
    firstResponseDueAt: t.firstResponseDueAt,
    firstResponseRemindAt: t.firstResponseRemindAt,
    resolutionDueAt: t.resolutionDueAt,
    resolutionRemindAt: t.resolutionRemindAt,
    pausedAt: t.slaPausedAt,
    firstRespondedAt: t.firstRespondedAt,
    firstResponseBreachedAt: t.firstResponseBreachedAt,
    resolutionBreachedAt: t.resolutionBreachedAt,
    remindersSent: t.slaRemindersSent,
  };
}

/**
 * Keeps each ticket's SLA clocks: set on creation (before the ticket's one INSERT), recomputed
 * when priority, type, organization, contract, service object or equipment change, stopped and
 * resumed on status changes. Callers hold the ticket's row (or are inserting it); the sweep
 * (SlaSweepService) does the timed part.
 */
@Injectable()
export class SlaService {
  constructor(private readonly config: SlaConfigService) {}

  /** The SLA columns of a new ticket; no query when the policies are cached. */
  async forNewTicket(
    em: EntityManager,
    t: SlaSubject & { createdAt: Date; status: StatusLike },
  ): Promise<NewTicketSla> {
    const snapshot = await this.config.snapshot(em);
    const policy = this.config.match(snapshot, t);
    const calendar = policy && snapshot.calendars.get(policy.calendarId);
    if (!policy || !calendar) return NO_SLA;
    const d = deadlines(calendar, this.config.targets(policy, t.priority), t.createdAt, NOT_PAUSED);
    const pausedAt = clocksStopped(t.status) ? t.createdAt : null;
    return {
      slaPolicyId: policy.id,
      ...d,
      slaPausedAt: pausedAt,
      slaNextCheckAt: nextCheckAt({
        ...d,
        pausedAt,
        firstRespondedAt: null,
        firstResponseBreachedAt: null,
        resolutionBreachedAt: null,
        remindersSent: 0,
      }),
    };
  }

  /**
   * Picks the policy again and recomputes the deadlines (priority, type, organization or a
   * link changed); `ticket` is the row as the edit leaves it. Breaches already recorded stay:
   * they happened. A reminder whose new time is still ahead will be sent again at that time.
   */
  async recompute(em: EntityManager, ticket: SlaTicket, at: Date): Promise<SlaPatch> {
    const snapshot = await this.config.snapshot(em);
    const policy = this.config.match(snapshot, ticket);
    const calendar = policy && snapshot.calendars.get(policy.calendarId);
    // Whether a stop counts depends on the dues, so the stops are decided again against the new
    // targets and measured on the new calendar; a stop still open is counted when it ends.
    const replayed =
      policy && calendar && ticket.slaPauses
        ? replayStops(
            calendar,
            this.config.targets(policy, ticket.priority as TicketPriority),
            ticket.createdAt,
            ticket.slaPauses,
          )
        : null;
    return this.patch(
      ticket,
      snapshot,
      policy?.id ?? null,
      replayed?.paused ?? pausedOf(ticket),
      at,
      {
        pausedAt: ticket.slaPausedAt,
        totalPausedSeconds: replayed?.total,
      },
    );
  }

  /**
   * Stops the clocks on entering a pausing or resolved/closed/canceled/informational status and
   * resumes them on leaving one: a deadline still ahead at the stop moves by the business time
   * they stood still; one that had come keeps its instant and its breach. Asked by
   * TicketStatusChanger for every status change; null when the clocks carry on as they were.
   */
  async onStatusChange(
    em: EntityManager,
    ticket: SlaTicket,
    from: StatusLike | undefined,
    to: StatusLike,
    at: Date,
  ): Promise<SlaPatch | null> {
    if (!ticket.slaPolicyId) return null;
    const wasStopped = ticket.slaPausedAt !== null || (from ? clocksStopped(from) : false);
    const isStopped = clocksStopped(to);
    if (wasStopped === isStopped) return null;
    if (isStopped) {
      const state = { ...stateOf(ticket), pausedAt: at };
      return { slaPausedAt: at, slaNextCheckAt: nextCheckAt(state) };
    }
    const snapshot = await this.config.snapshot(em);
    const policy = snapshot.byId.get(ticket.slaPolicyId);
    const calendar = policy && snapshot.calendars.get(policy.calendarId);
    const stoppedSince = ticket.slaPausedAt ?? at;
    const paused = calendar ? calendar.secondsBetween(stoppedSince, at) : 0;
    const perClock = addPause(pausedOf(ticket), ticket, stoppedSince, paused);
    const stops = withStop(ticket.slaPauses, stoppedSince, at);
    return {
      ...this.patch(ticket, snapshot, ticket.slaPolicyId, perClock, at, {
        pausedAt: null,
        totalPausedSeconds: ticket.slaPausedSeconds + paused,
      }),
      slaPauses: stops && JSON.stringify(stops),
    };
  }

  private patch(
    ticket: SlaTicket,
    snapshot: SlaSnapshot,
    policyId: string | null,
    paused: PausedSeconds,
    at: Date,
    opts: { pausedAt: Date | null; totalPausedSeconds?: number },
  ): SlaPatch {
    const policy = policyId ? snapshot.byId.get(policyId) : undefined;
    const calendar = policy && snapshot.calendars.get(policy.calendarId);
    const d: SlaDeadlines =
      policy && calendar
        ? deadlines(
            calendar,
            this.config.targets(policy, ticket.priority as TicketPriority),
            ticket.createdAt,
            paused,
          )
        : {
            firstResponseDueAt: null,
            firstResponseRemindAt: null,
            resolutionDueAt: null,
            resolutionRemindAt: null,
          };
    let reminders = ticket.slaRemindersSent;
    if (d.firstResponseRemindAt && d.firstResponseRemindAt > at) {
      reminders &= ~REMINDER_BIT.first_response;
    }
    if (d.resolutionRemindAt && d.resolutionRemindAt > at) reminders &= ~REMINDER_BIT.resolution;
    const state: SlaState = {
      ...stateOf(ticket),
      ...d,
      pausedAt: opts.pausedAt,
      remindersSent: reminders,
    };
    return {
      slaPolicyId: policy && calendar ? policyId : null,
      ...d,
      slaPausedAt: opts.pausedAt,
      slaPausedSeconds: opts.totalPausedSeconds ?? ticket.slaPausedSeconds,
      slaFirstResponsePausedSeconds: paused.firstResponse,
      slaResolutionPausedSeconds: paused.resolution,
      slaRemindersSent: reminders,
      slaNextCheckAt: nextCheckAt(state),
    };
  }
}
