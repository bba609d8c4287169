// `npm run dev`: the API with restart on change (tsc --watch + node --watch) and both SPAs on
// Vite dev servers with hot reload, proxying /api to the API. Uses the same embedded PostgreSQL
// as `npm start` when DATABASE_URL is unset.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareLocalEnv } from './lib/local-env.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const dataDir = resolve(root, process.env.DATA_DIR || '.data');
const { env, pg } = await prepareLocalEnv({ dataDir });
env.PORT = process.env.PORT || '3000';

const children = [];
const run = (args) => {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
  children.push(child);
  return child;
};
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const vite = join(root, 'node_modules/vite/bin/vite.js');

// Build once, then keep compiling; node restarts the API when its output changes.
await new Promise((done) => run([tsc, '-b', 'apps/api/tsconfig.app.json']).on('exit', done));
run([tsc, '-b', 'apps/api/tsconfig.app.json', '--watch', '--preserveWatchOutput']);
run(['--watch-path=apps/api/dist', '--enable-source-maps', 'apps/api/dist/main.js']);
run([vite, 'apps/portal']);
run([vite, 'apps/agent']);
console.log(
  `\n  dev: portal http://localhost:${process.env.PORTAL_DEV_PORT ?? 5173}/  ` +
    `agent http://localhost:${process.env.AGENT_DEV_PORT ?? 5174}/agent/  API http://localhost:${env.PORT}/api\n`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    if (pg) await pg.stop().catch(() => undefined);
    process.exit(0);
  });
}
