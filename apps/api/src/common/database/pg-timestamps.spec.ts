import pg from 'pg';
import { parseTimestamptz, timestamptzParser } from './pg-timestamps.js';

const original = pg.types.getTypeParser(1184, 'text') as (s: string) => Date | number | null;

const time = (v: Date | number | null) => (v instanceof Date ? v.getTime() : v);

describe('parseTimestamptz', () => {
  it.each([
    '2026-12-06 02:53:29.086123+00',
    '2026-12-06 02:53:29+00',
    '2026-12-06 02:53:29.1+00',
    '2026-12-06 02:53:29.999999+00',
    '2026-12-06 02:53:29.0005+00',
    '2026-12-06 02:53:29.086+01',
    '2026-12-06 02:53:29.086-05',
    '2026-03-29 01:30:00+05:30',
    '1900-02-28 23:59:59.5-03:30:15',
    '2024-02-29 00:00:00+14',
    '0099-01-01 00:00:00+00',
    '0001-01-01 00:00:00+00 BC',
    '12345-01-01 00:00:00+00',
    'infinity',
    '-infinity',
    '2026-12-06',
  ])('gives what pg gives for %s', (s) => {
    expect(time(parseTimestamptz(s))).toEqual(time(original(s)));
  });

  it('agrees with pg on many instants at every precision and offset', () => {
    const offsets = ['+00', '+01', '-07', '+05:30', '-09:30', '+13:45'];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 5000; n++) {
      const d = new Date(Date.UTC(1970, 0, 1) + (next() % 4_000_000) * 1_000_000 + (next() % 1000));
      const micros = String(next() % 1_000_000)
        .padStart(6, '0')
        .slice(0, 1 + (n % 6));
      const text = `${d.toISOString().slice(0, 19).replace('T', ' ')}.${micros}${offsets[n % offsets.length]}`;
      expect([text, time(parseTimestamptz(text))]).toEqual([text, time(original(text))]);
    }
  });

  it('parses what PostgreSQL writes by itself, and only the rest with pg', () => {
    const handed: string[] = [];
    const parse = timestamptzParser((s) => {
      handed.push(s);
      return original(s);
    });
    for (const s of [
      '2026-12-06 02:53:29.086123+00',
      '2026-12-06 02:53:29+05:30',
      '2026-12-06 02:53:29.5-03',
    ]) {
      expect(parse(s)).toBeInstanceOf(Date);
    }
    expect(handed).toEqual([]);
    for (const s of ['infinity', '0001-01-01 00:00:00+00 BC', '0099-01-01 00:00:00+00']) parse(s);
    expect(handed).toEqual(['infinity', '0001-01-01 00:00:00+00 BC', '0099-01-01 00:00:00+00']);
  });

  it('hands malformed text to pg unchanged', () => {
    for (const s of [
      '2026-12-06 02:53:29.086+',
      '2026-12-06 02:53:29x00',
      '2026-1x-06 02:53:29+00',
    ]) {
      expect(time(parseTimestamptz(s))).toEqual(time(original(s)));
    }
  });
});
