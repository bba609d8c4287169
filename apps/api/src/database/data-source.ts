import { DataSource, type DataSourceOptions } from 'typeorm';
import { installTimestampParser } from '../common/database/pg-timestamps.js';
import { IdempotencyCommitSubscriber } from '../common/idempotency/idempotency-commit.subscriber.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

/**
 * The one place that says how we talk to PostgreSQL. `synchronize` is never on.
 * `connectTimeoutMs` bounds both a new connection and the wait for a free one in a full pool:
 * without it a request would hang for as long as the database is away or the pool is busy.
 */
export function dataSourceOptions(
  databaseUrl: string,
  poolSize = 20,
  connectTimeoutMs = 5000,
): DataSourceOptions {
  installTimestampParser();
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // Marks a request's Idempotency-Key claim in the transaction that carries the request out.
    subscribers: [IdempotencyCommitSubscriber],
    synchronize: false,
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    migrationsTableName: 'migrations',
    connectTimeoutMS: connectTimeoutMs,
    extra: { max: poolSize, application_name: 'relaydesk' },
  };
}

export function createDataSource(databaseUrl: string, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl, poolSize));
}
