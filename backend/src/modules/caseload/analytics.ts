import {
  addDays,
  classifyChange,
  DEFAULT_TRAJECTORY_MODELS,
  expectedTrajectory,
  isCase,
  moodMean,
  severityBand,
  summarizeMood,
  trajectorySignal,
  type TrajectoryInstrument,
  type TrajectoryModels,
} from '@cairn/shared';
import type { ChangeClass, MoodSummary, ScorePoint, ScoreSummary, TrajectorySignal } from './caseload.types.js';

/**
 * One instrument's responses of an episode, oldest first, as chart points. A response given outside
 * a session takes its position in the series as its session number.
 */
export function toScorePoints(responses: { at: Date; total: number; sessionNumber: number | null }[]): ScorePoint[] {
  return responses.map((r, i) => ({ at: r.at, total: r.total, sessionNumber: r.sessionNumber ?? i + 1 }));
}

/** Baseline (first of the episode), latest, change and its reliable-change class. */
export function summarizeScores(code: TrajectoryInstrument, points: ScorePoint[]): ScoreSummary {
  const first = points[0];
  const last = points.at(-1);
  return {
    instrumentCode: code,
    baseline: first?.total ?? null,
    latest: last?.total ?? null,
    latestAt: last?.at ?? null,
    change: first && last ? last.total - first.total : null,
    changeClass:
      first && last && points.length >= 2 ? (classifyChange(code, first.total, last.total) as ChangeClass) : null,
    band: last ? severityBand(code, last.total) : null,
    isCase: last ? isCase(code, last.total) : null,
    points,
  };
}

/** The worse of PHQ-9's and GAD-7's signals against their expected trajectories. */
export function overallSignal(
  summaries: ScoreSummary[],
  models: TrajectoryModels = DEFAULT_TRAJECTORY_MODELS,
): TrajectorySignal {
  const order: TrajectorySignal[] = [
    'GREEN' as TrajectorySignal,
    'WHITE' as TrajectorySignal,
    'YELLOW' as TrajectorySignal,
    'RED' as TrajectorySignal,
  ];
  let worst: TrajectorySignal | null = null;
  for (const s of summaries) {
    const signal = signalOf(s, models);
    if (signal && (worst === null || order.indexOf(signal) > order.indexOf(worst))) worst = signal;
  }
  return worst ?? ('WHITE' as TrajectorySignal);
}

export function signalOf(
  s: ScoreSummary,
  models: TrajectoryModels = DEFAULT_TRAJECTORY_MODELS,
): TrajectorySignal | null {
  const last = s.points.at(-1);
  if (s.baseline === null || !last) return null;
  const band = severityBand(s.instrumentCode, s.baseline);
  const model = models[s.instrumentCode as TrajectoryInstrument];
  if (!band || !model || !model.bands.some((b) => b.band === band)) return null;
  const session = last.sessionNumber ?? s.points.length;
  return trajectorySignal(last.total, expectedTrajectory(band, session, model)) as TrajectorySignal;
}

/** The expected-trajectory band for sessions 1..n, for the timeline chart. */
export function expectedBands(s: ScoreSummary, upTo: number, models: TrajectoryModels = DEFAULT_TRAJECTORY_MODELS) {
  if (s.baseline === null) return [];
  const band = severityBand(s.instrumentCode, s.baseline);
  const model = models[s.instrumentCode as TrajectoryInstrument];
  if (!band || !model || !model.bands.some((b) => b.band === band)) return [];
  return Array.from({ length: upTo }, (_, i) => {
    const e = expectedTrajectory(band, i + 1, model);
    return { sessionNumber: i + 1, expected: e.expected, lower: e.lower, upper: e.upper };
  });
}

export function moodSummary(points: { date: string; rating: number }[], today: string): MoodSummary {
  const s = summarizeMood(points, today);
  return {
    mean7: s.mean7,
    mean28: moodMean(points, today, 28),
    slope28: s.slopePerWeek28,
    rmssd28: s.rmssd28,
    adherence28: s.adherence28,
    points: points.filter((p) => p.date > addDays(today, -28) && p.date <= today),
  };
}
