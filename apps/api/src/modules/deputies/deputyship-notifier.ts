import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainEvents } from '../../common/events/domain-events.js';
import { DeputyshipEnded, DeputyshipStarted } from './events/deputyship.events.js';

interface DeputyshipParties {
  deputyshipId: string;
  principalId: string;
  deputyId: string;
  at: Date;
}

export type DeputyshipChange =
  | (DeputyshipParties & { kind: 'created'; actorId: string; startsAt: Date; endsAt: Date })
  /** actorId null: the system (the expiry sweep). */
  | (DeputyshipParties & { kind: 'ended' | 'expired'; actorId: string | null });

/**
 * Records what happened to a deputyship, in the caller's transaction: the audit row in
 * `deputyship_events` (its unique partial index allows one end record per deputyship, so an end
 * is never announced twice even if two writers raced past their own checks), then the domain
 * event (DeputyshipStarted / DeputyshipEnded), whose listeners (the in-app notification of an
 * end) commit together with it.
 */
@Injectable()
export class DeputyshipNotifier {
  constructor(private readonly events: DomainEvents) {}

  async record(em: EntityManager, change: DeputyshipChange): Promise<void> {
    await em.query(
      `INSERT INTO deputyship_events (deputyship_id, kind, actor_id, created_at) VALUES ($1, $2, $3, $4)`,
      [change.deputyshipId, change.kind, change.actorId, change.at],
    );
    const { deputyshipId, principalId, deputyId, at } = change;
    await this.events.publish(
      em,
      change.kind === 'created'
        ? new DeputyshipStarted(
            deputyshipId,
            principalId,
            deputyId,
            change.startsAt,
            change.endsAt,
            change.actorId,
            at,
          )
        : new DeputyshipEnded(deputyshipId, principalId, deputyId, change.kind, change.actorId, at),
    );
  }
}
