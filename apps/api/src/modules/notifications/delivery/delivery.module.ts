import { Module } from '@nestjs/common';
import { PreferencesModule } from '../preferences/preferences.module.js';
import { SmsModule } from '../sms/sms.module.js';
import { MailAdminController, TicketDeliveriesController } from './deliveries.controller.js';
import { DeliveryQueries } from './delivery-queries.js';
import { DeliveryWorker } from './delivery-worker.js';
import { MailSettings } from './mail/mail-settings.js';
import { MailTransport } from './mail/mail-transport.js';
import { VerpAddresses } from './mail/verp-address.js';
import { ReplyAddresses } from './mail/reply-address.js';
import { DeliveryBounces } from './delivery-bounces.js';

/** E-mail and SMS out: the outbox workers, the mail transport, headers and threading (issue 14). */
@Module({
  imports: [PreferencesModule, SmsModule],
  controllers: [TicketDeliveriesController, MailAdminController],
  providers: [
    MailSettings,
    MailTransport,
    VerpAddresses,
    ReplyAddresses,
    DeliveryBounces,
    DeliveryWorker,
    DeliveryQueries,
  ],
  exports: [
    DeliveryWorker,
    MailTransport,
    MailSettings,
    VerpAddresses,
    ReplyAddresses,
    DeliveryBounces,
  ],
})
export class DeliveryModule {}
