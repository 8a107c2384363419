import {
  addDays,
  classifyChange,
  DEFAULT_TRAJECTORY_MODELS,
  expectedTrajectory,
  homeworkAdherence,
  isCase,
  moodMean,
  severityBand,
  summarizeMood,
  toDayNumber,
  trajectorySignal,
  type HomeworkStatus,
  type TrajectoryInstrument,
  type TrajectoryModel,
} from '@cairn/shared';
import type { ChangeClass, MoodSummary, ScorePoint, ScoreSummary, TrajectorySignal } from './caseload.types.js';

export type TrajectoryModels = Readonly<Record<TrajectoryInstrument, TrajectoryModel>>;

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

export interface AssignmentWindow {
  frequency: 'ONCE' | 'DAILY' | 'WEEKLY';
  assignedOn: string;
  dueOn: string | null;
}

/**
 * Reports due from the assignments between two local dates (inclusive). A daily task is due each
 * day after the day it was set, a weekly one every 7 days after it was set, a one-off on its due
 * date; nothing is due after an assignment's due date. (Counting the day a task is set made a
 * brand-new assignment look like a missed one.)
 */
export function expectedReports(assignments: AssignmentWindow[], from: string, to: string): number {
  const first = toDayNumber(from);
  const last = toDayNumber(to);
  let expected = 0;
  for (const a of assignments) {
    const assigned = toDayNumber(a.assignedOn);
    const end = Math.min(a.dueOn === null ? last : toDayNumber(a.dueOn), last);
    if (a.frequency === 'DAILY') {
      expected += Math.max(0, end - Math.max(assigned + 1, first) + 1);
    } else if (a.frequency === 'WEEKLY') {
      // Due days are assigned + 7k (k >= 1) within [first, end].
      const firstK = Math.max(1, Math.ceil((first - assigned) / 7));
      const lastK = Math.floor((end - assigned) / 7);
      expected += Math.max(0, lastK - firstK + 1);
    } else if (a.dueOn !== null) {
      const due = toDayNumber(a.dueOn);
      if (due >= first && due <= last) expected += 1;
    }
  }
  return expected;
}

export function adherenceBetween(
  assignments: AssignmentWindow[],
  reports: { localDate: string; status: HomeworkStatus }[],
  from: string,
  to: string,
): number | null {
  const expected = expectedReports(assignments, from, to);
  return homeworkAdherence(
    reports.filter((r) => r.localDate >= from && r.localDate <= to),
    expected,
  );
}
