// Starts the real product for the browser tests: embedded PostgreSQL with a fresh database,
// the built API (which serves both built SPAs) with demo data, on free ports.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import {
  ensureDatabase,
  freePort,
  startEmbeddedPostgres,
} from '../../../scripts/lib/embedded-postgres.mjs';
import { waitForHealth } from '../../../scripts/lib/wait-for-api.mjs';
import { BROWSER_ENDPOINT_ENV, CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import { createE2eDatabase, deriveE2eDatabase, dropE2eDatabase } from './e2e-database.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');

export default async function globalSetup() {
  for (const built of [
    'apps/api/dist/main.js',
    'apps/agent/dist/index.html',
    'apps/portal/dist/index.html',
  ]) {
    if (!existsSync(join(root, built)))
      throw new Error(`${built} is missing: run \`npm run build\` first`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-e2e-'));
  let databaseUrl;
  let databaseName;
  let pg = null;
  let ownDatabase = null;
  if (process.env.DATABASE_URL) {
    // That server, but never the database it names: the run seeds demo data and moves clocks.
    ownDatabase = deriveE2eDatabase(process.env.DATABASE_URL);
    await createE2eDatabase(ownDatabase);
    databaseUrl = ownDatabase.url;
    databaseName = ownDatabase.name;
  } else {
    // Its own temp dir: embedded-postgres hands it to the postgres user, who cannot enter ours.
    pg = await startEmbeddedPostgres({
      dir: mkdtempSync(join(tmpdir(), 'relaydesk-e2e-pg-')),
      fast: true,
    });
    await ensureDatabase(pg.adminUrl, 'relaydesk_e2e');
    databaseUrl = pg.urlFor('relaydesk_e2e');
    databaseName = 'relaydesk_e2e';
  }
  const port = await freePort();
  const api = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      JWT_SECRET: 'e2e-secret-that-is-long-enough-0123456789',
      RELAYDESK_DEMO: 'true',
      LOG_LEVEL: 'warn',
      LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
      LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '1000',
      // The webhook test's receiver listens on the loopback.
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(api, baseUrl);
  } catch (e) {
    // Jest skips the teardown when the setup fails: leave no server or database behind.
    if (api.exitCode === null) api.kill('SIGTERM');
    if (ownDatabase) await dropE2eDatabase(ownDatabase).catch(() => undefined);
    if (pg) await pg.stop();
    throw e;
  }
  // One browser for the run (each file connects to it; support/browser.ts says why). Without
  // Chromium none: the files then skip or fail as browser.ts decides.
  let browser = null;
  if (existsSync(CHROMIUM)) {
    try {
      browser = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    } catch (e) {
      api.kill('SIGTERM');
      if (ownDatabase) await dropE2eDatabase(ownDatabase).catch(() => undefined);
      if (pg) await pg.stop();
      throw e;
    }
    process.env[BROWSER_ENDPOINT_ENV] = browser.wsEndpoint();
  }
  process.env.RELAYDESK_E2E_BASE_URL = baseUrl;
  process.env.RELAYDESK_E2E_DATABASE_URL = databaseUrl;
  // What the run used, so a test can check it is not the database DATABASE_URL names.
  process.env.RELAYDESK_E2E_DATABASE_NAME = databaseName;
  // Where the API's mail log driver writes each sent mail as an .eml file (DATA_DIR/mail).
  process.env.RELAYDESK_E2E_DATA_DIR = dataDir;
  globalThis.__RELAYDESK_E2E__ = {
    api,
    browser,
    pg,
    dataDir,
    pgDir: pg ? pg.dir : null,
    ownDatabase,
  };
}
