// `npm run cluster`: the scale-out topology of docker/compose.yml without Docker. One PostgreSQL
// (embedded, as for `npm start`, or DATABASE_URL), N API instances (default 3) sharing it and one
// JWT secret, and a round-robin reverse proxy in front (scripts/lib/balancer.mjs). Every
// instance applies pending migrations and the first-start seed under advisory locks, so they
// start together. Ctrl-C stops the proxy, then the instances, then the database.
//
//   npm run cluster -- --instances 5 --port 8080      (or CLUSTER_INSTANCES, PORT)
//   --no-build   use the existing build (apps/api/dist, apps/*/dist)
//   --json       also print one line `CLUSTER_READY {json}` with the addresses and pids (tests)
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createBalancer } from './lib/balancer.mjs';
import {
  checkReachableAsPostgres,
  EmbeddedPostgresSetupError,
  freePort,
} from './lib/embedded-postgres.mjs';
import { prepareLocalEnv } from './lib/local-env.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const dataDir = resolve(root, process.env.DATA_DIR || '.data');

function option(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function log(message) {
  process.stdout.write(`[cluster] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`\n[cluster] ${message}\n\n`);
  process.exit(64); // EX_USAGE
}

const instances = Number(option('--instances') ?? process.env.CLUSTER_INSTANCES ?? 3);
if (!Number.isInteger(instances) || instances < 1 || instances > 32) {
  fail(`--instances (or CLUSTER_INSTANCES) must be an integer from 1 to 32`);
}
const port = Number(option('--port') ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  fail(`--port (or PORT) must be a TCP port, or 0 for any free one`);
}
const skipBuild = process.argv.includes('--no-build');
const json = process.argv.includes('--json');

/** A set-up problem (e.g. a folder the postgres user cannot enter) says what to do: no stack. */
function explainSetupError(e) {
  if (e instanceof EmbeddedPostgresSetupError) {
    process.stderr.write(`\n${e.message}\n\n`);
    process.exit(78);
  }
  throw e;
}

if (!process.env.DATABASE_URL) {
  await checkReachableAsPostgres(join(dataDir, 'postgres')).catch(explainSetupError);
}

if (!skipBuild) {
  log('building the API and both web apps…');
  const steps = [
    [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'apps/api/tsconfig.app.json'],
    ...['agent', 'portal'].map((app) => [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      `apps/${app}`,
      '--logLevel',
      'warn',
    ]),
  ];
  for (const args of steps) {
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

// The balancer's port first: PUBLIC_URL (links in feeds and mails) must name it, not an instance.
const balancerPort = await freePort(port);
if (port !== 0 && balancerPort !== port) {
  fail(`port ${port} is taken; stop what uses it or pick another with --port (0: any free port)`);
}
const publicUrl = process.env.PUBLIC_URL || `http://localhost:${balancerPort}`;

const { env: baseEnv, pg: startedPg } = await prepareLocalEnv({ dataDir, log }).catch(
  explainSetupError,
);
let pg = startedPg;

const children = [];
let stopping = false;
const demoLogins = [];

/** Instance output, one line at a time and labelled; the per-instance welcome banner is dropped. */
function relay(stream, name, out, first) {
  let inDemoLogins = false;
  createInterface({ input: stream }).on('line', (line) => {
    if (line.startsWith('{') || out === process.stderr) {
      out.write(`${name} | ${line}\n`);
      return;
    }
    // The banner names the instance's own port, not the balancer's: reprint its logins only.
    if (first && line.trim() === 'Demo logins:') inDemoLogins = true;
    else if (first && inDemoLogins && line.startsWith('    ')) demoLogins.push(line);
    else if (line.trim() !== '') inDemoLogins = false;
  });
}

async function startInstance(n) {
  const name = `api-${n}`;
  const instancePort = await freePort(0);
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', join(root, 'apps/api/dist/main.js')],
    {
      cwd: root,
      env: {
        ...baseEnv,
        PORT: String(instancePort),
        PUBLIC_URL: publicUrl,
        // The balancer is on this machine and sets X-Forwarded-For/-Proto.
        TRUST_PROXY: baseEnv.TRUST_PROXY || 'loopback',
        // Keep instances × pool well below the embedded server's max_connections (300).
        DATABASE_POOL_SIZE:
          baseEnv.DATABASE_POOL_SIZE ||
          String(Math.max(2, Math.min(20, Math.floor(240 / instances)))),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const instance = { name, url: `http://127.0.0.1:${instancePort}`, child };
  children.push(instance);
  relay(child.stdout, name, process.stdout, n === 1);
  relay(child.stderr, name, process.stderr, false);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(
        `${name} (pid ${child.pid}) exited (${signal ?? `code ${code}`}); the others keep serving`,
      );
    }
  });
  return instance;
}

async function waitReady(instance) {
  const started = Date.now();
  for (;;) {
    if (instance.child.exitCode !== null || instance.child.signalCode !== null) {
      throw new Error(`${instance.name} exited before it was ready`);
    }
    try {
      if ((await fetch(`${instance.url}/api/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 120_000) throw new Error(`${instance.name} was not ready in 120 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopAll(code) {
  stopping = true;
  balancer?.server.close();
  balancer?.server.closeAllConnections();
  const alive = children.filter((c) => c.child.exitCode === null && c.child.signalCode === null);
  for (const c of alive) c.child.kill('SIGTERM');
  const killLater = setTimeout(() => {
    for (const c of alive) c.child.kill('SIGKILL');
  }, 10_000);
  await Promise.all(alive.map((c) => once(c.child, 'exit')));
  clearTimeout(killLater);
  if (pg) {
    const db = pg;
    pg = null;
    log('stopping PostgreSQL…');
    await db.stop().catch(() => undefined);
  }
  process.exit(code);
}

let balancer = null;

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    log('shutting down…');
    void stopAll(0);
  });
}

log(`starting ${instances} API instance(s)…`);
const started = await Promise.all(
  Array.from({ length: instances }, (_, i) => startInstance(i + 1)),
);
try {
  await Promise.all(started.map(waitReady));
} catch (e) {
  process.stderr.write(`[cluster] ${e instanceof Error ? e.message : e}\n`);
  await stopAll(1);
}

balancer = createBalancer({ upstreams: started.map(({ name, url }) => ({ name, url })), log });
balancer.server.listen(balancerPort);
await once(balancer.server, 'listening');

const url = `http://localhost:${balancerPort}`;
process.stdout.write(
  [
    '',
    `  Relaydesk cluster is running: ${instances} API instance(s) behind one balancer.`,
    `    Client portal     ${url}/`,
    `    Agent workspace   ${url}/agent/`,
    `    API               ${url}/api   (docs: ${url}/api/docs)`,
    `    Instances         ${started.map((i) => `${i.name} ${i.url} (pid ${i.child.pid})`).join(`\n${' '.repeat(22)}`)}`,
    ...(demoLogins.length ? ['', '  Demo logins:', ...demoLogins] : []),
    '',
    '  Ctrl-C stops everything.',
    '',
  ].join('\n') + '\n',
);
if (json) {
  const ready = {
    url,
    instances: started.map((i) => ({ name: i.name, url: i.url, pid: i.child.pid })),
  };
  process.stdout.write(`CLUSTER_READY ${JSON.stringify(ready)}\n`);
}
