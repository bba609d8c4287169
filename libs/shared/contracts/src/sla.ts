/** Days of a calendar's working week, Monday first (ISO 8601 order). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A working interval of one day in the calendar's local time, `HH:MM`; `24:00` ends the day. */
export interface WorkingInterval {
  start: string;
  end: string;
}

/** The two clocks an SLA policy sets on a ticket. */
export const SLA_CLOCKS = ['first_response', 'resolution'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];

/** Share of a target after which the reminder goes out, when a policy does not say. */
export const DEFAULT_SLA_REMINDER_PERCENT = 75;
