import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config.js';
import { createApp } from './create-app.js';
import { createRootLogger } from './common/logging/logger.js';
import { createDataSource } from './database/data-source.js';
import { runMigrations } from './database/run-migrations.js';
import { seedOnFirstStart } from './database/seeds/seed-on-start.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const logger = createRootLogger(config.logLevel);

  const ds = createDataSource(config.databaseUrl, 2);
  await ds.initialize();
  try {
    const applied = await runMigrations(ds);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    const seeded = await seedOnFirstStart(ds, config);
    if (seeded.logins.length) printLogins(seeded.logins, config.port);
  } finally {
    await ds.destroy();
  }

  const app = await createApp({ config, logger });
  await app.listen(config.port);
  logger.info(`Relaydesk API listening on http://localhost:${config.port}/api (docs: /api/docs)`);
}

function printLogins(logins: { role: string; email: string; password: string }[], port: number) {
  const lines = [
    '',
    '  Relaydesk demo data is ready. Log in with:',
    ...logins.map((l) => `    ${l.role.padEnd(18)} ${l.email.padEnd(36)} ${l.password}`),
    `  API: http://localhost:${port}/api   docs: http://localhost:${port}/api/docs`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
