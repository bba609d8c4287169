// The environment `npm start` and `npm run dev` give the API on a developer's machine: a data
// directory, a JWT secret kept in it (so logins survive restarts), and the embedded PostgreSQL
// when DATABASE_URL is unset.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDatabase, startEmbeddedPostgres, withoutPassword } from './embedded-postgres.mjs';

/**
 * @param {{ dataDir: string, log?: (line: string) => void }} options
 * @returns {Promise<{ env: NodeJS.ProcessEnv, pg: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null }>}
 */
export async function prepareLocalEnv({ dataDir, log = () => {} }) {
  mkdirSync(dataDir, { recursive: true });
  const env = { ...process.env, DATA_DIR: dataDir };
  if (!env.JWT_SECRET) {
    const secretFile = join(dataDir, 'jwt-secret');
    if (!existsSync(secretFile)) {
      writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 });
    }
    env.JWT_SECRET = readFileSync(secretFile, 'utf8').trim();
  }
  let pg = null;
  if (!env.DATABASE_URL) {
    log(`starting embedded PostgreSQL in ${join(dataDir, 'postgres')}…`);
    pg = await startEmbeddedPostgres({
      dir: join(dataDir, 'postgres'),
      port: Number(process.env.PG_PORT || 54320),
    });
    await ensureDatabase(pg.adminUrl, 'relaydesk');
    env.DATABASE_URL = pg.urlFor('relaydesk');
    log(`PostgreSQL is up on port ${pg.port} (DATABASE_URL=${withoutPassword(env.DATABASE_URL)})`);
  }
  return { env, pg };
}
