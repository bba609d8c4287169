import type { SlaClock } from '@relaydesk/contracts';
import type { BusinessCalendar } from './business-time.js';

/** Targets of one ticket under its policy, in business seconds (null: not measured). */
export interface SlaTargets {
  firstResponseSeconds: number | null;
  resolutionSeconds: number | null;
  reminderPercent: number;
}

export interface SlaDeadlines {
  firstResponseDueAt: Date | null;
  firstResponseRemindAt: Date | null;
  resolutionDueAt: Date | null;
  resolutionRemindAt: Date | null;
}

/** What the SLA columns of a ticket say, as far as the clocks are concerned. */
export interface SlaState extends SlaDeadlines {
  pausedAt: Date | null;
  firstRespondedAt: Date | null;
  firstResponseBreachedAt: Date | null;
  resolutionBreachedAt: Date | null;
  /** Bits of REMINDER_BIT. */
  remindersSent: number;
}

export const REMINDER_BIT: Record<SlaClock, number> = { first_response: 1, resolution: 2 };

/** A reminder or a breach that is due now. */
export interface SlaEvent {
  kind: 'reminder' | 'breach';
  clock: SlaClock;
  /** The instant it was due (a breach is recorded at the deadline itself). */
  at: Date;
  dueAt: Date;
}

/** Categories whose statuses stop the clocks whatever their pausesSla says. */
const STOPPING_CATEGORIES: readonly string[] = ['resolved', 'closed', 'canceled', 'informational'];

/**
 * Statuses where the clocks stand still: pausing ones, resolved/closed/canceled, and
 * informational (PayDox's "Информационное": kept for the record, no work owed on it).
 */
export function clocksStopped(status: { pausesSla: boolean; category: string }): boolean {
  return status.pausesSla || STOPPING_CATEGORIES.includes(status.category);
}

/**
 * Business seconds the clocks stood still, per clock. They differ once a clock has run out: a
 * stop that begins at or after a clock's due does not move that due (the time was used up
 * before the stop), while the other clock, still running, moves by the whole stop.
 */
export interface PausedSeconds {
  firstResponse: number;
  resolution: number;
}

export const NOT_PAUSED: PausedSeconds = { firstResponse: 0, resolution: 0 };

/**
 * Each clock's paused seconds after a stop that began at `stoppedSince` and lasted `seconds` of
 * business time: only a clock whose due was still ahead at the stop counts it. A clock without
 * a due (no target) carries the stop too, so that the two stay equal unless one ran out.
 */
export function addPause(
  before: PausedSeconds,
  dues: Pick<SlaDeadlines, 'firstResponseDueAt' | 'resolutionDueAt'>,
  stoppedSince: Date,
  seconds: number,
): PausedSeconds {
  const counts = (due: Date | null) => (due === null || due > stoppedSince ? seconds : 0);
  return {
    firstResponse: before.firstResponse + counts(dues.firstResponseDueAt),
    resolution: before.resolution + counts(dues.resolutionDueAt),
  };
}

/**
 * One stop of the clocks that has ended, as ISO instants [began, ended]: what a ticket keeps of
 * its stops (`tickets.sla_pauses`), so that a recompute can decide again, against the new dues,
 * which of them count.
 */
export type SlaStop = readonly [string, string];

/**
 * Stops a ticket keeps at most. A ticket goes on hold a few times in its life; a list this long
 * means a status flapping (an automation, an integration), and it must not grow the row without
 * end. Past it, the two neighbouring stops with the shortest gap become one (see withStop).
 */
export const MAX_SLA_STOPS = 50;

/**
 * The stops after one more has ended. A stop of no length is dropped: it counts nothing on any
 * calendar. Past MAX_SLA_STOPS the two neighbours with the shortest gap between them merge:
 * the gap then counts as stopped time, so later dues may move by at most that gap; the shortest
 * keeps that error smallest, and a replay stays close to the seconds counted as the stops ended.
 * `null` (stops before migration 1765530000010, unknown) stays null.
 */
export function withStop(stops: readonly SlaStop[] | null, from: Date, to: Date): SlaStop[] | null {
  if (stops === null) return null;
  if (to <= from) return [...stops];
  const next: SlaStop[] = [...stops, [from.toISOString(), to.toISOString()]];
  if (next.length <= MAX_SLA_STOPS) return next;
  let merge = 1;
  let shortest = Infinity;
  for (let i = 1; i < next.length; i++) {
    const gap = Date.parse(next[i][0]) - Date.parse(next[i - 1][1]);
    if (gap < shortest) {
      shortest = gap;
      merge = i;
    }
  }
  next.splice(merge - 1, 2, [next[merge - 1][0], next[merge][1]]);
  return next;
}

/**
 * Each clock's paused seconds, replaying the ticket's ended stops in order against `targets` on
 * `calendar`, exactly as they were counted when each ended (onStatusChange, addPause): a stop
 * counts for a clock only if it began before that clock's due as the earlier stops had left it
 * (a stop beginning at the due instant does not). Used when the targets or the calendar change,
 * since which stops count depends on the dues. `total` is every stop's business seconds.
 */
export function replayStops(
  calendar: BusinessCalendar,
  targets: SlaTargets,
  createdAt: Date,
  stops: readonly SlaStop[],
): { paused: PausedSeconds; total: number } {
  let paused = NOT_PAUSED;
  let total = 0;
  for (const [from, to] of stops) {
    const since = new Date(from);
    const seconds = calendar.secondsBetween(since, new Date(to));
    paused = addPause(paused, deadlines(calendar, targets, createdAt, paused), since, seconds);
    total += seconds;
  }
  return { paused, total };
}

/**
 * Due and reminder instants: the ticket's creation plus the target plus the business time that
 * clock stood still before it ran out. Stored on the ticket, but always derivable from these
 * inputs, so a recompute anywhere gives the same instants.
 */
export function deadlines(
  calendar: BusinessCalendar,
  targets: SlaTargets,
  createdAt: Date,
  paused: PausedSeconds,
): SlaDeadlines {
  const at = (seconds: number | null, pausedSeconds: number, share = 100) =>
    seconds === null
      ? null
      : calendar.addSeconds(createdAt, Math.floor((seconds * share) / 100) + pausedSeconds);
  const first = targets.firstResponseSeconds;
  const resolution = targets.resolutionSeconds;
  return {
    firstResponseDueAt: at(first, paused.firstResponse),
    firstResponseRemindAt: at(first, paused.firstResponse, targets.reminderPercent),
    resolutionDueAt: at(resolution, paused.resolution),
    resolutionRemindAt: at(resolution, paused.resolution, targets.reminderPercent),
  };
}

interface ClockView {
  clock: SlaClock;
  dueAt: Date | null;
  remindAt: Date | null;
  breachedAt: Date | null;
  /** When the clock was met (first response); resolution is met by stopping the clocks. */
  metAt: Date | null;
}

function clocks(s: SlaState): ClockView[] {
  return [
    {
      clock: 'first_response',
      dueAt: s.firstResponseDueAt,
      remindAt: s.firstResponseRemindAt,
      breachedAt: s.firstResponseBreachedAt,
      metAt: s.firstRespondedAt,
    },
    {
      clock: 'resolution',
      dueAt: s.resolutionDueAt,
      remindAt: s.resolutionRemindAt,
      breachedAt: s.resolutionBreachedAt,
      metAt: null,
    },
  ];
}

/**
 * The reminders and breaches due at `now`. A breach counts only up to the moment the clocks
 * stopped (a ticket resolved before its deadline never breaches); a reminder only while they run.
 * A clock that breaches sends no reminder any more.
 */
export function dueEvents(s: SlaState, now: Date): SlaEvent[] {
  const horizon = s.pausedAt && s.pausedAt < now ? s.pausedAt : now;
  const events: SlaEvent[] = [];
  for (const c of clocks(s)) {
    if (!c.dueAt || c.breachedAt) continue;
    const metInTime = c.metAt !== null && c.metAt <= c.dueAt;
    if (metInTime) continue;
    if (c.dueAt <= horizon) {
      events.push({ kind: 'breach', clock: c.clock, at: c.dueAt, dueAt: c.dueAt });
    } else if (
      !s.pausedAt &&
      c.metAt === null &&
      c.remindAt &&
      c.remindAt <= now &&
      (s.remindersSent & REMINDER_BIT[c.clock]) === 0
    ) {
      events.push({ kind: 'reminder', clock: c.clock, at: c.remindAt, dueAt: c.dueAt });
    }
  }
  return events;
}

/** When the sweep next has to look at the ticket; null when nothing is pending. */
export function nextCheckAt(s: SlaState): Date | null {
  let next: Date | null = null;
  const consider = (d: Date | null) => {
    if (d && (!next || d < next)) next = d;
  };
  for (const c of clocks(s)) {
    if (!c.dueAt || c.breachedAt) continue;
    if (c.metAt !== null && c.metAt <= c.dueAt) continue;
    if (s.pausedAt) {
      // Stopped: only a breach that happened before the stop is still to be recorded.
      if (c.dueAt <= s.pausedAt) consider(c.dueAt);
      continue;
    }
    if (c.metAt === null && c.remindAt && (s.remindersSent & REMINDER_BIT[c.clock]) === 0) {
      consider(c.remindAt);
    }
    consider(c.dueAt);
  }
  return next;
}
