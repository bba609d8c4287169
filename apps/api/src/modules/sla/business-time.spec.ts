import type { WorkingInterval } from '@relaydesk/contracts';
import { BusinessCalendar, intervalErrors, isValidTimeZone, parseTime } from './business-time';

const H = 3600;
const nineToSix: WorkingInterval[] = [{ start: '09:00', end: '18:00' }];
const weekdays = (day: WorkingInterval[]) => [day, day, day, day, day, [], []];

function calendar(
  timeZone: string,
  extra: Partial<ConstructorParameters<typeof BusinessCalendar>[0]> = {},
): BusinessCalendar {
  return new BusinessCalendar({
    timeZone,
    week: weekdays(nineToSix),
    holidays: [],
    exceptions: [],
    ...extra,
  });
}

const at = (iso: string) => new Date(iso);
const add = (c: BusinessCalendar, from: string, seconds: number) =>
  c.addSeconds(at(from), seconds).toISOString();

describe('business time', () => {
  describe('Europe/Moscow (UTC+3 all year), Mon–Fri 09:00–18:00', () => {
    const c = calendar('Europe/Moscow', {
      holidays: ['2026-03-09', '2026-05-01', '2026-05-11'],
      exceptions: [{ date: '2026-03-07', intervals: [{ start: '10:00', end: '14:00' }] }],
    });

    it('adds within a day', () => {
      // Mon 10:00 MSK + 8 h = 18:00 MSK
      expect(add(c, '2026-03-02T07:00:00Z', 8 * H)).toBe('2026-03-02T15:00:00.000Z');
    });

    it('carries overnight to the next morning', () => {
      // Mon 10:00 + 9 h: 8 h today, 1 h on Tuesday from 09:00
      expect(add(c, '2026-03-02T07:00:00Z', 9 * H)).toBe('2026-03-03T07:00:00.000Z');
    });

    it('starts counting at opening time when started before it or at night', () => {
      expect(add(c, '2026-03-03T03:00:00Z', H)).toBe('2026-03-03T07:00:00.000Z'); // 06:00 MSK
      expect(add(c, '2026-03-02T20:00:00Z', H)).toBe('2026-03-03T07:00:00.000Z'); // 23:00 MSK
    });

    it('skips the weekend', () => {
      // Fri 2026-03-13 17:00 MSK + 2 h = Mon 10:00 MSK
      expect(add(c, '2026-03-13T14:00:00Z', 2 * H)).toBe('2026-03-16T07:00:00.000Z');
      expect(c.secondsBetween(at('2026-03-13T14:00:00Z'), at('2026-03-16T07:00:00Z'))).toBe(2 * H);
    });

    it('skips holidays and works an exception day (a working Saturday)', () => {
      // Fri 2026-03-06 17:00 + 1 h → Sat 03-07 (exception 10–14) 10:00 + … ; + 6 h total:
      // 1 h Fri, 4 h Sat, Sun off, Mon 03-09 holiday, 1 h Tue from 09:00.
      expect(add(c, '2026-03-06T14:00:00Z', 6 * H)).toBe('2026-03-10T07:00:00.000Z');
      expect(c.secondsBetween(at('2026-03-06T14:00:00Z'), at('2026-03-10T07:00:00Z'))).toBe(6 * H);
    });

    it('handles several intervals in a day (lunch break)', () => {
      const split = calendar('Europe/Moscow', {
        week: weekdays([
          { start: '09:00', end: '13:00' },
          { start: '14:00', end: '18:00' },
        ]),
      });
      // Mon 12:00 + 2 h = 15:00 (the 13–14 break does not count)
      expect(add(split, '2026-03-02T09:00:00Z', 2 * H)).toBe('2026-03-02T12:00:00.000Z');
      expect(split.secondsBetween(at('2026-03-02T06:00:00Z'), at('2026-03-02T16:00:00Z'))).toBe(
        8 * H,
      );
    });

    it('counts nothing backwards and adds nothing for zero', () => {
      expect(c.secondsBetween(at('2026-03-03T10:00:00Z'), at('2026-03-03T09:00:00Z'))).toBe(0);
      expect(add(c, '2026-03-07T20:00:00Z', 0)).toBe('2026-03-07T20:00:00.000Z');
    });

    it('is the inverse of secondsBetween', () => {
      const from = at('2026-03-04T11:17:23Z');
      for (const seconds of [1, 59, 3599, 4 * H, 9 * H, 9 * H + 1, 45 * H, 200 * H + 17]) {
        const to = c.addSeconds(from, seconds);
        expect(c.secondsBetween(from, to)).toBe(seconds);
      }
    });
  });

  describe('a night shift split over midnight', () => {
    it('is contiguous business time', () => {
      const night = calendar('Europe/Moscow', {
        week: Array.from({ length: 7 }, () => [
          { start: '00:00', end: '06:00' },
          { start: '22:00', end: '24:00' },
        ]),
      });
      // 23:00 MSK + 2 h = 01:00 MSK next day
      expect(add(night, '2026-03-02T20:00:00Z', 2 * H)).toBe('2026-03-02T22:00:00.000Z');
    });
  });

  describe('24x7', () => {
    const all = Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]);
    it('is plain time in any zone', () => {
      const c = calendar('Europe/Prague', { week: all });
      expect(add(c, '2026-03-28T11:00:00Z', 24 * H)).toBe('2026-03-29T11:00:00.000Z');
      expect(c.secondsBetween(at('2026-10-24T10:00:00Z'), at('2026-10-26T10:00:00Z'))).toBe(48 * H);
    });
    it('has a 23-hour spring day and a 25-hour autumn day (Europe/Prague)', () => {
      const c = calendar('Europe/Prague', { week: all });
      // Local midnights: 2026-03-29 00:00 CET = 03-28T23:00Z; 2026-03-30 00:00 CEST = 03-29T22:00Z
      expect(c.secondsBetween(at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'))).toBe(23 * H);
      expect(c.secondsBetween(at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'))).toBe(25 * H);
    });
  });

  describe('Europe/Prague DST', () => {
    const c = calendar('Europe/Prague');
    it('spring: Friday 17:00 CET + 2 h is Monday 10:00 CEST', () => {
      expect(add(c, '2026-03-27T16:00:00Z', 2 * H)).toBe('2026-03-30T08:00:00.000Z');
    });
    it('autumn: Friday 17:00 CEST + 2 h is Monday 10:00 CET', () => {
      expect(add(c, '2026-10-23T15:00:00Z', 2 * H)).toBe('2026-10-26T09:00:00.000Z');
    });
    it('keeps 09:00 local on both sides of a change', () => {
      // Fri 09:00 CET + 9 h = Fri 18:00 CET; + 1 h more = Mon 10:00 CEST
      expect(add(c, '2026-03-27T08:00:00Z', 9 * H)).toBe('2026-03-27T17:00:00.000Z');
      expect(add(c, '2026-03-27T08:00:00Z', 10 * H)).toBe('2026-03-30T08:00:00.000Z');
    });
    it('a working interval in the skipped hour starts when the clocks resume', () => {
      const sunday = calendar('Europe/Prague', {
        week: [[], [], [], [], [], [], [{ start: '02:00', end: '04:00' }]],
      });
      // 02:00 does not exist on 2026-03-29: the interval is 03:00–04:00 CEST, one hour.
      expect(sunday.secondsBetween(at('2026-03-28T12:00:00Z'), at('2026-03-30T00:00:00Z'))).toBe(H);
      expect(add(sunday, '2026-03-28T12:00:00Z', 1)).toBe('2026-03-29T01:00:01.000Z');
    });
  });

  describe('America/New_York DST', () => {
    const c = calendar('America/New_York');
    it('spring: Friday 17:00 EST + 2 h is Monday 10:00 EDT', () => {
      expect(add(c, '2026-03-06T22:00:00Z', 2 * H)).toBe('2026-03-09T14:00:00.000Z');
    });
    it('autumn: Friday 17:00 EDT + 2 h is Monday 10:00 EST', () => {
      expect(add(c, '2026-10-30T21:00:00Z', 2 * H)).toBe('2026-11-02T15:00:00.000Z');
    });
    it('a night shift over the autumn change is an hour longer', () => {
      const nights = calendar('America/New_York', {
        week: Array.from({ length: 7 }, () => [{ start: '00:00', end: '06:00' }]),
      });
      // Sunday 2026-11-01: 00:00 EDT (04:00Z) to 06:00 EST (11:00Z) is 7 hours.
      expect(nights.secondsBetween(at('2026-11-01T00:00:00Z'), at('2026-11-01T20:00:00Z'))).toBe(
        7 * H,
      );
      // … and over the spring change an hour shorter.
      expect(nights.secondsBetween(at('2026-03-08T00:00:00Z'), at('2026-03-08T20:00:00Z'))).toBe(
        5 * H,
      );
    });
  });

  describe('validation helpers', () => {
    it('parses HH:MM up to 24:00', () => {
      expect(parseTime('09:30')).toBe(570);
      expect(parseTime('24:00')).toBe(1440);
      expect(parseTime('24:30')).toBeNull();
      expect(parseTime('9:30')).toBeNull();
    });
    it('reports reversed and overlapping intervals', () => {
      expect(intervalErrors([{ start: '09:00', end: '18:00' }])).toEqual([]);
      expect(intervalErrors([{ start: '18:00', end: '09:00' }])).toHaveLength(1);
      expect(
        intervalErrors([
          { start: '09:00', end: '13:00' },
          { start: '12:00', end: '18:00' },
        ]),
      ).toHaveLength(1);
    });
    it('knows IANA zones', () => {
      expect(isValidTimeZone('Europe/Moscow')).toBe(true);
      expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    });
    it('a calendar without working time refuses to add', () => {
      const none = calendar('UTC', { week: [[], [], [], [], [], [], []] });
      expect(none.hasWorkingTime()).toBe(false);
      expect(() => none.addSeconds(at('2026-03-02T00:00:00Z'), 60)).toThrow();
    });
  });
});
