import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ParsedMail } from '../parsing/parsed-mail.js';

/**
 * The polite answer to a sender who may not file (the mailbox's `refuse` policy, an
 * unauthorized requester): queued in the outbox with the message's transaction.
 */
@Injectable()
export class MailRefusals {
  async send(_em: EntityManager, _mail: ParsedMail): Promise<void> {
    // Filled in with the refusal template.
  }
}
