import { DAY_MS } from './scales';
import type { TimeValue } from './paths';

/**
 * The trailing mean at each entry's date: the mean of every entry dated within the `windowDays`
 * calendar days ending on that date, inclusive (the 7-day mood mean: that day and the 6 before it).
 * Days without an entry are skipped, not counted as zero. Dates are compared as whole days, so the
 * input should be calendar dates (UTC midnight). Output is in date order, one point per input date.
 */
export function rollingMean(points: readonly TimeValue[], windowDays = 7): TimeValue[] {
  if (!(Number.isInteger(windowDays) && windowDays > 0)) {
    throw new RangeError(`Window must be a positive whole number of days, got ${windowDays}`);
  }
  const sorted = [...points].sort((a, b) => a.date.getTime() - b.date.getTime());
  const means: TimeValue[] = [];
  let windowStart = 0;
  let sum = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    sum += sorted[i].value;
    const day = dayNumber(sorted[i].date);
    while (dayNumber(sorted[windowStart].date) <= day - windowDays) {
      sum -= sorted[windowStart].value;
      windowStart += 1;
    }
    const isLastOfDay = i === sorted.length - 1 || dayNumber(sorted[i + 1].date) !== day;
    if (isLastOfDay) means.push({ date: sorted[i].date, value: sum / (i - windowStart + 1) });
  }
  return means;
}

function dayNumber(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}
