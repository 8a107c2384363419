import { describe, expect, it } from '@jest/globals';
import { FUNNEL_COVERAGE_95, FUNNEL_COVERAGE_998, funnelLimits } from '../funnel.js';

// Expected values worked by hand from cumulative binomial sums F(r) = P(R <= r) and
// P(r) = C(n, r) p^r (1-p)^(n-r), then Spiegelhalter's (2005) interpolation: r = the smallest
// count with F(r) >= q, α = (F(r) - q) / P(r), limit = (r - α) / n.
describe('funnelLimits (exact binomial, Spiegelhalter 2005 interpolation)', () => {
  it('p = 0.69, n = 10: the 95% upper limit is 0.8995, not the normal approximation 0.977', () => {
    // P(10) = 0.69^10 = 0.024462; P(9) = 10 × 0.69^9 × 0.31 = 0.109901.
    // F(9) = 1 - 0.024462 = 0.975538 >= 0.975 > F(8) = 0.865637, so r = 9;
    // α = (0.975538 - 0.975) / 0.109901 = 0.004896; upper = (9 - 0.004896) / 10 = 0.899510.
    // Lower, q = 0.025: F(3) = 0.012864 < 0.025 <= F(4) = 0.055110, P(4) = 0.042246;
    // α = (0.055110 - 0.025) / 0.042246 = 0.712723; lower = (4 - 0.712723) / 10 = 0.328728.
    const limits = funnelLimits(0.69, 10, FUNNEL_COVERAGE_95);
    expect(limits.upper).toBeCloseTo(0.89951, 5);
    expect(limits.lower).toBeCloseTo(0.328728, 5);
  });

  it('p = 0.69, n = 10 at 99.8%', () => {
    // q = 0.999: F(9) = 0.975538 < 0.999, r = 10, P(10) = 0.024462; α = (1 - 0.999) / 0.024462 = 0.040880;
    // upper = (10 - 0.040880) / 10 = 0.995912.
    // q = 0.001: P(0..1) sum to F(1) = 0.000191, P(2) = 45 × 0.69^2 × 0.31^8 = 0.001827, F(2) = 0.002018;
    // α = (0.002018 - 0.001) / 0.001827 = 0.557062; lower = (2 - 0.557062) / 10 = 0.144294.
    const limits = funnelLimits(0.69, 10, FUNNEL_COVERAGE_998);
    expect(limits.upper).toBeCloseTo(0.995912, 5);
    expect(limits.lower).toBeCloseTo(0.144294, 5);
  });

  it('p = 0.5, n = 100 at 95% and 99.8%', () => {
    // P(60) = C(100, 60) / 2^100 = 0.010844; F(59) = 0.971556, F(60) = 0.982400: r = 60,
    // α = (0.982400 - 0.975) / 0.010844 = 0.682404, upper = 0.593176 (normal approx.: 0.597998).
    // By symmetry F(39) = 0.017600, F(40) = 0.028444: r = 40, α = 0.317596, lower = 0.396824.
    // 99.8%: F(64) = 0.998241, F(65) = 0.999105, P(65) = 0.000864: α = 0.121588, upper = 0.648784;
    // F(34) = 0.000895, F(35) = 0.001759: α = 0.878412, lower = 0.341216.
    const inner = funnelLimits(0.5, 100, FUNNEL_COVERAGE_95);
    expect(inner.upper).toBeCloseTo(0.593176, 5);
    expect(inner.lower).toBeCloseTo(0.396824, 5);
    const outer = funnelLimits(0.5, 100, FUNNEL_COVERAGE_998);
    expect(outer.upper).toBeCloseTo(0.648784, 5);
    expect(outer.lower).toBeCloseTo(0.341216, 5);
  });

  it('p = 0.45, n = 20 at 95% and 99.8%', () => {
    // F(12) = 0.941966, F(13) = 0.978586, P(13) = 0.036620: α = 0.097916, upper95 = (13 - 0.097916) / 20 = 0.645104.
    // F(4) = 0.018863, F(5) = 0.055334, P(5) = 0.036471: α = 0.831736, lower95 = (5 - 0.831736) / 20 = 0.208413.
    // F(15) = 0.998469, F(16) = 0.999723, P(16) = 0.001254: α = 0.576610, upper998 = 0.771169.
    // F(2) = 0.000927, F(3) = 0.004933, P(3) = 0.004006: α = 0.981886, lower998 = 0.100906.
    const inner = funnelLimits(0.45, 20, FUNNEL_COVERAGE_95);
    expect(inner.upper).toBeCloseTo(0.645104, 5);
    expect(inner.lower).toBeCloseTo(0.208413, 5);
    const outer = funnelLimits(0.45, 20, FUNNEL_COVERAGE_998);
    expect(outer.upper).toBeCloseTo(0.771169, 5);
    expect(outer.lower).toBeCloseTo(0.100906, 5);
  });

  it('small n and a rate near 0: p = 0.1, n = 10, and n = 1', () => {
    // p = 0.1, n = 10: F(0) = 0.9^10 = 0.348678 >= 0.025, so r = 0 and (0 - α) / 10 < 0: the lower limit is 0.
    // Upper 95%: F(2) = 0.929809, F(3) = 0.987205, P(3) = 120 × 0.001 × 0.9^7 = 0.057396;
    // α = (0.987205 - 0.975) / 0.057396 = 0.212643; upper = (3 - 0.212643) / 10 = 0.278736.
    // Upper 99.8%: F(4) = 0.998365, F(5) = 0.999853, P(5) = 252 × 0.1^5 × 0.9^5 = 0.001488;
    // α = (0.999853 - 0.999) / 0.001488 = 0.573305; upper = 0.442670.
    expect(funnelLimits(0.1, 10, FUNNEL_COVERAGE_95)).toEqual({ lower: 0, upper: expect.closeTo(0.278736, 5) });
    expect(funnelLimits(0.1, 10, FUNNEL_COVERAGE_998).upper).toBeCloseTo(0.44267, 5);
    // p = 0.5, n = 1: F(0) = 0.5, F(1) = 1, P(1) = 0.5; upper 95% α = (1 - 0.975) / 0.5 = 0.05, so 0.95.
    expect(funnelLimits(0.5, 1, FUNNEL_COVERAGE_95)).toEqual({ lower: 0, upper: expect.closeTo(0.95, 10) });
  });

  it('collapses onto a target of 0 or 1', () => {
    expect(funnelLimits(0, 12, FUNNEL_COVERAGE_95)).toEqual({ lower: 0, upper: 0 });
    // p = 1: all mass on r = n, α = 1 - q: lower = (12 - 0.975) / 12, upper = (12 - 0.025) / 12.
    const one = funnelLimits(1, 12, FUNNEL_COVERAGE_95);
    expect(one.lower).toBeCloseTo(11.025 / 12, 10);
    expect(one.upper).toBeCloseTo(11.975 / 12, 10);
  });

  it('stays finite for a large n', () => {
    // Normal approximation is close here: 0.3 ± 1.96 × √(0.21 / 5000) = 0.3 ± 0.0127.
    const limits = funnelLimits(0.3, 5000, FUNNEL_COVERAGE_95);
    expect(limits.lower).toBeCloseTo(0.2873, 3);
    expect(limits.upper).toBeCloseTo(0.3127, 3);
  });

  it('rejects n = 0, a fractional n, p outside [0, 1] and a coverage outside (0, 1)', () => {
    expect(() => funnelLimits(0.5, 0, FUNNEL_COVERAGE_95)).toThrow(RangeError);
    expect(() => funnelLimits(0.5, 2.5, FUNNEL_COVERAGE_95)).toThrow(RangeError);
    expect(() => funnelLimits(1.2, 10, FUNNEL_COVERAGE_95)).toThrow(RangeError);
    expect(() => funnelLimits(0.5, 10, 1)).toThrow(RangeError);
  });
});
