import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';

export interface PrivatePostgres {
  /** postgres:// URL of the cluster's `postgres` database, as its superuser. */
  adminUrl: string;
  urlFor: (database: string) => string;
  /** Fast shutdown: open sessions are terminated (57P01), new connections are refused. */
  stop: () => Promise<void>;
  /** Starts the server again on the same data directory and port. */
  start: () => Promise<void>;
  /** Stops the server and removes its data directory. */
  close: () => Promise<void>;
}

/**
 * Starts a PostgreSQL cluster that belongs to one test alone (apps/api/test/support/private-postgres.mjs
 * in a child process), for tests that take the database away: the shared test server is never
 * stopped.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [join(__dirname, 'private-postgres.mjs')],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines: Interface = createInterface({ input: child.stdout });
  const pending: ((line: string) => void)[] = [];
  lines.on('line', (line) => pending.shift()?.(line));
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const onExit = () => reject(new Error(`private PostgreSQL exited: ${stderr}`));
      child.once('exit', onExit);
      pending.push((line) => {
        child.off('exit', onExit);
        const message = JSON.parse(line) as Record<string, unknown>;
        if (message.ok) resolve(message);
        else reject(new Error(String(message.error)));
      });
    });
  const send = async (command: string) => {
    const answer = next();
    child.stdin.write(`${command}\n`);
    await answer;
  };

  const ready = await next();
  const adminUrl = String(ready.adminUrl);
  return {
    adminUrl,
    urlFor: (database) => {
      const u = new URL(adminUrl);
      u.pathname = `/${database}`;
      return u.toString();
    },
    stop: () => send('stop'),
    start: () => send('start'),
    close: async () => {
      if (child.exitCode !== null) return;
      await send('exit').catch(() => undefined);
    },
  };
}
