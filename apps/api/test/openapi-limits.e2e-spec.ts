import { randomUUID } from 'node:crypto';
import { TEST_PASSWORD } from './support/factory';
import { doc, isType, resolveSchema, type Schema } from './support/openapi-document';
import { startTestApp, type TestApp } from './support/test-app';
import { createServiceToken } from './support/service-token';

/**
 * The document states the limits of everything a client sends, and the server keeps them: for
 * every documented limit of a request field (body property at any depth, query, path or header
 * parameter) this sends the limit plus one — maxLength + 1 characters, maxItems + 1 items,
 * maximum + 1, minimum - 1 — in an otherwise valid request built from the document alone, and
 * expects a 400 problem whose errors name that field and no other (so the rest of the request
 * was valid, and it was that limit the server refused).
 *
 * Path parameters are the exception: an id that is not a UUID, a ticket number that is not one
 * or a malformed link token names nothing, and gets the 404 of an unknown one (see ParseIdPipe;
 * without it a malformed id would reach PostgreSQL and fail as a 500).
 */

/** A oneOf/anyOf's first branch (a nullable field's non-null one). */
const branch = (s: Schema) => resolveSchema((s.oneOf ?? s.anyOf)?.[0] ?? s);

/** A string that satisfies the schema, `length` long when given (as close as the format allows). */
function validString(s: Schema, length?: number): string {
  if (s.enum) return String(s.enum[0]);
  if (s.format === 'date-time') {
    const base = '2030-01-02T03:04:05';
    if (length === undefined || length <= base.length + 1) return `${base}Z`;
    // Fraction digits take up whatever length is asked for: only the length is wrong.
    return `${base}.${'1'.repeat(length - base.length - 2)}Z`;
  }
  const sample =
    s.format === 'uuid'
      ? randomUUID()
      : s.format === 'date'
        ? '2030-01-02'
        : typeof s.example === 'string'
          ? s.example
          : s.format === 'email'
            ? 'x@example.com'
            : 'a';
  const want = length ?? Math.max(sample.length, s.minLength ?? 1);
  if (sample.length >= want) return sample.slice(0, want);
  // Pad with the sample's own first character, so a pattern it matched usually still matches.
  return sample[0].repeat(want - sample.length) + sample;
}

function validValue(schema: Schema): unknown {
  const s = resolveSchema(schema);
  if (s.const !== undefined) return s.const;
  if (s.oneOf || s.anyOf) return validValue(branch(s));
  if (s.enum) return s.enum[0];
  if (s.properties || isType(s, 'object')) {
    const out: Record<string, unknown> = {};
    for (const key of s.required ?? []) out[key] = validValue(s.properties?.[key] ?? {});
    return out;
  }
  if (isType(s, 'array')) {
    return Array.from({ length: s.minItems ?? 0 }, (_, i) => distinctItem(s.items ?? {}, i));
  }
  if (isType(s, 'string')) return validString(s);
  if (isType(s, 'integer') || isType(s, 'number')) return s.minimum ?? 0;
  if (isType(s, 'boolean')) return false;
  return null;
}

/** The i-th of distinct valid items, for arrays that must hold unique values. */
function distinctItem(schema: Schema, i: number): unknown {
  const s = resolveSchema(schema);
  if (s.enum) return s.enum[i % s.enum.length];
  if (isType(s, 'string') && s.format === 'uuid') return randomUUID();
  if (isType(s, 'string') && s.format === 'date') {
    return new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10);
  }
  if (isType(s, 'string') && !s.pattern) return `${validString(s)}${i}`.slice(-(s.maxLength ?? 50));
  return validValue(s);
}

interface Case {
  name: string;
  method: string;
  path: string;
  /** Where the over-limit value goes. */
  where: 'body' | 'query' | 'header' | 'path';
  /** Property path within the body, or the parameter name. */
  at: (string | number)[];
  value: unknown;
  /** The `errors[].field` the 400 must name. */
  field: string;
  bodySchema?: Schema;
}

/** Over-limit values for a schema: maxLength + 1, maxItems + 1, maximum + 1, minimum - 1. */
function overLimits(schema: Schema): { what: string; value: unknown }[] {
  const s = resolveSchema(schema);
  const out: { what: string; value: unknown }[] = [];
  const str = isType(s, 'string') ? s : s.oneOf || s.anyOf ? branch(s) : null;
  if (str && isType(str, 'string') && str.maxLength !== undefined && !str.enum) {
    out.push({ what: `maxLength ${str.maxLength}`, value: validString(str, str.maxLength + 1) });
  }
  if (isType(s, 'array') && s.maxItems !== undefined) {
    out.push({
      what: `maxItems ${s.maxItems}`,
      value: Array.from({ length: s.maxItems + 1 }, (_, i) => distinctItem(s.items ?? {}, i)),
    });
  }
  if (isType(s, 'object') && s.maxProperties !== undefined) {
    const value = typeof s.additionalProperties === 'object' ? s.additionalProperties : {};
    out.push({
      what: `maxProperties ${s.maxProperties}`,
      value: Object.fromEntries(
        Array.from({ length: s.maxProperties + 1 }, (_, i) => [`k${i}`, validValue(value)]),
      ),
    });
  }
  if (isType(s, 'integer')) {
    if (s.maximum !== undefined) out.push({ what: `maximum ${s.maximum}`, value: s.maximum + 1 });
    if (s.minimum !== undefined) out.push({ what: `minimum ${s.minimum}`, value: s.minimum - 1 });
  }
  return out;
}

/** Every field in a body schema: its path and schema, arrays entered through one item. */
function bodyFields(schema: Schema, at: (string | number)[] = [], seen = new Set<Schema>()) {
  const s = resolveSchema(schema);
  const out: { at: (string | number)[]; schema: Schema; field?: (string | number)[] }[] = [];
  if (seen.has(s)) return out;
  const inner = new Set(seen).add(s);
  if (at.length > 0) out.push({ at, schema: s });
  for (const [key, prop] of Object.entries(s.properties ?? {})) {
    out.push(...bodyFields(prop, [...at, key], inner));
  }
  // A map's values (status mapping): one entry over the limit, reported for the map.
  if (typeof s.additionalProperties === 'object' && at.length > 0) {
    out.push({ at: [...at, 'k'], schema: resolveSchema(s.additionalProperties), field: at });
  }
  const items = s.items ? resolveSchema(s.items) : null;
  if (items && (items.properties || isType(items, 'array'))) {
    out.push(...bodyFields(items, [...at, 0], inner));
  } else if (items && at.length > 0) {
    // Limits of the items of a scalar array (each uuid, each word): one item over the limit.
    out.push({ at: [...at, 0], schema: items, field: at });
  }
  return out;
}

/** A valid body with `value` at `at`, building the valid containers on the way. */
function bodyWith(schema: Schema, at: (string | number)[], value: unknown): unknown {
  const root = validValue(schema) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = root;
  let s = resolveSchema(schema);
  at.forEach((key, i) => {
    const child = resolveSchema(
      typeof key === 'number' ? (s.items ?? {}) : (s.properties?.[key] ?? branch(s)),
    );
    if (i === at.length - 1) {
      node[key] = value;
      return;
    }
    if (node[key] === undefined || node[key] === null) node[key] = validValue(child);
    if (Array.isArray(node[key]) && (node[key] as unknown[]).length === 0) {
      (node[key] as unknown[]).push(validValue(child.items ?? {}));
    }
    node = node[key] as Record<string | number, unknown>;
    s = child;
  });
  return root;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const name = `${method.toUpperCase()} ${path}`;
      for (const p of op.parameters ?? []) {
        for (const o of overLimits(p.schema)) {
          const value = p.in === 'query' && Array.isArray(o.value) ? o.value.join(',') : o.value;
          out.push({ name, method, path, where: p.in, at: [p.name], value, field: p.name });
        }
        const items = p.schema.items ? resolveSchema(p.schema.items) : null;
        for (const o of items ? overLimits(items) : []) {
          out.push({
            name,
            method,
            path,
            where: p.in,
            at: [p.name],
            value: o.value,
            field: p.name,
          });
        }
      }
      const json = op.requestBody?.content['application/json']?.schema;
      if (!json) continue;
      for (const f of bodyFields(json)) {
        for (const o of overLimits(f.schema)) {
          out.push({
            name,
            method,
            path,
            where: 'body',
            at: f.at,
            value: o.value,
            field: (f.field ?? f.at).join('.'),
            bodySchema: json,
          });
        }
      }
    }
  }
  return out;
}

const CASES = cases();

describe('request limits in the OpenAPI document', () => {
  let t: TestApp;
  const tokens: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({ loginMaxAttemptsPerAccount: 3 });
    const org = await t.factory.organization('Limits Org');
    for (const seed of [
      { role: 'admin' as const },
      { role: 'agent' as const },
      { role: 'client' as const, organizationId: org.id },
    ]) {
      tokens.push(await t.tokenFor((await t.factory.user(seed)).id));
    }
    // Token-only endpoints (alerts, the HTTP mail pipe) answer people 401 or 403 before
    // validation: a service account holding every scope is the last credential tried.
    tokens.push(await createServiceToken(t, { scopes: ['admin'], role: 'admin' }));
    // The web form refuses everything while it is off (404), before reading the request.
    await t.db.query('UPDATE web_form_settings SET enabled = true');
  });
  afterAll(() => t.close());

  it('finds limits to check in bodies, queries, paths and headers', () => {
    const where = new Set(CASES.map((c) => c.where));
    expect([...where].sort()).toEqual(['body', 'header', 'path', 'query']);
    expect(CASES.length).toBeGreaterThan(300);
  });

  async function send(c: Case, token: string) {
    const params = Object.fromEntries(
      (doc.paths[c.path][c.method].parameters ?? []).map((p) => [p.name, p]),
    );
    const url = c.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const value =
        c.where === 'path' && c.at[0] === name
          ? String(c.value)
          : String(validValue(params[name]?.schema ?? { type: 'string' }));
      return encodeURIComponent(value);
    });
    let req = t
      .http()
      [c.method as 'get'](url)
      .set('Authorization', `Bearer ${token}`)
      .set('Accept', 'application/json');
    if (c.where === 'query') req = req.query({ [String(c.at[0])]: c.value as string });
    if (c.where === 'header') req = req.set(String(c.at[0]), String(c.value));
    const body = doc.paths[c.path][c.method].requestBody?.content['application/json']?.schema;
    if (c.where === 'body')
      return req.send(bodyWith(c.bodySchema as Schema, c.at, c.value) as object);
    if (body) return req.send(validValue(body) as object);
    return req;
  }

  it.each(CASES.map((c) => [`${c.name} ${c.where} ${c.field}`, c] as const))(
    '%s: the limit plus one is refused',
    async (_label, c) => {
      // Every case comes from one address and the same accounts, and rate limits count before
      // validation: this walk is about field limits, so each case starts with fresh counters
      // (the password endpoints share the per-account budget of 3).
      await t.db.query('DELETE FROM rate_limit_counters');
      // The first role the operation lets in: validation runs after authorization.
      let res = await send(c, tokens[0]);
      for (const token of tokens.slice(1)) {
        if (res.status !== 403 && res.status !== 401) break;
        res = await send(c, token);
      }
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      if (c.where === 'path') {
        expect(res.status).toBe(404);
        return;
      }
      expect({ status: res.status, errors: res.body.errors }).toMatchObject({ status: 400 });
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
      expect(fields.length).toBeGreaterThan(0);
      // A validator of each item (`{ each: true }`) names the array, one of a nested item its index.
      for (const f of fields) {
        expect([f, c.field]).toEqual([f.startsWith(`${c.field}.`) ? f : c.field, c.field]);
      }
    },
  );

  describe('rate-limited operations', () => {
    const rateLimited = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => '429' in ((op as { responses?: object }).responses ?? {}))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );

    it('are the public endpoints, and document RateLimit-* on every response', () => {
      expect(rateLimited.sort()).toEqual([
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/password-reset-requests',
        'POST /api/v1/auth/password-resets',
        'POST /api/v1/auth/refresh',
        'POST /api/v1/me/email-changes',
        'POST /api/v1/me/email-confirmations',
        'POST /api/v1/me/password',
        'POST /api/v1/public/ratings/{token}',
        'POST /api/v1/unsubscribe/{token}',
        'POST /api/v1/web-form/confirm/{token}',
        'POST /api/v1/web-form/submissions',
      ]);
      for (const [path, item] of Object.entries(doc.paths)) {
        for (const op of Object.values(item) as { responses: Record<string, object> }[]) {
          if (!('429' in op.responses)) continue;
          for (const [status, response] of Object.entries(op.responses)) {
            expect([
              path,
              status,
              Object.keys((response as { headers?: object }).headers ?? {}),
            ]).toEqual([
              path,
              status,
              expect.arrayContaining(['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset']),
            ]);
          }
        }
      }
    });

    const rateHeaders = (res: { headers: Record<string, string> }) => ({
      limit: res.headers['ratelimit-limit'],
      remaining: res.headers['ratelimit-remaining'],
      reset: res.headers['ratelimit-reset'],
    });

    it('login sends the headers on success, failure and 429', async () => {
      const user = await t.factory.user({ role: 'agent' });
      const login = (password: string) =>
        t.http().post('/api/v1/auth/login').send({ email: user.email, password });
      const ok = await login(TEST_PASSWORD);
      expect(ok.status).toBe(200);
      expect(rateHeaders(ok)).toEqual({
        limit: '3',
        remaining: '2',
        reset: expect.stringMatching(/^[1-9]\d*$/),
      });
      // The success cleared the account's count: three wrong passwords, then the fourth is 429.
      for (const remaining of ['2', '1', '0']) {
        const wrong = await login('wrong password');
        expect(wrong.status).toBe(401);
        expect(rateHeaders(wrong)).toMatchObject({ limit: '3', remaining });
      }
      const limited = await login('wrong password');
      expect(limited.status).toBe(429);
      expect(rateHeaders(limited)).toMatchObject({ limit: '3', remaining: '0' });
      expect(limited.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    });

    it('changing the password sends them too', async () => {
      const user = await t.factory.user({ role: 'agent' });
      const res = await t
        .http()
        .post('/api/v1/me/password')
        .set('Authorization', `Bearer ${await t.tokenFor(user.id)}`)
        .send({ currentPassword: 'not it', newPassword: 'a new password 123' });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(rateHeaders(res)).toEqual({
        limit: '3',
        remaining: '2',
        reset: expect.stringMatching(/^[1-9]\d*$/),
      });
    });

    it('other operations send none', async () => {
      const res = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${tokens[0]}`);
      expect(res.status).toBe(200);
      expect(res.headers['ratelimit-limit']).toBeUndefined();
    });
  });
});
