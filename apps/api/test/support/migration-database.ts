import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source';
import { MIGRATIONS } from '../../src/database/migrations/index';
import { runMigrations } from '../../src/database/run-migrations';
import { databaseUrl } from './test-database';

/** What a migration test holds: an empty database it moves forward one step at a time. */
export interface MigrationDatabase {
  /** Plain SQL on the database as it is now (no entities involved: the schema is an old one). */
  query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  /** Applies every migration not yet applied up to and including `name`; returns their names. */
  migrateThrough: (name: string) => Promise<string[]>;
  /** Applies every migration not yet applied that comes before `name`. */
  migrateUpTo: (name: string) => Promise<string[]>;
  /** Applies every migration not yet applied. */
  migrateAll: () => Promise<string[]>;
  /** A runner on the database, for calling one migration's `down` or `up` by hand. */
  withRunner: <T>(
    fn: (runner: ReturnType<DataSource['createQueryRunner']>) => Promise<T>,
  ) => Promise<T>;
  drop: () => Promise<void>;
}

const nameOf = (m: (typeof MIGRATIONS)[number]) => (m as unknown as { name: string }).name;

function indexOf(name: string): number {
  const i = MIGRATIONS.findIndex((m) => nameOf(m) === name);
  if (i < 0) throw new Error(`no migration ${name} in migrations/index.ts`);
  return i;
}

/**
 * A scratch database of its own, NOT cloned from the migrated template: a migration test needs
 * the schema as it was before the migration under test, with rows written in that old shape.
 * Migrations run exactly as in production (runMigrations: advisory lock, one transaction each,
 * recorded in the migrations table), only over a prefix of the list.
 */
export async function createMigrationDatabase(): Promise<MigrationDatabase> {
  const name = `relaydesk_migr_w${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  const admin = async <T>(fn: (c: Client) => Promise<T>): Promise<T> => {
    const url = process.env.RELAYDESK_TEST_ADMIN_URL;
    if (!url) throw new Error('RELAYDESK_TEST_ADMIN_URL is not set: run through jest.config.cjs');
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = databaseUrl(name);
  const client = new Client({ connectionString: url });
  await client.connect();

  /** A data source that knows the first `count` migrations only. */
  const withPrefix = async <T>(count: number, fn: (ds: DataSource) => Promise<T>): Promise<T> => {
    const ds = new DataSource({
      ...dataSourceOptions(url, 1),
      migrations: MIGRATIONS.slice(0, count),
    });
    await ds.initialize();
    try {
      return await fn(ds);
    } finally {
      await ds.destroy();
    }
  };

  return {
    query: async <T>(text: string, params: unknown[] = []) =>
      (await client.query(text, params)).rows as T[],
    migrateThrough: (migration) => withPrefix(indexOf(migration) + 1, runMigrations),
    migrateUpTo: (migration) => withPrefix(indexOf(migration), runMigrations),
    migrateAll: () => withPrefix(MIGRATIONS.length, runMigrations),
    withRunner: (fn) =>
      withPrefix(0, async (ds) => {
        const runner = ds.createQueryRunner();
        try {
          return await fn(runner);
        } finally {
          await runner.release();
        }
      }),
    drop: async () => {
      await client.end();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
