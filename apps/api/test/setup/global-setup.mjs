// Starts one embedded PostgreSQL for the whole run (unless DATABASE_URL points at a server).
// Each test file then gets its own database cloned from a migrated template.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../../../scripts/lib/embedded-postgres.mjs';

export default async function globalSetup() {
  process.env.TZ = 'UTC';
  if (process.env.DATABASE_URL) {
    process.env.RELAYDESK_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'relaydesk-test-pg-'));
  const pg = await startEmbeddedPostgres({ dir, fast: true });
  process.env.RELAYDESK_TEST_ADMIN_URL = pg.adminUrl;
  globalThis.__RELAYDESK_PG__ = { pg, dir };
}
