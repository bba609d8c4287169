/**
 * The door of the deputies module: what other modules may use. Import from here, never from the
 * module's files (`npm run lint` refuses it).
 *
 * CDESK deputies: who stands in for whom, and when; announces DeputyshipStarted/Ended.
 */
export { DeputiesModule } from './deputies.module.js';
export { DeputyshipEnded, DeputyshipStarted } from './events/deputyship.events.js';
export type { DeputyshipEndReason } from './events/deputyship.events.js';
