import { Logger } from '@nestjs/common';
import { isE164Phone } from '@relaydesk/contracts';
import { maskPhone } from './mask-phone.js';
import { SmsGateway, type SmsResult } from './sms-gateway.js';

/**
 * Development: every SMS becomes a log line (masked number, length; the text at debug level)
 * instead of a message, so the demo shows what would be sent without a gateway account.
 */
export class LogSmsGateway extends SmsGateway {
  readonly driver = 'log';
  private readonly logger = new Logger('SmsGateway');
  private sent = 0;

  send(to: string, text: string): Promise<SmsResult> {
    if (!isE164Phone(to)) {
      return Promise.resolve({ ok: false, permanent: true, error: 'not an E.164 phone number' });
    }
    const providerId = `log-${++this.sent}`;
    this.logger.log(
      { to: maskPhone(to), length: text.length, providerId },
      'SMS (SMS_DRIVER=log: written here, not sent)',
    );
    this.logger.debug({ providerId, text }, 'SMS text');
    return Promise.resolve({ ok: true, providerId });
  }
}
