import { describe, expect, it } from '@jest/globals';
import { leastSquares, mean, nearestRankQuantile, sampleSd } from '../descriptive.js';

describe('mean and sampleSd', () => {
  it('computes the textbook example 2,4,4,4,5,5,7,9', () => {
    // Mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; sample SD = sqrt(32/7) = 2.138090.
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(values)).toBe(5);
    expect(sampleSd(values)).toBeCloseTo(2.13809, 5);
  });

  it('returns null when there is too little data', () => {
    expect(mean([])).toBeNull();
    expect(sampleSd([7])).toBeNull();
  });
});

describe('leastSquares', () => {
  it('fits (1,2),(2,4),(3,5),(4,4),(5,5) as y = 2.2 + 0.6x', () => {
    // x̄ = 3, ȳ = 4; Sxy = (-2)(-2) + (-1)(0) + 0 + (1)(0) + (2)(1) = 6; Sxx = 10;
    // slope = 0.6, intercept = 4 - 0.6 * 3 = 2.2.
    const fit = leastSquares([
      { x: 1, y: 2 },
      { x: 2, y: 4 },
      { x: 3, y: 5 },
      { x: 4, y: 4 },
      { x: 5, y: 5 },
    ]);
    expect(fit?.slope).toBeCloseTo(0.6, 12);
    expect(fit?.intercept).toBeCloseTo(2.2, 12);
  });

  it('returns null for one point or a vertical line', () => {
    expect(leastSquares([{ x: 1, y: 1 }])).toBeNull();
    expect(
      leastSquares([
        { x: 2, y: 1 },
        { x: 2, y: 5 },
      ]),
    ).toBeNull();
  });
});

describe('nearestRankQuantile', () => {
  // The nearest-rank worked example for 15, 20, 35, 40, 50 (Wikipedia, "Percentile").
  it.each([
    [0.05, 15],
    [0.3, 20],
    [0.4, 20],
    [0.5, 35],
    [1, 50],
  ])('the %p quantile of 15, 20, 35, 40, 50 is %p', (q, expected) => {
    expect(nearestRankQuantile([50, 15, 40, 20, 35], q)).toBe(expected);
  });

  it('returns null for no data and rejects q outside (0, 1]', () => {
    expect(nearestRankQuantile([], 0.5)).toBeNull();
    expect(() => nearestRankQuantile([1], 0)).toThrow(RangeError);
  });
});
