import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { WebhookAllowEntry } from '../../../config/config-namespaces.js';
import {
  checkTarget,
  TargetRefusedError,
  type CheckedTarget,
  type Resolver,
} from './ssrf-guard.js';

/** What the log keeps of an answer's body. */
export const RESPONSE_EXCERPT_BYTES = 4096;
/** Redirects followed per attempt, each checked like the first target. */
export const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface PostOptions {
  readonly allow: readonly WebhookAllowEntry[];
  readonly timeoutMs: number;
  readonly resolve?: Resolver;
}

export interface PostResult {
  /** The final answer's status; null when there was none. */
  readonly statusCode: number | null;
  readonly durationMs: number;
  readonly excerpt: string | null;
  /** Why it failed, in words; null for a 2xx. */
  readonly error: string | null;
  /** The SSRF guard refused a target: retrying will not help. */
  readonly refused: boolean;
}

interface HopAnswer {
  readonly statusCode: number;
  readonly location: string | null;
  readonly excerpt: string;
}

/**
 * POSTs a webhook message. Every hop (the URL, then each redirect, at most MAX_REDIRECTS) is
 * checked by the SSRF guard after DNS resolution, and the connection goes to the address that
 * was checked: the request's `lookup` answers with it, so nothing resolves the name a second
 * time (TLS still verifies the certificate against the name). A redirect is followed with the
 * same POST and body: a webhook receiver has nothing to GET. The whole attempt, redirects
 * included, ends after `timeoutMs`; only the first RESPONSE_EXCERPT_BYTES of a body are read.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: PostOptions,
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const deadline = AbortSignal.timeout(options.timeoutMs);
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { statusCode: null, durationMs: 0, excerpt: null, error: 'invalid URL', refused: true };
  }
  for (let hop = 0; ; hop++) {
    let answer: HopAnswer;
    try {
      const target = await checkTarget(current, options.allow, options.resolve);
      if (deadline.aborted) throw deadline.reason;
      answer = await send(target, body, headers, deadline);
    } catch (e) {
      const refused = e instanceof TargetRefusedError;
      const prefix = hop > 0 ? `redirect ${hop} to ${current.host}: ` : '';
      return {
        statusCode: null,
        durationMs: elapsed(),
        excerpt: null,
        error: prefix + (refused ? `refused: ${e.message}` : failureText(e, options.timeoutMs)),
        refused,
      };
    }
    if (REDIRECTS.has(answer.statusCode) && answer.location !== null) {
      if (hop >= MAX_REDIRECTS) {
        return {
          statusCode: answer.statusCode,
          durationMs: elapsed(),
          excerpt: answer.excerpt,
          error: `more than ${MAX_REDIRECTS} redirects`,
          refused: false,
        };
      }
      try {
        current = new URL(answer.location, current);
      } catch {
        return {
          statusCode: answer.statusCode,
          durationMs: elapsed(),
          excerpt: answer.excerpt,
          error: 'a redirect to an invalid URL',
          refused: false,
        };
      }
      continue;
    }
    const ok = answer.statusCode >= 200 && answer.statusCode < 300;
    return {
      statusCode: answer.statusCode,
      durationMs: elapsed(),
      excerpt: answer.excerpt,
      error: ok ? null : `the receiver answered ${answer.statusCode}`,
      refused: false,
    };
  }
}

function send(
  target: CheckedTarget,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<HopAnswer> {
  // Answers every lookup with the address the guard checked (both call shapes: `all` or not).
  const pinned: LookupFunction = (_host, opts, callback) => {
    const all = typeof opts === 'object' && opts !== null && (opts as { all?: boolean }).all;
    if (all) {
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    } else {
      callback(null, target.address, target.family);
    }
  };
  const url = target.url;
  const requestFn = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<HopAnswer>((resolve, reject) => {
    const req = requestFn(
      {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: target.port,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        lookup: pinned,
        agent: false,
        signal,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(body)),
          'User-Agent': 'Relaydesk-Webhooks/1',
          ...headers,
        },
      },
      (res) => {
        readExcerpt(res)
          .then((excerpt) =>
            resolve({
              statusCode: res.statusCode ?? 0,
              location: typeof res.headers.location === 'string' ? res.headers.location : null,
              excerpt,
            }),
          )
          .catch(reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The first RESPONSE_EXCERPT_BYTES of the body; the rest is not read (the socket is dropped). */
function readExcerpt(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      const text = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8');
      resolve(text.replace(/\uFFFD$/, ''));
    };
    res.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= RESPONSE_EXCERPT_BYTES) {
        res.removeAllListeners('data');
        res.destroy();
        done();
      }
    });
    res.on('end', done);
    res.on('error', (e) => (size >= RESPONSE_EXCERPT_BYTES ? undefined : reject(e)));
  });
}

function failureText(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; code?: string; message?: string };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError' || err?.code === 'ABORT_ERR') {
    return `no answer within ${timeoutMs} ms`;
  }
  if (err?.code) return `connection failed: ${err.code}`;
  return `connection failed: ${err?.message ?? String(e)}`;
}
