import { addPause, clocksStopped, NOT_PAUSED } from './sla-clock';

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
});
