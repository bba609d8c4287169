// One measured scenario with autocannon: a warm-up run, then the measured run with every
// latency recorded (autocannon's own summary has no p95) and every status code counted.
import autocannon from 'autocannon';

let current = null;
let stopped = false;

/** Stops the autocannon run in progress and refuses new ones (Ctrl-C). */
export function stopLoad() {
  stopped = true;
  current?.stop();
}

/**
 * @param {{ baseUrl: string, method: 'GET' | 'POST', path: string, token?: string,
 *   body?: object, uniqueBody?: boolean, connections: number, seconds: number,
 *   warmupSeconds: number, expectStatus: number }} s
 * `uniqueBody` replaces "[<id>]" in the body with a fresh id on every request.
 */
export async function measure(s) {
  const options = {
    url: `${s.baseUrl}${s.path}`,
    method: s.method,
    connections: s.connections,
    headers: {
      ...(s.token ? { authorization: `Bearer ${s.token}` } : {}),
      ...(s.body ? { 'content-type': 'application/json' } : {}),
    },
    body: s.body ? JSON.stringify(s.body) : undefined,
    idReplacement: Boolean(s.uniqueBody),
    timeout: 30,
  };
  if (s.warmupSeconds > 0) await run({ ...options, duration: s.warmupSeconds }, null);

  const latencies = [];
  const statuses = {};
  const samples = [];
  const result = await run(
    { ...options, duration: s.seconds },
    (instance) => {
      instance.on('response', (_client, status, _bytes, ms) => {
        latencies.push(ms);
        statuses[status] = (statuses[status] ?? 0) + 1;
      });
      instance.on('reqError', (error) => {
        if (samples.length < 3) samples.push(`request error: ${error.message}`);
      });
    },
    (status, body) => {
      if (status !== s.expectStatus && samples.length < 3) {
        samples.push(`${status}: ${String(body).slice(0, 300)}`);
      }
    },
  );

  latencies.sort((a, b) => a - b);
  const expected = statuses[s.expectStatus] ?? 0;
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    connections: s.connections,
    seconds: result.duration,
    requests: total,
    reqPerSec: round(expected / result.duration, 1),
    latencyMs: {
      p50: round(percentile(latencies, 50), 2),
      p95: round(percentile(latencies, 95), 2),
      p99: round(percentile(latencies, 99), 2),
      max: round(latencies.at(-1) ?? NaN, 2),
      mean: round(latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1), 2),
    },
    statuses,
    unexpected: total - expected,
    errors: result.errors,
    timeouts: result.timeouts,
    errorSamples: samples,
  };
}

function run(options, attach, onResponse) {
  if (stopped) return Promise.reject(new Error('the benchmark was stopped'));
  const opts = onResponse
    ? {
        ...options,
        requests: [{ method: options.method, onResponse }],
      }
    : options;
  const instance = autocannon(opts);
  current = instance;
  attach?.(instance);
  return Promise.resolve(instance).finally(() => {
    if (current === instance) current = null;
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

function round(n, digits) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
