import type { EntityManager } from 'typeorm';
import type { TicketEventKind } from '@relaydesk/contracts';

export interface NewTicketEvent {
  kind: TicketEventKind;
  field?: string;
  oldValue?: unknown;
  newValue?: unknown;
  internal?: boolean;
}

/**
 * Writes history lines in the caller's transaction, so history and change commit together.
 *
 * When the actor is, at `at`, an active deputy of the ticket's assignee (deputies module), the
 * lines are recorded "on behalf of" the assignee: worked out by the same INSERT, so no write path
 * can forget it and none pays an extra round trip.
 */
export async function recordTicketEvents(
  em: EntityManager,
  ticketId: string,
  actorId: string | null,
  at: Date,
  events: NewTicketEvent[],
  /** Lines an earlier call wrote for the same change (another actor's): these come after. */
  offset = 0,
): Promise<void> {
  if (events.length === 0) return;
  const values: unknown[] = [ticketId, actorId, at];
  const tuples = events.map((e, i) => {
    const b = 3 + i * 5;
    values.push(
      e.kind,
      e.field ?? null,
      e.oldValue === undefined ? null : JSON.stringify(e.oldValue),
      e.newValue === undefined ? null : JSON.stringify(e.newValue),
      e.internal ?? false,
    );
    // Events of one write keep their order: each is a microsecond after the previous.
    return `($${b + 1}::varchar, $${b + 2}::varchar, $${b + 3}::jsonb, $${b + 4}::jsonb, $${b + 5}::boolean, ${offset + i})`;
  });
  await em.query(
    `INSERT INTO ticket_events (ticket_id, actor_id, on_behalf_of_id, kind, field, old_value, new_value, internal, created_at)
     SELECT $1::uuid, $2::uuid,
            (SELECT d.principal_id FROM deputyships d JOIN tickets tk ON tk.assignee_id = d.principal_id
              WHERE tk.id = $1::uuid AND d.deputy_id = $2::uuid
                AND d.starts_at <= $3::timestamptz AND d.ends_at > $3::timestamptz
              LIMIT 1),
            v.kind, v.field, v.old_value, v.new_value, v.internal,
            $3::timestamptz + make_interval(secs => v.i / 1000000.0)
       FROM (VALUES ${tuples.join(', ')}) AS v(kind, field, old_value, new_value, internal, i)`,
    values,
  );
}
