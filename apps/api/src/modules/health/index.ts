/**
 * The door of the health module: what other modules may use. Import from here, never from the
 * module's files (`npm run lint` refuses it).
 *
 * Liveness and readiness probes.
 */
export { HealthModule } from './health.module.js';
