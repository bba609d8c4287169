import { Module } from '@nestjs/common';
import { NotificationsService } from '../notifications.service.js';
import { LiveEventReader } from './live-event-reader.js';
import { LiveEventsController } from './live-events.controller.js';
import { LiveHub } from './live-hub.js';

/**
 * Live updates: the per-user Server-Sent Events stream (`GET /api/v1/me/events`), fed by the
 * instance's LISTEN connection (EventLogListener), so an event on any instance reaches a user
 * connected to any other.
 */
@Module({
  controllers: [LiveEventsController],
  providers: [LiveHub, LiveEventReader, NotificationsService],
  exports: [LiveHub],
})
export class LiveModule {}
