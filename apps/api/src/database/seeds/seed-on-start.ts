import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { PasswordService } from '../../modules/auth/password.service.js';
import { DEMO_LOGINS, seedDemoData } from './demo-data.js';

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
      await seedDemoData(em, passwords);
    }
    // The production path: the first admin, when the installation had none. An e-mail the demo
    // data already uses is left alone rather than failing the start.
    if (config.adminEmail && config.adminPassword && admins === 0) {
      await em.query(
        `INSERT INTO users (email, password_hash, name, role, can_view_all)
         VALUES ($1, $2, 'Administrator', 'admin', true) ON CONFLICT (email) DO NOTHING`,
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
