import { describe, expect, it } from '@jest/globals';
import { bandArea, sparklineScales, trajectoryPath, valueBandRect, weekBars, type TimeValue } from '../paths';
import { createLinearScale, createTimeScale, parseLocalDate } from '../scales';

const day = parseLocalDate;
const x = createTimeScale([day('2024-01-01'), day('2024-01-11')], [0, 100]);
const y = createLinearScale([0, 10], [100, 0]);

describe('chart paths', () => {
  it('draws a line through known points as an exact path string', () => {
    const path = trajectoryPath(
      [
        { date: day('2024-01-01'), value: 0 },
        { date: day('2024-01-06'), value: 5 },
        { date: day('2024-01-11'), value: 10 },
      ],
      x,
      y,
    );
    expect(path).toBe('M0,100L50,50L100,0');
  });

  it('draws the line in date order whatever order the points come in', () => {
    const path = trajectoryPath(
      [
        { date: day('2024-01-11'), value: 2 },
        { date: day('2024-01-01'), value: 8 },
      ],
      x,
      y,
    );
    expect(path).toBe('M0,20L100,80');
  });

  it('returns an empty path when there are no points', () => {
    expect(trajectoryPath([], x, y)).toBe('');
    expect(bandArea([], x, y)).toBe('');
  });

  it('draws a band area along the upper bound and back along the lower bound', () => {
    const path = bandArea(
      [
        { date: day('2024-01-01'), lower: 2, upper: 6 },
        { date: day('2024-01-11'), lower: 4, upper: 8 },
      ],
      x,
      y,
    );
    expect(path).toBe('M0,40L100,20L100,60L0,80Z');
  });

  it('gives the rectangle of a horizontal value band', () => {
    const rect = valueBandRect(4, 8, y, 300);
    expect(rect.x).toBe(0);
    expect(rect.width).toBe(300);
    expect(rect.y).toBeCloseTo(20, 9);
    expect(rect.height).toBeCloseTo(40, 9);
  });

  it('fits a sparkline into its box with padding', () => {
    const points: TimeValue[] = [
      { date: day('2024-01-01'), value: 1 },
      { date: day('2024-01-03'), value: 10 },
      { date: day('2024-01-05'), value: 1 },
    ];
    const box = sparklineScales(points, { width: 104, height: 22, valueDomain: [1, 10], padding: 2 });
    expect(trajectoryPath(points, box.x, box.y)).toBe('M2,20L52,2L102,20');
  });

  it('places sparkline points on a fixed 28-day window when one is given', () => {
    const points: TimeValue[] = [
      { date: day('2024-01-15'), value: 5 },
      { date: day('2024-01-29'), value: 5 },
    ];
    const box = sparklineScales(points, {
      width: 56,
      height: 10,
      valueDomain: [0, 10],
      padding: 0,
      timeDomain: [day('2024-01-01'), day('2024-01-29')],
    });
    expect(trajectoryPath(points, box.x, box.y)).toBe('M28,5L56,5');
  });

  it('draws one bar per week spanning its seven days and skips weeks with nothing expected', () => {
    const weekX = createTimeScale([day('2024-01-01'), day('2024-01-15')], [0, 140]);
    const share = createLinearScale([0, 1], [50, 0]);
    const bars = weekBars(
      [
        { weekStart: day('2024-01-01'), value: 0.5 },
        { weekStart: day('2024-01-08'), value: null },
      ],
      weekX,
      share,
      2,
    );
    expect(bars).toEqual([{ weekStart: day('2024-01-01'), value: 0.5, x: 1, width: 68, y: 25, height: 25 }]);
  });
});
