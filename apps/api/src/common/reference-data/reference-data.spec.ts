import { inList } from './conditions';
import { REFERENCE_TTL_MS, ReferenceCache } from './reference-cache';

describe('ReferenceCache', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date('2026-12-01T10:00:00Z'));
  });
  afterEach(() => jest.useRealTimers());

  it('returns what was set until REFERENCE_TTL_MS have passed, then nothing', () => {
    const cache = new ReferenceCache<string, number>();
    expect(cache.get('a')).toBeUndefined();
    expect(cache.set('a', 1)).toBe(1);
    jest.setSystemTime(Date.now() + REFERENCE_TTL_MS - 1);
    expect(cache.get('a')).toBe(1);
    jest.setSystemTime(Date.now() + 1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('keeps keys apart, restarts the time on set, and forgets everything on clear', () => {
    const cache = new ReferenceCache<string, number>();
    cache.set('a', 1);
    jest.setSystemTime(Date.now() + REFERENCE_TTL_MS - 1);
    cache.set('b', 2);
    cache.set('a', 3);
    jest.setSystemTime(Date.now() + REFERENCE_TTL_MS - 1);
    expect([cache.get('a'), cache.get('b')]).toEqual([3, 2]);
    cache.clear();
    expect([cache.get('a'), cache.get('b')]).toEqual([undefined, undefined]);
  });
});

describe('inList', () => {
  it('holds for any value when the list is absent or empty', () => {
    expect(inList(undefined, 'x')).toBe(true);
    expect(inList([], null)).toBe(true);
  });
  it('otherwise needs a value that is in the list', () => {
    expect(inList(['a', 'b'], 'b')).toBe(true);
    expect(inList(['a', 'b'], 'c')).toBe(false);
    expect(inList(['a'], null)).toBe(false);
  });
});
