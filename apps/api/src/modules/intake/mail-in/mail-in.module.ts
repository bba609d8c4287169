import { Module } from '@nestjs/common';
import { SecretBox } from '../../../common/crypto/secret-box.js';
import { MailIngestPort } from './imap/mail-ingest-port.js';
import { MailboxConnectionTest } from './imap/mailbox-connection-test.js';
import { MailboxPoller } from './imap/mailbox-poller.js';
import { MailboxPollers } from './imap/mailbox-pollers.js';
import { MailboxesController } from './mailboxes/mailboxes.controller.js';
import { MailboxesService } from './mailboxes/mailboxes.service.js';

/** Until the ingest service is bound here, a source that hands it mail fails (and keeps the mail). */
const ingestNotReady: MailIngestPort = {
  ingest: () => Promise.reject(new Error('the mail ingest is not available in this build')),
};

/** E-mail in: support mailboxes polled over IMAP, raw RFC 822 over HTTP, parsing, threading, sender authorization, quarantine, bounces. */
@Module({
  controllers: [MailboxesController],
  providers: [
    SecretBox,
    MailboxesService,
    MailboxConnectionTest,
    MailboxPoller,
    MailboxPollers,
    { provide: MailIngestPort, useValue: ingestNotReady },
  ],
})
export class MailInModule {}
