import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller.js';
import { SatisfactionReportService } from './satisfaction-report.service.js';

/** Read-only figures across tickets, for dispatchers and admins. */
@Module({
  controllers: [ReportsController],
  providers: [SatisfactionReportService],
})
export class ReportsModule {}
