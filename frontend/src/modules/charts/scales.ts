import { scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from 'd3';

export type TimeScale = ScaleTime<number, number>;
export type LinearScale = ScaleLinear<number, number>;

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A value scale, e.g. PHQ-9 [0, 27] onto [plotHeight, 0] so that higher scores sit higher. */
export function createLinearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  return scaleLinear().domain([domain[0], domain[1]]).range([range[0], range[1]]);
}

// UTC keeps a client-local date ('YYYY-MM-DD' read as UTC midnight) on its own day whatever the viewer's zone.
export function createTimeScale(domain: readonly [Date, Date], range: readonly [number, number]): TimeScale {
  return scaleUtc().domain([domain[0], domain[1]]).range([range[0], range[1]]);
}

/** A client-local calendar date as UTC midnight, so day arithmetic never crosses a DST change. */
export function parseLocalDate(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/**
 * The shared time axis of a timeline: from the earliest to the latest date given, padded on both
 * sides, at least `minDays` wide (so a new client's chart is not one dot stretched over the page).
 * With no dates, the `minDays` ending on `fallbackEnd`.
 */
export function timeDomain(
  dates: readonly Date[],
  {
    padDays = 3,
    minDays = 28,
    fallbackEnd = new Date(),
  }: { padDays?: number; minDays?: number; fallbackEnd?: Date } = {},
): [Date, Date] {
  const times = dates.map((date) => date.getTime()).filter((time) => Number.isFinite(time));
  if (times.length === 0) return [addDays(fallbackEnd, -minDays), fallbackEnd];
  let start = Math.min(...times);
  let end = Math.max(...times);
  const shortBy = minDays * DAY_MS - (end - start);
  if (shortBy > 0) start -= shortBy;
  start -= padDays * DAY_MS;
  end += padDays * DAY_MS;
  return [new Date(start), new Date(end)];
}

/**
 * A band of `threshold` either side of a baseline score, kept inside the instrument's range: the
 * scores inside it are not a reliable change from baseline (PHQ-9 ±6, GAD-7 ±4).
 */
export function reliableChangeBounds(
  baseline: number,
  threshold: number,
  [min, max]: readonly [number, number],
): { lower: number; upper: number } {
  return { lower: Math.max(min, baseline - threshold), upper: Math.min(max, baseline + threshold) };
}
