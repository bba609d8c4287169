import { Module } from '@nestjs/common';
import { NotificationListeners } from './notification-listeners.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

/**
 * In-app notifications: each user's inbox, filled by listeners of the other modules' domain
 * events (NotificationListeners), inside the transaction of the change.
 */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationListeners],
})
export class NotificationsModule {}
