import { FakeClock } from '../../../test/support/fake-clock';
import { inList } from './conditions';
import { REFERENCE_TTL_MS, ReferenceCache } from './reference-cache';

describe('ReferenceCache', () => {
  // The application's clock, not the process's: Date.now() standing still proves which one counts.
  let clock: FakeClock;
  beforeEach(() => {
    clock = new FakeClock('2026-12-01T10:00:00Z');
    jest.useFakeTimers({ now: new Date('2020-01-01T00:00:00Z') });
  });
  afterEach(() => jest.useRealTimers());

  it('returns what was set until REFERENCE_TTL_MS have passed on the clock, then nothing', () => {
    const cache = new ReferenceCache<string, number>(clock);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.set('a', 1)).toBe(1);
    clock.advance(REFERENCE_TTL_MS - 1);
    expect(cache.get('a')).toBe(1);
    clock.advance(1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('does not expire by the system time while the clock stands still', () => {
    const cache = new ReferenceCache<string, number>(clock);
    cache.set('a', 1);
    jest.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    expect(cache.get('a')).toBe(1);
  });

  it('keeps keys apart, restarts the time on set, and forgets everything on clear', () => {
    const cache = new ReferenceCache<string, number>(clock);
    cache.set('a', 1);
    clock.advance(REFERENCE_TTL_MS - 1);
    cache.set('b', 2);
    cache.set('a', 3);
    clock.advance(REFERENCE_TTL_MS - 1);
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
