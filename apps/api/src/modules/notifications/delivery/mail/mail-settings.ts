import { Injectable } from '@nestjs/common';
import { InjectConfig, mailConfig, type MailConfig } from '../../../../config/config-namespaces.js';
import { parseMailbox } from '../../../../config/namespaces/mail.config.js';

/** What follows from the mail config: the sender's parts and our domain. */
@Injectable()
export class MailSettings {
  readonly fromAddress: string;
  readonly fromName: string | null;
  /** Message-IDs, the thread ids and the VERP sender are in this domain. */
  readonly domain: string;

  constructor(@InjectConfig(mailConfig) config: MailConfig) {
    const from = parseMailbox(config.mailFrom);
    if (!from) throw new Error('MAIL_FROM is not an address (the config check let it through)');
    this.fromAddress = from.address;
    this.fromName = from.name;
    this.domain = config.mailDomain ?? from.domain;
  }
}
