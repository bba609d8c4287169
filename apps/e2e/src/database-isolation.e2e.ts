import { sql } from '../support/db';
import { databaseNameOf } from '../support/e2e-database.mjs';

/**
 * The browser tests seed demo data and move SLA clocks by hand: with DATABASE_URL set they must
 * use a database of their own on that server, never the one it names.
 */
describe('the browser tests’ database', () => {
  it('is the one the global setup made, and not the one DATABASE_URL names', async () => {
    const [{ name }] = await sql<{ name: string }>('SELECT current_database() AS name');
    expect(name).toBe(process.env.RELAYDESK_E2E_DATABASE_NAME);
    if (process.env.DATABASE_URL) {
      expect(name).not.toBe(databaseNameOf(process.env.DATABASE_URL));
      expect(name).toMatch(/^relaydesk_e2e_[0-9a-f]{12}$/);
    }
    // The API under test writes there: it has migrated and seeded this database.
    const [{ users }] = await sql<{ users: number }>('SELECT count(*)::int AS users FROM users');
    expect(users).toBeGreaterThan(0);
  });
});
