import type { EntityManager } from 'typeorm';
import type { PasswordService } from '../../modules/auth/password.service.js';

export const DEMO_PASSWORD = 'relaydesk';

export const DEMO_LOGINS = [
  { role: 'admin', email: 'admin@relaydesk.local', password: DEMO_PASSWORD },
];

export async function seedDemoData(em: EntityManager, passwords: PasswordService): Promise<void> {
  const hash = await passwords.hash(DEMO_PASSWORD);
  await em.query(
    `INSERT INTO users (email, password_hash, name, role, can_view_all, locale) VALUES ($1, $2, 'Администратор', 'admin', true, 'ru')`,
    [DEMO_LOGINS[0].email, hash],
  );
}
