/**
 * The door of the intake module: what other modules may use. Import from here, never from the
 * module's files (`npm run lint` refuses it).
 *
 * Tickets and replies that come from outside the SPAs and the REST API: support mailboxes
 * (IMAP, or raw mail piped over HTTP), the public web form, alerts from monitoring.
 */
export { IntakeModule } from './intake.module.js';
/** For create-app: the form page's frame-ancestors from the web form's settings. */
export { WebFormFraming } from './web-form/web-form-framing.js';
