/**
 * The door of the bench module: what other modules may use. Import from here, never from the
 * module's files (`npm run lint` refuses it).
 *
 * Routes used only by `npm run bench` (refused in production).
 */
export { BenchModule } from './bench.module.js';
