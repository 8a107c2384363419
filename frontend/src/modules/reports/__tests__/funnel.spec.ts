import { describe, expect, it } from '@jest/globals';
import { createLinearScale } from '../../charts/scales';
import {
  createFunnelScales,
  describeFunnel,
  funnelMarkPath,
  funnelPosition,
  limitArea,
  limitPath,
  limitsAt,
  outlierLabelPlacement,
  placeFunnelPoints,
} from '../funnel';
import type { FunnelLimit } from '../graphql/report';

// Curve limits as the API might send them (only the scales and paths below read them).
const AT_64: FunnelLimit = { n: 64, lower95: 0.369284, upper95: 0.615091, lower998: 0.300086, upper998: 0.684289 };

describe("funnel limits at a therapist's n", () => {
  it('are the exact binomial limits around the practice rate (Spiegelhalter 2005)', () => {
    // p = 0.5, n = 100: F(60) = 0.982400 >= 0.975 > F(59) = 0.971556, P(60) = 0.010844,
    // α = (0.982400 - 0.975) / 0.010844 = 0.682404, upper95 = (60 - 0.682404) / 100 = 0.593176;
    // lower95 by symmetry 0.396824. 99.8%: F(65) = 0.999105, P(65) = 0.000864, α = 0.121588,
    // upper998 = 0.648784, lower998 = 0.341216. (The normal approximation gave 0.5 ± 0.098 and ± 0.155.)
    const at = limitsAt(0.5, 100);
    expect(at?.lower95).toBeCloseTo(0.396824, 5);
    expect(at?.upper95).toBeCloseTo(0.593176, 5);
    expect(at?.lower998).toBeCloseTo(0.341216, 5);
    expect(at?.upper998).toBeCloseTo(0.648784, 5);
  });

  it('at p = 0.69, n = 10 keep the 95% upper limit at the binomial 0.8995, not 0.977', () => {
    // F(9) = 1 - 0.69^10 = 0.975538, P(9) = 10 × 0.69^9 × 0.31 = 0.109901: (9 - 0.004896) / 10.
    expect(limitsAt(0.69, 10)?.upper95).toBeCloseTo(0.89951, 5);
  });

  it('has no limits without a practice rate', () => {
    expect(limitsAt(null, 30)).toBeNull();
  });
});

describe('funnel position of a therapist', () => {
  const at100 = { lower95: 0.396824, upper95: 0.593176, lower998: 0.341216, upper998: 0.648784 };

  it('places a rate inside, beyond the 95% and beyond the 99.8% limit on either side', () => {
    expect(funnelPosition(0.5, at100)).toBe('WITHIN');
    expect(funnelPosition(0.61, at100)).toBe('ABOVE_95');
    expect(funnelPosition(0.38, at100)).toBe('BELOW_95');
    expect(funnelPosition(0.7, at100)).toBe('ABOVE_998');
    expect(funnelPosition(0.3, at100)).toBe('BELOW_998');
  });

  it('counts a rate exactly on a limit as within it', () => {
    expect(funnelPosition(0.593176, at100)).toBe('WITHIN');
    expect(funnelPosition(0.648784, at100)).toBe('ABOVE_95');
  });

  it('names each point and orders points left to right for the keyboard', () => {
    const names: Record<string, string> = { a: 'Ada', b: 'Ben', c: 'Cas' };
    const placed = placeFunnelPoints(
      [
        // Exact limits at p = 0.5: n = 64, 99.8% 0.300086-0.684289; n = 100, 0.341216-0.648784.
        { therapistId: 'c', n: 144, rate: 0.5 },
        { therapistId: 'a', n: 100, rate: 0.7 },
        { therapistId: 'b', n: 64, rate: 0.25 },
      ],
      0.5,
      (id) => names[id],
    );
    expect(placed.map((point) => [point.name, point.position])).toEqual([
      ['Ben', 'BELOW_998'],
      ['Ada', 'ABOVE_998'],
      ['Cas', 'WITHIN'],
    ]);
  });
});

describe('funnel scales and paths', () => {
  it('runs x from 0 past the largest n to a nice number and y from 0 to 100%', () => {
    const { x, y } = createFunnelScales([{ therapistId: 'a', n: 48, rate: 0.5 }], [{ ...AT_64, n: 57 }], 600, 300);
    expect(x.domain()).toEqual([0, 60]);
    expect(x(30)).toBe(300);
    expect(y(0.5)).toBe(150);
    expect(y(1)).toBe(0);
  });

  it('draws a limit as an exact path in n order', () => {
    const x = createLinearScale([0, 20], [0, 200]);
    const y = createLinearScale([0, 1], [100, 0]);
    const limits: FunnelLimit[] = [
      { n: 20, lower95: 0.3, upper95: 0.7, lower998: 0.2, upper998: 0.8 },
      { n: 10, lower95: 0.2, upper95: 0.8, lower998: 0.1, upper998: 0.9 },
    ];
    expect(limitPath(limits, 'lower95', x, y)).toBe('M100,80L200,70');
    expect(limitPath(limits, 'upper998', x, y)).toBe('M100,10L200,20');
    expect(limitArea(limits, 'lower95', 'upper95', x, y)).toBe('M100,20L200,30L200,70L100,80Z');
    expect(limitPath([], 'lower95', x, y)).toBe('');
  });

  it('gives each position its own mark: circle, triangle up, triangle down, diamond', () => {
    const within = funnelMarkPath('WITHIN');
    const above = funnelMarkPath('ABOVE_95');
    const below = funnelMarkPath('BELOW_95');
    const beyond = funnelMarkPath('ABOVE_998');
    expect(new Set([within, above, below, beyond]).size).toBe(4);
    expect(within).toContain('A'); // an arc: a circle
    expect(above).toMatch(/^M0,-/); // apex above the centre
    expect(below).toMatch(/^M0,\d/); // apex below the centre
    expect(beyond.split('L')).toHaveLength(4); // four corners: a diamond
    expect(funnelMarkPath('BELOW_998')).toBe(beyond);
  });
});

describe('outlier labels', () => {
  it('sit to the right of the point, above it when above the limits and below it when below', () => {
    expect(outlierLabelPlacement(100, 50, 'ABOVE_95', 'Ada · above 95%', 600)).toEqual({
      x: 110,
      y: 40,
      anchor: 'start',
    });
    expect(outlierLabelPlacement(100, 50, 'BELOW_998', 'Ada · below 99.8%', 600)).toEqual({
      x: 110,
      y: 68,
      anchor: 'start',
    });
  });

  it('move to the left of the point when they would run past the right edge', () => {
    // 20 characters at about 6.6 px need 132 px: from x = 510 that ends past 600.
    expect(outlierLabelPlacement(500, 50, 'ABOVE_998', 'Dr Fay · above 99.8%', 600)).toEqual({
      x: 490,
      y: 40,
      anchor: 'end',
    });
  });

  it('centre on the point, inside the plot, when neither side has room', () => {
    // 20 characters are about 132 px; a 200 px plot has room on neither side of x = 100.
    const placed = outlierLabelPlacement(100, 50, 'BELOW_95', 'Dr Fay · below 99.8%', 200);
    expect(placed.anchor).toBe('start');
    expect(placed.x).toBeCloseTo(34, 9);
    // Near the right edge of a 160 px plot it ends at the edge: 160 − 132 = 28.
    expect(outlierLabelPlacement(140, 50, 'ABOVE_95', 'Dr Fay · above 99.8%', 160).x).toBeCloseTo(28, 9);
  });
});

describe('describeFunnel', () => {
  it('summarises how many therapists sit within and beyond the limits', () => {
    const placed = placeFunnelPoints(
      [
        { therapistId: 'a', n: 100, rate: 0.5 },
        { therapistId: 'b', n: 100, rate: 0.62 },
        { therapistId: 'c', n: 100, rate: 0.3 },
      ],
      0.5,
      (id) => id,
    );
    expect(describeFunnel(0.5, placed)).toBe(
      'Practice recovery rate 50% (the solid line), with 95% and 99.8% control limits. 3 therapists plotted: 1 within the 95% limits, 1 beyond the 95% limit only, 1 beyond the 99.8% limit.',
    );
  });

  it('says why there is no plot or no point', () => {
    expect(describeFunnel(null, [])).toBe('No funnel plot: no finished episodes at caseness in this period.');
    expect(describeFunnel(0.5, [])).toContain(
      'No therapist is plotted: none has 15 or more finished episodes with at least one at caseness',
    );
  });
});
