import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Locale, NotificationKind } from '@relaydesk/contracts';
import { sql } from '../../../common/database/sql.js';
import { NotFoundError } from '../../../common/errors/domain-errors.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { UnsubscribeTokens } from './unsubscribe-token.js';

export interface UnsubscribeTarget {
  kind: NotificationKind;
  locale: Locale;
}

/**
 * One-click unsubscribe (RFC 8058): a signed token names a user and a kind, and a POST turns that
 * kind's e-mail off for that user, nothing else. Forged, damaged and deleted-user tokens are the
 * same 404 without a word of why, so the endpoint teaches nothing to someone guessing.
 */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly db: DataSource,
    private readonly tokens: UnsubscribeTokens,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  /** What the link is for, changing nothing (the GET page). */
  async open(token: string): Promise<UnsubscribeTarget> {
    const target = this.tokens.verify(token);
    if (!target) throw new NotFoundError();
    const [user] = await sql<{ locale: Locale }>(
      this.db,
      'SELECT locale FROM users WHERE id = $1',
      [target.userId],
    );
    if (!user) throw new NotFoundError();
    return { kind: target.kind, locale: user.locale };
  }

  /** Turns the e-mail channel of the token's kind off for its user; twice is the same as once. */
  async unsubscribe(token: string): Promise<UnsubscribeTarget> {
    const target = await this.open(token);
    const userId = this.tokens.verify(token)!.userId;
    await this.db.transaction((em) =>
      this.preferences.choose(em, userId, target.kind, 'email', false),
    );
    return target;
  }
}
