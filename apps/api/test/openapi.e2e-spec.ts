import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  generateOpenApiDocument,
  serializeOpenApiDocument,
} from '../src/common/openapi/generate-document';
import { startTestApp, type TestApp } from './support/test-app';

const COMMITTED = join(__dirname, '../../../openapi.json');

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('matches the committed openapi.json (run `npm run openapi` after changing the API)', async () => {
    const generated = serializeOpenApiDocument(await generateOpenApiDocument());
    expect(generated).toEqual(readFileSync(COMMITTED, 'utf8'));
  });

  it('is what the running API serves at /api/docs-json, as OpenAPI 3.1', async () => {
    const served = await t.http().get('/api/docs-json');
    expect(served.status).toBe(200);
    expect(served.body.openapi).toBe('3.1.0');
    expect(serializeOpenApiDocument(served.body)).toEqual(readFileSync(COMMITTED, 'utf8'));
    const ui = await t.http().get('/api/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('documents a problem+json error and a success response for every operation', () => {
    const doc = JSON.parse(readFileSync(COMMITTED, 'utf8')) as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>
      >;
    };
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const codes = Object.keys(op.responses);
        expect({ path, method, success: codes.some((c) => c.startsWith('2')) }).toEqual({
          path,
          method,
          success: true,
        });
        // Liveness answers whenever the process does: it has no error to document.
        if (path === '/api/health' || path === '/api/health/live') continue;
        const errors = codes.filter((c) => /^[45]/.test(c));
        expect({ path, method, hasErrors: errors.length > 0 }).toEqual({
          path,
          method,
          hasErrors: true,
        });
        for (const c of errors) {
          expect({ path, method, c, types: Object.keys(op.responses[c].content ?? {}) }).toEqual({
            path,
            method,
            c,
            types: ['application/problem+json'],
          });
        }
      }
    }
  });
});
