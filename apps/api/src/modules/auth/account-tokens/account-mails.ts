import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Locale } from '@relaydesk/contracts';
import { httpConfig, InjectConfig, type HttpConfig } from '../../../config/config-namespaces.js';
import { sql } from '../../../common/database/sql.js';
import { AccountMailOutbox } from '../../notifications/index.js';
import type { WebApp } from '../refresh-cookie.js';
import { accountLink, appFor, audienceOf } from './account-links.js';
import { AccountTokens } from './account-tokens.js';

/** What an account mail needs to know about its user. */
export interface AccountMailUser {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  role: string;
}

/** Reads the user an account mail is about, in the transaction that sends it. */
export async function accountMailUser(
  em: EntityManager,
  userId: string,
): Promise<(AccountMailUser & { canSignIn: boolean; hasPassword: boolean }) | null> {
  // canSignIn: what login asks of an account besides its password (active, and a client's
  // organization too); a link to an account that cannot sign in is of no use.
  const [row] = await sql<AccountMailUser & { canSignIn: boolean; hasPassword: boolean }>(
    em,
    `SELECT u.id, u.email, u.name, u.locale, u.role, u.password_hash IS NOT NULL AS "hasPassword",
            u.active AND (u.organization_id IS NULL OR EXISTS (
              SELECT 1 FROM organizations o WHERE o.id = u.organization_id AND o.active))
              AS "canSignIn"
       FROM users u WHERE u.id = $1`,
    [userId],
  );
  return row ?? null;
}

/**
 * Issues a token and queues the mail that carries its link, in the caller's transaction: the mail
 * goes out (through the delivery workers) only if the change commits, and the link works only if
 * the mail was queued.
 */
@Injectable()
export class AccountMails {
  constructor(
    private readonly tokens: AccountTokens,
    private readonly outbox: AccountMailOutbox,
    @InjectConfig(httpConfig) private readonly http: HttpConfig,
  ) {}

  /** Expiry of the link, for the API's answer. */
  async welcome(em: EntityManager, user: AccountMailUser): Promise<Date> {
    const { token, expiresAt } = await this.tokens.issue(em, user.id, 'welcome');
    await this.outbox.enqueue(em, {
      kind: 'account_welcome',
      userId: user.id,
      address: user.email,
      locale: user.locale,
      data: {
        name: user.name,
        actionUrl: accountLink(this.http.publicUrl, appFor(user.role), 'set-password', token),
        expiresAt: expiresAt.toISOString(),
        audience: audienceOf(user.role),
      },
    });
    return expiresAt;
  }

  async passwordReset(em: EntityManager, user: AccountMailUser, app: WebApp): Promise<void> {
    const { token, expiresAt } = await this.tokens.issue(em, user.id, 'password_reset');
    await this.outbox.enqueue(em, {
      kind: 'password_reset',
      userId: user.id,
      address: user.email,
      locale: user.locale,
      data: {
        name: user.name,
        actionUrl: accountLink(
          this.http.publicUrl,
          appFor(user.role, app),
          'reset-password',
          token,
        ),
        expiresAt: expiresAt.toISOString(),
        audience: audienceOf(user.role),
      },
    });
  }

  /** Sent to the NEW address: following the link proves the user reads it. */
  async emailChange(em: EntityManager, user: AccountMailUser, newEmail: string): Promise<Date> {
    const { token, expiresAt } = await this.tokens.issue(em, user.id, 'email_change', newEmail);
    await this.outbox.enqueue(em, {
      kind: 'email_change',
      userId: user.id,
      address: newEmail,
      locale: user.locale,
      data: {
        name: user.name,
        newEmail,
        actionUrl: accountLink(this.http.publicUrl, appFor(user.role), 'confirm-email', token),
        expiresAt: expiresAt.toISOString(),
        audience: audienceOf(user.role),
      },
    });
    return expiresAt;
  }
}
