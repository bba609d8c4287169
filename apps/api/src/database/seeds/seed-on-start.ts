import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { PasswordService } from '../../modules/directory/password.service.js';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoData } from './demo-data.js';
import { PEOPLE } from './demo-directory.js';

/** Any 64-bit number unique to this purpose: two instances starting at once seed once. */
const SEED_LOCK = 7_305_114_002;

export interface SeedResult {
  logins: { role: string; email: string; password: string }[];
}

/**
 * On start: create the first admin from RELAYDESK_ADMIN_* when there is no admin (production
 * path), and the demo data set on an empty database unless RELAYDESK_DEMO=false.
 */
export async function seedOnFirstStart(ds: DataSource, config: AppConfig): Promise<SeedResult> {
  const passwords = new PasswordService();
  return ds.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const [{ users, admins }] = (await em.query(
      `SELECT count(*)::int AS users, count(*) FILTER (WHERE role = 'admin')::int AS admins FROM users`,
    )) as { users: number; admins: number }[];

    if (config.demoData && users === 0) {
      await seedDemoData(em, passwords, config);
    }
    // The production path: the first admin, when the installation had none. An e-mail the demo
    // data already uses is left alone rather than failing the start.
    if (config.adminEmail && config.adminPassword && admins === 0) {
      await em.query(
        `INSERT INTO users (email, password_hash, name, role, visibility_scope)
         VALUES ($1, $2, 'Administrator', 'admin', 'all') ON CONFLICT (email) DO NOTHING`,
        [config.adminEmail, await passwords.hash(config.adminPassword)],
      );
    }
    if (!config.demoData) return { logins: [] };
    const [{ demo }] = (await em.query(`SELECT count(*)::int AS demo FROM users WHERE email = $1`, [
      DEMO_LOGINS[0].email,
    ])) as { demo: number }[];
    return { logins: demo > 0 ? DEMO_LOGINS : [] };
  });
}

/**
 * The demo accounts that are active and still open with the published demo password: on a
 * production start each is an open door, which main.ts announces loudly. Only the demo set is
 * checked (one password hash each), so the cost does not grow with the installation.
 */
export async function accountsOnDemoPassword(ds: DataSource): Promise<string[]> {
  const emails = Object.values(PEOPLE).map((p) => p.email);
  const rows = (await ds.query(
    `SELECT email, password_hash FROM users
      WHERE active AND password_hash IS NOT NULL AND email = ANY($1::citext[]) ORDER BY email`,
    [emails],
  )) as { email: string; password_hash: string }[];
  const passwords = new PasswordService();
  const open: string[] = [];
  for (const row of rows) {
    if (await passwords.verify(row.password_hash, DEMO_PASSWORD)) open.push(row.email);
  }
  return open;
}
