import type { TicketPromiseDto } from './dto/ticket.dto.js';

/**
 * Categories whose clocks have stopped for good: the desk has answered the request (or set it
 * aside as information), so there is nothing left to promise.
 */
const FINISHED_CATEGORIES: readonly string[] = ['resolved', 'closed', 'canceled', 'informational'];

export interface PromiseInputs {
  statusCategory: string;
  firstResponseDueAt: Date | null;
  firstRespondedAt: Date | null;
  resolutionDueAt: Date | null;
  slaPausedAt: Date | null;
}

/**
 * What the requester is told to expect (HappyDesk's "expected waiting time"): the SLA deadlines
 * while they still run. A met first response and a finished ticket promise nothing; a pausing
 * status keeps the times but says they stand still. Breaches and the policy stay the desk's.
 */
export function ticketPromise(t: PromiseInputs): TicketPromiseDto {
  if (FINISHED_CATEGORIES.includes(t.statusCategory)) {
    return { firstResponseBy: null, resolutionBy: null, paused: false };
  }
  const firstResponseBy = t.firstRespondedAt ? null : t.firstResponseDueAt;
  const resolutionBy = t.resolutionDueAt;
  return {
    firstResponseBy: firstResponseBy?.toISOString() ?? null,
    resolutionBy: resolutionBy?.toISOString() ?? null,
    paused: t.slaPausedAt !== null && (firstResponseBy !== null || resolutionBy !== null),
  };
}
