import { requireInstrument } from '../instruments/registry.js';
import { windowStart, type LocalDate } from '../dates/local-date.js';
import { classifyChange } from '../statistics/reliable-change.js';
import { moodEntriesInWindow, moodMean, moodSlopePerWeek, type MoodEntry } from '../statistics/mood.js';
import { atMost, raise, refOf } from './flag.js';
import { seriesWithAtLeast } from './measures.js';
import { DEFAULT_FLAG_SETTINGS, type FlagSettings } from './settings.js';
import type { Flag, MeasureSeries, StalledTrigger } from './types.js';

export interface StalledInput extends MeasureSeries {
  /** Attended sessions in the current episode. */
  attendedSessions: number;
  moods?: readonly MoodEntry[];
  /** The client's local date today; needed for the mood rule. */
  asOf?: LocalDate;
}

/**
 * STALLED (medium), either of:
 * - scores: at least 6 attended sessions, no reliable improvement from the first score on any
 *   measure (NHS Talking Therapies sense), and the last 3 scores of a measure spread over no more
 *   than half its reliable-change threshold (PHQ-9 3 points, GAD-7 2);
 * - mood: over the last 28 days, at least 10 entries, a trend within ±0.1 points per week and a
 *   mean of at most 4. The entry minimum stops two stray entries from looking "flat".
 */
export function evaluateStalled(
  input: StalledInput,
  settings: FlagSettings = DEFAULT_FLAG_SETTINGS,
): Flag<'STALLED'> | null {
  const triggers: StalledTrigger[] = [];

  if (input.attendedSessions >= settings.stalledMinSessions) {
    const paired = seriesWithAtLeast(input, 2);
    const improved = paired.some(
      ({ instrument, scores }) =>
        classifyChange(instrument, scores[0].total, scores[scores.length - 1].total) === 'RELIABLE_IMPROVEMENT',
    );
    if (!improved) {
      for (const { instrument, scores } of seriesWithAtLeast(input, settings.stalledRecentScores)) {
        const recent = scores.slice(-settings.stalledRecentScores);
        const totals = recent.map((score) => score.total);
        const spread = Math.max(...totals) - Math.min(...totals);
        const allowedSpread =
          (requireInstrument(instrument).reliableChange ?? 0) * settings.stalledSpreadShareOfReliableChange;
        if (atMost(spread, allowedSpread)) {
          triggers.push({
            rule: 'SCORES_FLAT',
            instrument,
            attendedSessions: input.attendedSessions,
            recentScores: totals,
            spread,
            allowedSpread,
            responses: recent.map(refOf),
          });
        }
      }
    }
  }

  if (input.moods && input.asOf) {
    const days = settings.moodStallWindowDays;
    const entries = moodEntriesInWindow(input.moods, input.asOf, days).length;
    const slopePerWeek = moodSlopePerWeek(input.moods, input.asOf, days);
    const mean = moodMean(input.moods, input.asOf, days);
    if (
      entries >= settings.moodStallMinEntries &&
      slopePerWeek !== null &&
      mean !== null &&
      atMost(Math.abs(slopePerWeek), settings.moodStallSlopeWithin) &&
      atMost(mean, settings.moodStallMeanAtMost)
    ) {
      triggers.push({
        rule: 'MOOD_FLAT_LOW',
        slopePerWeek,
        mean,
        entries,
        from: windowStart(input.asOf, days),
        to: input.asOf,
      });
    }
  }
  return raise('STALLED', triggers);
}
