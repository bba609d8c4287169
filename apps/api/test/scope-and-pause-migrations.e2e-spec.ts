import { MIGRATIONS } from '../src/database/migrations/index';
import { VisibilityScopes1765510000000 } from '../src/database/migrations/1765510000000-visibility-scopes';
import { createMigrationDatabase, type MigrationDatabase } from './support/migration-database';

const SCOPES = 'VisibilityScopes1765510000000';
const PAUSES = 'SlaClockPauses1765530000000';

/**
 * The upgrade of an installation that has data: each migration is run on rows written in the
 * schema it found (issue 16 review F9). One scratch database walks forward through both.
 */
describe('upgrading existing data', () => {
  let db: MigrationDatabase;

  beforeAll(async () => {
    db = await createMigrationDatabase();
  });
  afterAll(() => db?.drop());

  const user = async (role: string, canViewAll: boolean, organizationId: string | null = null) => {
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, name, role, organization_id, can_view_all)
       VALUES ($1, 'x', $2, $3, $4, $5) RETURNING id`,
      [
        `${role}-${canViewAll}-${Math.random().toString(36).slice(2)}@example.test`,
        `${role} ${canViewAll}`,
        role,
        organizationId,
        canViewAll,
      ],
    );
    return row.id;
  };
  const scopes = async (ids: Record<string, string>) => {
    const rows = await db.query<{ id: string; visibility_scope: string | null }>(
      'SELECT id, visibility_scope FROM users WHERE id = ANY($1)',
      [Object.values(ids)],
    );
    return Object.fromEntries(
      Object.entries(ids).map(([k, id]) => [k, rows.find((r) => r.id === id)!.visibility_scope]),
    );
  };

  describe(`${SCOPES}: can_view_all becomes the scope all`, () => {
    let ids: Record<string, string>;

    beforeAll(async () => {
      await db.migrateUpTo(SCOPES);
      const [org] = await db.query<{ id: string }>(
        `INSERT INTO organizations (name) VALUES ('Upgrade Org') RETURNING id`,
      );
      ids = {
        agentWhoSawAll: await user('agent', true),
        agent: await user('agent', false),
        dispatcherFlagged: await user('dispatcher', true),
        dispatcher: await user('dispatcher', false),
        adminFlagged: await user('admin', true),
        // A client never has a staff scope, whatever the old flag said.
        clientFlagged: await user('client', true, org.id),
        client: await user('client', false, org.id),
      };
      const ran = await db.migrateThrough(SCOPES);
      expect(ran).toEqual([SCOPES]);
    });

    it('staff who saw every ticket get all; everyone else keeps the default (null)', async () => {
      expect(await scopes(ids)).toEqual({
        agentWhoSawAll: 'all',
        agent: null,
        dispatcherFlagged: 'all',
        dispatcher: null,
        adminFlagged: 'all',
        clientFlagged: null,
        client: null,
      });
      const columns = await db.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
          WHERE table_name = 'users' AND column_name IN ('can_view_all', 'visibility_scope')`,
      );
      expect(columns.map((c) => c.column_name)).toEqual(['visibility_scope']);
    });

    it('the default is groups, what every other agent saw before, with the option off', async () => {
      expect(
        await db.query('SELECT id, default_scope, unassigned_group_only FROM visibility_settings'),
      ).toEqual([{ id: 1, default_scope: 'groups', unassigned_group_only: false }]);
    });

    it('down gives the flag back to exactly those users, and up again is the same', async () => {
      await db.withRunner((r) => new VisibilityScopes1765510000000().down(r));
      const flags = await db.query<{ id: string; can_view_all: boolean }>(
        'SELECT id, can_view_all FROM users WHERE id = ANY($1)',
        [Object.values(ids)],
      );
      const flagOf = (id: string) => flags.find((f) => f.id === id)!.can_view_all;
      expect(Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, flagOf(id)]))).toEqual({
        agentWhoSawAll: true,
        agent: false,
        dispatcherFlagged: true,
        dispatcher: false,
        adminFlagged: true,
        // The client's old flag meant nothing and is not brought back.
        clientFlagged: false,
        client: false,
      });
      await db.withRunner((r) => new VisibilityScopes1765510000000().up(r));
      expect((await scopes(ids)).agentWhoSawAll).toBe('all');
      expect((await scopes(ids)).clientFlagged).toBeNull();
    });
  });

  describe(`${PAUSES}: each clock starts from the paused seconds so far`, () => {
    const tickets: Record<string, string> = {};

    beforeAll(async () => {
      await db.migrateUpTo(PAUSES);
      const ticket = async (pausedSeconds: number, status = 'open') => {
        const [row] = await db.query<{ id: string }>(
          `INSERT INTO tickets (subject, description, priority, status, status_category, workflow_id,
                                type_id, channel, sla_paused_seconds)
           SELECT $1, '', 'normal', ws.key, ws.category, tt.workflow_id, tt.id, 'agent', $2
             FROM ticket_types tt
             JOIN workflow_statuses ws ON ws.workflow_id = tt.workflow_id AND ws.key = $3
            ORDER BY tt.key LIMIT 1
           RETURNING id`,
          [`Paused ${pausedSeconds}`, pausedSeconds, status],
        );
        if (!row) throw new Error(`no ticket type with a status ${status}`);
        return row.id;
      };
      tickets.never = await ticket(0);
      tickets.paused = await ticket(5400);
      tickets.pausedAndDone = await ticket(61, 'closed');
      expect(await db.migrateThrough(PAUSES)).toEqual([PAUSES]);
    });

    it('copies sla_paused_seconds into both clocks, and leaves unpaused tickets at 0', async () => {
      const rows = await db.query<{
        id: string;
        sla_paused_seconds: number;
        sla_first_response_paused_seconds: number;
        sla_resolution_paused_seconds: number;
      }>(
        `SELECT id, sla_paused_seconds, sla_first_response_paused_seconds,
                sla_resolution_paused_seconds
           FROM tickets WHERE id = ANY($1)`,
        [Object.values(tickets)],
      );
      const of = (id: string) => {
        const r = rows.find((x) => x.id === id)!;
        return [
          r.sla_paused_seconds,
          r.sla_first_response_paused_seconds,
          r.sla_resolution_paused_seconds,
        ];
      };
      expect({
        never: of(tickets.never),
        paused: of(tickets.paused),
        pausedAndDone: of(tickets.pausedAndDone),
      }).toEqual({ never: [0, 0, 0], paused: [5400, 5400, 5400], pausedAndDone: [61, 61, 61] });
    });

    it('the rest of the migrations apply on top of the upgraded rows', async () => {
      await db.migrateAll();
      const [{ pending }] = await db.query<{ pending: number }>(
        'SELECT $1::int - count(*)::int AS pending FROM migrations',
        [MIGRATIONS.length],
      );
      expect(pending).toBe(0);
      const [{ n }] = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM tickets WHERE id = ANY($1)',
        [Object.values(tickets)],
      );
      expect(n).toBe(3);
    });
  });
});
