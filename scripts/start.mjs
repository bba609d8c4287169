// `npm start`: builds, starts the embedded PostgreSQL when DATABASE_URL is unset, then runs the
// API. Ctrl-C stops the API first and the database after it.
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReachableAsPostgres, EmbeddedPostgresSetupError } from './lib/embedded-postgres.mjs';
import { prepareLocalEnv } from './lib/local-env.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const dataDir = resolve(root, process.env.DATA_DIR || '.data');
const skipBuild = process.argv.includes('--no-build');

/** A set-up problem (e.g. a folder the postgres user cannot enter) says what to do: no stack. */
function explainSetupError(e) {
  if (e instanceof EmbeddedPostgresSetupError) {
    process.stderr.write(`\n${e.message}\n\n`);
    process.exit(78);
  }
  throw e;
}

function log(message) {
  process.stdout.write(`[relaydesk] ${message}\n`);
}

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Before minutes of building: can the embedded PostgreSQL run here at all?
if (!process.env.DATABASE_URL) {
  await checkReachableAsPostgres(join(dataDir, 'postgres')).catch(explainSetupError);
}

if (!skipBuild) {
  log('building the API and both web apps…');
  run([join(root, 'node_modules/typescript/bin/tsc'), '-b', 'apps/api/tsconfig.app.json']);
  for (const app of ['agent', 'portal']) {
    run([
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      `apps/${app}`,
      '--logLevel',
      'warn',
    ]);
  }
}

const { env, pg: startedPg } = await prepareLocalEnv({ dataDir, log }).catch(explainSetupError);
let pg = startedPg;

const api = spawn(process.execPath, ['--enable-source-maps', join(root, 'apps/api/dist/main.js')], {
  cwd: root,
  env,
  stdio: 'inherit',
});

let stopping = false;
async function stop(code) {
  if (pg) {
    const db = pg;
    pg = null;
    log('stopping PostgreSQL…');
    await db.stop().catch(() => undefined);
  }
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log('shutting down…');
    if (api.exitCode === null) api.kill(signal);
  });
}

api.on('exit', (code, signal) => {
  void stop(stopping ? 0 : (code ?? (signal ? 1 : 0)));
});
