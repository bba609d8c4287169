import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql } from '../../common/database/sql.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { DeputyshipEnded } from '../deputies/index.js';
import { SlaBreached, SlaReminderDue, type TicketOwnership } from '../tickets/index.js';
import { NotificationsService } from './notifications.service.js';

/**
 * Turns domain events into in-app notifications, inside the transaction of the change: a
 * notification exists exactly when what caused it committed. Who hears of what is decided here,
 * not by the module where it happened.
 */
@Injectable()
export class NotificationListeners {
  constructor(
    events: DomainEvents,
    private readonly notifications: NotificationsService,
  ) {
    events.on(SlaReminderDue, (e, em) => this.slaReminder(e, em));
    events.on(SlaBreached, (e, em) => this.slaBreached(e, em));
    events.on(DeputyshipEnded, (e, em) => this.deputyshipEnded(e, em));
  }

  private async slaReminder(e: SlaReminderDue, em: EntityManager): Promise<void> {
    const { owners } = await people(em, e.owners);
    await this.notifications.notify(em, {
      userIds: owners,
      kind: 'sla_reminder',
      ticketId: e.ticketId,
      data: { clock: e.clock, dueAt: e.dueAt.toISOString(), reminderPercent: e.reminderPercent },
      at: e.at,
    });
  }

  /** The owners hear of the breach, the supervisor of its escalation. */
  private async slaBreached(e: SlaBreached, em: EntityManager): Promise<void> {
    const { owners, supervisors } = await people(em, e.owners);
    const data = { clock: e.clock, dueAt: e.dueAt.toISOString() };
    await this.notifications.notify(em, {
      userIds: owners,
      kind: 'sla_breached',
      ticketId: e.ticketId,
      data,
      at: e.at,
    });
    await this.notifications.notify(em, {
      userIds: supervisors,
      kind: 'sla_escalated',
      ticketId: e.ticketId,
      data,
      at: e.at,
    });
  }

  /** Both the principal and the deputy learn that the deputyship is over. */
  private async deputyshipEnded(e: DeputyshipEnded, em: EntityManager): Promise<void> {
    const names = new Map(
      (
        await sql<{ id: string; name: string }>(
          em,
          'SELECT id, name FROM users WHERE id = ANY($1)',
          [[e.principalId, e.deputyId]],
        )
      ).map((u) => [u.id, u.name]),
    );
    await this.notifications.notify(em, {
      userIds: [e.principalId, e.deputyId],
      kind: 'deputyship_ended',
      ticketId: null,
      data: {
        deputyshipId: e.deputyshipId,
        reason: e.reason,
        endedAt: e.at.toISOString(),
        principal: { id: e.principalId, name: names.get(e.principalId) ?? '' },
        deputy: { id: e.deputyId, name: names.get(e.deputyId) ?? '' },
      },
      at: e.at,
    });
  }
}

/**
 * The active staff who own a ticket (its assignee, or else its group's members) and its
 * supervisor (the group's lead, or else the head of the assignee's department).
 */
async function people(
  em: EntityManager,
  o: TicketOwnership,
): Promise<{ owners: string[]; supervisors: string[] }> {
  const [row] = await sql<{ owners: string[]; supervisors: string[] }>(
    em,
    `SELECT
       ARRAY(SELECT u.id FROM users u
              WHERE u.active AND u.role <> 'client'
                AND (u.id = $1::uuid OR ($1::uuid IS NULL AND u.id IN (
                      SELECT gm.user_id FROM group_members gm WHERE gm.group_id = $2::uuid)))
              ORDER BY u.id) AS owners,
       ARRAY(SELECT u.id FROM users u
              WHERE u.active AND u.role <> 'client'
                AND u.id = COALESCE(
                      (SELECT g.lead_id FROM groups g WHERE g.id = $2::uuid),
                      (SELECT d.head_id FROM users a JOIN departments d ON d.id = a.department_id
                        WHERE a.id = $1::uuid))) AS supervisors`,
    [o.assigneeId, o.groupId],
  );
  return row;
}
