import 'reflect-metadata';
import { join } from 'node:path';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config.js';
import { createApp } from './create-app.js';
import { createRootLogger } from './common/logging/logger.js';
import { createDataSource } from './database/data-source.js';
import { runMigrations } from './database/run-migrations.js';
import { accountsOnDemoPassword, seedOnFirstStart } from './database/seeds/seed-on-start.js';

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
  let seeded: Awaited<ReturnType<typeof seedOnFirstStart>> = { logins: [] };
  let demoDoors: string[] = [];
  await ds.initialize();
  try {
    const applied = await runMigrations(ds);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    seeded = await seedOnFirstStart(ds, config);
    if (config.production) demoDoors = await accountsOnDemoPassword(ds);
  } finally {
    await ds.destroy();
  }

  const app = await createApp({ config, logger });
  await app.listen(config.port);
  logger.info(`Relaydesk API listening on http://localhost:${config.port}/api (docs: /api/docs)`);
  printWelcome(seeded.logins, config.port, mailLine(config));
  if (demoDoors.length > 0) warnDemoPasswords(demoDoors, logger);
}

/** Loud on purpose: the demo password is in the README, so these accounts are open to anyone. */
function warnDemoPasswords(emails: string[], logger: ReturnType<typeof createRootLogger>) {
  logger.warn({ accounts: emails }, 'demo accounts still use the published demo password');
  const bar = '!'.repeat(78);
  process.stderr.write(
    [
      '',
      bar,
      '  WARNING: NODE_ENV=production, and these demo accounts still sign in with the',
      '  published demo password. Anyone can use them. Deactivate them or change their',
      '  passwords now (Admin → People), or start without demo data (RELAYDESK_DEMO=false).',
      ...emails.map((e) => `    - ${e}`),
      bar,
      '',
    ].join('\n') + '\n',
  );
}

/** Where mail goes: a demo's mail is read from files, so say where they are. */
function mailLine(config: AppConfig): string {
  if (config.mailDriver === 'log') {
    const dir = join(config.dataDir, 'mail');
    return `not sent (${config.smtpUrl ? 'MAIL_DRIVER=log' : 'no SMTP_URL'}): each one is an .eml file in ${dir}/`;
  }
  const smtp = config.smtpEndpoint;
  return smtp ? `SMTP ${smtp.host}:${smtp.port} as ${config.mailFrom}` : 'SMTP';
}

function printWelcome(
  logins: { role: string; email: string; password: string }[],
  port: number,
  mail: string,
) {
  const url = `http://localhost:${port}`;
  const lines = [
    '',
    `  Relaydesk is running.`,
    `    Client portal     ${url}/`,
    `    Agent workspace   ${url}/agent/`,
    `    API               ${url}/api   (docs: ${url}/api/docs)`,
    `    Mail              ${mail}`,
    ...(logins.length
      ? [
          '',
          '  Demo logins:',
          ...logins.map((l) => `    ${l.role.padEnd(18)} ${l.email.padEnd(36)} ${l.password}`),
        ]
      : []),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
