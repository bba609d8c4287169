/**
 * The door of the notifications module: what other modules may use. Import from here, never from the
 * module's files (`npm run lint` refuses it).
 *
 * In-app notifications, filled by listeners of other modules' domain events.
 */
export { NotificationsModule } from './notifications.module.js';
