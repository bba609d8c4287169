import { Logger, Module } from '@nestjs/common';
import { smsConfig, type SmsConfig } from '../../../config/config-namespaces.js';
import { DisabledSmsGateway } from './disabled-sms-gateway.js';
import { HttpSmsGateway } from './http-sms-gateway.js';
import { LogSmsGateway } from './log-sms-gateway.js';
import { SmsGateway } from './sms-gateway.js';

/** The gateway SMS_DRIVER names, with one start-up line that says which and where (no secret). */
export function createSmsGateway(config: SmsConfig): SmsGateway {
  const logger = new Logger('SmsGateway');
  switch (config.smsDriver) {
    case 'http': {
      const url = new URL(config.smsGatewayUrl!);
      const type = config.smsGatewayMethod === 'POST' ? ` ${config.smsGatewayContentType}` : '';
      logger.log(
        `SMS through ${url.host}${url.pathname} (${config.smsGatewayMethod}${type}` +
          `${config.smsGatewayAuthHeader ? `, ${config.smsGatewayAuthHeader.name} header` : ''})`,
      );
      return new HttpSmsGateway(config);
    }
    case 'log':
      logger.log('SMS are written to the log, not sent (SMS_DRIVER=log)');
      return new LogSmsGateway();
    default:
      logger.log(
        'SMS is off: SMS_DRIVER is not set. Set SMS_DRIVER=http and SMS_GATEWAY_URL to send SMS',
      );
      return new DisabledSmsGateway();
  }
}

/** The SMS gateway drivers (issue 14): SmsGateway, chosen by SMS_DRIVER. */
@Module({
  providers: [{ provide: SmsGateway, useFactory: createSmsGateway, inject: [smsConfig.token] }],
  exports: [SmsGateway],
})
export class SmsModule {}
