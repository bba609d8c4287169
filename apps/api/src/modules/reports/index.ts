/**
 * The door of the reports module: what other modules may use. Import from here, never from the
 * module's files (`npm run lint` refuses it).
 *
 * Read-only figures across tickets (satisfaction, support levels).
 */
export { ReportsModule } from './reports.module.js';
