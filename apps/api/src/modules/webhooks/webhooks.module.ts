import { Module } from '@nestjs/common';

/**
 * Webhooks: endpoints registered by admins for event kinds, signed deliveries (Standard Webhooks)
 * from an outbox fed by the committed domain events, retries, a delivery log, an SSRF guard.
 */
@Module({})
export class WebhooksModule {}
