import { Module } from '@nestjs/common';
import { TicketsModule } from '../../tickets/index.js';
import { AlertIngestService } from './alert-ingest.service.js';
import { AlertRulesController } from './alert-rules.controller.js';
import { AlertRulesService } from './alert-rules.service.js';
import { AlertsController } from './alerts.controller.js';

/** Alerts from monitoring (Alertmanager, Zabbix, a generic form): one ticket per firing alert. */
@Module({
  imports: [TicketsModule],
  controllers: [AlertsController, AlertRulesController],
  providers: [AlertIngestService, AlertRulesService],
})
export class AlertsModule {}
