import { FUNNEL_COVERAGE_95, FUNNEL_COVERAGE_998, funnelLimits } from '@cairn/shared';
import { area, line, symbol, symbolCircle, symbolDiamond, symbolTriangle, type SymbolType } from 'd3';
import { createLinearScale, type LinearScale } from '../charts/scales';
import type { FunnelLimit, FunnelPoint } from './graphql/report';

/** Where a therapist's rate sits against the limits around the practice rate at their n. */
export type FunnelPosition = 'WITHIN' | 'ABOVE_95' | 'BELOW_95' | 'ABOVE_998' | 'BELOW_998';

export type LimitKey = 'lower95' | 'upper95' | 'lower998' | 'upper998';

export interface LimitsAt {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export interface PlacedFunnelPoint extends FunnelPoint {
  name: string;
  position: FunnelPosition;
  /** The limits at this point's n (null without a practice rate). */
  limits: LimitsAt | null;
}

export const FUNNEL_POSITION_LABEL: Record<FunnelPosition, string> = {
  WITHIN: 'within the 95% limits',
  ABOVE_95: 'above the 95% limit',
  BELOW_95: 'below the 95% limit',
  ABOVE_998: 'above the 99.8% limit',
  BELOW_998: 'below the 99.8% limit',
};

/** Short words for a label beside a point on the plot. */
export const FUNNEL_POSITION_SHORT: Record<FunnelPosition, string> = {
  WITHIN: 'within',
  ABOVE_95: 'above 95%',
  BELOW_95: 'below 95%',
  ABOVE_998: 'above 99.8%',
  BELOW_998: 'below 99.8%',
};

const byN = (a: { n: number }, b: { n: number }) => a.n - b.n;

/**
 * The x (finished episodes at caseness) and y (recovery rate, 0-100%) scales of a funnel plot.
 * x starts at 0 and reaches past the largest n of the points and the limits, rounded to nice ticks.
 */
export function createFunnelScales(
  points: readonly FunnelPoint[],
  limits: readonly FunnelLimit[],
  innerWidth: number,
  innerHeight: number,
): { x: LinearScale; y: LinearScale } {
  const largest = Math.max(1, ...points.map((point) => point.n), ...limits.map((limit) => limit.n));
  const x = createLinearScale([0, largest], [0, innerWidth]).nice(6);
  return { x, y: createLinearScale([0, 1], [innerHeight, 0]) };
}

/** The SVG path of one control limit (e.g. the upper 95% limit) across n; '' when there are no limits. */
export function limitPath(limits: readonly FunnelLimit[], key: LimitKey, x: LinearScale, y: LinearScale): string {
  const generator = line<FunnelLimit>()
    .x((limit) => x(limit.n))
    .y((limit) => y(limit[key]));
  return generator([...limits].sort(byN)) ?? '';
}

/** The SVG path of the region between two limits (the 95% band); '' when there are no limits. */
export function limitArea(
  limits: readonly FunnelLimit[],
  lower: LimitKey,
  upper: LimitKey,
  x: LinearScale,
  y: LinearScale,
): string {
  const generator = area<FunnelLimit>()
    .x((limit) => x(limit.n))
    .y0((limit) => y(limit[lower]))
    .y1((limit) => y(limit[upper]));
  return generator([...limits].sort(byN)) ?? '';
}

/**
 * The exact binomial limits (Spiegelhalter 2005) around the practice rate at a point's own n, from
 * the same shared function the API draws the curves with. Null without a practice rate.
 */
export function limitsAt(practiceRate: number | null, n: number): LimitsAt | null {
  if (practiceRate === null || !(Number.isInteger(n) && n > 0)) return null;
  const inner = funnelLimits(practiceRate, n, FUNNEL_COVERAGE_95);
  const outer = funnelLimits(practiceRate, n, FUNNEL_COVERAGE_998);
  return { lower95: inner.lower, upper95: inner.upper, lower998: outer.lower, upper998: outer.upper };
}

/** A rate exactly on a limit counts as within it: only points beyond a limit are marked. */
export function funnelPosition(rate: number, limits: LimitsAt): FunnelPosition {
  if (rate > limits.upper998) return 'ABOVE_998';
  if (rate < limits.lower998) return 'BELOW_998';
  if (rate > limits.upper95) return 'ABOVE_95';
  if (rate < limits.lower95) return 'BELOW_95';
  return 'WITHIN';
}

/**
 * The funnel's points with names, limits at their n and position, ordered left to right (by n,
 * then name) for keyboard movement across the plot.
 */
export function placeFunnelPoints(
  points: readonly FunnelPoint[],
  practiceRate: number | null,
  nameOf: (therapistId: string) => string,
): PlacedFunnelPoint[] {
  return points
    .map((point) => {
      const at = limitsAt(practiceRate, point.n);
      return {
        ...point,
        name: nameOf(point.therapistId),
        limits: at,
        position: at ? funnelPosition(point.rate, at) : ('WITHIN' as const),
      };
    })
    .sort((a, b) => a.n - b.n || a.name.localeCompare(b.name) || a.rate - b.rate);
}

/** d3's triangle turned upside down (apex below the centre), for a point below a limit. */
const symbolTriangleDown: SymbolType = {
  draw(context, size) {
    const y = Math.sqrt(size / (Math.sqrt(3) * 3));
    context.moveTo(0, y * 2);
    context.lineTo(Math.sqrt(3) * y, -y);
    context.lineTo(-Math.sqrt(3) * y, -y);
    context.closePath();
  },
};

/**
 * The mark of a point, so that its shape alone tells its position (colour is never the only
 * signal): a circle within the 95% limits, a triangle beyond the 95% limit (pointing up above
 * it, down below it), a larger diamond beyond the 99.8% limit.
 */
export function funnelMarkPath(position: FunnelPosition, active = false): string {
  const grow = active ? 1.6 : 1;
  switch (position) {
    case 'WITHIN':
      return symbol(symbolCircle, 64 * grow)() ?? '';
    case 'ABOVE_95':
      return symbol(symbolTriangle, 80 * grow)() ?? '';
    case 'BELOW_95':
      return symbol(symbolTriangleDown, 80 * grow)() ?? '';
    case 'ABOVE_998':
    case 'BELOW_998':
      return symbol(symbolDiamond, 90 * grow)() ?? '';
  }
}

/** Rough width of a label in the plot's 11 px bold type, to keep it inside the plot. */
const LABEL_CHAR_PX = 6.6;
const LABEL_GAP = 10;

/**
 * Where the label of a point beyond a limit goes: beside the point on the right, or on its left
 * when it would run past the plot's right edge, or (on a narrow plot where neither fits) centred
 * on the point as far as the plot allows; above a point above the limits, below one below.
 */
export function outlierLabelPlacement(
  px: number,
  py: number,
  position: FunnelPosition,
  text: string,
  innerWidth: number,
): { x: number; y: number; anchor: 'start' | 'end' } {
  const width = text.length * LABEL_CHAR_PX;
  const y = position.startsWith('ABOVE') ? py - 10 : py + 18;
  if (px + LABEL_GAP + width <= innerWidth) return { x: px + LABEL_GAP, y, anchor: 'start' };
  if (px - LABEL_GAP - width >= 0) return { x: px - LABEL_GAP, y, anchor: 'end' };
  return { x: Math.max(0, Math.min(px - width / 2, innerWidth - width)), y, anchor: 'start' };
}

/** Plain-language summary of a funnel plot for its caption and for screen readers. */
export function describeFunnel(practiceRate: number | null, points: readonly PlacedFunnelPoint[]): string {
  if (practiceRate === null) return 'No funnel plot: no finished episodes at caseness in this period.';
  const practice = `Practice recovery rate ${Math.round(practiceRate * 100)}% (the solid line), with 95% and 99.8% control limits.`;
  if (points.length === 0) {
    return `${practice} No therapist is plotted: none has 15 or more finished episodes with at least one at caseness in this period.`;
  }
  const count = (...positions: FunnelPosition[]) => points.filter((point) => positions.includes(point.position)).length;
  const within = count('WITHIN');
  const beyond95 = count('ABOVE_95', 'BELOW_95');
  const beyond998 = count('ABOVE_998', 'BELOW_998');
  const plotted = `${points.length} therapist${points.length === 1 ? '' : 's'} plotted`;
  return `${practice} ${plotted}: ${within} within the 95% limits, ${beyond95} beyond the 95% limit only, ${beyond998} beyond the 99.8% limit.`;
}
