import { Module } from '@nestjs/common';
import { WorkflowModule } from '../../workflow/index.js';
import { TicketAccessService } from '../ticket-access.service.js';
import { TicketWriter } from '../ticket-writer.js';
import { AttachmentStorage } from './attachment-storage.js';
import { AttachmentUploadReceiver } from './attachment-upload.receiver.js';
import { AttachmentsController, TicketAttachmentsController } from './attachments.controller.js';
import { AttachmentsService } from './attachments.service.js';
import { LocalDiskAttachmentStorage } from './local-disk-attachment-storage.js';

/**
 * Files on tickets and comments: upload, list, metadata and download. An upload is read only
 * after the caller is checked, and a refusal does not read it at all (closeConnectionOnUnreadBody,
 * applied to every request in create-app.ts).
 */
@Module({
  imports: [WorkflowModule],
  controllers: [TicketAttachmentsController, AttachmentsController],
  providers: [
    AttachmentsService,
    AttachmentUploadReceiver,
    TicketAccessService,
    TicketWriter,
    // Swap for an object-store adapter by providing another AttachmentStorage here.
    { provide: AttachmentStorage, useClass: LocalDiskAttachmentStorage },
  ],
  // The mail intake stores a message's files in the transaction that files it; the knowledge
  // base keeps its articles' files in the same store, received the same way.
  exports: [AttachmentsService, AttachmentStorage, AttachmentUploadReceiver],
})
export class AttachmentsModule {}
