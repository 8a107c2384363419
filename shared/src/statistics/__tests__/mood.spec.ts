import { describe, expect, it } from '@jest/globals';
import { addDays } from '../../dates/local-date.js';
import { moodAdherence, moodMean, moodRmssd, moodSlopePerWeek, summarizeMood, type MoodEntry } from '../mood.js';

const AS_OF = '2025-03-31';

/** An entry `daysAgo` days before AS_OF. */
function entry(daysAgo: number, rating: number): MoodEntry {
  return { date: addDays(AS_OF, -daysAgo), rating };
}

describe('moodMean (7 days)', () => {
  it('averages the entries from 6 days ago through today, inclusive', () => {
    // 4 and 8 are inside (25-31 March); the 1 on 24 March is outside. (4 + 8) / 2 = 6.
    expect(moodMean([entry(7, 1), entry(6, 4), entry(0, 8)], AS_OF)).toBe(6);
  });

  it('ignores entries after asOf and is null with nothing in the window', () => {
    expect(moodMean([{ date: '2025-04-01', rating: 9 }, entry(3, 5)], AS_OF)).toBe(5);
    expect(moodMean([entry(10, 5)], AS_OF)).toBeNull();
  });
});

describe('moodSlopePerWeek (28 days)', () => {
  it('a rise of 1 point a day is +7 points a week', () => {
    const rising = Array.from({ length: 10 }, (_, i) => entry(9 - i, i + 1));
    expect(moodSlopePerWeek(rising, AS_OF)).toBeCloseTo(7, 10);
  });

  it('a fall of 1 point every 2 days is -3.5 points a week', () => {
    const falling = Array.from({ length: 10 }, (_, i) => entry(27 - 2 * i, 10 - i));
    expect(moodSlopePerWeek(falling, AS_OF)).toBeCloseTo(-3.5, 10);
  });

  it('fits irregular entries by least squares', () => {
    // Day indices 0, 7, 14 with ratings 3, 4, 8: x̄ = 7, ȳ = 5, Sxy = (-7)(-2) + 0 + (7)(3) = 35,
    // Sxx = 49 + 0 + 49 = 98, slope = 35/98 per day = 2.5 per week.
    expect(moodSlopePerWeek([entry(20, 3), entry(13, 4), entry(6, 8)], AS_OF)).toBeCloseTo(2.5, 10);
  });

  it('only looks at the last 28 days and needs two of them', () => {
    // The entry 28 days ago (3 March) is outside the window that starts on 4 March.
    expect(moodSlopePerWeek([entry(28, 1), entry(27, 5)], AS_OF)).toBeNull();
    expect(moodSlopePerWeek([entry(27, 5), entry(0, 5)], AS_OF)).toBe(0);
  });
});

describe('moodRmssd (28 days)', () => {
  it('is the root mean square of successive differences, in date order', () => {
    // Ratings in date order 5, 7, 4, 4, 6: differences 2, -3, 0, 2; squares 4 + 9 + 0 + 4 = 17;
    // 17 / 4 = 4.25; √4.25 = 2.061553. Entries are given out of order and with gaps.
    const entries = [entry(2, 4), entry(20, 5), entry(0, 6), entry(15, 7), entry(3, 4)];
    expect(moodRmssd(entries, AS_OF)).toBeCloseTo(2.061553, 6);
  });

  it('is null with fewer than two entries', () => {
    expect(moodRmssd([entry(1, 5)], AS_OF)).toBeNull();
  });
});

describe('moodAdherence', () => {
  it('is days with an entry over days in the window', () => {
    const everyOtherDay = Array.from({ length: 14 }, (_, i) => entry(2 * i, 5));
    expect(moodAdherence([...everyOtherDay, entry(40, 5)], AS_OF)).toBe(0.5); // 14 / 28
    expect(moodAdherence([entry(0, 5), entry(6, 5)], AS_OF, 7)).toBeCloseTo(2 / 7, 12);
  });
});

describe('summarizeMood', () => {
  it('bundles the four dashboard figures', () => {
    expect(summarizeMood([], AS_OF)).toEqual({
      mean7: null,
      slopePerWeek28: null,
      rmssd28: null,
      adherence28: 0,
      entries28: 0,
    });
    const summary = summarizeMood([entry(27, 2), entry(0, 6)], AS_OF);
    // Two entries 27 days apart, +4 points: 4/27 per day = 1.037037 per week; RMSSD √16 = 4.
    expect(summary).toEqual({
      mean7: 6,
      slopePerWeek28: expect.closeTo(28 / 27, 10),
      rmssd28: 4,
      adherence28: 2 / 28,
      entries28: 2,
    });
  });
});
