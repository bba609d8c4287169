// The reverse proxy in front of `npm run cluster`'s API instances: what nginx does in
// docker/compose.yml, in node:http so the same topology runs where Docker does not.
//
// - Round robin over the instances that are not known to be down.
// - Passive health: an instance that refuses a connection is skipped for a while (doubling from
//   RETRY_AFTER_MS up to MAX_RETRY_AFTER_MS), then tried again by real traffic.
// - A request is retried on the next instance only when its connection was refused (or could
//   not be opened): nothing was sent, so even a POST cannot have happened twice. Any failure
//   after the connection opened is a 502 to the client, which may retry with its
//   Idempotency-Key; the balancer never replays a request body.
// - Nothing is buffered: the request body is piped upstream only once the connection is open.
import http from 'node:http';

const RETRY_AFTER_MS = 1000;
const MAX_RETRY_AFTER_MS = 10_000;
const CONNECT_TIMEOUT_MS = 3000;

/** Headers that belong to one connection, not to the message (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Errors that mean the connection never opened: the instance saw nothing of the request. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'CONNECT_TIMEOUT']);

function endToEndHeaders(headers) {
  const named = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.has(name)) continue;
    out[name] = value;
  }
  return out;
}

function problem(res, status, title, detail) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    'content-type': 'application/problem+json',
    'cache-control': 'no-store',
    ...(status === 503 ? { 'retry-after': '1' } : {}),
  });
  res.end(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

/**
 * @param {{ upstreams: { name: string, url: string }[], log?: (line: string) => void }} options
 *   upstreams: e.g. [{ name: 'api-1', url: 'http://127.0.0.1:41001' }]
 */
export function createBalancer({ upstreams, log = () => {} }) {
  const pool = upstreams.map((u) => {
    const url = new URL(u.url);
    return {
      name: u.name,
      host: url.hostname,
      port: Number(url.port),
      downUntil: 0,
      backoffMs: RETRY_AFTER_MS,
      served: 0,
    };
  });
  let cursor = 0;

  /** The next instance in turn that is not resting, skipping those in `tried`. */
  function pick(tried) {
    const now = Date.now();
    for (let i = 0; i < pool.length; i++) {
      const candidate = pool[(cursor + i) % pool.length];
      if (tried.has(candidate) || candidate.downUntil > now) continue;
      cursor = (pool.indexOf(candidate) + 1) % pool.length;
      return candidate;
    }
    return null;
  }

  function markDown(upstream, code) {
    const wasUp = upstream.downUntil <= Date.now();
    upstream.downUntil = Date.now() + upstream.backoffMs;
    if (wasUp)
      log(`${upstream.name} is down (${code}); trying it again in ${upstream.backoffMs} ms`);
    upstream.backoffMs = Math.min(upstream.backoffMs * 2, MAX_RETRY_AFTER_MS);
  }

  function markUp(upstream) {
    if (upstream.backoffMs !== RETRY_AFTER_MS) log(`${upstream.name} answers again`);
    upstream.downUntil = 0;
    upstream.backoffMs = RETRY_AFTER_MS;
  }

  function forward(req, res, tried) {
    const upstream = pick(tried);
    if (!upstream) {
      problem(res, 503, 'Service unavailable', 'No API instance is reachable; retry shortly');
      return;
    }
    tried.add(upstream);
    const client = req.socket.remoteAddress ?? '';
    const forwardedFor = req.headers['x-forwarded-for'];
    const headers = {
      ...endToEndHeaders(req.headers),
      'x-forwarded-for': forwardedFor ? `${forwardedFor}, ${client}` : client,
      'x-forwarded-proto': 'http',
      'x-forwarded-host': req.headers.host ?? '',
    };
    // A fresh connection per request (agent: false): a dead instance is then always a refused
    // connect, never a reused socket that fails after the request went out.
    const upstreamReq = http.request({
      host: upstream.host,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers,
      agent: false,
    });
    let connected = false;
    const connectTimer = setTimeout(
      () =>
        upstreamReq.destroy(
          Object.assign(new Error('connect timeout'), { code: 'CONNECT_TIMEOUT' }),
        ),
      CONNECT_TIMEOUT_MS,
    );
    upstreamReq.on('socket', (socket) => {
      const opened = () => {
        clearTimeout(connectTimer);
        connected = true;
        req.pipe(upstreamReq);
      };
      if (socket.connecting) socket.once('connect', opened);
      else opened();
    });
    upstreamReq.on('response', (upstreamRes) => {
      markUp(upstream);
      upstream.served++;
      res.writeHead(upstreamRes.statusCode ?? 502, endToEndHeaders(upstreamRes.headers));
      upstreamRes.pipe(res);
      upstreamRes.on('error', () => res.destroy());
    });
    upstreamReq.on('error', (err) => {
      clearTimeout(connectTimer);
      if (!connected && NOT_CONNECTED.has(err.code)) {
        markDown(upstream, err.code);
        forward(req, res, tried); // nothing was sent: safe for any method
        return;
      }
      // The instance may have acted on the request: never replay it here.
      log(
        `${upstream.name}: ${req.method} ${req.url?.split('?')[0]} failed after connecting (${err.code ?? err.message})`,
      );
      problem(
        res,
        502,
        'Bad gateway',
        'The API instance failed while answering; retry the request',
      );
    });
    // The client went away: stop the upstream exchange too.
    res.on('close', () => {
      if (!res.writableFinished) upstreamReq.destroy();
    });
  }

  const server = http.createServer((req, res) => forward(req, res, new Set()));
  return {
    server,
    /** Per instance: requests answered and whether it is resting. */
    stats: () =>
      pool.map((u) => ({ name: u.name, served: u.served, down: u.downUntil > Date.now() })),
  };
}
