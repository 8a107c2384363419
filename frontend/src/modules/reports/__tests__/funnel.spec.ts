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

// Limits around p = 0.5, p ± z·√(p(1−p)/n) with z = 1.959964 (95%) and 3.090232 (99.8%):
// at n = 64 the half-widths are 0.1224978 and 0.1931395; at n = 144, 0.0816652 and 0.1287597.
const AT_64: FunnelLimit = { n: 64, lower95: 0.3775022, upper95: 0.6224978, lower998: 0.3068605, upper998: 0.6931395 };
const AT_144: FunnelLimit = {
  n: 144,
  lower95: 0.4183348,
  upper95: 0.5816652,
  lower998: 0.3712403,
  upper998: 0.6287597,
};

describe('funnel limits between the n the API sent', () => {
  it('gives the published limits for p = 0.5, n = 100 (Spiegelhalter 2005) from those at n = 64 and 144', () => {
    // Exact, because the limits are straight lines in 1/√n: 0.5 ± 0.0979982 and 0.5 ± 0.1545116.
    const at = limitsAt([AT_144, AT_64], 100);
    expect(at?.lower95).toBeCloseTo(0.4020018, 6);
    expect(at?.upper95).toBeCloseTo(0.5979982, 6);
    expect(at?.lower998).toBeCloseTo(0.3454884, 6);
    expect(at?.upper998).toBeCloseTo(0.6545116, 6);
  });

  it('uses the limits as sent at an n the API gave, and the nearest end outside their range', () => {
    expect(limitsAt([AT_64, AT_144], 64)?.upper95).toBe(0.6224978);
    expect(limitsAt([AT_64, AT_144], 20)?.upper95).toBe(0.6224978);
    expect(limitsAt([AT_64, AT_144], 400)?.lower998).toBe(0.3712403);
  });

  it('has no limits without any from the API', () => {
    expect(limitsAt([], 30)).toBeNull();
  });
});

describe('funnel position of a therapist', () => {
  const at100 = { lower95: 0.4020018, upper95: 0.5979982, lower998: 0.3454884, upper998: 0.6545116 };

  it('places a rate inside, beyond the 95% and beyond the 99.8% limit on either side', () => {
    expect(funnelPosition(0.5, at100)).toBe('WITHIN');
    expect(funnelPosition(0.61, at100)).toBe('ABOVE_95');
    expect(funnelPosition(0.39, at100)).toBe('BELOW_95');
    expect(funnelPosition(0.7, at100)).toBe('ABOVE_998');
    expect(funnelPosition(0.3, at100)).toBe('BELOW_998');
  });

  it('counts a rate exactly on a limit as within it', () => {
    expect(funnelPosition(0.5979982, at100)).toBe('WITHIN');
    expect(funnelPosition(0.6545116, at100)).toBe('ABOVE_95');
  });

  it('names each point and orders points left to right for the keyboard', () => {
    const names: Record<string, string> = { a: 'Ada', b: 'Ben', c: 'Cas' };
    const placed = placeFunnelPoints(
      [
        { therapistId: 'c', n: 144, rate: 0.5 },
        { therapistId: 'a', n: 100, rate: 0.7 },
        { therapistId: 'b', n: 64, rate: 0.3 },
      ],
      [AT_64, AT_144],
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
      [AT_64, AT_144],
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
