/**
 * The door of the work-log module: what other modules may use. Import from here, never from the
 * module's files (`npm run lint` refuses it).
 *
 * Work entries on tickets, the price list, the timer, totals and allowance warnings (issue 18).
 */
export { WorkLogModule } from './work-log.module.js';
/** A ticket's entries (the service protocol prints them) and a contract's usage (its card). */
export { WorkEntriesService } from './work-entries.service.js';
export { WorkAllowanceService } from './work-allowance.service.js';
/** Whether clients read billed work (a stored service protocol follows it). */
export { WorkLogSettingsService } from './work-log-settings.service.js';
export { WorkAllowanceReached } from './events/work-allowance-reached.event.js';
export type { WorkEntryDto, TicketWorkDto, WorkTotalsDto } from './dto/work-entry.dto.js';
