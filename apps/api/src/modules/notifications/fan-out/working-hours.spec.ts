import { workingHoursInWords } from './working-hours';

const nineToSix = [{ start: '09:00', end: '18:00' }];

describe('workingHoursInWords', () => {
  it('joins runs of days with the same hours, in the reader’s language', () => {
    const week = [nineToSix, nineToSix, nineToSix, nineToSix, nineToSix, [], []];
    expect(workingHoursInWords(week, 'en')).toBe('Mon–Fri 09:00–18:00');
    expect(workingHoursInWords(week, 'ru')).toBe('пн–пт 09:00–18:00');
  });

  it('lists days with other hours apart, and skips days off', () => {
    const short = [{ start: '10:00', end: '14:00' }];
    const split = [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ];
    const week = [split, split, nineToSix, [], nineToSix, short, []];
    expect(workingHoursInWords(week, 'en')).toBe(
      'Mon–Tue 08:00–12:00, 13:00–17:00; Wed 09:00–18:00; Fri 09:00–18:00; Sat 10:00–14:00',
    );
  });

  it('is null for a calendar without working time', () => {
    expect(workingHoursInWords([[], [], [], [], [], [], []], 'cs')).toBeNull();
  });
});
