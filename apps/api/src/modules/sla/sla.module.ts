import { Module } from '@nestjs/common';
import { IdempotencyInterceptor } from '../../common/idempotency/idempotency.interceptor.js';
import { SlaAdminService } from './sla-admin.service.js';
import { SlaConfigService } from './sla-config.service.js';
import { SlaController } from './sla.controller.js';
import { SlaService } from './sla.service.js';

/**
 * SLA on business hours: calendars and policies (admin) and the clock arithmetic (SlaService,
 * sla-clock.ts, business-time.ts). The tickets module owns the tickets' SLA columns: it asks this
 * module what they should be, and its SLA sweep passes time on them.
 */
@Module({
  controllers: [SlaController],
  providers: [IdempotencyInterceptor, SlaAdminService, SlaConfigService, SlaService],
  exports: [SlaService],
})
export class SlaModule {}
