import { area, line } from 'd3';
import { createLinearScale, createTimeScale, type LinearScale, type TimeScale } from './scales';

/** One value at one moment (a PHQ-9 total at a session, a mood rating on a day). */
export interface TimeValue {
  date: Date;
  value: number;
}

/** A lower and upper bound at one moment (the expected-trajectory band at a session). */
export interface TimeBand {
  date: Date;
  lower: number;
  upper: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const dateOf = (point: { date: Date }): Date => point.date;
const valueOf = (point: TimeValue): number => point.value;
const lowerOf = (band: TimeBand): number => band.lower;
const upperOf = (band: TimeBand): number => band.upper;

/** The SVG path of a line through the points in time order; '' when there is none. */
export function trajectoryPath(points: readonly TimeValue[], x: TimeScale, y: LinearScale): string {
  const generator = line<TimeValue>()
    .x((point) => x(dateOf(point)))
    .y((point) => y(valueOf(point)));
  return generator(sortByDate(points)) ?? '';
}

/** The SVG path of the area between the lower and upper bounds; '' when there is none. */
export function bandArea(bands: readonly TimeBand[], x: TimeScale, y: LinearScale): string {
  const generator = area<TimeBand>()
    .x((band) => x(dateOf(band)))
    .y0((band) => y(lowerOf(band)))
    .y1((band) => y(upperOf(band)));
  return generator(sortByDate(bands)) ?? '';
}

/** The rectangle between two values across the whole plot width (a horizontal band). */
export function valueBandRect(lower: number, upper: number, y: LinearScale, width: number): Rect {
  const top = Math.min(y(lower), y(upper));
  const bottom = Math.max(y(lower), y(upper));
  return { x: 0, y: top, width, height: bottom - top };
}

export interface SparklineOptions {
  width: number;
  height: number;
  /** The value range drawn from the bottom to the top edge (e.g. [0, 27] for PHQ-9). */
  valueDomain: readonly [number, number];
  /** The time range drawn from left to right; defaults to the points' own first and last dates. */
  timeDomain?: readonly [Date, Date];
  /** Inset on every side so that end dots and strokes are not clipped. */
  padding?: number;
}

/** Scales for a sparkline: time left to right, values bottom to top, inset by the padding. */
export function sparklineScales(
  points: readonly TimeValue[],
  { width, height, valueDomain, timeDomain, padding = 2 }: SparklineOptions,
): { x: TimeScale; y: LinearScale } {
  const sorted = sortByDate(points);
  const domain: readonly [Date, Date] =
    timeDomain ?? (sorted.length > 0 ? [sorted[0].date, sorted[sorted.length - 1].date] : [new Date(0), new Date(1)]);
  // A single point (or a zero-width domain) sits in the middle rather than at an undefined position.
  const [start, end] = domain[0].getTime() === domain[1].getTime() ? widenByOneDay(domain[0]) : domain;
  return {
    x: createTimeScale([start, end], [padding, width - padding]),
    y: createLinearScale(valueDomain, [height - padding, padding]),
  };
}

/**
 * One bar per week, `weeks` giving each week's first day and its value (null = nothing expected, no
 * bar). Each bar spans its 7 days on the time axis, less `gap` pixels, and rises from y(0).
 */
export function weekBars(
  weeks: readonly { weekStart: Date; value: number | null }[],
  x: TimeScale,
  y: LinearScale,
  gap = 2,
): (Rect & { weekStart: Date; value: number })[] {
  const bars: (Rect & { weekStart: Date; value: number })[] = [];
  for (const week of weeks) {
    if (week.value === null) continue;
    const left = x(week.weekStart);
    const right = x(new Date(week.weekStart.getTime() + 7 * 24 * 60 * 60 * 1000));
    const top = y(week.value);
    const bottom = y(0);
    bars.push({
      weekStart: week.weekStart,
      value: week.value,
      x: left + gap / 2,
      width: Math.max(1, right - left - gap),
      y: Math.min(top, bottom),
      height: Math.abs(bottom - top),
    });
  }
  return bars;
}

/** A copy of the points in time order (the order lines are drawn and arrow keys move in). */
export function sortByDate<T extends { date: Date }>(points: readonly T[]): T[] {
  return [...points].sort((a, b) => a.date.getTime() - b.date.getTime());
}

function widenByOneDay(date: Date): [Date, Date] {
  const halfDay = 12 * 60 * 60 * 1000;
  return [new Date(date.getTime() - halfDay), new Date(date.getTime() + halfDay)];
}
