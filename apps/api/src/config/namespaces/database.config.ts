import { configNamespace, type ConfigType } from '../config-namespace.js';

export const databaseConfig = configNamespace('database', (env) => {
  const databaseUrl = env.raw('DATABASE_URL') ?? '';
  if (!env.has('databaseUrl') && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    env.problem(
      'DATABASE_URL must be a postgres:// URL (npm start sets it for the embedded server)',
    );
  }
  return {
    databaseUrl,
    /** Connections in this instance's pool. */
    databasePoolSize: env.int('DATABASE_POOL_SIZE', 20, 1, 1000),
    /** How long a request waits to connect or for a free pooled connection before it gets a 503. */
    databaseConnectTimeoutMs: env.int('DATABASE_CONNECT_TIMEOUT_MS', 5000, 100, 600_000),
    /** Name hot statements so each connection plans them once (off behind old PgBouncers). */
    databasePreparedStatements: env.bool('DATABASE_PREPARED_STATEMENTS', true),
  };
});
export type DatabaseConfig = ConfigType<typeof databaseConfig>;
