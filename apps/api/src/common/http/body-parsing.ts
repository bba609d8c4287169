import { isUtf8 } from 'node:buffer';
import express, { type NextFunction, type Request, type Response } from 'express';
import { problem, sendProblem } from '../errors/problem.js';
import { rawBodyRead } from './raw-body.js';

/**
 * Deepest nesting of arrays and objects a JSON body may have; no endpoint needs more than a few.
 * What walks a body recursively relies on it: class-transformer and class-validator (the global
 * ValidationPipe). Our own walks over request data use explicit stacks (findUnstorableValue here,
 * canonical() of the idempotency interceptor, flatten() of the validation errors); the custom
 * field validator, the rule matcher and the workflow spec validator only look one level deep.
 */
export const MAX_JSON_DEPTH = 32;

/** Keys that could reach an object's prototype when some library copies a body into a class. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Raised by the byte scan; body-parser hands it back to us as the parse error. */
class BodyShapeError extends Error {
  constructor(
    readonly status: 400 | 415,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

interface Container {
  keys: Set<string> | null; // null for arrays
  expectKey: boolean;
}

/**
 * Checks the raw JSON text before JSON.parse sees it, in one pass and without recursion: valid
 * UTF-8, nesting no deeper than MAX_JSON_DEPTH, no key twice in one object (JSON.parse would keep
 * the last one silently, which a proxy in front of us may read differently) and no key that names
 * a prototype. Multi-byte UTF-8 sequences never contain ASCII bytes, so scanning bytes is exact.
 * Malformed JSON is left for JSON.parse to reject.
 */
export function checkJsonText(buf: Buffer): void {
  if (!isUtf8(buf)) throw new BodyShapeError(400, 'The body is not valid UTF-8');
  const stack: Container[] = [];
  let inString = false;
  let escaped = false;
  let stringStart = 0;
  for (let i = 0; i < buf.length; i++) {
    const byte = buf[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (byte === BACKSLASH) escaped = true;
      else if (byte === QUOTE) {
        inString = false;
        const top = stack.at(-1);
        if (top?.keys && top.expectKey) {
          top.expectKey = false;
          checkKey(buf, stringStart, i, top.keys);
        }
      }
      continue;
    }
    switch (byte) {
      case QUOTE:
        inString = true;
        stringStart = i;
        break;
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        if (stack.length >= MAX_JSON_DEPTH) {
          throw new BodyShapeError(
            400,
            `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`,
          );
        }
        stack.push({ keys: byte === OPEN_OBJECT ? new Set() : null, expectKey: true });
        break;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        stack.pop();
        break;
      case COMMA: {
        const top = stack.at(-1);
        if (top?.keys) top.expectKey = true;
        break;
      }
      case COLON:
        break;
    }
  }
}

function checkKey(buf: Buffer, start: number, end: number, keys: Set<string>): void {
  let key: string;
  try {
    key = JSON.parse(buf.toString('utf8', start, end + 1)) as string;
  } catch {
    return; // a malformed string: JSON.parse of the whole body reports it
  }
  if (FORBIDDEN_KEYS.has(key)) {
    throw new BodyShapeError(400, `The key "${key}" is not allowed in a body`, key);
  }
  if (keys.has(key)) {
    throw new BodyShapeError(400, `The key "${key}" appears twice in one object`, key);
  }
  keys.add(key);
}

/**
 * A UTF-16 surrogate without its pair (`"\ud800"` is valid JSON): text no UTF-8 column can hold.
 * The driver would silently turn it into U+FFFD in a text column, and PostgreSQL refuses it in a
 * jsonb one (translated names, custom fields, conditions) with an error that became a 400 of the
 * database safety net. With the `u` flag a well-formed pair is one code point and never matches.
 */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const NOT_UNICODE = 'contains a lone UTF-16 surrogate (not well-formed Unicode)';

interface Found {
  field: string;
  message: string;
}

/**
 * The first value PostgreSQL or our number handling cannot take as sent: a NUL byte in a string
 * or key, a number that overflowed to Infinity (`1e400`) or an integer beyond 2^53 that JSON.parse
 * already rounded. Walks with an explicit stack: the depth is bounded by checkJsonText for bodies,
 * and the query string is flat, but nothing here trusts that.
 */
export function findUnstorableValue(root: unknown): Found | null {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: root, path: '', depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    const field = path || '(root)';
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { field, message: 'contains a NUL byte' };
      if (LONE_SURROGATE.test(value)) return { field, message: NOT_UNICODE };
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { field, message: 'is not a finite number' };
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
        return { field, message: 'is an integer too large to be exact' };
      }
    } else if (value && typeof value === 'object') {
      if (depth >= MAX_JSON_DEPTH) return { field, message: 'is nested too deeply' };
      const entries = Array.isArray(value)
        ? value.map((v, i) => [`${path}[${i}]`, v] as const)
        : Object.entries(value).map(([k, v]) => [path ? `${path}.${k}` : k, v, k] as const);
      // Pushed in reverse so the first offending value in document order is reported.
      for (let i = entries.length - 1; i >= 0; i--) {
        const [childPath, child, key] = entries[i] as readonly [string, unknown, string?];
        if (key?.includes('\u0000')) return { field: childPath, message: 'contains a NUL byte' };
        if (key && LONE_SURROGATE.test(key)) return { field: childPath, message: NOT_UNICODE };
        stack.push({ value: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  return null;
}

const JSON_TYPES = ['application/json', 'application/*+json'];

interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * JSON body parsing with our own error answers: body-parser's errors happen before Nest's
 * routing, so Nest's exception filter never sees them. Every failure here ends in a problem
 * answer; an unexpected error goes to `next`, which Nest routes to the exception filter.
 */
export function jsonBodyMiddleware(limitBytes: number) {
  const parse = express.json({
    limit: limitBytes,
    type: JSON_TYPES,
    verify: (_req, _res, buf) => checkJsonText(buf),
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    // A route's own reader (rawBodyMiddleware) took it already.
    if (rawBodyRead(req)) {
      next();
      return;
    }
    const refusal = mediaTypeRefusal(req);
    if (refusal) {
      sendProblem(res, problem(415, refusal));
      return;
    }
    // body-parser would read (and discard) all of an announced oversize body before answering.
    if (req.is(JSON_TYPES) && Number(req.headers['content-length']) > limitBytes) {
      sendProblem(res, tooLarge(limitBytes));
      return;
    }
    parse(req, res, (err?: unknown) => {
      try {
        if (err) {
          sendProblem(res, parseFailure(err, limitBytes));
          return;
        }
        const found = findUnstorableValue(req.body) ?? findUnstorableValue(req.query);
        if (found) {
          const message =
            found.message === 'contains a NUL byte'
              ? 'Text must not contain NUL bytes'
              : `The value of ${found.field} cannot be used`;
          sendProblem(res, problem(400, message, { errors: [found] }));
          return;
        }
        next();
      } catch (e) {
        next(e);
      }
    });
  };
}

/** Bodies the API reads: JSON everywhere, multipart for uploads, the rating page's form. */
const READABLE_TYPES = [...JSON_TYPES, 'multipart/form-data', 'application/x-www-form-urlencoded'];

/**
 * Unlike type-is (req.is), an announced length of 0 is no body: clients send `Content-Length: 0`
 * with any or no Content-Type on POSTs that take none (take, logout).
 */
function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * A body of a type nothing reads would otherwise reach validation as "no body" and be answered
 * with a misleading list of missing fields. Only UTF-8 is taken: the byte scan above relies on it.
 */
function mediaTypeRefusal(req: Request): string | null {
  if (!hasBody(req)) return null;
  if (!req.headers['content-type'] || req.is(READABLE_TYPES) === false) {
    return 'Send the body as application/json (uploads as multipart/form-data)';
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'])?.[1];
  if (charset && charset.toLowerCase() !== 'utf-8' && charset.toLowerCase() !== 'utf8') {
    return 'Send JSON as UTF-8';
  }
  return null;
}

const tooLarge = (limitBytes: number) =>
  problem(413, `The JSON body is larger than ${limitBytes} bytes`);

function parseFailure(err: unknown, limitBytes: number) {
  // body-parser wraps what `verify` throws, keeping its message and fields.
  const e = err as BodyParserError & Partial<BodyShapeError>;
  if (e instanceof BodyShapeError || e.type === 'entity.verify.failed') {
    const status = e.status === 415 ? 415 : 400;
    const message = e instanceof Error ? e.message : 'The body is not valid JSON';
    return problem(status, message, {
      ...(e.field ? { errors: [{ field: e.field, message }] } : {}),
    });
  }
  if (e.type === 'entity.too.large') {
    return tooLarge(limitBytes);
  }
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    return problem(415, 'Send JSON as UTF-8');
  }
  return problem(400, 'The body is not valid JSON');
}
