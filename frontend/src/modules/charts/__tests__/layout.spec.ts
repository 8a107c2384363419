import { describe, expect, it } from '@jest/globals';
import { innerHeightOf, innerWidthOf, TIMELINE_MARGIN } from '../layout';

describe('chart layout', () => {
  it('leaves a 572 x 180 plot inside a 640 x 220 timeline chart (margins 48 left, 20 right, 14 top, 26 bottom)', () => {
    expect(innerWidthOf(640)).toBe(572);
    expect(innerHeightOf(220)).toBe(180);
  });

  it('measures the plot inside a chart’s own margin when given one', () => {
    const margin = { top: 10, right: 10, bottom: 40, left: 60 };
    expect(innerWidthOf(400, margin)).toBe(330);
    expect(innerHeightOf(300, margin)).toBe(250);
  });

  it('never gives a negative plot width to a chart narrower than its margins', () => {
    expect(innerWidthOf(TIMELINE_MARGIN.left)).toBe(0);
  });
});
