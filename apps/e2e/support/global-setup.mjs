// Starts the real product for the browser tests: embedded PostgreSQL with a fresh database,
// the built API (which serves both built SPAs) with demo data, on free ports. One such server
// per Jest worker (`--maxWorkers=2` in `npm run test:e2e`): the files of one worker run one after
// the other against their own installation, as the whole run did with one worker, so a file that
// changes installation settings (workflows, SLA policies, languages) never meets a file of the
// other worker. support/worker-server.mjs points each file at its worker's server.
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
import { SERVER_ENV, serverEnvName } from './worker-server.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');

/** What a server's teardown needs. */
async function stopServer(server) {
  if (server.api && server.api.exitCode === null) {
    const exited = new Promise((r) => server.api.once('exit', r));
    server.api.kill('SIGTERM');
    await exited;
  }
  if (server.ownDatabase) await dropE2eDatabase(server.ownDatabase).catch(() => undefined);
  if (server.pg) await server.pg.stop();
}

/** One installation: its database (own cluster, or own database on DATABASE_URL's server) and API. */
async function startServer() {
  const server = {
    api: null,
    pg: null,
    pgDir: null,
    ownDatabase: null,
    dataDir: mkdtempSync(join(tmpdir(), 'relaydesk-e2e-')),
  };
  try {
    let databaseUrl;
    let databaseName;
    if (process.env.DATABASE_URL) {
      // That server, but never the database it names: the run seeds demo data and moves clocks.
      server.ownDatabase = deriveE2eDatabase(process.env.DATABASE_URL);
      await createE2eDatabase(server.ownDatabase);
      databaseUrl = server.ownDatabase.url;
      databaseName = server.ownDatabase.name;
    } else {
      // Its own temp dir: embedded-postgres hands it to the postgres user, who cannot enter ours.
      server.pgDir = mkdtempSync(join(tmpdir(), 'relaydesk-e2e-pg-'));
      server.pg = await startEmbeddedPostgres({ dir: server.pgDir, fast: true });
      await ensureDatabase(server.pg.adminUrl, 'relaydesk_e2e');
      databaseUrl = server.pg.urlFor('relaydesk_e2e');
      databaseName = 'relaydesk_e2e';
    }
    const port = await freePort();
    server.api = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        DATA_DIR: server.dataDir,
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
    // Two servers seed their demo data at once, beside the build, the checks and the API tier:
    // on a loaded machine that is slow, not broken.
    await waitForHealth(server.api, baseUrl, 180_000);
    server.env = {
      RELAYDESK_E2E_BASE_URL: baseUrl,
      RELAYDESK_E2E_DATABASE_URL: databaseUrl,
      // What the run used, so a test can check it is not the database DATABASE_URL names.
      RELAYDESK_E2E_DATABASE_NAME: databaseName,
      // Where the API's mail log driver writes each sent mail as an .eml file (DATA_DIR/mail).
      RELAYDESK_E2E_DATA_DIR: server.dataDir,
    };
    return server;
  } catch (e) {
    // Jest skips the teardown when the setup fails: leave no server or database behind.
    await stopServer(server);
    throw e;
  }
}

export default async function globalSetup(globalConfig) {
  for (const built of [
    'apps/api/dist/main.js',
    'apps/agent/dist/index.html',
    'apps/portal/dist/index.html',
  ]) {
    if (!existsSync(join(root, built)))
      throw new Error(`${built} is missing: run \`npm run build\` first`);
  }
  const count = Math.max(1, globalConfig?.maxWorkers ?? 1);
  const state = { servers: [], browser: null };
  // Jest skips the teardown when the setup fails, and so does a throw here: tidy up first.
  globalThis.__RELAYDESK_E2E__ = state;
  const started = await Promise.allSettled(Array.from({ length: count }, () => startServer()));
  for (const s of started) if (s.status === 'fulfilled') state.servers.push(s.value);
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(state.servers.map(stopServer));
    throw failed.reason;
  }
  // One browser for the run (each file connects to it; support/browser.ts says why). Without
  // Chromium none: the files then skip or fail as browser.ts decides.
  if (existsSync(CHROMIUM)) {
    try {
      state.browser = await chromium.launchServer({
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
      });
    } catch (e) {
      await Promise.all(state.servers.map(stopServer));
      throw e;
    }
    process.env[BROWSER_ENDPOINT_ENV] = state.browser.wsEndpoint();
  }
  // Worker n's server under suffixed names (the workers inherit this environment); the first
  // server's also under the plain names, for a run in band.
  state.servers.forEach((server, i) => {
    for (const name of SERVER_ENV) process.env[serverEnvName(name, i + 1)] = server.env[name];
  });
  for (const name of SERVER_ENV) process.env[name] = state.servers[0].env[name];
}

export { stopServer };
