import {
  episodeOutcome,
  expectedReports,
  FUNNEL_COVERAGE_95,
  FUNNEL_COVERAGE_998,
  funnelLimits,
  homeworkAdherence,
  mean,
  prePostEffectSize,
  wilsonInterval,
  type EpisodeOutcome,
  type EpisodePairs,
  type HomeworkStatus,
} from '@cairn/shared';
import type { ReportInstrument } from './report.inputs.js';
import type { EpisodeRow } from './report.sql.js';
import type { Funnel, FunnelLimit, OutcomeFigures, Rate } from './report.types.js';

/** DESIGN.md: therapist-level rates under 15 finished episodes show as insufficient data. */
export const MIN_FINISHED_EPISODES = 15;
/** Points on each funnel limit curve. */
const FUNNEL_STEPS = 40;

/** One ended episode's facts, derived once and shared by the report and the exports. */
export interface EpisodeFacts {
  row: EpisodeRow;
  /** >= 2 attended sessions. */
  finishedCourse: boolean;
  /** PHQ-9 and GAD-7 at the first and last occasions with both (null without two such occasions). */
  paired: EpisodePairs | null;
  outcome: EpisodeOutcome;
  homeworkAdherence: number | null;
  moodAdherence: number;
}

/** The rollup's paired columns (the rollup applies jointOccasions' definition in SQL). */
function pairedOf(row: EpisodeRow): EpisodePairs | null {
  const { pairedPhq9First: p1, pairedPhq9Last: p2, pairedGad7First: g1, pairedGad7Last: g2 } = row;
  return row.jointOccasions >= 2 && p1 !== null && p2 !== null && g1 !== null && g2 !== null
    ? { phq9: { first: p1, last: p2 }, gad7: { first: g1, last: g2 } }
    : null;
}

const REPORT_OF: Record<HomeworkStatus, { status: HomeworkStatus }> = {
  DONE: { status: 'DONE' },
  PARTIAL: { status: 'PARTIAL' },
  NOT_DONE: { status: 'NOT_DONE' },
};

/** The SQL returns counts per status; the shared adherence rule takes the reports themselves. */
function reportsOf(row: EpisodeRow): { status: HomeworkStatus }[] {
  return [
    ...new Array<{ status: HomeworkStatus }>(row.homeworkDone).fill(REPORT_OF.DONE),
    ...new Array<{ status: HomeworkStatus }>(row.homeworkPartial).fill(REPORT_OF.PARTIAL),
    ...new Array<{ status: HomeworkStatus }>(row.homeworkNotDone).fill(REPORT_OF.NOT_DONE),
  ];
}

export function episodeFacts(row: EpisodeRow): EpisodeFacts {
  const paired = pairedOf(row);
  return {
    row,
    finishedCourse: row.attended >= 2,
    paired,
    outcome: episodeOutcome({ attendedSessions: row.attended, paired }),
    // The rollup credits each report to the due day it answers, as the caseload's adherenceBetween
    // does (tests/db/episode-outcome.test.ts holds them equal); the reports in hand are those.
    homeworkAdherence: homeworkAdherence(
      reportsOf(row),
      expectedReports(row.assignments ?? [], row.startedOn, row.endedOn),
    ),
    moodAdherence: row.moodDays / row.episodeDays,
  };
}

export function rate(numerator: number, denominator: number): Rate {
  const interval = wilsonInterval(numerator, denominator);
  return {
    numerator,
    denominator,
    rate: interval?.rate ?? null,
    lower: interval?.lower ?? null,
    upper: interval?.upper ?? null,
  };
}

function countWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.reduce((n, item) => (test(item) ? n + 1 : n), 0);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * The outcome figures over a set of ended episodes. Denominators (NHS Talking Therapies):
 * recovery and reliable recovery over finished episodes at caseness; reliable improvement and
 * deterioration over finished episodes; PHQ-9 response and remission over those with paired PHQ-9.
 * `suppress` (a therapist with too few finished episodes) leaves the counts and nulls the rest.
 */
export function outcomeFigures(
  episodes: readonly EpisodeFacts[],
  referrals: number,
  instrument: ReportInstrument,
  suppress = false,
): OutcomeFigures {
  const finished = episodes.filter((e) => e.outcome.finished);
  const atCaseness = finished.filter((e) => e.outcome.caseness);
  const withPhq9 = finished.filter((e) => e.paired !== null);
  const changes = finished.flatMap((e) => (e.paired ? [instrument === 'PHQ9' ? e.paired.phq9 : e.paired.gad7] : []));
  const counts = {
    referrals,
    episodesEnded: episodes.length,
    finishedCourses: countWhere(episodes, (e) => e.finishedCourse),
    finishedEpisodes: finished.length,
    atCaseness: atCaseness.length,
    instrument,
    changeEpisodes: changes.length,
    allianceRatings: sum(episodes.map((e) => e.row.allianceTotals?.length ?? 0)),
    homeworkEpisodes: countWhere(episodes, (e) => e.homeworkAdherence !== null),
  };
  if (suppress) {
    return {
      ...counts,
      recovery: null,
      reliableImprovement: null,
      reliableRecovery: null,
      reliableDeterioration: null,
      phq9Response: null,
      phq9Remission: null,
      dataCompleteness: null,
      meanChange: null,
      effectSize: null,
      meanAttendedSessions: null,
      allianceMean: null,
      allianceRated: null,
      homeworkAdherence: null,
      moodAdherence: null,
    };
  }
  return {
    ...counts,
    recovery: rate(
      countWhere(atCaseness, (e) => e.outcome.recovery),
      atCaseness.length,
    ),
    reliableImprovement: rate(
      countWhere(finished, (e) => e.outcome.reliableImprovement),
      finished.length,
    ),
    reliableRecovery: rate(
      countWhere(atCaseness, (e) => e.outcome.reliableRecovery),
      atCaseness.length,
    ),
    reliableDeterioration: rate(
      countWhere(finished, (e) => e.outcome.reliableDeterioration),
      finished.length,
    ),
    phq9Response: rate(
      countWhere(withPhq9, (e) => e.outcome.phq9Response),
      withPhq9.length,
    ),
    phq9Remission: rate(
      countWhere(withPhq9, (e) => e.outcome.phq9Remission),
      withPhq9.length,
    ),
    dataCompleteness: rate(finished.length, counts.finishedCourses),
    meanChange: mean(changes.map((p) => p.last - p.first)),
    effectSize: prePostEffectSize(
      changes.map((p) => p.first),
      changes.map((p) => p.last),
    ),
    meanAttendedSessions: mean(episodes.map((e) => e.row.attended)),
    allianceMean: mean(episodes.flatMap((e) => e.row.allianceTotals ?? [])),
    allianceRated: rate(sum(episodes.map((e) => e.row.ratedSessions)), sum(episodes.map((e) => e.row.attended))),
    homeworkAdherence: mean(episodes.flatMap((e) => (e.homeworkAdherence === null ? [] : [e.homeworkAdherence]))),
    moodAdherence: mean(episodes.map((e) => e.moodAdherence)),
  };
}

/** Sample sizes from 1 to max, evenly spaced on a log scale so the narrow end of the funnel is smooth. */
export function funnelSizes(max: number, steps = FUNNEL_STEPS): number[] {
  const top = Math.max(2, Math.ceil(max));
  const sizes = new Set<number>();
  for (let i = 0; i < steps; i++) sizes.add(Math.round(Math.exp((Math.log(top) * i) / (steps - 1))));
  return [...sizes].sort((a, b) => a - b);
}

/**
 * Recovery rate per therapist (those with sufficient data and cases) against their number of
 * finished episodes at caseness, with exact binomial limits around the practice rate out past the
 * largest n, and at each point's own n (so a point sits against its limits exactly).
 */
export function recoveryFunnel(
  p: number | null,
  therapists: readonly { therapistId: string; figures: OutcomeFigures; insufficientData: boolean }[],
): Funnel {
  const points = therapists.flatMap((t) =>
    !t.insufficientData && t.figures.recovery?.rate != null
      ? [{ therapistId: t.therapistId, n: t.figures.recovery.denominator, rate: t.figures.recovery.rate }]
      : [],
  );
  if (p === null) return { practiceRate: null, points, limits: [] };
  const largest = Math.max(MIN_FINISHED_EPISODES * 2, ...points.map((pt) => pt.n * 1.2));
  const sizes = [...new Set([...funnelSizes(largest), ...points.map((pt) => pt.n)])].sort((a, b) => a - b);
  const limits: FunnelLimit[] = sizes.map((n) => {
    const l95 = funnelLimits(p, n, FUNNEL_COVERAGE_95);
    const l998 = funnelLimits(p, n, FUNNEL_COVERAGE_998);
    return { n, lower95: l95.lower, upper95: l95.upper, lower998: l998.lower, upper998: l998.upper };
  });
  return { practiceRate: p, points, limits };
}
