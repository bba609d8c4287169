import { Module } from '@nestjs/common';
import { AccountMailOutbox } from './delivery/account-mail-outbox.js';
import { DeliveryModule } from './delivery/delivery.module.js';
import { FanOutModule } from './fan-out/fan-out.module.js';
import { LiveModule } from './live/live.module.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { PreferencesModule } from './preferences/preferences.module.js';
import { SmsModule } from './sms/sms.module.js';

/**
 * Notifications over every channel. Domain events are recorded in `event_log` inside the
 * transaction of their change; the fan-out turns each into in-app notifications and deliveries
 * (e-mail, SMS) for the people who may see it; delivery workers send those; the live stream
 * pushes changes to signed-in browsers. Each part is a module of its own folder.
 */
@Module({
  imports: [DeliveryModule, FanOutModule, SmsModule, LiveModule, PreferencesModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, AccountMailOutbox],
  // DeliveryModule: the intake matches replies and bounces to what was sent (reply addresses,
  // VERP, our Message-ID domain).
  exports: [AccountMailOutbox, FanOutModule, DeliveryModule],
})
export class NotificationsModule {}
