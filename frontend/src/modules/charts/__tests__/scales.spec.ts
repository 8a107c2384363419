import { describe, expect, it } from '@jest/globals';
import { createLinearScale, createTimeScale, parseLocalDate, reliableChangeBounds, timeDomain } from '../scales';

describe('chart scales', () => {
  it('maps 5 to 50 on a linear scale from [0, 10] to [100, 0]', () => {
    const y = createLinearScale([0, 10], [100, 0]);
    expect(y(5)).toBe(50);
    expect(y(0)).toBe(100);
    expect(y(10)).toBe(0);
  });

  it('puts a PHQ-9 caseness score of 10 at the right height on a 0-27 axis 270 px tall', () => {
    const y = createLinearScale([0, 27], [270, 0]);
    expect(y(10)).toBe(170);
  });

  it('places the middle day of a 10-day range in the middle of the time axis', () => {
    const x = createTimeScale([parseLocalDate('2024-03-01'), parseLocalDate('2024-03-11')], [0, 500]);
    expect(x(parseLocalDate('2024-03-06'))).toBe(250);
  });

  it('reads a local date as UTC midnight of that day', () => {
    expect(parseLocalDate('2024-03-31').toISOString()).toBe('2024-03-31T00:00:00.000Z');
  });

  it('pads the time domain and widens a short one to the minimum number of days', () => {
    const [start, end] = timeDomain([parseLocalDate('2024-03-10'), parseLocalDate('2024-03-20')], {
      padDays: 1,
      minDays: 28,
    });
    // 2024-03-20 less 28 days is 2024-02-21 (a leap February), less 1 day of padding.
    expect(start.toISOString()).toBe('2024-02-20T00:00:00.000Z');
    expect(end.toISOString()).toBe('2024-03-21T00:00:00.000Z');
  });

  it('falls back to the minimum window ending on the given day when there is no data', () => {
    const end = parseLocalDate('2024-03-29');
    expect(timeDomain([], { minDays: 28, fallbackEnd: end })).toEqual([parseLocalDate('2024-03-01'), end]);
  });

  it('keeps the reliable-change band inside the instrument range', () => {
    expect(reliableChangeBounds(18, 6, [0, 27])).toEqual({ lower: 12, upper: 24 });
    expect(reliableChangeBounds(24, 6, [0, 27])).toEqual({ lower: 18, upper: 27 });
    expect(reliableChangeBounds(2, 4, [0, 21])).toEqual({ lower: 0, upper: 6 });
  });
});
