import { useMemo } from 'react';
import { innerHeightOf, innerWidthOf } from '../layout';
import { createLinearScale, createTimeScale, type LinearScale, type TimeScale } from '../scales';

export interface TimelineScales {
  /** The plot area inside the timeline margin, in pixels. */
  innerWidth: number;
  innerHeight: number;
  /** Time left to right across the plot area. */
  x: TimeScale;
  /** Values bottom to top, so that a higher score sits higher. */
  y: LinearScale;
}

/**
 * The frame and scales of a chart on a client's timeline: every such chart shares the margin and the
 * time domain, so one date sits at the same x in each. d3 computes the scales here; the chart renders.
 * Each scale is rebuilt only when its own inputs change, so paths memoized on it stay put.
 */
export function useTimelineScales({
  width,
  height,
  domain,
  valueDomain,
}: {
  width: number;
  height: number;
  domain: readonly [Date, Date];
  /** The value range drawn from the bottom to the top of the plot (e.g. [0, 27] for PHQ-9). */
  valueDomain: readonly [number, number];
}): TimelineScales {
  const innerWidth = innerWidthOf(width);
  const innerHeight = innerHeightOf(height);
  // By value, not by array: callers pass a fresh literal such as [1, 10] on every render.
  const [low, high] = valueDomain;
  const x = useMemo(() => createTimeScale(domain, [0, innerWidth]), [domain, innerWidth]);
  const y = useMemo(() => createLinearScale([low, high], [innerHeight, 0]), [low, high, innerHeight]);
  return { innerWidth, innerHeight, x, y };
}
