import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isE164Phone, type NotificationKind } from '@relaydesk/contracts';
import { Clock } from '../../../common/time/clock.js';
import type { EventPlan, EventRow, Notice } from './event-notices.js';
import { isTicketVisible } from '../../tickets/index.js';
import { loadRecipients, type Recipient } from './recipients.js';
import { wakeDeliveryWorkers } from '../delivery/delivery-wakeup.js';
import { SmsGateway } from '../sms/sms-gateway.js';

/** What one event became. */
export interface FanOutResult {
  /** Users who got an in-app notification (each is woken with a NOTIFY). */
  readonly notifiedUserIds: readonly string[];
  readonly notifications: number;
  readonly deliveries: number;
}

/** Kinds that may reach a client; every other kind is staff business. */
const CLIENT_KINDS = new Set<NotificationKind>([
  'ticket_acknowledged',
  'comment_public',
  'status_changed',
]);
/** SMS for these only when the ticket is urgent (the defaults already leave the rest off). */
const SMS_WHEN_URGENT = new Set<NotificationKind>([
  'ticket_new',
  'ticket_assigned',
  'ticket_escalated',
]);
/** Secrets that belong in the mail to one person, never in a row they list over the API. */
const NOT_IN_APP = ['ratingUrl'];

interface Delivery {
  channel: 'email' | 'sms';
  kind: string;
  userId: string;
  address: string;
  locale: string;
  data: string;
}

/**
 * Turns an event's plan into rows, in the fan-out's transaction: for each recipient who passes
 * every filter, an in-app notification and the e-mail and SMS deliveries their preferences ask
 * for. The filters, for every kind:
 * - active now (a user deactivated since the event gets nothing), and not the actor;
 * - sees the ticket now, by THE visibility rule;
 * - staff-only kinds (an internal note, an SLA breach, ...) never reach a client by any channel;
 * - each channel on by the user's preference row, else the installation's default;
 * - SMS only with opt-in and an E.164 number, and for a new, assigned or escalated ticket only
 *   when it is urgent.
 */
@Injectable()
export class FanOutWriter {
  /** With SMS off (production without SMS_DRIVER) no SMS row is queued to fail. */
  private readonly smsOn: boolean;

  constructor(
    private readonly clock: Clock,
    sms: SmsGateway,
  ) {
    this.smsOn = sms.driver !== 'disabled';
  }

  async write(em: EntityManager, e: EventRow, plan: EventPlan): Promise<FanOutResult> {
    const notified: string[] = [];
    const notifications: { userId: string; kind: string; data: string }[] = [];
    const deliveries: Delivery[] = [];
    for (const n of plan.notices) {
      for (const r of await this.recipients(em, e, plan, n)) {
        // The kinds' own types were checked where each notice was made (EventNotices).
        const data = (n.data as (r: Recipient) => object)(r);
        if (r.channels.in_app) {
          const inApp = n.inApp ? (n.inApp as unknown as (d: object) => object)(data) : data;
          notifications.push({
            userId: r.user.id,
            kind: n.kind,
            data: JSON.stringify(withoutSecrets(inApp)),
          });
          notified.push(r.user.id);
        }
        const json = JSON.stringify(data);
        const common = { kind: n.kind, userId: r.user.id, locale: r.user.locale, data: json };
        if (r.channels.email && r.user.email) {
          deliveries.push({ ...common, channel: 'email', address: r.user.email });
        }
        if (
          this.smsOn &&
          r.channels.sms &&
          r.smsOptIn &&
          // A number stored before phones were validated is skipped, not sent to the gateway.
          isE164Phone(r.phone) &&
          (!SMS_WHEN_URGENT.has(n.kind) || plan.ticket?.priority === 'urgent')
        ) {
          deliveries.push({ ...common, channel: 'sms', address: r.phone });
        }
      }
    }
    const ticketId = plan.ticket?.id ?? null;
    if (notifications.length > 0) {
      await em.query(
        `INSERT INTO notifications (user_id, kind, ticket_id, data, created_at)
         SELECT x.user_id, x.kind, $3, x.data, $4
           FROM unnest($1::uuid[], $2::varchar[], $5::jsonb[]) AS x(user_id, kind, data)`,
        [
          notifications.map((n) => n.userId),
          notifications.map((n) => n.kind),
          ticketId,
          e.created_at,
          notifications.map((n) => n.data),
        ],
      );
    }
    if (deliveries.length > 0) {
      const now = this.clock.now();
      await em.query(
        `INSERT INTO deliveries (event_id, channel, kind, user_id, address, locale, ticket_id, data,
                                 automatic, next_attempt_at, created_at)
         SELECT $1, x.channel, x.kind, x.user_id, x.address, x.locale, $2, x.data, x.automatic,
                $3, $3
           FROM unnest($4::varchar[], $5::varchar[], $6::uuid[], $7::varchar[], $8::varchar[],
                       $9::jsonb[], $10::boolean[])
                AS x(channel, kind, user_id, address, locale, data, automatic)`,
        [
          e.id,
          ticketId,
          now,
          deliveries.map((d) => d.channel),
          deliveries.map((d) => d.kind),
          deliveries.map((d) => d.userId),
          deliveries.map((d) => d.address),
          deliveries.map((d) => d.locale),
          deliveries.map((d) => d.data),
          // A person's public reply goes out as their message (RFC 3834: no Auto-Submitted, no
          // Precedence: bulk, no hourly cap): a correspondent's vacation notice is welcome there,
          // and the reply is what the client waits for. Everything else is automatic.
          deliveries.map((d) => !(d.kind === 'comment_public' && e.actor_id !== null)),
        ],
      );
      // Every instance's delivery worker sends them when this commits, not at its next tick.
      await wakeDeliveryWorkers(em);
    }
    return {
      notifiedUserIds: [...new Set(notified)],
      notifications: notifications.length,
      deliveries: deliveries.length,
    };
  }

  private async recipients(
    em: EntityManager,
    e: EventRow,
    plan: EventPlan,
    n: Notice,
  ): Promise<Recipient[]> {
    const ids = [
      ...new Set(
        n.userIds.filter(
          (id): id is string => id !== null && (n.actorHears === true || id !== e.actor_id),
        ),
      ),
    ];
    const out: Recipient[] = [];
    for (const r of await loadRecipients(em, ids, n.kind, this.clock.now())) {
      if (r.user.role === 'client' && !CLIENT_KINDS.has(n.kind)) continue;
      if (!r.channels.in_app && !r.channels.email && !r.channels.sms) continue;
      if (plan.ticket && !(await isTicketVisible(em, r.user, plan.ticket.id))) continue;
      out.push(r);
    }
    return out;
  }
}

function withoutSecrets(data: object): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...data };
  for (const key of NOT_IN_APP) delete copy[key];
  return copy;
}
