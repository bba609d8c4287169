import { SlaPauses1765530000010 } from '../src/database/migrations/1765530000010-sla-pauses';
import { createMigrationDatabase, type MigrationDatabase } from './support/migration-database';

const STOPS = 'SlaPauses1765530000010';

/**
 * Migration 1765530000010 on existing tickets (issue 16 review F4): their past stops are not
 * known, so a ticket that has stood still for business time gets NULL (a recompute keeps its
 * stored seconds), and one that has not gets an empty list, also while it is stopped now (the
 * open stop is sla_paused_at, recorded when it ends).
 */
describe(`${STOPS}: existing tickets' stops`, () => {
  let db: MigrationDatabase;
  const tickets: Record<string, string> = {};

  beforeAll(async () => {
    db = await createMigrationDatabase();
    await db.migrateUpTo(STOPS);
    const ticket = async (pausedSeconds: number, pausedAt: string | null) => {
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO tickets (subject, description, priority, status, status_category, workflow_id,
                              type_id, channel, sla_paused_seconds,
                              sla_first_response_paused_seconds, sla_resolution_paused_seconds,
                              sla_paused_at)
         SELECT $1, '', 'normal', ws.key, ws.category, tt.workflow_id, tt.id, 'agent', $2, $2, $2, $3
           FROM ticket_types tt
           JOIN workflow_statuses ws ON ws.workflow_id = tt.workflow_id AND ws.key = 'open'
          ORDER BY tt.key LIMIT 1
         RETURNING id`,
        [`Stops ${pausedSeconds}`, pausedSeconds, pausedAt],
      );
      if (!row) throw new Error('no ticket type with a status open');
      return row.id;
    };
    tickets.never = await ticket(0, null);
    tickets.stoppedNow = await ticket(0, '2026-03-03T12:00:00Z');
    tickets.paused = await ticket(5400, null);
    expect(await db.migrateThrough(STOPS)).toEqual([STOPS]);
  });
  afterAll(() => db?.drop());

  const stops = async () => {
    const rows = await db.query<{ id: string; sla_pauses: unknown }>(
      'SELECT id, sla_pauses FROM tickets WHERE id = ANY($1)',
      [Object.values(tickets)],
    );
    return Object.fromEntries(
      Object.entries(tickets).map(([k, id]) => [k, rows.find((r) => r.id === id)!.sla_pauses]),
    );
  };

  it('NULL (unknown) where business time was paused, an empty list elsewhere', async () => {
    expect(await stops()).toEqual({ never: [], stoppedNow: [], paused: null });
  });

  it('a new ticket starts with no stops, and down then up gives the same', async () => {
    await db.withRunner((r) => new SlaPauses1765530000010().down(r));
    await db.withRunner((r) => new SlaPauses1765530000010().up(r));
    expect(await stops()).toEqual({ never: [], stoppedNow: [], paused: null });
    const [row] = await db.query<{ sla_pauses: unknown }>(
      `INSERT INTO tickets (subject, description, priority, status, status_category, workflow_id,
                            type_id, channel)
       SELECT 'New', '', 'normal', ws.key, ws.category, tt.workflow_id, tt.id, 'agent'
         FROM ticket_types tt
         JOIN workflow_statuses ws ON ws.workflow_id = tt.workflow_id AND ws.key = 'open'
        ORDER BY tt.key LIMIT 1
       RETURNING sla_pauses`,
    );
    expect(row.sla_pauses).toEqual([]);
  });
});
