import { canonical } from './idempotency.interceptor.js';

/** The recursive form it replaced: stored request hashes depend on the exact string. */
function recursive(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(recursive).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${recursive((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

describe('canonical (the Idempotency-Key request hash input)', () => {
  it.each([
    ['a scalar', 'x'],
    ['null', null],
    ['undefined', undefined],
    ['an empty object', {}],
    ['an empty array', []],
    ['keys out of order', { b: 1, a: [2, { d: null, c: 'x' }], e: {} }],
    ['undefined inside', { a: undefined, b: [undefined, 1] }],
    ['odd keys', { '"q"': 1, '': 2, ü: [[], [[]]] }],
    ['numbers', [0, -0, 1.5, -1e21, true, false]],
  ])('gives the same string as before for %s', (_name, value) => {
    expect(canonical(value)).toBe(recursive(value));
  });

  it('sorts keys, so the order of a body does not matter', () => {
    expect(canonical({ b: 1, a: { y: 2, x: 1 } })).toBe(canonical({ a: { x: 1, y: 2 }, b: 1 }));
  });

  it('walks nesting far beyond the body limit without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { k: deep };
    // {"k":…} is 6 characters a level, […] 2, and the 1 in the middle.
    expect(canonical(deep).length).toBe(50_000 * 6 + 50_000 * 2 + 1);
  });
});
