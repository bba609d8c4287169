/**
 * The work log (issue 18): work entries on tickets, the price list (billing items) they bill
 * against, the per-agent timer, totals and allowance warnings. See docs/work-log.md.
 */

/** billable: counts against a contract's allowance and is invoiced; internal: never shown to a
 * client, never invoiced; warranty: done under warranty, shown but not invoiced. */
export const WORK_ENTRY_KINDS = ['billable', 'internal', 'warranty'] as const;
export type WorkEntryKind = (typeof WORK_ENTRY_KINDS)[number];

/** Shares of a contract's allowance at which staff are warned, in percent. */
export const WORK_ALLOWANCE_THRESHOLDS = [80, 100] as const;
export type WorkAllowanceThreshold = (typeof WORK_ALLOWANCE_THRESHOLDS)[number];

/** How a multi-ticket entry's time and quantities are divided among its tickets. */
export const WORK_SPLIT_MODES = ['even', 'per_ticket'] as const;
export type WorkSplitMode = (typeof WORK_SPLIT_MODES)[number];

/** Totals are grouped by one of these in the report. */
export const WORK_TOTAL_GROUPS = ['ticket', 'contract', 'organization', 'agent', 'month'] as const;
export type WorkTotalGroup = (typeof WORK_TOTAL_GROUPS)[number];

export const WORK_LOG_LIMITS = {
  /** One entry covers at most a day's work (24 h). */
  durationSeconds: 86_400,
  /** Tickets in one multi-ticket entry. */
  ticketsPerEntry: 50,
  /** Quantities and prices: up to 10^9 with two decimals. */
  amount: 1_000_000_000,
} as const;
