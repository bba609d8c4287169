// One measured scenario with autocannon: a warm-up run, then the measured run with every
// latency recorded (autocannon's own summary has no p95) and every status code counted.
import http from 'node:http';
import autocannon from 'autocannon';

let current = null;
let currentAgent = null;
let stopped = false;

/** Stops the run in progress (its requests in flight too) and refuses new ones (Ctrl-C). */
export function stopLoad() {
  stopped = true;
  current?.stop();
  currentAgent?.destroy();
}

/**
 * @param {{ baseUrl: string, method: 'GET' | 'POST', path: string, token?: string,
 *   body?: object, uniqueBody?: boolean, connections: number, seconds: number,
 *   warmupSeconds: number, expectStatus: number }} s
 * `uniqueBody` replaces "[<id>]" in the body with a fresh id on every request. `requests`
 * (autocannon's, with setupRequest/onResponse) makes each request from state; `beforeRun` and
 * `afterRun` run before and after every autocannon run (the transition pool reads back tickets
 * left in flight; the fan-out row switches the notification fan-out on and off).
 */
export async function measure(s) {
  const raw = newRaw(s);
  if (s.warmupSeconds > 0) await warmUp(s);
  await measureInto(raw, s, s.seconds);
  return summarize(raw);
}

async function warmUp(s) {
  await s.beforeRun?.();
  await run({ ...autocannonOptions(s), duration: s.warmupSeconds }, null);
  await s.afterRun?.();
}

/**
 * Measures several scenarios in alternation, `rounds` times each for `s.seconds / rounds`
 * seconds (each warmed up once, before its first round), so that a scenario and the baseline
 * it is compared with see the same machine: on a shared 2-core machine, two back-to-back
 * 15-second runs of the same route differed by up to 30%.
 * @returns one summary per scenario, in the order given
 */
export async function measureAlternating(scenarios, rounds) {
  const raws = scenarios.map(newRaw);
  for (let round = 0; round < rounds; round++) {
    for (const [i, s] of scenarios.entries()) {
      if (round === 0 && s.warmupSeconds > 0) await warmUp(s);
      await measureInto(raws[i], s, Math.max(1, Math.round(s.seconds / rounds)));
    }
  }
  return raws.map(summarize);
}

/**
 * A GET at a fixed arrival rate: `s.connections` senders share a keep-alive pool of as many
 * sockets, and each sender sends one request every `connections / rate` seconds from a random
 * phase, so arrivals are spread evenly (autocannon's own rate limit releases each second's quota
 * at once, which measures bursts). Latency counts from the scheduled send time, so a request that
 * had to wait for the one before it is charged that wait (no coordinated omission); req/s is
 * answers per second of real elapsed time, so a server that falls behind shows it.
 * @param {{ baseUrl: string, path: string, token?: string, connections: number, rate: number,
 *   seconds: number, warmupSeconds: number, expectStatus: number }} s
 */
export async function measurePaced(s) {
  const raw = newRaw(s);
  if (s.warmupSeconds > 0) await paced(s, s.warmupSeconds, null);
  await paced(s, s.seconds, raw);
  return summarize(raw);
}

async function paced(s, seconds, raw) {
  if (stopped) throw new Error('the benchmark was stopped');
  const agent = new http.Agent({ keepAlive: true, maxSockets: s.connections });
  currentAgent = agent;
  const url = new URL(`${s.baseUrl}${s.path}`);
  const headers = s.token ? { authorization: `Bearer ${s.token}` } : {};
  const interval = (s.connections / s.rate) * 1000;
  const start = performance.now() + 50;
  const end = start + seconds * 1000;
  /** Resolves with the status code, or with the error of a request that got no answer. */
  const get = () =>
    new Promise((resolveGet) => {
      const req = http.get(url, { agent, headers }, (res) => {
        res.resume();
        res.on('end', () => resolveGet({ status: res.statusCode }));
        res.on('error', (error) => resolveGet({ error }));
      });
      req.setTimeout(30_000, () =>
        req.destroy(Object.assign(new Error('timeout'), { timeout: true })),
      );
      req.on('error', (error) => resolveGet({ error }));
    });
  const worker = async () => {
    let due = start + Math.random() * interval;
    while (due < end && !stopped) {
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const answer = await get();
      if (raw) record(raw, s, answer, performance.now() - due);
      due += interval;
    }
  };
  try {
    await Promise.all(Array.from({ length: s.connections }, worker));
  } finally {
    agent.destroy();
    if (currentAgent === agent) currentAgent = null;
  }
  if (raw) raw.seconds += (performance.now() - start) / 1000;
}

function record(raw, s, answer, latencyMs) {
  if (answer.error) {
    // As autocannon counts them: every error, timeouts also on their own.
    raw.errors++;
    if (answer.error.timeout) raw.timeouts++;
    if (raw.samples.length < 3) raw.samples.push(`request error: ${answer.error.message}`);
    return;
  }
  raw.latencies.push(latencyMs);
  raw.statuses[answer.status] = (raw.statuses[answer.status] ?? 0) + 1;
  if (answer.status !== s.expectStatus && raw.samples.length < 3) {
    raw.samples.push(`status ${answer.status}`);
  }
}

function autocannonOptions(s) {
  return {
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
    ...(s.requests ? { requests: s.requests } : {}),
  };
}

function newRaw(s) {
  return {
    connections: s.connections,
    expectStatus: s.expectStatus,
    seconds: 0,
    latencies: [],
    statuses: {},
    errors: 0,
    timeouts: 0,
    samples: [],
  };
}

async function measureInto(raw, s, seconds) {
  await s.beforeRun?.();
  const result = await run(
    { ...autocannonOptions(s), duration: seconds },
    (instance) => {
      instance.on('response', (_client, status, _bytes, ms) => {
        raw.latencies.push(ms);
        raw.statuses[status] = (raw.statuses[status] ?? 0) + 1;
      });
      instance.on('reqError', (error) => {
        if (raw.samples.length < 3) raw.samples.push(`request error: ${error.message}`);
      });
    },
    (status, body) => {
      if (status !== s.expectStatus && raw.samples.length < 3) {
        raw.samples.push(`${status}: ${String(body).slice(0, 300)}`);
      }
    },
  );
  raw.seconds += result.duration;
  raw.errors += result.errors;
  raw.timeouts += result.timeouts;
  await s.afterRun?.();
}

function summarize(raw) {
  const latencies = raw.latencies.sort((a, b) => a - b);
  const expected = raw.statuses[raw.expectStatus] ?? 0;
  const total = Object.values(raw.statuses).reduce((a, b) => a + b, 0);
  return {
    connections: raw.connections,
    seconds: round(raw.seconds, 2),
    requests: total,
    reqPerSec: round(expected / raw.seconds, 1),
    latencyMs: {
      p50: round(percentile(latencies, 50), 2),
      p95: round(percentile(latencies, 95), 2),
      p99: round(percentile(latencies, 99), 2),
      max: round(latencies.at(-1) ?? NaN, 2),
      mean: round(latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1), 2),
    },
    statuses: raw.statuses,
    unexpected: total - expected,
    errors: raw.errors,
    timeouts: raw.timeouts,
    errorSamples: raw.samples,
  };
}

function run(options, attach, onResponse) {
  if (stopped) return Promise.reject(new Error('the benchmark was stopped'));
  const requests = options.requests ?? [{ method: options.method }];
  const opts = onResponse
    ? {
        ...options,
        requests: requests.map((r) => ({
          ...r,
          onResponse: (status, body, context, headers) => {
            r.onResponse?.(status, body, context, headers);
            onResponse(status, body);
          },
        })),
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
