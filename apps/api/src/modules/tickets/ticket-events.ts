import type { EntityManager } from 'typeorm';
import type { TicketEventKind } from '@relaydesk/contracts';

export interface NewTicketEvent {
  kind: TicketEventKind;
  field?: string;
  oldValue?: unknown;
  newValue?: unknown;
  internal?: boolean;
}

/** Writes history lines in the caller's transaction, so history and change commit together. */
export async function recordTicketEvents(
  em: EntityManager,
  ticketId: string,
  actorId: string | null,
  at: Date,
  events: NewTicketEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const values: unknown[] = [];
  const tuples = events.map((e, i) => {
    const b = i * 8;
    values.push(
      ticketId,
      actorId,
      e.kind,
      e.field ?? null,
      e.oldValue === undefined ? null : JSON.stringify(e.oldValue),
      e.newValue === undefined ? null : JSON.stringify(e.newValue),
      e.internal ?? false,
      // Events of one write keep their order: each is a microsecond after the previous.
      new Date(at.getTime()),
    );
    return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::jsonb, $${b + 6}::jsonb, $${b + 7}, $${b + 8}::timestamptz + make_interval(secs => ${i} / 1000000.0))`;
  });
  await em.query(
    `INSERT INTO ticket_events (ticket_id, actor_id, kind, field, old_value, new_value, internal, created_at)
     VALUES ${tuples.join(', ')}`,
    values,
  );
}
