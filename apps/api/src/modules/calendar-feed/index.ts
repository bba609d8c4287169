/**
 * The door of the calendar-feed module: what other modules may use. Import from here, never from the
 * module's files (`npm run lint` refuses it).
 *
 * Each staff member's iCalendar feed of due tickets.
 */
export { CalendarFeedModule } from './calendar-feed.module.js';
