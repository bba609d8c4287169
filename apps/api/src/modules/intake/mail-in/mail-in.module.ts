import { Module } from '@nestjs/common';

/** E-mail in: support mailboxes polled over IMAP, raw RFC 822 over HTTP, parsing, threading, sender authorization, quarantine, bounces. */
@Module({})
export class MailInModule {}
