import { toDayNumber, type LocalDate } from '../dates/local-date.js';
import { leastSquares, mean } from './descriptive.js';

export interface MoodEntry {
  /** The client's local calendar date of the entry. */
  date: LocalDate;
  /** 1-10, higher is better. */
  rating: number;
}

export interface MoodSummary {
  mean7: number | null;
  slopePerWeek28: number | null;
  rmssd28: number | null;
  adherence28: number;
  entries28: number;
}

/** The entries dated within the `days` days ending on asOf (inclusive), oldest first. */
export function moodEntriesInWindow(entries: readonly MoodEntry[], asOf: LocalDate, days: number): MoodEntry[] {
  return inWindow(entries, asOf, days).map(({ entry }) => entry);
}

/** Window entries with their day index (0 = first day of the window), oldest first. */
function inWindow(entries: readonly MoodEntry[], asOf: LocalDate, days: number): { day: number; entry: MoodEntry }[] {
  if (!(Number.isInteger(days) && days > 0))
    throw new RangeError(`Window must be a positive whole number of days, got ${days}`);
  const start = toDayNumber(asOf) - (days - 1);
  return entries
    .map((entry) => ({ day: toDayNumber(entry.date) - start, entry }))
    .filter(({ day }) => day >= 0 && day < days)
    .sort((a, b) => a.day - b.day);
}

/** Mean rating over the `days` days ending on asOf (default 7); null when there is no entry. */
export function moodMean(entries: readonly MoodEntry[], asOf: LocalDate, days = 7): number | null {
  return mean(moodEntriesInWindow(entries, asOf, days).map((entry) => entry.rating));
}

/**
 * Least-squares trend of rating on day index over the window (default 28 days), in points per
 * WEEK (daily slope × 7). Null with fewer than two distinct days.
 */
export function moodSlopePerWeek(entries: readonly MoodEntry[], asOf: LocalDate, days = 28): number | null {
  const fit = leastSquares(inWindow(entries, asOf, days).map(({ day, entry }) => ({ x: day, y: entry.rating })));
  return fit === null ? null : fit.slope * 7;
}

/**
 * Root mean square of successive differences (RMSSD) over the window (default 28 days), the
 * instability index of Jahng, Wood & Trull (2008) Psychol Methods 13:354-375:
 * sqrt(Σ(x[d] - x[d-1])² / pairs), over pairs of entries on CONSECUTIVE calendar days only: a
 * missed day breaks the pair, so a change across a gap is not read as day-to-day instability.
 * Null when no two entries are on consecutive days.
 */
export function moodRmssd(entries: readonly MoodEntry[], asOf: LocalDate, days = 28): number | null {
  const series = inWindow(entries, asOf, days);
  let squares = 0;
  let pairs = 0;
  for (let i = 1; i < series.length; i += 1) {
    if (series[i].day !== series[i - 1].day + 1) continue;
    squares += (series[i].entry.rating - series[i - 1].entry.rating) ** 2;
    pairs += 1;
  }
  return pairs === 0 ? null : Math.sqrt(squares / pairs);
}

/** Share of days in the window (default 28) that have an entry, from 0 to 1. */
export function moodAdherence(entries: readonly MoodEntry[], asOf: LocalDate, days = 28): number {
  return new Set(inWindow(entries, asOf, days).map(({ day }) => day)).size / days;
}

/** The four mood figures the dashboard shows, for the windows ending on asOf. */
export function summarizeMood(entries: readonly MoodEntry[], asOf: LocalDate): MoodSummary {
  return {
    mean7: moodMean(entries, asOf, 7),
    slopePerWeek28: moodSlopePerWeek(entries, asOf, 28),
    rmssd28: moodRmssd(entries, asOf, 28),
    adherence28: moodAdherence(entries, asOf, 28),
    entries28: moodEntriesInWindow(entries, asOf, 28).length,
  };
}
