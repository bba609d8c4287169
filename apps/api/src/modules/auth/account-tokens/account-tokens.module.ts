import { Module } from '@nestjs/common';
import { DirectoryModule } from '../../directory/index.js';
import { NotificationsModule } from '../../notifications/index.js';
import { LoginThrottleService } from '../login-throttle.service.js';
import { AccountMails } from './account-mails.js';
import { AccountTokens } from './account-tokens.js';
import { EmailChangesController } from './email-changes.controller.js';
import { EmailChanges } from './email-changes.service.js';
import { InvitationsController } from './invitations.controller.js';
import { Invitations } from './invitations.service.js';
import { PasswordResetsController } from './password-resets.controller.js';
import { PasswordResets } from './password-resets.service.js';

/**
 * The account mails and their single-use links: welcome (set a first password), "forgot
 * password", and confirming a new e-mail address. Mails go through the notifications outbox.
 */
@Module({
  imports: [DirectoryModule, NotificationsModule],
  controllers: [PasswordResetsController, EmailChangesController, InvitationsController],
  providers: [
    AccountTokens,
    AccountMails,
    Invitations,
    PasswordResets,
    EmailChanges,
    LoginThrottleService,
  ],
})
export class AccountTokensModule {}
