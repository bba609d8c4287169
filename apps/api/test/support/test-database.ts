import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource } from '../../src/database/data-source';
import { runMigrations } from '../../src/database/run-migrations';

const TEMPLATE = 'relaydesk_test_template';
const TEMPLATE_LOCK = 7_305_114_900;

function adminUrl(): string {
  const url = process.env.RELAYDESK_TEST_ADMIN_URL;
  if (!url)
    throw new Error('RELAYDESK_TEST_ADMIN_URL is not set: run the tests through jest.config.cjs');
  return url;
}

export function databaseUrl(name: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Migrates the template database once per run; later callers only clone it. */
async function ensureTemplate(admin: Client): Promise<void> {
  await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      TEMPLATE,
    ]);
    if (rowCount) return;
    await admin.query(`CREATE DATABASE ${TEMPLATE}`);
    const ds = createDataSource(databaseUrl(TEMPLATE), 1);
    await ds.initialize();
    try {
      await runMigrations(ds);
    } finally {
      await ds.destroy();
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `relaydesk_test_w${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (admin) => {
    await ensureTemplate(admin);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
  });
  return {
    url: databaseUrl(name),
    drop: () =>
      withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
