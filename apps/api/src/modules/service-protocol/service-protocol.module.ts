import { Module } from '@nestjs/common';
import { InstallationModule } from '../installation/index.js';
import { AttachmentsModule, TicketsModule } from '../tickets/index.js';
import { WorkLogModule } from '../work-log/index.js';
import { ServiceProtocolController } from './service-protocol.controller.js';
import { ServiceProtocolService } from './service-protocol.service.js';

/** The service protocol (issue 18): a ticket printed as a PDF to sign, in en, ru or cs. */
@Module({
  imports: [TicketsModule, AttachmentsModule, WorkLogModule, InstallationModule],
  controllers: [ServiceProtocolController],
  providers: [ServiceProtocolService],
})
export class ServiceProtocolModule {}
