import { DataSource } from 'typeorm';
import { compileNamed, valuesFor } from './named-sql.js';

describe('compileNamed', () => {
  it('numbers parameters by first use, reuses a repeated one and leaves casts alone', () => {
    const params = { me: 'u1', now: new Date(0), ids: ['a', 'b'] };
    const c = compileNamed(
      `SELECT t.updated_at::text FROM t WHERE t.a = :me OR t.b = :me AND t.c < :now AND t.d = ANY(:ids) AND t.e = :unknown`,
      params,
    );
    expect(c.text).toBe(
      `SELECT t.updated_at::text FROM t WHERE t.a = $1 OR t.b = $1 AND t.c < $2 AND t.d = ANY($3) AND t.e = :unknown`,
    );
    expect(c.order).toEqual(['me', 'now', 'ids']);
    expect(valuesFor(c, { ...params, me: 'u2' })).toEqual(['u2', new Date(0), ['a', 'b']]);
  });

  it('gives what TypeORM gives for the same SQL and parameters', () => {
    // The driver's own escaping, without a connection: the ticket list keeps statements compiled
    // here, so they must be the ones TypeORM would have sent.
    const db = new DataSource({ type: 'postgres', url: 'postgres://unused@127.0.0.1:1/none' });
    const named = `SELECT :a::text, x FROM y WHERE (p, q) < (CAST(:cursorValue AS timestamptz), CAST(:cursorId AS uuid)) AND z = :a AND w IN (:b)`;
    const params = { a: 1, b: [2, 3], cursorValue: '2026-01-01', cursorId: 'id' };
    const [text, values] = db.driver.escapeQueryWithParameters(named, params);
    const c = compileNamed(named, params);
    expect([c.text, valuesFor(c, params)]).toEqual([text, values]);
  });

  it('refuses a spread list, whose placeholders change with its length', () => {
    expect(() => compileNamed('SELECT 1 WHERE x IN (:...ids)', { ids: [1] })).toThrow(/list/);
  });
});
