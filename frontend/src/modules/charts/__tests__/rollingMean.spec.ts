import { describe, expect, it } from '@jest/globals';
import { rollingMean } from '../rollingMean';
import { parseLocalDate } from '../scales';

const series = (entries: [string, number][]) => entries.map(([date, value]) => ({ date: parseLocalDate(date), value }));

describe('rollingMean', () => {
  it('gives the 7-day trailing mean of a daily series', () => {
    const daily = series([
      ['2024-03-01', 1],
      ['2024-03-02', 2],
      ['2024-03-03', 3],
      ['2024-03-04', 4],
      ['2024-03-05', 5],
      ['2024-03-06', 6],
      ['2024-03-07', 7],
      ['2024-03-08', 8],
      ['2024-03-09', 9],
    ]);
    expect(rollingMean(daily, 7).map((point) => point.value)).toEqual([1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6]);
  });

  it('averages only the days with an entry, never counting a missing day as zero', () => {
    const sparse = series([
      ['2024-03-01', 2],
      ['2024-03-04', 6],
      ['2024-03-07', 7],
      ['2024-03-08', 9],
    ]);
    // 03-07 window is 03-01..03-07 (2, 6, 7); 03-08 window is 03-02..03-08 (6, 7, 9), 03-01 has left it.
    expect(rollingMean(sparse, 7).map((point) => point.value)).toEqual([2, 4, 5, 22 / 3]);
  });

  it('sorts the series and keeps one point per day', () => {
    const unordered = series([
      ['2024-03-03', 4],
      ['2024-03-01', 2],
    ]);
    expect(rollingMean(unordered, 7)).toEqual(
      series([
        ['2024-03-01', 2],
        ['2024-03-03', 3],
      ]),
    );
  });

  it('returns nothing for an empty series and rejects a window that is not a positive whole number', () => {
    expect(rollingMean([], 7)).toEqual([]);
    expect(() => rollingMean([], 0)).toThrow(RangeError);
  });
});
