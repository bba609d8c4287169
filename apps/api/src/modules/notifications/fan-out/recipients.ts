import type { EntityManager } from 'typeorm';
import type { NotificationChannel, NotificationKind } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { sql } from '../../../common/database/sql.js';
import { ticketVisibility } from '../../tickets/index.js';

/** A person who may be told, as they are now, with their channels for one kind. */
export interface Recipient {
  /** Built as the auth module builds the caller (same conditions, deputyships at `now`). */
  readonly user: AuthUser;
  readonly phone: string | null;
  readonly smsOptIn: boolean;
  /** Their own choice for the kind on each channel, else the installation's default. */
  readonly channels: Readonly<Record<NotificationChannel, boolean>>;
}

interface Row {
  id: string;
  email: string;
  name: string;
  role: AuthUser['role'];
  locale: AuthUser['locale'];
  phone: string | null;
  sms_opt_in: boolean;
  organization_id: string | null;
  department_id: string | null;
  can_view_all: boolean;
  can_view_organization_tickets: boolean;
  group_ids: string[];
  head_ids: string[];
  deputy_for_ids: string[];
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
 * The users among `ids` who may be told now, with their channels for `kind`. The conditions are
 * AuthUserLoader's (auth module): active, and a client's organization active; group
 * memberships, headed departments and deputyships as of `now`. Written out here because the auth
 * module depends on this one (account mails), so this one cannot depend on it; keep the two
 * in step.
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
    `SELECT u.id, u.email, u.name, u.role, u.locale, u.phone, u.sms_opt_in, u.organization_id,
            u.department_id, u.can_view_all, u.can_view_organization_tickets,
            ARRAY(SELECT gm.group_id FROM group_members gm WHERE gm.user_id = u.id) AS group_ids,
            ARRAY(SELECT d.id FROM departments d WHERE d.head_id = u.id AND d.active) AS head_ids,
            ARRAY(SELECT dp.principal_id FROM deputyships dp
                    JOIN users p ON p.id = dp.principal_id AND p.role <> 'client'
                   WHERE dp.deputy_id = u.id AND u.role <> 'client'
                     AND dp.starts_at <= $2 AND dp.ends_at > $2) AS deputy_for_ids,
            ${channel('in_app')} AS in_app, ${channel('email')} AS email_on, ${channel('sms')} AS sms
       FROM users u
      WHERE u.id = ANY($1::uuid[]) AND u.active
        AND (u.organization_id IS NULL
             OR EXISTS (SELECT 1 FROM organizations o WHERE o.id = u.organization_id AND o.active))
      ORDER BY u.id`,
    [ids, now, kind],
  );
  return rows.map((r) => ({
    user: {
      id: r.id,
      sessionId: '',
      email: r.email,
      name: r.name,
      role: r.role,
      locale: r.locale,
      organizationId: r.organization_id,
      departmentId: r.department_id,
      canViewAll: r.can_view_all,
      canViewOrganizationTickets: r.can_view_organization_tickets,
      groupIds: r.group_ids,
      headOfDepartmentIds: r.head_ids,
      deputyForIds: r.deputy_for_ids,
    },
    phone: r.phone,
    smsOptIn: r.sms_opt_in,
    channels: { in_app: r.in_app, email: r.email_on, sms: r.sms },
  }));
}

/** Whether `user` sees the ticket now, by THE visibility rule (tickets module). */
export async function canSee(
  em: EntityManager,
  ticketId: string,
  user: AuthUser,
): Promise<boolean> {
  const vis = ticketVisibility(user, 't');
  const row = await em
    .createQueryBuilder()
    .select('1', 'one')
    .from('tickets', 't')
    .where('t.id = :fanOutTicketId', { fanOutTicketId: ticketId })
    .andWhere(vis.sql, vis.params)
    .getRawOne<{ one: number }>();
  return row !== undefined;
}
