import { severityBand } from '../instruments/scoring.js';
import {
  DEFAULT_TRAJECTORY_MODELS,
  expectedTrajectory,
  trajectorySignal,
  type TrajectoryInstrument,
  type TrajectoryModel,
} from '../statistics/trajectory.js';
import { raise, refOf } from './flag.js';
import { seriesWithAtLeast } from './measures.js';
import { DEFAULT_FLAG_SETTINGS, type FlagSettings } from './settings.js';
import type { Flag, MeasureSeries, NotOnTrackTrigger } from './types.js';

/**
 * NOT_ON_TRACK (high): from session 3, the latest PHQ-9 or GAD-7 of the episode is worse than
 * the expected-trajectory band for the baseline (first) score's severity band, i.e. a YELLOW or
 * RED signal. A latest score without a session number is not judged.
 */
export function evaluateNotOnTrack(
  input: MeasureSeries,
  settings: FlagSettings = DEFAULT_FLAG_SETTINGS,
  models: Readonly<Record<TrajectoryInstrument, TrajectoryModel>> = DEFAULT_TRAJECTORY_MODELS,
): Flag<'NOT_ON_TRACK'> | null {
  const triggers: NotOnTrackTrigger[] = [];
  for (const { instrument, scores } of seriesWithAtLeast(input, 2)) {
    const baseline = scores[0];
    const latest = scores[scores.length - 1];
    const sessionNumber = latest.sessionNumber;
    if (sessionNumber == null || sessionNumber < settings.notOnTrackFromSession) continue;
    const baselineBand = severityBand(instrument, baseline.total);
    if (baselineBand === null) continue;
    const model = models[instrument];
    const expected = expectedTrajectory(baselineBand, sessionNumber, model);
    const signal = trajectorySignal(latest.total, expected, settings.notOnTrackFromSession);
    if (signal !== 'YELLOW' && signal !== 'RED') continue;
    triggers.push({
      rule: 'OFF_TRACK',
      instrument,
      baseline: baseline.total,
      baselineBand,
      score: latest.total,
      sessionNumber,
      expected: expected.expected,
      lower: expected.lower,
      upper: expected.upper,
      signal,
      modelSource: model.bands.find((b) => b.band === baselineBand)?.source ?? 'DEFAULT',
      response: refOf(latest),
    });
  }
  return raise('NOT_ON_TRACK', triggers);
}
