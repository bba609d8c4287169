import type { EntityManager } from 'typeorm';
import type { NotificationChannel, NotificationKind } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import {
  AUTH_USER_ACTIVE,
  authUserColumns,
  toAuthUser,
  type AuthUserRow,
} from '../../../common/auth/auth-user.sql.js';
import { sql } from '../../../common/database/sql.js';

/** A person who may be told, as they are now, with their channels for one kind. */
export interface Recipient {
  /** Built as the auth module builds the caller (same conditions, deputyships at `now`). */
  readonly user: AuthUser;
  readonly phone: string | null;
  readonly smsOptIn: boolean;
  /** Their own choice for the kind on each channel, else the installation's default. */
  readonly channels: Readonly<Record<NotificationChannel, boolean>>;
}

interface Row extends AuthUserRow {
  phone: string | null;
  sms_opt_in: boolean;
  in_app: boolean;
  email_on: boolean;
  sms: boolean;
}

const channel = (c: NotificationChannel) =>
  `COALESCE((SELECT p.enabled FROM notification_preferences p
              WHERE p.user_id = u.id AND p.kind = $3 AND p.channel = '${c}'),
            (SELECT d.enabled FROM notification_defaults d WHERE d.kind = $3 AND d.channel = '${c}'),
            false)`;

/**
 * The users among `ids` who may be told now, with their channels for `kind`, each built as a
 * request of theirs would load them (common/auth/auth-user.sql.ts: active, a client's
 * organization active, groups, headed departments and deputyships as of `now`).
 */
export async function loadRecipients(
  em: EntityManager,
  ids: string[],
  kind: NotificationKind,
  now: Date,
): Promise<Recipient[]> {
  if (ids.length === 0) return [];
  const rows = await sql<Row>(
    em,
    `SELECT ${authUserColumns('$2')}, u.phone, u.sms_opt_in,
            ${channel('in_app')} AS in_app, ${channel('email')} AS email_on, ${channel('sms')} AS sms
       FROM users u
      WHERE u.id = ANY($1::uuid[]) AND ${AUTH_USER_ACTIVE} AND NOT u.service_account
      ORDER BY u.id`,
    [ids, now, kind],
  );
  return rows.map((r) => ({
    user: toAuthUser(r),
    phone: r.phone,
    smsOptIn: r.sms_opt_in,
    channels: { in_app: r.in_app, email: r.email_on, sms: r.sms },
  }));
}
