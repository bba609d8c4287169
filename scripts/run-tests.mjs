// `npm test`: every check and both test tiers, in three lanes side by side. On the two-core CI
// machine one step alone leaves a core mostly idle (tsc and ESLint are single threaded; the
// browser tier waits on pages, timers and the server most of the time), so the lanes keep both
// cores busy without changing what any step checks (docs/testing.md has the numbers):
//   build → bundle size, API client → browser tier (two Jest workers, a server each)
//   Nx project graph → (waits for the build: its cluster test runs the built API) → API tier
//   (two Jest workers)
//   typecheck → lint → module cycles (nothing waits for them: they only decide the outcome)
// A failed step stops its lane; the other lanes run to their end; the run fails. Each output line
// is prefixed with its step, and a table of the steps' times closes the run.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const timings = [];

function run(name, command, args) {
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) =>
        process.stdout.write(`[${name}] ${line}\n`),
      );
    }
    child.on('close', (code, signal) => {
      const seconds = (Date.now() - startedAt) / 1000;
      const ok = code === 0;
      timings.push({ name, seconds, ok });
      const outcome = ok ? 'done' : `FAILED (${signal ?? code})`;
      process.stdout.write(`[${name}] ${outcome} in ${seconds.toFixed(1)} s\n`);
      resolve(ok);
    });
  });
}

/** Runs the steps side by side, each to its end; true when every one passed. */
async function together(...steps) {
  const results = await Promise.all(steps.map((s) => s()));
  return results.every(Boolean);
}

/** Runs the steps one after the other, stopping at the first that fails. */
async function sequence(...steps) {
  for (const s of steps) if (!(await s())) return false;
  return true;
}

const step =
  (name, command, ...args) =>
  () =>
    run(name, command, args);
const script = (name) => step(name, npm, 'run', '--silent', name);

const startedAt = Date.now();
// Settles when the build step ends (true when it passed): the API tier waits for it.
let buildEnded;
const built = new Promise((resolve) => (buildEnded = resolve));
const ok = await sequence(step('preflight', 'node', 'scripts/preflight.mjs'), () =>
  together(
    () =>
      sequence(
        () =>
          script('build')().then((passed) => {
            buildEnded(passed);
            return passed;
          }),
        () =>
          together(
            step('bundle-size', 'node', 'scripts/check-bundle-size.mjs'),
            step('api-client', 'node', 'scripts/generate-api-client.mjs', '--check'),
          ),
        script('test:e2e'),
      ),
    // The Nx project graph first: ESLint's module-boundaries rule reads it, and the API tier's
    // lint tests (lint-guards, module-doors) run ESLint, maybe before the lint step has made it.
    () => sequence(script('lint:graph'), () => built, script('test:api')),
    () =>
      sequence(
        script('typecheck'),
        script('lint'),
        step('module-cycles', 'node', 'scripts/check-module-cycles.mjs'),
      ),
  ),
);

const total = (Date.now() - startedAt) / 1000;
process.stdout.write('\nstep              seconds\n');
for (const { name, seconds, ok: passed } of timings) {
  const mark = passed ? '' : '  FAILED';
  process.stdout.write(`${name.padEnd(16)} ${seconds.toFixed(1).padStart(8)}${mark}\n`);
}
process.stdout.write(`${'total'.padEnd(16)} ${total.toFixed(1).padStart(8)}\n`);
process.exit(ok ? 0 : 1);
