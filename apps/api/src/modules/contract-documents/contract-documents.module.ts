import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../tickets/index.js';
import { ContractDocumentsController } from './contract-documents.controller.js';
import { ContractDocumentsService } from './contract-documents.service.js';

/**
 * Documents of contracts (issue 18). A module of its own because the file store is the tickets
 * module's and tickets depend on contracts: contracts may not depend on tickets.
 * See docs/contracts.md.
 */
@Module({
  // AttachmentsModule: the documents live in the ticket attachments' store, received alike.
  imports: [AttachmentsModule],
  controllers: [ContractDocumentsController],
  providers: [ContractDocumentsService],
})
export class ContractDocumentsModule {}
