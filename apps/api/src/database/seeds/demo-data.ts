import type { StorageConfig } from '../../config/namespaces/storage.config.js';
import type { EntityManager } from 'typeorm';
import type { PasswordService } from '../../modules/directory/password.service.js';
import { insertDemoCatalog } from './demo-catalog.js';
import { insertDirectory, PEOPLE } from './demo-directory.js';
import { buildDemoTickets, insertDemoTickets } from './demo-tickets.js';
import { insertDemoWorkflows } from './demo-workflows.js';
import { insertDemoAssignment } from './demo-assignment.js';
import { insertDemoSla } from './demo-sla.js';
import { insertDemoAlertRules } from './demo-alerts.js';
import { insertDemoWebForm } from './demo-web-form.js';
import { insertDemoCannedResponses } from './demo-canned-responses.js';
import { insertDemoKnowledgeBase } from './demo-knowledge-base.js';
import { insertDemoContracts } from './demo-contracts.js';
import { insertDemoWorkLog } from './demo-work-log.js';
import { insertDemoInstallation } from './demo-installation.js';

export const DEMO_PASSWORD = 'relaydesk';

export interface DemoLogin {
  /** What to try with this login; starts with the user's role. */
  role: string;
  email: string;
  password: string;
}

/** One login per kind of user worth trying. The first must stay the admin: it marks the demo. */
export const DEMO_LOGINS: DemoLogin[] = [
  { role: 'admin', email: PEOPLE.admin.email, password: DEMO_PASSWORD },
  { role: 'dispatcher', email: PEOPLE.marina.email, password: DEMO_PASSWORD },
  { role: 'agent', email: PEOPLE.alexey.email, password: DEMO_PASSWORD },
  { role: 'agent, dept head', email: PEOPLE.tereza.email, password: DEMO_PASSWORD },
  { role: 'agent, own only', email: PEOPLE.olga.email, password: DEMO_PASSWORD },
  // Pythagoras: manages the Greenhouse 7 project and hands its tasks to its members (Solving).
  { role: 'agent, project manager', email: PEOPLE.dmitry.email, password: DEMO_PASSWORD },
  { role: 'client, org-wide', email: PEOPLE.sergey.email, password: DEMO_PASSWORD },
  { role: 'client', email: PEOPLE.anna.email, password: DEMO_PASSWORD },
];

/**
 * A service company with two greenhouse customers (Russian and Czech) and about 45 days of
 * their tickets, comments and history. Deterministic apart from ids and the reference time, so
 * every fresh start looks the same. Runs inside the caller's transaction.
 */
export async function seedDemoData(
  em: EntityManager,
  passwords: PasswordService,
  /** Where the demo's uploaded files go (a knowledge-base picture). */
  storage?: StorageConfig,
): Promise<void> {
  // argon2 is slow on purpose: one hash, shared by every demo user.
  const hash = await passwords.hash(DEMO_PASSWORD);
  const [{ now }] = (await em.query(`SELECT now() AS now`)) as { now: Date }[];
  const since = new Date(now.getTime() - 60 * 24 * 3_600_000);

  const ids = await insertDirectory(em, hash, since);
  await insertDemoCatalog(em, ids);
  await insertDemoTickets(em, buildDemoTickets(now, ids));
  // After the Okdesk tickets: ticket numbers follow creation time, and these are the newest.
  await insertDemoWorkflows(em, ids, now);
  // Support levels, group distribution and assignment rules, with their history lines.
  await insertDemoAssignment(em, ids);
  await insertDemoAlertRules(em, ids);
  await insertDemoWebForm(em, ids);
  await insertDemoCannedResponses(em, ids);
  await insertDemoKnowledgeBase(em, ids, storage);
  // Last: the SLA clocks of every demo ticket, computed from its creation time.
  await insertDemoSla(em);
  // Contracts, objects and equipment (issue 18); they refer to the SLA seed's policy and calendar.
  await insertDemoContracts(em, ids, now);
  // The price list and logged work on a Yuzhny ticket under its contract (issue 18).
  await insertDemoWorkLog(em, ids, now);
  // The provider's details on the printed service protocol.
  await insertDemoInstallation(em);
}
