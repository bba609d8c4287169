import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { closeConnectionOnUnreadBody } from '../../../common/http/unread-body.middleware.js';
import { WorkflowModule } from '../../workflow/workflow.module.js';
import { TicketAccessService } from '../ticket-access.service.js';
import { AttachmentStorage } from './attachment-storage.js';
import { AttachmentUploadReceiver } from './attachment-upload.receiver.js';
import { AttachmentsController, TicketAttachmentsController } from './attachments.controller.js';
import { AttachmentsService } from './attachments.service.js';
import { LocalDiskAttachmentStorage } from './local-disk-attachment-storage.js';

/** Files on tickets and comments: upload, list, metadata and download. */
@Module({
  imports: [WorkflowModule],
  controllers: [TicketAttachmentsController, AttachmentsController],
  providers: [
    AttachmentsService,
    AttachmentUploadReceiver,
    TicketAccessService,
    // Swap for an object-store adapter by providing another AttachmentStorage here.
    { provide: AttachmentStorage, useClass: LocalDiskAttachmentStorage },
  ],
})
export class AttachmentsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The upload is read only after the caller is checked; a refusal must not read it anyway.
    consumer
      .apply(closeConnectionOnUnreadBody)
      .forRoutes({ path: 'v1/tickets/:id/attachments', method: RequestMethod.POST });
  }
}
