import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { TestApp } from './test-app';
import { PERSONA_NAMES, type Persona, type PersonaName, type World } from './personas';

/** The committed OpenAPI document, which the drift test keeps equal to the code. */
export const OPENAPI_PATH = join(__dirname, '../../../../openapi.json');

/** Operations that are not part of the authorization surface: health checks and the docs themselves. */
const OUTSIDE_THE_MATRIX = (path: string) =>
  path === '/api/health' || path.startsWith('/api/health/') || path.startsWith('/api/docs');

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface DocumentedOperation {
  /** `GET /api/v1/tickets/{id}`, the same spelling as a row's key. */
  key: string;
  /** The response codes the document declares for it. */
  statuses: number[];
}

export function documentedOperations(file = OPENAPI_PATH): DocumentedOperation[] {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
  };
  const ops: DocumentedOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (OUTSIDE_THE_MATRIX(path)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!HTTP_METHODS.includes(method)) continue;
      ops.push({
        key: `${method.toUpperCase()} ${path}`,
        statuses: Object.keys(op.responses ?? {}).map(Number),
      });
    }
  }
  return ops;
}

export type Expected = Record<PersonaName, number>;

/** One row of the matrix, in the column order of the table in the spec. */
export function statuses(
  anonymous: number,
  clientA: number,
  clientB: number,
  agent: number,
  departmentHead: number,
  dispatcher: number,
  admin: number,
): Expected {
  return { anonymous, clientA, clientB, agent, departmentHead, dispatcher, admin };
}

/**
 * Who sends a cell's request:
 * - `persona`: the persona's own token from the world (read-only and object-scoped writes);
 * - `new-session`: the persona on a session of its own (logout ends the session it is sent on);
 * - `look-alike`: a fresh user with the persona's role and placement (a password change logs the
 *   user's other sessions out, which would end the world's tokens for every later cell).
 */
export type CallerMode = 'persona' | 'new-session' | 'look-alike';

export interface Caller {
  id: string;
  email: string;
  token: string;
}

export interface CellContext {
  t: TestApp;
  w: World;
  persona: PersonaName;
  /** null for the anonymous column. */
  caller: Caller | null;
}

export interface PreparedRequest {
  path: string;
  body?: object;
  /** A multipart upload, sent in the `file` field. */
  file?: { name: string; content: Buffer };
  /**
   * Reads the state the request would change. A refused request must leave it as it was, and a
   * successful write must change it, so a 403 that still wrote, or a 2xx that did nothing, fails.
   */
  probe?: () => Promise<unknown>;
}

export interface MatrixRow {
  method: Method;
  /** The path template exactly as in openapi.json. */
  path: string;
  caller?: CallerMode;
  /** Builds fresh fixtures and the concrete request; called once per cell. */
  prepare: (ctx: CellContext) => Promise<PreparedRequest>;
  expect: Expected;
  /**
   * `false` for a POST that stores nothing (a preview): its probe must stay the same whatever
   * the answer, where a write's must change exactly when it succeeds.
   */
  writes?: false;
}

export const rowKey = (row: Pick<MatrixRow, 'method' | 'path'>) => `${row.method} ${row.path}`;

/** The concrete paths a template stands for: each `{param}` is one non-empty segment. */
export function templatePattern(template: string): RegExp {
  const escaped = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/?]+');
  return new RegExp(`^${escaped}(\\?.*)?$`);
}

const uniq = () => randomBytes(4).toString('hex');

/** A new user placed like `persona`, for cells whose request changes the caller's own account. */
async function lookAlike(t: TestApp, w: World, persona: PersonaName): Promise<Caller> {
  const f = t.factory;
  let seed: Parameters<typeof f.user>[0];
  switch (persona) {
    case 'clientA':
      seed = { role: 'client', organizationId: w.orgA.id };
      break;
    case 'clientB':
      seed = { role: 'client', organizationId: w.orgB.id };
      break;
    case 'agent':
    case 'departmentHead':
      seed = { role: 'agent' };
      break;
    case 'dispatcher':
      seed = { role: 'dispatcher' };
      break;
    case 'admin':
      seed = { role: 'admin' };
      break;
    case 'anonymous':
      throw new Error('anonymous has no account');
  }
  const u = await f.user({ ...seed, name: `${persona} look-alike ${uniq()}` });
  if (persona === 'agent') {
    await t.db.query('INSERT INTO group_members (group_id, user_id) VALUES ($1, $2)', [
      w.group.id,
      u.id,
    ]);
  }
  if (persona === 'departmentHead') await f.department(`Dept of ${u.email}`, u.id);
  return { id: u.id, email: u.email, token: await t.tokenFor(u.id) };
}

export async function callerFor(
  t: TestApp,
  w: World,
  persona: PersonaName,
  mode: CallerMode = 'persona',
): Promise<Caller | null> {
  if (persona === 'anonymous') return null;
  const p: Persona = w[persona];
  if (mode === 'persona') return p;
  if (mode === 'new-session') return { ...p, token: await t.tokenFor(p.id) };
  return lookAlike(t, w, persona);
}

export interface CellResult {
  status: number;
  contentType: string;
  body: unknown;
}

/** Reads any body as bytes (downloads are binary), then decodes JSON when it is JSON. */
function rawBody(res: unknown, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as IncomingMessage;
  // The live event stream never ends by itself: its first frame is enough to judge the cell.
  if (String(stream.headers['content-type']).startsWith('text/event-stream')) {
    stream.once('data', (c: Buffer) => {
      stream.destroy();
      done(null, c);
    });
    return;
  }
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

export async function send(
  t: TestApp,
  method: Method,
  req: PreparedRequest,
  caller: Caller | null,
): Promise<CellResult> {
  const http = t.http();
  let r =
    method === 'GET'
      ? http.get(req.path)
      : method === 'POST'
        ? http.post(req.path)
        : method === 'PUT'
          ? http.put(req.path)
          : method === 'PATCH'
            ? http.patch(req.path)
            : http.delete(req.path);
  if (caller) r = r.set('Authorization', `Bearer ${caller.token}`);
  r = r.buffer(true).parse(rawBody);
  if (req.file) {
    r = r.attach('file', req.file.content, {
      filename: req.file.name,
      contentType: 'application/octet-stream',
    });
  } else if (req.body !== undefined) {
    r = r.send(req.body);
  }
  const res = await r;
  const contentType = String(res.headers['content-type'] ?? '');
  const bytes = res.body as Buffer;
  let body: unknown = bytes;
  if (/json/.test(contentType) && bytes.length > 0) body = JSON.parse(bytes.toString('utf8'));
  return { status: res.status, contentType, body };
}

/**
 * What a cell's result looks like in the row's actual-vs-expected record: the status, plus a
 * note when an error is not a problem+json document carrying the same status.
 */
export function describeResult(res: CellResult): number | string {
  if (res.status < 400) return res.status;
  const problem = res.body as { status?: unknown } | null;
  if (!/^application\/problem\+json/.test(res.contentType)) {
    return `${res.status} (not problem+json: ${res.contentType || 'no content type'})`;
  }
  if (problem?.status !== res.status)
    return `${res.status} (problem says ${String(problem?.status)})`;
  return res.status;
}

export const PERSONAS: readonly PersonaName[] = PERSONA_NAMES;

/** A valid 1x1 PNG: an upload every role may make when it may see the ticket. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Everything a request on a ticket can change: the row and what hangs off it. */
export async function ticketState(t: TestApp, ticketId: string): Promise<unknown> {
  const [row] = (await t.db.query(
    `SELECT t.version, t.status, t.assignee_id, t.group_id, t.needs_reply, t.subject,
            t.updated_at::text AS updated_at,
            (SELECT count(*)::int FROM ticket_events e WHERE e.ticket_id = t.id) AS events,
            (SELECT count(*)::int FROM ticket_comments c WHERE c.ticket_id = t.id) AS comments,
            (SELECT count(*)::int FROM attachments a WHERE a.ticket_id = t.id) AS attachments
       FROM tickets t WHERE t.id = $1`,
    [ticketId],
  )) as unknown[];
  return row;
}

/** The version and update time of one row of a versioned table. */
export async function rowState(t: TestApp, table: string, id: string): Promise<unknown> {
  const [row] = (await t.db.query(
    `SELECT version, updated_at::text AS updated_at FROM ${table} WHERE id = $1`,
    [id],
  )) as unknown[];
  return row;
}

export async function rowCount(t: TestApp, table: string): Promise<number> {
  const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[];
  return n;
}
