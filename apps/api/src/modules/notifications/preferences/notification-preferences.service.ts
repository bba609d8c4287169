import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  CLIENT_NOTIFICATION_KINDS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  notificationKindsFor,
  type NotificationChannel,
  type NotificationKind,
  type ProblemFieldError,
} from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { sql } from '../../../common/database/sql.js';
import { BusinessRuleError } from '../../../common/errors/domain-errors.js';
import type {
  NotificationDefaultsDto,
  NotificationPreferencesDto,
  UpdateNotificationDefaultsDto,
  UpdateNotificationPreferencesDto,
} from './dto/notification-preferences.dto.js';

/** E164_PATTERN of the contracts, as PostgreSQL reads it: a phone stored before validation counts as none. */
const SMS_READY_SQL = `u.sms_opt_in AND u.phone ~ '^\\+[1-9][0-9]{6,14}$'`;

interface CellRow {
  kind: NotificationKind;
  channel: NotificationChannel;
  enabled: boolean;
  chosen: boolean;
}

/**
 * Who hears of what on which channel: a user's own choice per kind and channel where they made
 * one, the installation's default (set by admins) everywhere else. A user's row exists only for
 * a choice, so a changed default reaches everyone who never chose.
 */
@Injectable()
export class NotificationPreferencesService {
  constructor(private readonly db: DataSource) {}

  async get(
    user: AuthUser,
    em: EntityManager = this.db.manager,
  ): Promise<NotificationPreferencesDto> {
    const kinds = notificationKindsFor(user.role);
    const rows = await sql<CellRow>(
      em,
      `SELECT d.kind, d.channel, COALESCE(p.enabled, d.enabled) AS enabled, p.user_id IS NOT NULL AS chosen
         FROM notification_defaults d
         LEFT JOIN notification_preferences p
           ON p.user_id = $1 AND p.kind = d.kind AND p.channel = d.channel
        WHERE d.kind = ANY($2::text[])`,
      [user.id, kinds],
    );
    const [ready] = await sql<{ ready: boolean }>(
      em,
      `SELECT (${SMS_READY_SQL}) AS ready FROM users u WHERE u.id = $1`,
      [user.id],
    );
    const byKey = new Map(rows.map((r) => [`${r.kind}/${r.channel}`, r]));
    const items = kinds.flatMap((kind) =>
      NOTIFICATION_CHANNELS.map((channel) => {
        const row = byKey.get(`${kind}/${channel}`);
        // A kind newer than its defaults' migration: off until an admin turns it on.
        return { kind, channel, enabled: row?.enabled ?? false, default: !row?.chosen };
      }),
    );
    return { items, smsAvailable: ready?.ready === true };
  }

  /**
   * Applies the changed cells at once, or none: a kind the user cannot hear of, or SMS turned on
   * without a valid phone and the opt-in, is a 422 naming the cell.
   */
  async update(
    user: AuthUser,
    dto: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesDto> {
    return this.db.transaction(async (em) => {
      const mine = new Set<string>(notificationKindsFor(user.role));
      const before = await this.get(user, em);
      const errors: ProblemFieldError[] = [];
      const seen = new Set<string>();
      dto.cells.forEach((cell, i) => {
        const key = `${cell.kind}/${cell.channel}`;
        if (!mine.has(cell.kind)) {
          errors.push({ field: `cells[${i}].kind`, message: 'is not a kind you are notified of' });
        } else if (seen.has(key)) {
          errors.push({ field: `cells[${i}]`, message: 'changes the same cell twice' });
        } else if (cell.channel === 'sms' && cell.enabled === true && !before.smsAvailable) {
          errors.push({
            field: `cells[${i}].enabled`,
            message:
              'SMS needs a valid phone number (E.164) and your agreement to SMS in the profile',
          });
        }
        seen.add(key);
      });
      if (errors.length > 0) {
        throw new BusinessRuleError('The notification preferences cannot be saved', errors);
      }
      for (const cell of dto.cells) {
        if (cell.enabled === null) {
          await em.query(
            `DELETE FROM notification_preferences WHERE user_id = $1 AND kind = $2 AND channel = $3`,
            [user.id, cell.kind, cell.channel],
          );
        } else {
          await this.choose(em, user.id, cell.kind, cell.channel, cell.enabled);
        }
      }
      return this.get(user, em);
    });
  }

  /** One user's choice for one cell (also what one-click unsubscribe writes). */
  async choose(
    em: EntityManager,
    userId: string,
    kind: NotificationKind,
    channel: NotificationChannel,
    enabled: boolean,
  ): Promise<void> {
    await em.query(
      `INSERT INTO notification_preferences (user_id, kind, channel, enabled) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, kind, channel) DO UPDATE SET enabled = EXCLUDED.enabled`,
      [userId, kind, channel, enabled],
    );
  }

  /**
   * Of `userIds`, those who want `kind` on `channel` now: their choice, else the default; SMS
   * also needs a valid phone and the opt-in. For the fan-out, inside its transaction.
   */
  async recipientsWanting(
    em: EntityManager,
    userIds: readonly string[],
    kind: NotificationKind,
    channel: NotificationChannel,
  ): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await sql<{ id: string }>(
      em,
      `SELECT u.id FROM users u
         LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.kind = $2 AND p.channel = $3
         LEFT JOIN notification_defaults d ON d.kind = $2 AND d.channel = $3
        WHERE u.id = ANY($1::uuid[])
          AND COALESCE(p.enabled, d.enabled, false)
          AND ($3 <> 'sms' OR (${SMS_READY_SQL}))`,
      [userIds, kind, channel],
    );
    return rows.map((r) => r.id);
  }

  async defaults(em: EntityManager = this.db.manager): Promise<NotificationDefaultsDto> {
    const rows = await sql<{
      kind: NotificationKind;
      channel: NotificationChannel;
      enabled: boolean;
    }>(em, `SELECT kind, channel, enabled FROM notification_defaults`);
    const byKey = new Map(rows.map((r) => [`${r.kind}/${r.channel}`, r.enabled]));
    const forClients = new Set<string>(CLIENT_NOTIFICATION_KINDS);
    return {
      items: NOTIFICATION_KINDS.flatMap((kind) =>
        NOTIFICATION_CHANNELS.map((channel) => ({
          kind,
          channel,
          enabled: byKey.get(`${kind}/${channel}`) ?? false,
          clients: forClients.has(kind),
        })),
      ),
    };
  }

  async updateDefaults(dto: UpdateNotificationDefaultsDto): Promise<NotificationDefaultsDto> {
    const seen = new Set<string>();
    const errors: ProblemFieldError[] = [];
    dto.cells.forEach((cell, i) => {
      const key = `${cell.kind}/${cell.channel}`;
      if (seen.has(key))
        errors.push({ field: `cells[${i}]`, message: 'changes the same cell twice' });
      seen.add(key);
    });
    if (errors.length > 0) throw new BusinessRuleError('The defaults cannot be saved', errors);
    return this.db.transaction(async (em) => {
      for (const cell of dto.cells) {
        await em.query(
          `INSERT INTO notification_defaults (kind, channel, enabled) VALUES ($1, $2, $3)
           ON CONFLICT (kind, channel) DO UPDATE SET enabled = EXCLUDED.enabled`,
          [cell.kind, cell.channel, cell.enabled],
        );
      }
      return this.defaults(em);
    });
  }
}
