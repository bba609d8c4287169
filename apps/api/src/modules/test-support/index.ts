/**
 * The door of the test-support module: what other modules may use. Import from here, never from
 * the module's files (`npm run lint` refuses it).
 *
 * Routes used only by the multi-process cluster test (RELAYDESK_TEST_ROUTES, refused in
 * production): a clock each instance lets the test move, and "run the scheduled work now".
 */
export { OffsetClock } from './offset-clock.js';
export { TestSupportModule } from './test-support.module.js';
