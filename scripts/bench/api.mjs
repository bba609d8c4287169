// Starts the built API (apps/api/dist/main.js) as a child process for the benchmark and talks
// to it. Everything goes to 127.0.0.1.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';

export async function startApi({ root, port, databaseUrl, dataDir, logFile }) {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: 'UTC',
    // Not "production": since a61f28b the API refuses the bench routes under it. Nothing on the
    // request path reads NODE_ENV (the app's own check aside, express only for views and its
    // default error page), so this measures what production runs.
    NODE_ENV: 'bench',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    JWT_ACCESS_TTL_SECONDS: '3600',
    RELAYDESK_DEMO: 'false',
    RELAYDESK_BENCH_ROUTES: 'true',
    LOG_LEVEL: process.env.BENCH_API_LOG_LEVEL || 'warn',
    SCHEDULER_ENABLED: 'false',
    LOGIN_MAX_ATTEMPTS_PER_IP: '1000000',
    LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '10000',
  };
  const out = createWriteStream(logFile, { flags: 'w' });
  // BENCH_API_NODE_ARGS: extra node flags for the API, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
  // (the profile is written when the bench stops the API).
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const baseUrl = `http://127.0.0.1:${port}`;

  const api = {
    baseUrl,
    pid: child.pid,
    exited,
    /** The last lines the API wrote, for error messages. */
    tail(lines = 30) {
      try {
        return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
      } catch {
        return '';
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      out.end();
    },
  };

  // Bounded wait for /api/health: migrations run first, so give it a minute.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the API exited with code ${child.exitCode}:\n${api.tail()}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await api.stop();
      throw new Error(`the API did not answer /api/health within 60 s:\n${api.tail()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return api;
}

/** A JSON request; returns { status, body, ms, bytes } (bytes: of the body as sent). */
export async function request(baseUrl, method, path, { token, body } = {}) {
  const started = performance.now();
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  let parsed = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, body: parsed, ms, bytes: Buffer.byteLength(text) };
}
