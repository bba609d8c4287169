import { Module } from '@nestjs/common';
import { SecretBox } from '../../common/crypto/secret-box.js';
import { NotificationsModule } from '../notifications/index.js';
import { WebhookDeliveryWorker } from './delivery/webhook-delivery.worker.js';
import { WebhookLogPruner } from './delivery/webhook-log-pruner.js';
import { WebhookFeedWorker } from './feed/webhook-feed.worker.js';
import { WebhookDeliveriesService } from './webhook-deliveries.service.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';
import { WebhooksController } from './webhooks.controller.js';

/**
 * Webhooks: endpoints registered by admins for event kinds, signed deliveries (Standard Webhooks)
 * from an outbox fed by the committed domain events, retries, a delivery log, an SSRF guard.
 */
@Module({
  imports: [NotificationsModule],
  controllers: [WebhooksController],
  providers: [
    SecretBox,
    WebhookEndpointsService,
    WebhookDeliveriesService,
    WebhookFeedWorker,
    WebhookDeliveryWorker,
    WebhookLogPruner,
  ],
  exports: [WebhookFeedWorker, WebhookDeliveryWorker, WebhookLogPruner],
})
export class WebhooksModule {}
