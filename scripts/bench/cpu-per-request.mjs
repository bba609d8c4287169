// API CPU time per request of the queue page, the bare page and the /api/health floor: a figure
// that other load on a shared machine barely moves (throughput does), for A/B checks of the
// page's own code. Needs a seeded bench database (npm run bench once) and a built API.
// usage: BENCH_DATA_DIR=.data/bench node scripts/bench/cpu-per-request.mjs [requests]
// (ONLY=queue|bare|floor measures one of them, e.g. under BENCH_API_NODE_ARGS=--cpu-prof)
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import http from 'node:http';
const root = resolve(fileURLToPath(import.meta.url), '../../..');
const dataDir = resolve(process.env.BENCH_DATA_DIR || join(root, '.data/bench'));
const N = Number(process.argv[2] ?? 3000);
const { BenchCluster } = await import(join(root, 'scripts/bench/cluster.mjs'));
const { request, startApi } = await import(join(root, 'scripts/bench/api.mjs'));
const { freePort } = await import(join(root, 'scripts/lib/embedded-postgres.mjs'));
const { BENCH_AGENT } = await import(join(root, 'scripts/bench/seed.mjs'));
const cluster = new BenchCluster({ dir: join(dataDir, 'postgres'), port: 0, log: () => {} });
await cluster.start({ fast: false });
const port = await freePort(0);
const api = await startApi({
  root,
  port,
  databaseUrl: cluster.urlFor('relaydesk_bench'),
  dataDir: join(dataDir, 'api'),
  logFile: join(dataDir, 'api-cpu.log'),
});
const tick = 100; // CLK_TCK
const cpu = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / tick;
};
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
function get(path, token) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${api.baseUrl}${path}`,
      { agent, headers: token ? { authorization: `Bearer ${token}` } : {} },
      (res) => {
        let n = 0;
        res.on('data', (c) => (n += c.length));
        res.on('end', () => resolve({ status: res.statusCode, bytes: n }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
async function runN(path, token, n) {
  let i = 0,
    bad = 0,
    bytes = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (i++ < n) {
        const r = await get(path, token);
        if (r.status !== 200) bad++;
        bytes = r.bytes;
      }
    }),
  );
  return { bad, bytes };
}
try {
  const login = await request(api.baseUrl, 'POST', '/api/v1/auth/login', { body: BENCH_AGENT });
  const token = login.body.accessToken;
  const paths = [
    ['queue', '/api/v1/tickets?view=open&limit=50', token],
    ['bare', '/api/bench/page'],
    ['floor', '/api/health'],
  ];
  if (process.env.ONLY)
    paths.splice(0, paths.length, ...paths.filter(([n]) => n === process.env.ONLY));
  if (process.env.EXTRA_PATH) paths.push(['extra', process.env.EXTRA_PATH, token]);
  for (const [, p, t] of paths) await runN(p, t, 300); // warm-up
  const res = {};
  for (let round = 0; round < 3; round++)
    for (const [name, p, t] of paths) {
      const c0 = cpu(api.pid);
      const w0 = performance.now();
      const r = await runN(p, t, N / 3);
      const c1 = cpu(api.pid);
      res[name] ??= { cpu: 0, wall: 0, n: 0, bad: 0 };
      res[name].cpu += c1 - c0;
      res[name].wall += performance.now() - w0;
      res[name].n += N / 3;
      res[name].bad += r.bad;
      res[name].bytes = r.bytes;
    }
  for (const [k, v] of Object.entries(res))
    console.log(
      `${k.padEnd(6)} API cpu ${(v.cpu / v.n).toFixed(3)} ms/req  (bytes ${v.bytes}, non-200 ${v.bad})`,
    );
  if (res.queue && res.bare)
    console.log(
      `queue-bare extra ${(res.queue.cpu / res.queue.n - res.bare.cpu / res.bare.n).toFixed(3)} ms/req`,
    );
} finally {
  agent.destroy();
  await api.stop();
  await cluster.stop();
}
