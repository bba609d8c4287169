// Where the browser tests keep their data. With DATABASE_URL set they use that server, but in a
// database of their own: the named one may be someone's development or demo data, and the run
// seeds demo data and moves SLA clocks by hand.
import { randomBytes } from 'node:crypto';
import { withPgClient } from '../../../scripts/lib/pg-client.mjs';

/** The maintenance database every PostgreSQL server has: CREATE/DROP DATABASE run from there. */
const MAINTENANCE_DATABASE = 'postgres';

/** The database name a PostgreSQL URL names (its path), decoded. */
export function databaseNameOf(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/**
 * A fresh database for one e2e run on the server `databaseUrl` points at, with the same
 * credentials and options: never the database it names, nor the maintenance database.
 * @param {string} databaseUrl
 * @param {string} [token] makes the name unique; random unless given
 * @returns {{ name: string, url: string, adminUrl: string, avoided: string }}
 */
export function deriveE2eDatabase(databaseUrl, token = randomBytes(6).toString('hex')) {
  if (!/^[a-z0-9]{1,32}$/.test(token)) throw new Error(`bad e2e database token: ${token}`);
  const avoided = databaseNameOf(databaseUrl);
  const name = `relaydesk_e2e_${token}`;
  if (name === avoided || name === MAINTENANCE_DATABASE) {
    throw new Error(`the e2e database would be ${avoided}, the one DATABASE_URL names`);
  }
  const at = (database) => {
    const u = new URL(databaseUrl);
    u.pathname = `/${database}`;
    return u.toString();
  };
  return { name, url: at(name), adminUrl: at(MAINTENANCE_DATABASE), avoided };
}

/** Creates the derived database (its name is ours: only [a-z0-9_]). */
export function createE2eDatabase(db) {
  return withPgClient(db.adminUrl, (c) => c.query(`CREATE DATABASE "${db.name}"`));
}

/** Drops it again, connections and all. */
export function dropE2eDatabase(db) {
  return withPgClient(db.adminUrl, (c) =>
    c.query(`DROP DATABASE IF EXISTS "${db.name}" WITH (FORCE)`),
  );
}
