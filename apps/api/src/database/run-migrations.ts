import { MigrationExecutor, type DataSource } from 'typeorm';

/** Any 64-bit number unique to this purpose; every instance of the API agrees on it. */
const MIGRATION_LOCK = 7_305_114_001;

/**
 * Applies pending migrations under a session advisory lock, so several API instances starting
 * together apply each migration once while the others wait and then find nothing to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    // Same connection as the lock: works with a pool of one and keeps the lock meaningful.
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const ran = await executor.executePendingMigrations();
    return ran.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
