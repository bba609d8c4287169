import { Module } from '@nestjs/common';
import {
  NotificationDefaultsController,
  NotificationPreferencesController,
} from './notification-preferences.controller.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { UnsubscribeController } from './unsubscribe.controller.js';
import { UnsubscribeService } from './unsubscribe.service.js';
import { UnsubscribeTokens } from './unsubscribe-token.js';

/**
 * Preferences per user, kind and channel with the admins' defaults, and one-click unsubscribe
 * (issue 14). `NotificationPreferencesService.recipientsWanting` answers the fan-out's question.
 */
@Module({
  controllers: [
    NotificationPreferencesController,
    NotificationDefaultsController,
    UnsubscribeController,
  ],
  providers: [UnsubscribeTokens, NotificationPreferencesService, UnsubscribeService],
  exports: [UnsubscribeTokens, NotificationPreferencesService],
})
export class PreferencesModule {}
