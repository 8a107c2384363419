import type { TrajectoryInstrument } from '../statistics/trajectory.js';
import type { MeasureSeries, ScorePoint } from './types.js';

/** The PHQ-9 and GAD-7 series of an episode that have at least `minScores` scores. */
export function seriesWithAtLeast(
  input: MeasureSeries,
  minScores: number,
): { instrument: TrajectoryInstrument; scores: readonly ScorePoint[] }[] {
  const series = [
    { instrument: 'PHQ9' as const, scores: input.phq9 ?? [] },
    { instrument: 'GAD7' as const, scores: input.gad7 ?? [] },
  ];
  return series.filter(({ scores }) => scores.length >= minScores);
}
