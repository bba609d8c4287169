/**
 * The door of the webhooks module: what other modules may use. Import from here, never from the
 * module's files (`npm run lint` refuses it).
 *
 * Tells other systems that something changed: signed HTTP deliveries of the domain events.
 */
export { WebhooksModule } from './webhooks.module.js';
/** The feed (event_log → messages) and the sender, for tests and the bench. */
export { WebhookFeedWorker } from './feed/webhook-feed.worker.js';
export { WebhookDeliveryWorker } from './delivery/webhook-delivery.worker.js';
export { WebhookLogPruner } from './delivery/webhook-log-pruner.js';
