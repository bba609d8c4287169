import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller.js';
import { SatisfactionReportService } from './satisfaction-report.service.js';
import { SupportLevelReportController } from './support-level-report.controller.js';
import { SupportLevelReportService } from './support-level-report.service.js';

/** Read-only figures across tickets, for dispatchers and admins. */
@Module({
  controllers: [ReportsController, SupportLevelReportController],
  providers: [SatisfactionReportService, SupportLevelReportService],
})
export class ReportsModule {}
