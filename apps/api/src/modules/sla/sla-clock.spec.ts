import type { WorkingInterval } from '@relaydesk/contracts';
import { BusinessCalendar } from './business-time';
import {
  addPause,
  clocksStopped,
  MAX_SLA_STOPS,
  NOT_PAUSED,
  replayStops,
  withStop,
  type SlaStop,
  type SlaTargets,
} from './sla-clock';

const at = (iso: string) => new Date(iso);

describe('sla-clock', () => {
  describe('addPause', () => {
    const stop = at('2026-03-03T10:00:00Z');
    it('adds the stop to a clock whose due was still ahead', () => {
      const dues = {
        firstResponseDueAt: at('2026-03-03T10:00:01Z'),
        resolutionDueAt: at('2026-03-04T10:00:00Z'),
      };
      expect(addPause({ firstResponse: 60, resolution: 60 }, dues, stop, 3600)).toEqual({
        firstResponse: 3660,
        resolution: 3660,
      });
    });

    it('leaves a clock whose due came at or before the stop as it was', () => {
      expect(
        addPause(
          NOT_PAUSED,
          { firstResponseDueAt: stop, resolutionDueAt: at('2026-03-04T10:00:00Z') },
          stop,
          3600,
        ),
      ).toEqual({ firstResponse: 0, resolution: 3600 });
      expect(
        addPause(
          { firstResponse: 120, resolution: 120 },
          { firstResponseDueAt: at('2026-03-03T09:00:00Z'), resolutionDueAt: stop },
          stop,
          3600,
        ),
      ).toEqual({ firstResponse: 120, resolution: 120 });
    });

    it('carries the stop on a clock without a target, so the two stay equal', () => {
      expect(
        addPause(NOT_PAUSED, { firstResponseDueAt: null, resolutionDueAt: null }, stop, 5),
      ).toEqual({ firstResponse: 5, resolution: 5 });
    });
  });

  it('stops the clocks in pausing statuses and in resolved, closed, canceled and informational ones', () => {
    expect(clocksStopped({ pausesSla: false, category: 'informational' })).toBe(true);
    expect(clocksStopped({ pausesSla: false, category: 'closed' })).toBe(true);
    expect(clocksStopped({ pausesSla: true, category: 'pending' })).toBe(true);
    expect(clocksStopped({ pausesSla: false, category: 'open' })).toBe(false);
    expect(clocksStopped({ pausesSla: false, category: 'pending' })).toBe(false);
  });

  describe('replayStops', () => {
    const H = 3600;
    const allDay: WorkingInterval[] = [{ start: '00:00', end: '24:00' }];
    const calendarOf = (day: WorkingInterval[]) =>
      new BusinessCalendar({
        timeZone: 'UTC',
        week: [day, day, day, day, day, day, day],
        holidays: [],
        exceptions: [],
      });
    const always = calendarOf(allDay);
    const filed = at('2026-03-03T10:00:00Z');
    const targets = (first: number, resolution: number): SlaTargets => ({
      firstResponseSeconds: first,
      resolutionSeconds: resolution,
      reminderPercent: 75,
    });
    const noonToOne: SlaStop = ['2026-03-03T12:00:00.000Z', '2026-03-03T13:00:00.000Z'];

    it('does not count a stop that began after the new, shorter due', () => {
      // 4 h counted the 12:00–13:00 stop; with 30 minutes the clock ran out at 10:30.
      expect(replayStops(always, targets(4 * H, 8 * H), filed, [noonToOne]).paused).toEqual({
        firstResponse: H,
        resolution: H,
      });
      expect(replayStops(always, targets(H / 2, 8 * H), filed, [noonToOne])).toEqual({
        paused: { firstResponse: 0, resolution: H },
        total: H,
      });
    });

    it('counts a stop that began before the new, longer due', () => {
      expect(replayStops(always, targets(H, 8 * H), filed, [noonToOne]).paused).toEqual({
        firstResponse: 0,
        resolution: H,
      });
      expect(replayStops(always, targets(4 * H, 8 * H), filed, [noonToOne]).paused).toEqual({
        firstResponse: H,
        resolution: H,
      });
    });

    it('does not count a stop that begins exactly at the due, as addPause does', () => {
      expect(replayStops(always, targets(2 * H, 8 * H), filed, [noonToOne]).paused).toEqual({
        firstResponse: 0,
        resolution: H,
      });
    });

    it('decides each stop against the due the earlier stops left', () => {
      // 2 h: the first stop (11:00–12:00) moves the due to 13:00, so the second (12:30) counts.
      const stops: SlaStop[] = [
        ['2026-03-03T11:00:00.000Z', '2026-03-03T12:00:00.000Z'],
        ['2026-03-03T12:30:00.000Z', '2026-03-03T13:00:00.000Z'],
      ];
      expect(replayStops(always, targets(2 * H, 8 * H), filed, stops).paused).toEqual({
        firstResponse: 1.5 * H,
        resolution: 1.5 * H,
      });
    });

    it('measures the stops on the calendar it is given', () => {
      // Office hours 09:00–12:30: of the 12:00–13:00 stop, 30 minutes are business time.
      const office = calendarOf([{ start: '09:00', end: '12:30' }]);
      expect(replayStops(office, targets(3 * H, 8 * H), filed, [noonToOne])).toEqual({
        paused: { firstResponse: H / 2, resolution: H / 2 },
        total: H / 2,
      });
    });
  });

  describe('withStop', () => {
    const t0 = Date.parse('2026-03-03T00:00:00Z');
    const iso = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();

    it('appends a stop in order and drops one of no length', () => {
      const one = withStop([], new Date(iso(0)), new Date(iso(5)));
      expect(one).toEqual([[iso(0), iso(5)]]);
      expect(withStop(one, new Date(iso(9)), new Date(iso(9)))).toEqual(one);
    });

    it('keeps an unknown history unknown', () => {
      expect(withStop(null, new Date(iso(0)), new Date(iso(5)))).toBeNull();
    });

    it('merges the two neighbours with the shortest gap past the cap', () => {
      // Stops of 1 minute every 10 minutes, but the gap after the 3rd is only 2 minutes.
      const stops: SlaStop[] = [];
      for (let i = 0; i < MAX_SLA_STOPS; i++) {
        const start = i * 10 + (i > 3 ? -7 : 0);
        stops.push([iso(start), iso(start + 1)]);
      }
      const last = MAX_SLA_STOPS * 10;
      const next = withStop(stops, new Date(iso(last)), new Date(iso(last + 1)));
      expect(next).toHaveLength(MAX_SLA_STOPS);
      expect(next?.[3]).toEqual([iso(30), iso(34)]);
      expect(next?.[4]).toEqual(stops[5]);
      expect(next?.[MAX_SLA_STOPS - 1]).toEqual([iso(last), iso(last + 1)]);
    });
  });
});
