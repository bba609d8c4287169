import { Module } from '@nestjs/common';
import { IdempotencyInterceptor } from '../../common/idempotency/idempotency.interceptor.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SlaAdminService } from './sla-admin.service.js';
import { SlaConfigService } from './sla-config.service.js';
import { SlaSweepService } from './sla-sweep.service.js';
import { SlaController } from './sla.controller.js';
import { SlaService } from './sla.service.js';

/**
 * SLA on business hours: calendars and policies (admin), each ticket's clocks (SlaService, used
 * by the tickets module's write paths) and the sweep that sends reminders and records breaches.
 */
@Module({
  imports: [NotificationsModule],
  controllers: [SlaController],
  providers: [
    IdempotencyInterceptor,
    SlaAdminService,
    SlaConfigService,
    SlaService,
    SlaSweepService,
  ],
  exports: [SlaService, SlaSweepService],
})
export class SlaModule {}
