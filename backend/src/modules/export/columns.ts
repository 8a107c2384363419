import type { EpisodeFacts } from '../report/report.figures.js';
import type { OutcomeFigures, PracticeReport, Rate } from '../report/report.types.js';
import type { MeasureRow } from './export.sql.js';

export type Cell = string | number | null;

export interface Column<T> {
  header: string;
  value: (row: T) => Cell;
}

const flag = (value: boolean): number => (value ? 1 : 0);

/** One row per finished course (>= 2 attended sessions); names only in an identifiable export. */
export function episodeColumns(identifiable: boolean): Column<EpisodeFacts>[] {
  return [
    { header: 'client_code', value: (e) => e.row.clientCode },
    ...(identifiable ? [{ header: 'client_name', value: (e: EpisodeFacts) => e.row.clientName }] : []),
    { header: 'therapist_id', value: (e) => e.row.therapistId },
    { header: 'started_on', value: (e) => e.row.startedOn },
    { header: 'ended_on', value: (e) => e.row.endedOn },
    { header: 'end_reason', value: (e) => e.row.endReason },
    { header: 'attended_sessions', value: (e) => e.row.attended },
    // Paired scores (NHS Talking Therapies): first and last occasions with both PHQ-9 and GAD-7.
    { header: 'joint_occasions', value: (e) => e.row.jointOccasions },
    { header: 'paired_scores', value: (e) => flag(e.outcome.finished) },
    { header: 'phq9_first', value: (e) => e.paired?.phq9.first ?? null },
    { header: 'phq9_last', value: (e) => e.paired?.phq9.last ?? null },
    { header: 'phq9_scores', value: (e) => e.row.phq9Count },
    { header: 'gad7_first', value: (e) => e.paired?.gad7.first ?? null },
    { header: 'gad7_last', value: (e) => e.paired?.gad7.last ?? null },
    { header: 'gad7_scores', value: (e) => e.row.gad7Count },
    { header: 'caseness', value: (e) => flag(e.outcome.caseness) },
    { header: 'recovery', value: (e) => flag(e.outcome.recovery) },
    { header: 'reliable_improvement', value: (e) => flag(e.outcome.reliableImprovement) },
    { header: 'reliable_recovery', value: (e) => flag(e.outcome.reliableRecovery) },
    { header: 'reliable_deterioration', value: (e) => flag(e.outcome.reliableDeterioration) },
    { header: 'phq9_response', value: (e) => flag(e.outcome.phq9Response) },
    { header: 'phq9_remission', value: (e) => flag(e.outcome.phq9Remission) },
    { header: 'alliance_ratings', value: (e) => e.row.allianceTotals?.length ?? 0 },
    { header: 'homework_adherence', value: (e) => e.homeworkAdherence },
    { header: 'mood_adherence', value: (e) => e.moodAdherence },
  ];
}

/** Raw responses: item answers and total, never the free-text comment. */
export function measureColumns(identifiable: boolean): Column<MeasureRow>[] {
  return [
    { header: 'client_code', value: (m) => m.clientCode },
    ...(identifiable ? [{ header: 'client_name', value: (m: MeasureRow) => m.clientName }] : []),
    { header: 'instrument', value: (m) => m.instrumentCode },
    { header: 'instrument_version', value: (m) => m.instrumentVersion },
    { header: 'submitted_at', value: (m) => m.submittedAt },
    { header: 'total', value: (m) => m.total },
    { header: 'answers', value: (m) => m.answers },
  ];
}

export interface SummaryRow {
  scope: string;
  therapistId: string | null;
  insufficientData: boolean;
  figures: OutcomeFigures;
}

export function summaryRows(report: PracticeReport): SummaryRow[] {
  return [
    { scope: 'Practice', therapistId: null, insufficientData: false, figures: report.practice },
    ...report.therapists.map((t) => ({
      scope: t.therapistName,
      therapistId: t.therapistId,
      insufficientData: t.insufficientData,
      figures: t.figures,
    })),
  ];
}

const RATES = [
  ['recovery', 'recovery'],
  ['reliable_improvement', 'reliableImprovement'],
  ['reliable_recovery', 'reliableRecovery'],
  ['reliable_deterioration', 'reliableDeterioration'],
  ['phq9_response', 'phq9Response'],
  ['phq9_remission', 'phq9Remission'],
  ['alliance_rated', 'allianceRated'],
  ['data_completeness', 'dataCompleteness'],
] as const satisfies readonly (readonly [string, keyof OutcomeFigures])[];

function rateColumns(header: string, key: (typeof RATES)[number][1]): Column<SummaryRow>[] {
  const of = (s: SummaryRow): Rate | null => s.figures[key];
  return [
    { header: `${header}_n`, value: (s) => of(s)?.numerator ?? null },
    { header: `${header}_of`, value: (s) => of(s)?.denominator ?? null },
    { header: `${header}_rate`, value: (s) => of(s)?.rate ?? null },
    { header: `${header}_lower95`, value: (s) => of(s)?.lower ?? null },
    { header: `${header}_upper95`, value: (s) => of(s)?.upper ?? null },
  ];
}

/** The report as a table: the practice, then one row per therapist. */
export const SUMMARY_COLUMNS: Column<SummaryRow>[] = [
  { header: 'scope', value: (s) => s.scope },
  { header: 'therapist_id', value: (s) => s.therapistId },
  { header: 'insufficient_data', value: (s) => flag(s.insufficientData) },
  { header: 'referrals', value: (s) => s.figures.referrals },
  { header: 'episodes_ended', value: (s) => s.figures.episodesEnded },
  { header: 'finished_courses', value: (s) => s.figures.finishedCourses },
  { header: 'finished_episodes', value: (s) => s.figures.finishedEpisodes },
  { header: 'at_caseness', value: (s) => s.figures.atCaseness },
  ...RATES.flatMap(([header, key]) => rateColumns(header, key)),
  { header: 'change_instrument', value: (s) => s.figures.instrument },
  { header: 'change_episodes', value: (s) => s.figures.changeEpisodes },
  { header: 'mean_change', value: (s) => s.figures.meanChange },
  { header: 'effect_size', value: (s) => s.figures.effectSize },
  { header: 'mean_attended_sessions', value: (s) => s.figures.meanAttendedSessions },
  { header: 'alliance_mean', value: (s) => s.figures.allianceMean },
  { header: 'alliance_ratings', value: (s) => s.figures.allianceRatings },
  { header: 'homework_adherence', value: (s) => s.figures.homeworkAdherence },
  { header: 'homework_episodes', value: (s) => s.figures.homeworkEpisodes },
  { header: 'mood_adherence', value: (s) => s.figures.moodAdherence },
];
