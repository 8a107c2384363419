import { describe, expect, it } from '@jest/globals';
import { wilsonInterval, Z_95 } from '../wilson.js';

describe('wilsonInterval', () => {
  it('8/10 is about 0.490 to 0.943', () => {
    // p = 0.8, z² = 3.841459, z²/n = 0.3841459, denominator 1.3841459.
    // centre = (0.8 + 0.1920730) / 1.3841459 = 0.716740.
    // half = (1.959964 / 1.3841459) × √(0.8 × 0.2 / 10 + 3.841459 / 400)
    //      = 1.416010 × √(0.016 + 0.0096036) = 1.416010 × 0.160011 = 0.226578.
    // lower = 0.490162, upper = 0.943318.
    const interval = wilsonInterval(8, 10);
    expect(interval?.rate).toBe(0.8);
    expect(interval?.lower).toBeCloseTo(0.490162, 5);
    expect(interval?.upper).toBeCloseTo(0.943318, 5);
  });

  it('0/10 runs from 0 to 0.2775', () => {
    // p = 0: centre = 0.1920730 / 1.3841459 = 0.138766 and half = 1.416010 × √0.0096036 = 0.138766,
    // so lower = 0 and upper = 0.277533 (= z² / (n + z²) = 3.841459 / 13.841459).
    expect(wilsonInterval(0, 10)).toEqual({ rate: 0, lower: 0, upper: expect.closeTo(0.277533, 5) });
  });

  it('10/10 runs from 0.7225 to 1, mirroring 0/10', () => {
    // By symmetry lower = 1 - 0.277533 = 0.722467; upper = 1.
    expect(wilsonInterval(10, 10)).toEqual({ rate: 1, lower: expect.closeTo(0.722467, 5), upper: 1 });
  });

  // Newcombe R.G. (1998) Stat Med 17:857-872, worked examples for the score method.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("matches Newcombe's %i/%i: %p to %p", (successes, n, lower, upper) => {
    const interval = wilsonInterval(successes, n, Z_95);
    expect(interval?.lower).toBeCloseTo(lower, 4);
    expect(interval?.upper).toBeCloseTo(upper, 4);
  });

  it('has no interval for n = 0 and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
  });
});
