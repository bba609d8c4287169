import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Permission, roleHasPermission } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { DomainEvents } from '../../../common/events/domain-events.js';
import {
  BusinessRuleError,
  ForbiddenError,
  NotFoundError,
} from '../../../common/errors/domain-errors.js';
import { UserCreated, UserEmailChanged } from '../../directory/index.js';
import { AccountMails, accountMailUser } from './account-mails.js';
import { AccountTokens } from './account-tokens.js';

/**
 * The welcome mail: a user created without a password gets a link to set one, in the transaction
 * that creates them; an admin can send a fresh link while the user has not set a password yet.
 * An admin's change of the address revokes the links sent to the old one.
 */
@Injectable()
export class Invitations {
  constructor(
    private readonly db: DataSource,
    private readonly mails: AccountMails,
    private readonly tokens: AccountTokens,
    events: DomainEvents,
  ) {
    events.on(UserCreated, async (event, em) => {
      if (event.hasPassword) return;
      const user = await accountMailUser(em, event.userId);
      // An account that cannot sign in could not use the password anyway; "resend" once it can.
      if (user?.canSignIn) await this.mails.welcome(em, user);
    });
    // Links mailed to the old address stop working with it. A user still without a password
    // (the welcome went to a mistyped address, say) gets a new welcome at the new one.
    events.on(UserEmailChanged, async (event, em) => {
      await this.tokens.revoke(em, event.userId, ['welcome', 'password_reset', 'email_change']);
      const user = await accountMailUser(em, event.userId);
      if (user?.canSignIn && !user.hasPassword) await this.mails.welcome(em, user);
    });
  }

  /** A new welcome link (the earlier ones stop working); the expiry of the new one. */
  async resend(caller: AuthUser, userId: string): Promise<Date> {
    return this.db.transaction(async (em) => {
      const user = await accountMailUser(em, userId);
      if (!user) throw new NotFoundError('User');
      if (!roleHasPermission(caller.role, Permission.UsersManage) && user.role !== 'client') {
        throw new ForbiddenError('Your role may only invite client users');
      }
      if (!user.canSignIn) {
        throw new BusinessRuleError('The user cannot sign in: inactive, or their organization is', [
          { field: 'active', message: 'activate the user (and their organization) first' },
        ]);
      }
      if (user.hasPassword) {
        throw new BusinessRuleError('The user has already set a password', [
          { field: 'password', message: 'is set; they can use "Forgot password?" instead' },
        ]);
      }
      return this.mails.welcome(em, user);
    });
  }
}
