import { describe, expect, it } from '@jest/globals';
import { FUNNEL_Z_95, FUNNEL_Z_998, funnelLimits } from '../funnel.js';

describe('funnelLimits', () => {
  it('uses the standard normal quantiles for 95% and 99.8%', () => {
    expect(FUNNEL_Z_95).toBe(1.959964);
    expect(FUNNEL_Z_998).toBe(3.090232);
  });

  it('p = 0.5, n = 100 gives ± z × 0.05', () => {
    // √(0.5 × 0.5 / 100) = 0.05; 1.959964 × 0.05 = 0.0979982; 3.090232 × 0.05 = 0.1545116.
    const inner = funnelLimits(0.5, 100, FUNNEL_Z_95);
    expect(inner.lower).toBeCloseTo(0.4020018, 7);
    expect(inner.upper).toBeCloseTo(0.5979982, 7);
    const outer = funnelLimits(0.5, 100, FUNNEL_Z_998);
    expect(outer.lower).toBeCloseTo(0.3454884, 7);
    expect(outer.upper).toBeCloseTo(0.6545116, 7);
  });

  it('clips to [0, 1] for small n', () => {
    // √(0.05 × 0.95 / 10) = 0.068920; × 3.090232 = 0.212980: 0.05 - 0.21 < 0 is clipped to 0.
    const limits = funnelLimits(0.05, 10, FUNNEL_Z_998);
    expect(limits.lower).toBe(0);
    expect(limits.upper).toBeCloseTo(0.26298, 5);
    expect(funnelLimits(0.98, 5, FUNNEL_Z_998).upper).toBe(1);
  });

  it('rejects n = 0 and p outside [0, 1]', () => {
    expect(() => funnelLimits(0.5, 0, FUNNEL_Z_95)).toThrow(RangeError);
    expect(() => funnelLimits(1.2, 10, FUNNEL_Z_95)).toThrow(RangeError);
  });
});
