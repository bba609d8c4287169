import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../tickets/index.js';
import { BillingItemsController } from './billing-items.controller.js';
import { BillingItemsService } from './billing-items.service.js';
import { WorkAllowanceService } from './work-allowance.service.js';
import { WorkEntriesController } from './work-entries.controller.js';
import { WorkEntriesService } from './work-entries.service.js';
import { WorkEntryAttachmentsController } from './work-entry-attachments.controller.js';
import { WorkEntryAttachmentsService } from './work-entry-attachments.service.js';
import { WorkLogSettingsService } from './work-log-settings.service.js';
import { WorkReportController } from './work-report.controller.js';
import { WorkReportService } from './work-report.service.js';
import { WorkTimerController } from './work-timer.controller.js';
import { WorkTimerService } from './work-timer.service.js';

/** The work log (issue 18): price list, work entries, timer, totals, report. docs/work-log.md. */
@Module({
  // AttachmentsModule: work entry files live in the ticket attachments' store, received alike.
  imports: [AttachmentsModule],
  controllers: [
    BillingItemsController,
    WorkEntriesController,
    WorkEntryAttachmentsController,
    WorkTimerController,
    WorkReportController,
  ],
  providers: [
    BillingItemsService,
    WorkEntriesService,
    WorkEntryAttachmentsService,
    WorkAllowanceService,
    WorkLogSettingsService,
    WorkReportService,
    WorkTimerService,
  ],
  exports: [WorkEntriesService, WorkAllowanceService, WorkLogSettingsService],
})
export class WorkLogModule {}
