/**
 * The door of the sla module: what other modules may use. Import from here, never from the
 * module's files (`npm run lint` refuses it).
 *
 * SLA policies, business calendars and the clock arithmetic; the tickets module keeps the
 * tickets' SLA columns with it.
 */
export { TicketSlaDto } from './dto/ticket-sla.dto.js';
export { SlaPolicy } from './entities/sla-policy.entity.js';
/** Business calendars: service objects keep their working hours as one (contracts). */
export { SlaCalendar } from './entities/sla-calendar.entity.js';
export { REMINDER_BIT, dueEvents, nextCheckAt } from './sla-clock.js';
export type { SlaEvent, SlaState, SlaStop } from './sla-clock.js';
export { SlaModule } from './sla.module.js';
export { SlaService } from './sla.service.js';
export type { NewTicketSla, SlaPatch, SlaTicket } from './sla.service.js';
