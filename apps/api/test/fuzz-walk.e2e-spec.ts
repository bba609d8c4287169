import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import request from 'supertest';
import {
  doc,
  isType,
  resolveSchema,
  type Operation,
  type Schema,
} from './support/openapi-document';
import { startTestApp, type TestApp } from './support/test-app';
import { buildWorld, type World } from './support/personas';

/**
 * The attacker's walk: every operation in openapi.json, as an admin, as a client and
 * anonymously, with type-confused and hostile variants of each body property, query parameter,
 * path parameter and a few headers. Whatever comes back must be a 2xx/3xx or a 4xx problem+json,
 * never a 5xx, never a stack, SQL, internal path or an error the app had to log; and nothing of
 * another organization's ticket, comment or attachment may reach a client. Variants are chosen
 * by a seeded generator: a failure names its seed-determined request and repeats on every run.
 */

/** A schema resolved, and a oneOf/anyOf without a type of its own taken by its first branch. */
function resolve(schema: Schema): Schema {
  const s = resolveSchema(schema);
  if ((s.oneOf ?? s.anyOf) && !s.type) return resolve((s.oneOf ?? s.anyOf)![0]);
  return s;
}

/** mulberry32: a small seeded generator, so the walk sends the same requests on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    pick<T>(list: readonly T[], n: number): T[] {
      const copy = [...list];
      const out: T[] = [];
      while (out.length < n && copy.length > 0) {
        out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
      }
      return out;
    },
  };
}
const seedOf = (text: string) => {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
};

/** A valid-looking value, for the parts of a request that are not the one being attacked. */
function validValue(schema: Schema, ids: Record<string, string>, name = ''): unknown {
  const s = resolve(schema);
  if (s.enum) return s.enum[0];
  if (s.properties || isType(s, 'object')) {
    const out: Record<string, unknown> = {};
    for (const key of s.required ?? []) out[key] = validValue(s.properties?.[key] ?? {}, ids, key);
    return out;
  }
  if (isType(s, 'array')) {
    return Array.from({ length: s.minItems ?? 0 }, () => validValue(s.items ?? {}, ids));
  }
  if (isType(s, 'string')) {
    if (s.format === 'uuid') return ids[name] ?? randomUUID();
    if (s.format === 'date-time') return '2030-01-02T03:04:05Z';
    if (s.format === 'date') return '2030-01-02';
    if (s.format === 'email') return `fuzz-${name}@example.test`;
    if (typeof s.example === 'string') return s.example;
    return 'a'.repeat(Math.max(1, s.minLength ?? 1));
  }
  if (isType(s, 'integer') || isType(s, 'number')) return s.minimum ?? 1;
  if (isType(s, 'boolean')) return false;
  return null;
}

/** Paths of the properties below the top level of a body, arrays entered through item 0. */
function nestedPaths(schema: Schema): (string | number)[][] {
  const out: (string | number)[][] = [];
  const stack: { s: Schema; at: (string | number)[]; seen: Set<Schema> }[] = [
    { s: resolve(schema), at: [], seen: new Set() },
  ];
  while (stack.length > 0) {
    const { s, at, seen } = stack.pop()!;
    if (seen.has(s) || at.length > 6) continue;
    const inner = new Set(seen).add(s);
    if (at.length > 1) out.push(at);
    for (const [key, prop] of Object.entries(s.properties ?? {})) {
      stack.push({ s: resolve(prop), at: [...at, key], seen: inner });
    }
    if (s.items) stack.push({ s: resolve(s.items), at: [...at, 0], seen: inner });
    if (typeof s.additionalProperties === 'object' && at.length > 0) {
      stack.push({ s: resolve(s.additionalProperties), at: [...at, 'k'], seen: inner });
    }
  }
  return out.sort((x, y) => x.join('.').localeCompare(y.join('.')));
}

/** A copy of `body` with `value` at `at`, building valid-looking containers on the way. */
function bodyWith(schema: Schema, body: object, at: (string | number)[], value: unknown): unknown {
  const root = structuredClone(body) as Record<string | number, unknown>;
  let node = root;
  let s = resolve(schema);
  at.forEach((key, i) => {
    const child = resolve(
      typeof key === 'number'
        ? (s.items ?? {})
        : (s.properties?.[key] ??
            (typeof s.additionalProperties === 'object' ? s.additionalProperties : {})),
    );
    if (i === at.length - 1) {
      node[key] = value;
      return;
    }
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') {
      node[key] = isType(child, 'array') ? [] : validValue(child, {});
    }
    if (Array.isArray(node[key]) && (node[key] as unknown[]).length === 0) {
      (node[key] as unknown[]).push(validValue(child.items ?? {}, {}));
    }
    node = node[key] as Record<string | number, unknown>;
    s = child;
  });
  return root;
}

const LONG_UNICODE =
  '😀👩‍👩‍👧‍👦'.repeat(300) + 'שלום עולם\u202e'.repeat(50) + 'e\u0301\u0302\u0303'.repeat(200);

/** Hostile values of a body property, whatever its declared type. */
function bodyVariants(foreignId: string): [string, unknown][] {
  return [
    ['null', null],
    ['a number', 12345],
    ['a negative float', -1.5],
    ['a huge number', 1e308],
    ['a string', 'not-the-type'],
    ['"true"', 'true'],
    ['a boolean', true],
    ['an object', { a: 1 }],
    ['an empty object', {}],
    ['an empty array', []],
    ['an array', [1, 'two', null]],
    ['an array of objects', [{}, { x: [] }]],
    ['nested garbage', { a: [{ b: { c: [null, { d: 'e' }] } }], $where: '1' }],
    ['an empty string', ''],
    ['whitespace', ' \t\n\u00a0\u2003 '],
    ['long unicode', LONG_UNICODE],
    ['a lone surrogate', '\ud800x\udfff'],
    ['SQL metacharacters', "%_\\' OR '1'='1' --"],
    ['LIKE wildcards', '%%%___\\\\%'],
    ['a relative path', '../../../etc/passwd'],
    ['a date out of range', '99999-01-01T00:00:00Z'],
    ['year 0', '0000-01-01T00:00:00Z'],
    ['February 30', '2026-02-30T00:00:00Z'],
    ['a uuid of nothing', '00000000-0000-4000-8000-000000000000'],
    ["another org's id", foreignId],
    ['a uuid array of another org', [foreignId]],
  ];
}

const b64 = (text: string) => Buffer.from(text).toString('base64url');
/** Hostile values of a query parameter, as raw query-string fragments for `name`. */
function queryVariants(name: string, foreignId: string): [string, string][] {
  const n = encodeURIComponent(name);
  return [
    ['repeated', `${n}=1&${n}=2`],
    ['empty', `${n}=`],
    ['bare', n],
    ['bracket array', `${n}[]=a&${n}[]=b`],
    ['bracket object', `${n}[a][b]=c`],
    ['non-UTF-8', `${n}=%ff%fe`],
    ['a broken escape', `${n}=%E0%A4%A`],
    ['a huge number', `${n}=1${'0'.repeat(400)}`],
    ['negative', `${n}=-1`],
    ['NaN', `${n}=NaN`],
    ['Infinity', `${n}=Infinity`],
    ['year 0', `${n}=0000-01-01T00:00:00Z`],
    ['year 99999', `${n}=%2B099999-01-01T00:00:00Z`],
    ['February 30', `${n}=2026-02-30`],
    ['SQL/LIKE metacharacters', `${n}=${encodeURIComponent("%_\\'--")}`],
    ['long unicode', `${n}=${encodeURIComponent(LONG_UNICODE.slice(0, 600))}`],
    ['a garbage cursor', `${n}=!!!not-base64!!!`],
    ['base64 of garbage', `${n}=${b64('\u0000\u00ff garbage {')}`],
    ['base64 of a wrong-typed cursor', `${n}=${b64(JSON.stringify([{ a: 1 }, 42]))}`],
    [
      'base64 of a cursor with a huge value',
      `${n}=${b64(JSON.stringify(['99999-01-01T00:00:00Z', randomUUID()]))}`,
    ],
    ['base64 of a cursor with NaN', `${n}=${b64(JSON.stringify([1e400, randomUUID()]))}`],
    ['base64 of a cursor of strings', `${n}=${b64(JSON.stringify(['x', 'y']))}`],
    ['base64 of a cursor of a string', `${n}=${b64(JSON.stringify(['not a date', randomUUID()]))}`],
    ['base64 of a cursor of a number', `${n}=${b64(JSON.stringify([-1e300, randomUUID()]))}`],
    ["another org's id", `${n}=${foreignId}`],
  ];
}

function pathVariants(foreignId: string): [string, string][] {
  return [
    ['not a uuid', 'not-a-uuid'],
    ['a uuid of nothing', randomUUID()],
    ["another org's object", foreignId],
    ['an encoded slash', '..%2F..%2Fetc%2Fpasswd'],
    ['an encoded NUL', `${randomUUID()}%00`],
    ['non-UTF-8', '%ff%fe'],
    ['very long', 'a'.repeat(5000)],
    ['a number', '-1'],
    ['huge number', '9'.repeat(40)],
  ];
}

const HEADER_VARIANTS: [string, Record<string, string>][] = [
  ['If-Match garbage', { 'If-Match': '"not-a-version", W/"x", *' }],
  ['If-Match huge', { 'If-Match': '"99999999999999999999999"' }],
  ['Idempotency-Key spaces', { 'Idempotency-Key': 'has spaces in it' }],
  ['Idempotency-Key long', { 'Idempotency-Key': 'k'.repeat(300) }],
  ['Idempotency-Key SQL', { 'Idempotency-Key': "';DROP TABLE tickets;--" }],
  ['Accept-Language odd', { 'Accept-Language': 'xx-YY;q=abc, *;q=-1, ../../etc' }],
  ['Accept odd', { Accept: 'application/xml;q=2, */*;q=0' }],
  ['Content-Type text', { 'Content-Type': 'text/plain' }],
  ['Content-Type charset', { 'Content-Type': 'application/json; charset=latin1' }],
  ['Content-Type junk', { 'Content-Type': ';;;=' }],
  ['Content-Type multipart', { 'Content-Type': 'multipart/form-data' }],
  ['Authorization garbage', { Authorization: 'Bearer a.b.c' }],
];

const LEAK =
  /\bat [\w.<>]+ \(|\.(ts|js|mjs):\d+|node_modules|\/work\/|\/home\/|QueryFailedError|TypeORMError|EntityNotFound|\bSELECT\b.*\bFROM\b|INSERT INTO|syntax error at|violates|relation "|column "|TypeError|RangeError|SyntaxError|ReferenceError|Cannot read prop|undefined is not|ECONNREFUSED/i;
const SECRET = 'ORG-B-SECRET-7731';
/** The permissions guard's answer: the role may not call the operation at all. */
const ROLE_REFUSAL = /Your role does not allow this action/;
/** Answers of the database safety net in the error filter: input validation let it through. */
const SAFETY_NET = /A value has the wrong format or is out of range/;

interface Sent {
  label: string;
  status: number;
  type: string;
  text: string;
}

function problemsOf(r: Sent, client: boolean): string[] {
  const out: string[] = [];
  const where = `${r.label} -> ${r.status}`;
  if (r.status >= 500) out.push(`${where}: ${r.text.slice(0, 200)}`);
  if (r.status >= 400 && !/^application\/problem\+json/.test(r.type)) {
    out.push(`${where}: not problem+json (${r.type})`);
  }
  if (
    r.status >= 400 &&
    r.status < 500 &&
    ![400, 401, 403, 404, 405, 409, 413, 415, 422, 429].includes(r.status)
  ) {
    out.push(`${where}: unexpected status`);
  }
  if (LEAK.test(r.text))
    out.push(`${where}: leak ${LEAK.exec(r.text)?.[0]} in ${r.text.slice(0, 200)}`);
  if (SAFETY_NET.test(r.text)) out.push(`${where}: reached the database unvalidated`);
  if (client && r.text.includes(SECRET)) out.push(`${where}: another org's data`);
  return out;
}

type PersonaKey = 'admin' | 'client' | 'anonymous';

describe('fuzz walk over the OpenAPI document', () => {
  let t: TestApp;
  let w: World;
  let base: string;
  const logged: string[] = [];
  let sentCount = 0;
  const ids: Record<string, string> = {};
  const foreign: Record<string, string> = {};
  const tokens: Partial<Record<PersonaKey, string>> = {};

  beforeAll(async () => {
    const logger = pino(
      { level: 'error' },
      { write: (line: string) => void logged.push(line.slice(0, 500)) },
    );
    t = await startTestApp({}, logger);
    w = await buildWorld(t);
    const server = t.app.getHttpServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    tokens.admin = w.admin.token;
    tokens.client = w.clientA.token;

    // Org A's ticket (the client's own) and org B's, with a comment, a link and an attachment.
    const mine = await t.factory.ticket({ requesterId: w.clientA.id, organizationId: w.orgA.id });
    const theirs = await t.factory.ticket({
      requesterId: w.clientB.id,
      organizationId: w.orgB.id,
      subject: `${SECRET} subject`,
      description: `${SECRET} description`,
    });
    const theirOther = await t.factory.ticket({
      requesterId: w.clientB.id,
      organizationId: w.orgB.id,
    });
    const comment = await t.factory.comment(theirs.id, w.clientB.id, `${SECRET} comment`);
    const link = await request(base)
      .post(`/api/v1/tickets/${theirs.id}/links`)
      .set('Authorization', `Bearer ${w.agent.token}`)
      .send({ relation: 'related', ticketId: theirOther.id });
    const attachment = await request(base)
      .post(`/api/v1/tickets/${theirs.id}/attachments`)
      .set('Authorization', `Bearer ${w.admin.token}`)
      .attach('file', Buffer.from(`${SECRET} file`), {
        filename: `${SECRET}.txt`,
        contentType: 'text/plain',
      });
    expect([link.status, attachment.status]).toEqual([201, 201]);
    Object.assign(foreign, {
      ticket: theirs.id,
      comment: comment.id,
      attachment: attachment.body.id as string,
      link: link.body.id as string,
      user: w.clientB.id,
      organization: w.orgB.id,
    });
    ids.ticket = mine.id;
    ids.fuzzUser = (await t.factory.user({ role: 'agent', name: 'Fuzz target' })).id;
    // Real ids for the other collections, so path-fuzzed requests reach the services.
    for (const path of Object.keys(doc.paths)) {
      const m = /^\/api\/v1\/([\w/-]+)\/\{id\}$/.exec(path);
      if (!m || !doc.paths[`/api/v1/${m[1]}`]?.get) continue;
      const res = await request(base)
        .get(`/api/v1/${m[1]}`)
        .set('Authorization', `Bearer ${w.admin.token}`);
      const items = (Array.isArray(res.body) ? res.body : res.body?.items) as { id: string }[];
      if (items?.[0]?.id) ids[m[1]] = items[0].id;
    }
    ids.tickets = mine.id;
    ids.users = ids.fuzzUser;
  });
  afterAll(async () => {
    await t.close();
  });

  /** The id for a path parameter of `path`, the client's own where it has one. */
  function idFor(path: string, param: string): string {
    if (path.startsWith('/api/v1/tickets/{id}') && param === 'id') return ids.ticket;
    if (param === 'id') {
      const collection = /^\/api\/v1\/([\w/-]+)\/\{id\}/.exec(path)?.[1] ?? '';
      return ids[collection] ?? randomUUID();
    }
    if (param === 'number') return '1';
    if (param === 'key') return 'simple';
    return randomUUID();
  }

  function urlOf(path: string, override: Record<string, string> = {}): string {
    return path.replace(/\{(\w+)\}/g, (_m, name: string) =>
      name in override ? override[name] : encodeURIComponent(idFor(path, name)),
    );
  }

  async function send(
    label: string,
    method: string,
    url: string,
    persona: PersonaKey,
    opts: { body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ): Promise<Sent> {
    sentCount++;
    let req = request(base)[method as 'get'](url);
    const token = persona === 'anonymous' ? undefined : tokens[persona];
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    req = req.set('Accept', 'application/json');
    for (const [k, v] of Object.entries(opts.headers ?? {})) req = req.set(k, v);
    if (opts.raw !== undefined) req = req.send(opts.raw);
    else if (opts.body !== undefined) req = req.send(opts.body as object);
    const res = await req.buffer(true).parse((r, cb) => {
      let data = '';
      r.setEncoding('utf8');
      // The live event stream never ends by itself: its first frame is what it answered.
      if (String(r.headers['content-type']).startsWith('text/event-stream')) {
        r.once('data', (c: string) => {
          (r as unknown as { destroy(): void }).destroy();
          cb(null, c);
        });
        return;
      }
      r.on('data', (c: string) => (data += c));
      r.on('end', () => cb(null, data));
    });
    return {
      label: `${persona} ${method.toUpperCase()} ${url.slice(0, 120)} [${label}]`,
      status: res.status,
      type: res.headers['content-type'] ?? '',
      text: String(res.body ?? ''),
    };
  }

  /** Tokens that a write may have revoked (logout, sign out everywhere) are minted again. */
  async function freshTokens() {
    tokens.admin = await t.tokenFor(w.admin.id);
    tokens.client = await t.tokenFor(w.clientA.id);
  }

  const OPERATIONS = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );

  it('walks every operation of the document', () => {
    expect(OPERATIONS.length).toBeGreaterThan(90);
  });

  /** Every request of the walk for one operation and persona. */
  function requestsFor(
    path: string,
    method: string,
    op: Operation,
    persona: PersonaKey,
    refusedByRole = false,
  ): {
    label: string;
    url: string;
    body?: unknown;
    raw?: string;
    headers?: Record<string, string>;
  }[] {
    const r = rng(seedOf(`${persona} ${method} ${path}`));
    // Refused before any pipe runs (no token, or a role without the operation's permission: the
    // guards come first), a request's body, query and path reach nothing that reads them: one
    // variant of each kind shows the refusal holds (and the parsers before it answer well).
    const anonymous = (persona === 'anonymous' && op.security !== undefined) || refusedByRole;
    const per = anonymous ? 1 : persona === 'admin' ? 3 : 2;
    const nestedPer = 1;
    const out: ReturnType<typeof requestsFor> = [];
    const json = op.requestBody?.content['application/json']?.schema;
    const body = json
      ? (validValue(json, { ...ids, ticketId: ids.ticket }) as Record<string, unknown>)
      : undefined;
    const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
    const validQuery = '';
    const url = urlOf(path);

    out.push({ label: 'valid-looking', url, body });
    if (json) {
      const props = Object.entries(resolve(json).properties ?? {});
      for (const [name] of anonymous ? props.slice(0, 1) : props) {
        for (const [what, value] of r.pick(bodyVariants(foreign.ticket), per)) {
          out.push({ label: `body ${name}: ${what}`, url, body: { ...body, [name]: value } });
        }
      }
      // Deeper: every property inside a structured field (an array entered through one item),
      // in an otherwise valid-looking body.
      for (const at of anonymous ? [] : nestedPaths(json)) {
        for (const [what, value] of r.pick(bodyVariants(foreign.ticket), nestedPer)) {
          out.push({
            label: `body ${at.join('.')}: ${what}`,
            url,
            body: bodyWith(json, body as object, at, value),
          });
        }
      }
      if (!anonymous) {
        // Each required property left out, and an empty object: required means required.
        for (const name of resolve(json).required ?? []) {
          const rest = { ...body };
          delete rest[name];
          out.push({ label: `body without ${name}`, url, body: rest });
        }
        out.push({ label: 'body: an empty object', url, body: {} });
        out.push({ label: 'body: an array', url, body: [body] });
        out.push({
          label: 'body: a lone surrogate key',
          url,
          raw: '{"\\ud800":1}',
          headers: { 'Content-Type': 'application/json' },
        });
        out.push({
          label: 'body: escaped lone surrogates',
          url,
          raw: '{"name":"\\udc00\\ud800","subject":"\\ud800","body":"\\udfff"}',
          headers: { 'Content-Type': 'application/json' },
        });
      }
    }
    for (const p of queryParams) {
      for (const [what, fragment] of r.pick(
        queryVariants(p.name, foreign.ticket),
        anonymous ? 1 : per + 1,
      )) {
        out.push({ label: `query ${p.name}: ${what}`, url: `${url}?${validQuery}${fragment}` });
      }
    }
    // A cursor of one sort order sent with another: its value has the other column's type.
    if (!anonymous && queryParams.some((p) => p.name === 'cursor')) {
      for (const v of ['2026-01-01T00:00:00Z', 'not a date', 42, 1e300, '', 'x'.repeat(400)]) {
        const cursor = b64(JSON.stringify([v, randomUUID()]));
        for (const sort of queryParams.some((p) => p.name === 'sort')
          ? ['number:asc', 'updatedAt:desc', 'createdAt:asc']
          : ['']) {
          out.push({
            label: `cursor ${JSON.stringify(v).slice(0, 20)} with sort ${sort}`,
            url: `${url}?cursor=${cursor}${sort ? `&sort=${sort}` : ''}`,
          });
        }
      }
    }
    if (queryParams.length > 0 && !anonymous) {
      out.push({ label: 'query: unknown parameter', url: `${url}?zzz=1&__proto__[x]=1` });
    }
    for (const p of (op.parameters ?? []).filter((x) => x.in === 'path')) {
      for (const [what, value] of r.pick(pathVariants(foreign.ticket), anonymous ? 1 : per + 2)) {
        out.push({ label: `path ${p.name}: ${what}`, url: urlOf(path, { [p.name]: value }), body });
      }
    }
    for (const [what, headers] of r.pick(HEADER_VARIANTS, anonymous ? 1 : per)) {
      const raw = headers['Content-Type'] && body ? JSON.stringify(body) : undefined;
      out.push({ label: `header ${what}`, url, body: raw ? undefined : body, raw, headers });
    }
    return out;
  }

  /** What a client's writes could have changed in org B (the admin walk may change it at will). */
  const orgBState = async () =>
    (
      (await t.db.query(
        `SELECT (SELECT count(*) FROM ticket_comments c JOIN tickets t ON t.id = c.ticket_id
                  WHERE t.organization_id = $1)::int AS comments,
                (SELECT count(*) FROM ticket_links l JOIN tickets t ON t.id IN (l.ticket_id, l.linked_ticket_id)
                  WHERE t.organization_id = $1)::int AS links,
                (SELECT count(*) FROM tickets WHERE organization_id = $1)::int AS tickets,
                (SELECT sum(version) FROM tickets WHERE organization_id = $1)::int AS versions`,
        [w.orgB.id],
      )) as Record<string, number>[]
    )[0];
  let beforeClient: Record<string, number>;

  describe.each<PersonaKey>(['admin', 'client', 'anonymous'])('as %s', (persona) => {
    beforeAll(async () => {
      if (persona === 'client') beforeClient = await orgBState();
    });
    it.each(OPERATIONS.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
      '%s answers hostile variants without a 5xx or a leak',
      async (_name, { path, method, op }) => {
        const failures: string[] = [];
        const logStart = logged.length;
        const [first, ...rest] = requestsFor(path, method, op, persona);
        const valid = await send(first.label, method, first.url, persona, first);
        failures.push(...problemsOf(valid, persona !== 'admin'));
        const refusedByRole = valid.status === 403 && ROLE_REFUSAL.test(valid.text);
        if (valid.status === 401 && persona !== 'anonymous' && !/auth\/|me\/password/.test(path)) {
          await freshTokens();
        }
        for (const r of refusedByRole
          ? requestsFor(path, method, op, persona, true).slice(1)
          : rest) {
          const sent = await send(r.label, method, r.url, persona, r);
          failures.push(...problemsOf(sent, persona !== 'admin'));
          if (sent.status === 401 && persona !== 'anonymous' && !/auth\/|me\/password/.test(path)) {
            await freshTokens();
          }
        }
        if (/logout|sessions|password/.test(path)) await freshTokens();
        expect(failures).toEqual([]);
        expect(logged.slice(logStart)).toEqual([]);
      },
    );
  });

  describe('outside the document', () => {
    it('answers methods an operation does not have, and odd spellings of paths', async () => {
      const failures: string[] = [];
      for (const path of Object.keys(doc.paths)) {
        const url = urlOf(path);
        for (const method of ['get', 'post', 'put', 'patch', 'delete', 'options']) {
          if (method in doc.paths[path]) continue;
          failures.push(
            ...problemsOf(await send('method', method, url, 'admin', { body: {} }), false),
          );
        }
      }
      for (const url of [
        '/api/v1/tickets/',
        '//api/v1/tickets',
        '/api/v1//tickets',
        '/api/v1/tickets/%2e%2e/users',
        '/api/v1/tickets/..%2f..%2fusers',
        `/api/v1/tickets/${ids.ticket}/comments/`,
        '/api/v1/tickets;jsessionid=1',
        '/api/v1/%ff',
        `/api/v1/${'a/'.repeat(2000)}`,
        '/api/v1/tickets?%=1',
        '/api/v1/tickets?a=%',
        `/api/v1/tickets?${'x=1&'.repeat(2000)}`,
        '/api/v1/tickets?status[0][a]=1&priority[9999]=high',
        '/api/v1/tickets?status[__proto__]=open',
      ]) {
        for (const persona of ['admin', 'client', 'anonymous'] as const) {
          failures.push(
            ...problemsOf(await send('odd path', 'get', url, persona), persona !== 'admin'),
          );
        }
      }
      expect(failures).toEqual([]);
    });

    it('answers hostile uploads and rating forms', async () => {
      const failures: string[] = [];
      const upload = async (
        label: string,
        build: (r: request.Test) => request.Test,
        ticket = ids.ticket,
      ) => {
        for (const persona of ['admin', 'client'] as const) {
          const res = await build(
            request(base)
              .post(`/api/v1/tickets/${ticket}/attachments`)
              .set('Authorization', `Bearer ${tokens[persona]}`),
          );
          failures.push(
            ...problemsOf(
              {
                label: `${persona} upload [${label}]`,
                status: res.status,
                type: res.headers['content-type'] ?? '',
                text: res.text ?? '',
              },
              persona === 'client',
            ),
          );
        }
      };
      const file = Buffer.from('hello');
      for (const filename of [
        '../../../etc/passwd',
        '..\\..\\windows\\win.ini',
        'a'.repeat(5000),
        LONG_UNICODE.slice(0, 300),
        '\u202egnp.exe',
        ' ',
        '.',
        'x\r\nContent-Type: text/html',
      ]) {
        await upload(`filename ${filename.slice(0, 20)}`, (r) =>
          r.attach('file', file, { filename }),
        );
      }
      for (const contentType of ['text/html', 'image/svg+xml', 'application/x-msdownload', ';;;']) {
        await upload(`type ${contentType}`, (r) =>
          r.attach('file', file, { filename: 'f', contentType }),
        );
      }
      for (const commentId of ['', 'x', foreign.comment, randomUUID(), '%00']) {
        await upload(`commentId ${commentId}`, (r) =>
          r.field('commentId', commentId).attach('file', file, 'f.txt'),
        );
      }
      await upload('two files', (r) => r.attach('file', file, 'a').attach('file', file, 'b'));
      await upload('a file in another field', (r) => r.attach('other', file, 'a'));
      await upload('file as a text field', (r) => r.field('file', 'not a file'));
      await upload('internal as garbage', (r) =>
        r.field('internal', '{}').attach('file', file, 'a'),
      );
      await upload('no boundary', (r) =>
        r.set('Content-Type', 'multipart/form-data').send('--x\r\n'),
      );
      await upload('a truncated part', (r) =>
        r
          .set('Content-Type', 'multipart/form-data; boundary=x')
          .send('--x\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc'),
      );
      await upload("another org's ticket", (r) => r.attach('file', file, 'a'), foreign.ticket);
      for (const form of [
        'rating=abc',
        'rating[]=1&rating[]=2',
        'rating=5&comment=%ff',
        'rating=1e400',
        `comment=${'%F0%9F%98%80'.repeat(3000)}&rating=5`,
        '=&=&&',
      ]) {
        const res = await request(base)
          .post(`/api/v1/public/ratings/${'t'.repeat(40)}`)
          .set('Content-Type', 'application/x-www-form-urlencoded')
          .set('Accept', 'text/html')
          .send(form);
        if (res.status >= 500 || LEAK.test(res.text))
          failures.push(`rating form ${form.slice(0, 30)} -> ${res.status}`);
      }
      expect(failures).toEqual([]);
      const [{ n }] = (await t.db.query(
        'SELECT count(*)::int AS n FROM attachments a JOIN tickets t ON t.id = a.ticket_id WHERE t.organization_id = $1 AND a.uploader_id = $2',
        [w.orgB.id, w.clientA.id],
      )) as { n: number }[];
      expect(n).toBe(0);
    });
  });

  describe('cross-organization ids', () => {
    const withParams = OPERATIONS.filter(({ path }) => /\{\w+\}/.test(path));

    it.each(withParams.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
      '%s: a client gets for another org’s ids what it gets for ids of nothing',
      async (_name, { path, method, op }) => {
        await freshTokens();
        const json = op.requestBody?.content['application/json']?.schema;
        const body = json ? validValue(json, { ...ids, ticketId: ids.ticket }) : undefined;
        const failures: string[] = [];
        const own = await send('own', method, urlOf(path), 'client', { body });
        for (const param of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
          const nothing = await send(
            'nothing',
            method,
            urlOf(path, { [param]: randomUUID() }),
            'client',
            { body },
          );
          // The other org's object of the kind the parameter names (its segment or its own
          // name), and its ticket on every parameter: an id of another table is one more id of
          // nothing there, which the ticket's already shows.
          const segment = new RegExp(`([\\w-]+)/\\{${param}\\}`).exec(path)?.[1] ?? '';
          const kinds = Object.entries(foreign).filter(
            ([kind]) =>
              kind === 'ticket' || segment.startsWith(kind) || param.toLowerCase().startsWith(kind),
          );
          for (const [kind, id] of kinds) {
            const got = await send(
              `${param}=${kind}`,
              method,
              urlOf(path, { [param]: id }),
              'client',
              { body },
            );
            failures.push(...problemsOf(got, true));
            // A 403 is the role's refusal of the action, which the client also gets on its own
            // ticket and on an id of nothing: it tells nothing about the other org's object.
            const roleRefusal = got.status === 403 && own.status === 403;
            const ticketScoped = /tickets|attachments/.test(path);
            if (
              got.status !== nothing.status ||
              (ticketScoped && got.status !== 404 && !roleRefusal)
            ) {
              failures.push(
                `${got.label}: ${got.status}, an unknown id gets ${nothing.status}, its own ${own.status}`,
              );
            }
          }
        }
        expect(failures).toEqual([]);
      },
    );

    it('sent a few thousand requests in all', () => {
      expect(sentCount).toBeGreaterThan(2000);
      // About 10,000 in session 9, after a client refused by its role got one variant of each
      // kind (as anonymous does) and foreign ids only of the parameter's kind. The bound grows
      // with the API: an operation adds some 30 to 60 requests.
      expect(sentCount).toBeLessThan(12000);
    });

    it('left the other org’s tickets as they were', async () => {
      expect(await orgBState()).toEqual(beforeClient);
    });
  });
});
