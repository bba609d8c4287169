import { Module } from '@nestjs/common';
import { ContractsModule } from '../../contracts/index.js';
import { DirectoryModule } from '../../directory/index.js';
import { NotificationsModule } from '../../notifications/index.js';
import { AttachmentsModule, TicketsModule } from '../../tickets/index.js';
import { FormTokens } from './form-token.js';
import { WebFormConfirmationsService } from './web-form-confirmations.service.js';
import { WebFormFiles } from './web-form-files.js';
import { WebFormFraming } from './web-form-framing.js';
import { WebFormSettingsController } from './web-form-settings.controller.js';
import { WebFormSettingsService } from './web-form-settings.service.js';
import { WebFormSubmissionsService } from './web-form-submissions.service.js';
import { WebFormSweep } from './web-form-sweep.js';
import { WebFormThrottle } from './web-form-throttle.js';
import { WebFormUploadInterceptor } from './web-form-upload.interceptor.js';
import { WebFormController } from './web-form.controller.js';

/** The public web form: a request by e-mail address and question, confirmed by an e-mailed link for unknown senders. */
@Module({
  imports: [
    TicketsModule,
    AttachmentsModule,
    NotificationsModule,
    DirectoryModule,
    ContractsModule,
  ],
  controllers: [WebFormController, WebFormSettingsController],
  providers: [
    FormTokens,
    WebFormSettingsService,
    WebFormThrottle,
    WebFormFiles,
    WebFormUploadInterceptor,
    WebFormSubmissionsService,
    WebFormConfirmationsService,
    WebFormFraming,
    WebFormSweep,
  ],
  exports: [WebFormFraming],
})
export class WebFormModule {}
