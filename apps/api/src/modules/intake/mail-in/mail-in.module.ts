import { Module } from '@nestjs/common';
import { SecretBox } from '../../../common/crypto/secret-box.js';
import { InboundMailController } from './http/inbound-mail.controller.js';
import { MailIngestPort } from './imap/mail-ingest-port.js';
import { MailIngestModule } from './ingest/mail-ingest.module.js';
import { MailIngestService } from './ingest/mail-ingest.service.js';
import { MailboxConnectionTest } from './imap/mailbox-connection-test.js';
import { MailboxPoller } from './imap/mailbox-poller.js';
import { MailboxPollers } from './imap/mailbox-pollers.js';
import { FailedMessageRetry } from './mailboxes/failed-message-retry.js';
import { MailboxesController } from './mailboxes/mailboxes.controller.js';
import { MailboxesService } from './mailboxes/mailboxes.service.js';

/** E-mail in: support mailboxes polled over IMAP, raw RFC 822 over HTTP, parsing, threading, sender authorization, quarantine, bounces. */
@Module({
  imports: [MailIngestModule],
  controllers: [MailboxesController, InboundMailController],
  providers: [
    SecretBox,
    MailboxesService,
    FailedMessageRetry,
    MailboxConnectionTest,
    MailboxPoller,
    MailboxPollers,
    { provide: MailIngestPort, useExisting: MailIngestService },
  ],
})
export class MailInModule {}
