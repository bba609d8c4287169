import { Module } from '@nestjs/common';
import { ContractsModule } from '../../../contracts/index.js';
import { DirectoryModule } from '../../../directory/index.js';
import { NotificationsModule } from '../../../notifications/index.js';
import { AttachmentsModule, TicketsModule } from '../../../tickets/index.js';
import { MailFiling } from './mail-filing.js';
import { MailIngestService } from './mail-ingest.service.js';
import { MailRefusals } from './mail-refusals.js';
import { MailThreading } from './mail-threading.js';
import { MailboxSettings } from './mailbox-settings.js';
import { MailQuarantineController } from './quarantine/mail-quarantine.controller.js';
import { MailQuarantineService } from './quarantine/mail-quarantine.service.js';
import { TicketInboundMailController } from './ticket-mail/ticket-inbound-mail.controller.js';
import { TicketInboundMailService } from './ticket-mail/ticket-inbound-mail.service.js';

/** One inbound message in, a ticket, comment, bounce mark or quarantine entry out. */
@Module({
  imports: [
    TicketsModule,
    AttachmentsModule,
    DirectoryModule,
    NotificationsModule,
    ContractsModule,
  ],
  controllers: [MailQuarantineController, TicketInboundMailController],
  providers: [
    MailIngestService,
    MailFiling,
    MailRefusals,
    MailThreading,
    MailboxSettings,
    MailQuarantineService,
    TicketInboundMailService,
  ],
  exports: [MailIngestService],
})
export class MailIngestModule {}
