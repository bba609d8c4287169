// `npm start`: builds, starts the embedded PostgreSQL when DATABASE_URL is unset, then runs the
// API. Ctrl-C stops the API first and the database after it.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase, startEmbeddedPostgres } from './lib/embedded-postgres.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const dataDir = resolve(root, process.env.DATA_DIR || '.data');
const skipBuild = process.argv.includes('--no-build');

function log(message) {
  process.stdout.write(`[relaydesk] ${message}\n`);
}

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
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

mkdirSync(dataDir, { recursive: true });
const env = { ...process.env, DATA_DIR: dataDir };

// In development the JWT secret is made once and kept in DATA_DIR, so logins survive restarts.
if (!env.JWT_SECRET) {
  const secretFile = join(dataDir, 'jwt-secret');
  if (!existsSync(secretFile))
    writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 });
  env.JWT_SECRET = readFileSync(secretFile, 'utf8').trim();
}

let pg = null;
if (!env.DATABASE_URL) {
  log(`starting embedded PostgreSQL in ${join(dataDir, 'postgres')}…`);
  pg = await startEmbeddedPostgres({
    dir: join(dataDir, 'postgres'),
    port: Number(process.env.PG_PORT || 54320),
  });
  await ensureDatabase(pg.adminUrl, 'relaydesk');
  env.DATABASE_URL = pg.urlFor('relaydesk');
  log(`PostgreSQL is up on port ${pg.port} (DATABASE_URL=${env.DATABASE_URL})`);
}

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
