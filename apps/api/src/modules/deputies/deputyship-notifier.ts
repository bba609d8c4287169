import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql } from '../../common/database/sql.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { DeputyshipEventKind } from './entities/deputyship-event.entity.js';

export interface DeputyshipChange {
  deputyshipId: string;
  kind: DeputyshipEventKind;
  /** null: the system (the expiry sweep). */
  actorId: string | null;
  principalId: string;
  deputyId: string;
  at: Date;
}

/**
 * Records what happened to a deputyship, in the caller's transaction: the audit row in
 * `deputyship_events` (its unique partial index allows one end record per deputyship, so an end
 * is never announced twice even if two writers raced past their own checks), and for an end an
 * in-app notification to the principal and the deputy, committed together with it.
 */
@Injectable()
export class DeputyshipNotifier {
  constructor(private readonly notifications: NotificationsService) {}

  async record(em: EntityManager, change: DeputyshipChange): Promise<void> {
    await em.query(
      `INSERT INTO deputyship_events (deputyship_id, kind, actor_id, created_at) VALUES ($1, $2, $3, $4)`,
      [change.deputyshipId, change.kind, change.actorId, change.at],
    );
    if (change.kind === 'created') return;
    const names = new Map(
      (
        await sql<{ id: string; name: string }>(
          em,
          'SELECT id, name FROM users WHERE id = ANY($1)',
          [[change.principalId, change.deputyId]],
        )
      ).map((u) => [u.id, u.name]),
    );
    await this.notifications.notify(em, {
      userIds: [change.principalId, change.deputyId],
      kind: 'deputyship_ended',
      ticketId: null,
      data: {
        deputyshipId: change.deputyshipId,
        reason: change.kind,
        endedAt: change.at.toISOString(),
        principal: { id: change.principalId, name: names.get(change.principalId) ?? '' },
        deputy: { id: change.deputyId, name: names.get(change.deputyId) ?? '' },
      },
      at: change.at,
    });
  }
}
