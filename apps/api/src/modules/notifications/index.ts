/**
 * The door of the notifications module: what other modules may use. Import from here, never from the
 * module's files (`npm run lint` refuses it).
 *
 * Notifications over every channel (in-app, e-mail, SMS, live), filled by listeners of other
 * modules' domain events; `AccountMailOutbox` queues mails about a person's account.
 */
export { NotificationsModule } from './notifications.module.js';
export { AccountMailOutbox, type AccountMail } from './delivery/account-mail-outbox.js';
export type * from './templates/mail-data.js';
/** For the mail intake: replies and bounces matched to what was sent. */
export { MailSettings } from './delivery/mail/mail-settings.js';
export { ReplyAddresses } from './delivery/mail/reply-address.js';
export { DeliveryBounces, type BounceReport } from './delivery/delivery-bounces.js';
/** For `npm run bench` (fan-out on during a create run) and tests. */
export { FanOutWorker } from './fan-out/fan-out.worker.js';
