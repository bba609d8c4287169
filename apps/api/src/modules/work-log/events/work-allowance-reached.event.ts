import type { DomainEvent } from '../../../common/events/domain-events.js';

/**
 * A contract's billable work reached a share (80 or 100 %) of its allowance for a period. Raised
 * once per contract, period and threshold (work_allowance_warnings' key), by the write that
 * crossed it.
 */
export class WorkAllowanceReached implements DomainEvent {
  static readonly eventName = 'work.allowance_reached';
  constructor(
    readonly contractId: string,
    readonly organizationId: string,
    readonly contractNumber: string,
    readonly threshold: number,
    /** The period's first and last day (YYYY-MM-DD). */
    readonly periodStart: string,
    readonly periodEnd: string | null,
    readonly usedSeconds: number,
    readonly allowanceSeconds: number,
    /** Who wrote the entry that crossed it. */
    readonly actorId: string,
    readonly at: Date,
  ) {}
}
