import { SmsGateway, type SmsResult } from './sms-gateway.js';

/** Production without SMS_DRIVER: no gateway, so every SMS fails for good instead of waiting. */
export class DisabledSmsGateway extends SmsGateway {
  readonly driver = 'disabled';

  send(): Promise<SmsResult> {
    return Promise.resolve({
      ok: false,
      permanent: true,
      error: 'SMS is off on this installation (SMS_DRIVER is not set)',
    });
  }
}
