import { PAIRED_SCORES_DEFINITION } from '@cairn/shared';
import type { OutcomeFigures, Rate, ReportInstrument } from './graphql/report';

/** DESIGN.md: therapist-level rates under 15 finished episodes show as insufficient data. */
export const MIN_FINISHED_EPISODES = 15;

export const INSTRUMENT_LABEL: Record<ReportInstrument, string> = { PHQ9: 'PHQ-9', GAD7: 'GAD-7' };

export function instrumentLabel(code: string): string {
  return code === 'PHQ9' || code === 'GAD7' ? INSTRUMENT_LABEL[code] : code;
}

const countFormat = new Intl.NumberFormat('en-GB');

/** 1234 -> '1,234'. */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** 0.5214 -> '52%'. */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export interface RateParts {
  /** '52%' */
  value: string;
  /** '95% CI 44–60%' */
  interval: string;
  /** '61 of 117' */
  counts: string;
}

/** The pieces of a rate with its Wilson 95% interval; null when there is no rate to show. */
export function rateParts(rate: Rate | null): RateParts | null {
  if (!rate || rate.rate === null || rate.lower === null || rate.upper === null) return null;
  return {
    value: formatPercent(rate.rate),
    interval: `95% CI ${Math.round(rate.lower * 100)}–${Math.round(rate.upper * 100)}%`,
    counts: `${formatCount(rate.numerator)} of ${formatCount(rate.denominator)}`,
  };
}

/** '52% (95% CI 44–60%), 61 of 117'; null when there is no rate to show. */
export function formatRate(rate: Rate | null): string | null {
  const parts = rateParts(rate);
  return parts && `${parts.value} (${parts.interval}), ${parts.counts}`;
}

/** The words for a therapist row that is not shown: 'insufficient data (n = 9)'. */
export function insufficientDataText(finishedEpisodes: number): string {
  return `insufficient data (n = ${formatCount(finishedEpisodes)})`;
}

export type HeadlineKey =
  | 'finishedCourses'
  | 'atCaseness'
  | 'recovery'
  | 'reliableImprovement'
  | 'reliableRecovery'
  | 'reliableDeterioration'
  | 'phq9Response'
  | 'phq9Remission'
  | 'meanChange'
  | 'effectSize'
  | 'meanAttendedSessions'
  | 'allianceMean'
  | 'allianceRated'
  | 'homeworkAdherence'
  | 'moodAdherence'
  | 'dataCompleteness';

export type HeadlineGroup = 'Volume' | 'Outcomes' | 'Engagement and data quality';

export interface HeadlineFigure {
  key: HeadlineKey;
  group: HeadlineGroup;
  label: string;
  /** The figure itself ('52%', '−4.2', '117'), or '—' when there is none. */
  value: string;
  /** What follows the value: '(95% CI 44–60%), 61 of 117'. Null when there is no value. */
  detail: string | null;
  /** Why there is no value ('no finished episodes at caseness'); null when there is one. */
  unavailable: string | null;
  /** The definition, in a line. */
  about: string;
}

type RateKey =
  | 'recovery'
  | 'reliableImprovement'
  | 'reliableRecovery'
  | 'reliableDeterioration'
  | 'phq9Response'
  | 'phq9Remission'
  | 'allianceRated'
  | 'dataCompleteness';

/** Each rate's label, definition and the reason it has none when its denominator is 0. */
const RATE_SPEC: Record<RateKey, { group: HeadlineGroup; label: string; about: string; noDenominator: string }> = {
  recovery: {
    group: 'Outcomes',
    label: 'Recovery',
    about: 'At caseness at the start, below caseness on both PHQ-9 and GAD-7 at the end.',
    noDenominator: 'no finished episodes at caseness',
  },
  reliableImprovement: {
    group: 'Outcomes',
    label: 'Reliable improvement',
    about: 'A reliable fall on PHQ-9 or GAD-7 without reliable worsening on the other, of finished episodes.',
    noDenominator: 'no finished episodes',
  },
  reliableRecovery: {
    group: 'Outcomes',
    label: 'Reliable recovery',
    about: 'Both recovered and reliably improved, of finished episodes at caseness.',
    noDenominator: 'no finished episodes at caseness',
  },
  reliableDeterioration: {
    group: 'Outcomes',
    label: 'Reliable deterioration',
    about: 'A reliable rise on PHQ-9 or GAD-7, of finished episodes.',
    noDenominator: 'no finished episodes',
  },
  phq9Response: {
    group: 'Outcomes',
    label: 'PHQ-9 response',
    about: 'PHQ-9 fell by half or more, of finished episodes with paired PHQ-9 scores.',
    noDenominator: 'no finished episodes with paired PHQ-9 scores',
  },
  phq9Remission: {
    group: 'Outcomes',
    label: 'PHQ-9 remission',
    about: 'Last PHQ-9 below 5, of finished episodes with paired PHQ-9 scores.',
    noDenominator: 'no finished episodes with paired PHQ-9 scores',
  },
  allianceRated: {
    group: 'Engagement and data quality',
    label: 'Sessions with an alliance rating',
    about: 'Attended sessions of ended episodes that the client rated.',
    noDenominator: 'no attended sessions',
  },
  dataCompleteness: {
    group: 'Engagement and data quality',
    label: 'Data completeness',
    about: `Finished courses (2 or more sessions) with paired scores: ${PAIRED_SCORES_DEFINITION}.`,
    noDenominator: 'no finished courses',
  },
};

/** Every rate and mean is null on a suppressed therapist row; the counts stay. */
const SUPPRESSED = `not shown below ${MIN_FINISHED_EPISODES} finished episodes`;

function rateFigure(key: RateKey, rate: Rate | null): HeadlineFigure {
  const spec = RATE_SPEC[key];
  const parts = rateParts(rate);
  if (!parts) {
    const unavailable = rate === null ? SUPPRESSED : rate.denominator === 0 ? spec.noDenominator : 'not available';
    return { key, group: spec.group, label: spec.label, value: '—', detail: null, unavailable, about: spec.about };
  }
  return {
    key,
    group: spec.group,
    label: spec.label,
    value: parts.value,
    detail: `(${parts.interval}), ${parts.counts}`,
    unavailable: null,
    about: spec.about,
  };
}

function valueFigure(
  key: HeadlineKey,
  group: HeadlineGroup,
  label: string,
  about: string,
  value: string | null,
  detail: string,
  unavailable: string,
): HeadlineFigure {
  return value === null
    ? { key, group, label, value: '—', detail: null, unavailable, about }
    : { key, group, label, value, detail, unavailable: null, about };
}

/** 1 -> '1 episode', 2 -> '2 episodes'. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** -4.25 -> '−4.3' with a real minus sign; 0 -> '0.0'. */
function signed(value: number, digits: number): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return value < 0 ? `−${text}` : `+${text}`;
}

/**
 * The headline figures of a report, in reading order, each with its value, interval and counts,
 * or a dash and the reason it has none.
 */
export function headlineFigures(f: OutcomeFigures): HeadlineFigure[] {
  const instrument = instrumentLabel(f.instrument);
  const suppressed = f.recovery === null;
  const missing = (reason: string) => (suppressed ? SUPPRESSED : reason);
  return [
    {
      key: 'finishedCourses',
      group: 'Volume',
      label: 'Finished courses',
      value: formatCount(f.finishedCourses),
      detail: `of ${plural(f.episodesEnded, 'episode')} ended`,
      unavailable: null,
      about: 'Ended episodes with 2 or more attended sessions.',
    },
    {
      key: 'atCaseness',
      group: 'Volume',
      label: 'At caseness at the start',
      value: formatCount(f.atCaseness),
      detail: `of ${plural(f.finishedEpisodes, 'finished episode')}`,
      unavailable: null,
      about: 'Finished episodes that started at or above caseness on PHQ-9 or GAD-7.',
    },
    rateFigure('recovery', f.recovery),
    rateFigure('reliableImprovement', f.reliableImprovement),
    rateFigure('reliableRecovery', f.reliableRecovery),
    rateFigure('reliableDeterioration', f.reliableDeterioration),
    rateFigure('phq9Response', f.phq9Response),
    rateFigure('phq9Remission', f.phq9Remission),
    valueFigure(
      'meanChange',
      'Outcomes',
      `Mean change, ${instrument}`,
      `Last minus first ${instrument} score; negative means fewer symptoms.`,
      f.meanChange === null ? null : signed(f.meanChange, 1),
      `points, over ${plural(f.changeEpisodes, 'finished episode')}`,
      missing(f.changeEpisodes === 0 ? `no finished episodes with paired ${instrument} scores` : 'not available'),
    ),
    valueFigure(
      'effectSize',
      'Outcomes',
      `Pre-post effect size, ${instrument}`,
      `d = (mean first − mean last) / SD of first scores; higher means more improvement.`,
      f.effectSize === null ? null : `d = ${f.effectSize.toFixed(2)}`,
      `over ${plural(f.changeEpisodes, 'finished episode')}`,
      missing(
        f.changeEpisodes < 2
          ? `needs 2 or more finished episodes with paired ${instrument} scores (${formatCount(f.changeEpisodes)} so far)`
          : 'first scores do not vary, so there is no standard deviation to divide by',
      ),
    ),
    valueFigure(
      'meanAttendedSessions',
      'Engagement and data quality',
      'Mean sessions attended',
      'Attended sessions per ended episode.',
      f.meanAttendedSessions === null ? null : f.meanAttendedSessions.toFixed(1),
      `per episode, over ${plural(f.episodesEnded, 'ended episode')}`,
      missing('no episodes ended in the period'),
    ),
    valueFigure(
      'allianceMean',
      'Engagement and data quality',
      'Alliance, mean rating',
      'Mean ALLIANCE4 total (0–40) of ratings in ended episodes; below 36 is a concern.',
      f.allianceMean === null ? null : f.allianceMean.toFixed(1),
      `of 40, from ${plural(f.allianceRatings, 'rating')}`,
      missing('no alliance ratings in ended episodes'),
    ),
    rateFigure('allianceRated', f.allianceRated),
    valueFigure(
      'homeworkAdherence',
      'Engagement and data quality',
      'Homework adherence',
      'Per episode, homework reported done (partly done counts half) of reports expected.',
      f.homeworkAdherence === null ? null : formatPercent(f.homeworkAdherence),
      `mean over ${plural(f.homeworkEpisodes, 'episode')} with homework set`,
      missing('no ended episodes had homework set'),
    ),
    valueFigure(
      'moodAdherence',
      'Engagement and data quality',
      'Mood logging adherence',
      'Per episode, days with a mood entry of days in the episode.',
      f.moodAdherence === null ? null : formatPercent(f.moodAdherence),
      `mean over ${plural(f.episodesEnded, 'ended episode')}`,
      missing('no episodes ended in the period'),
    ),
    rateFigure('dataCompleteness', f.dataCompleteness),
  ];
}

/** The text a figure reads as, value first: '52% (95% CI 44–60%), 61 of 117' or '— no finished episodes'. */
export function figureText(figure: HeadlineFigure): string {
  return figure.unavailable === null ? `${figure.value} ${figure.detail ?? ''}`.trim() : `— ${figure.unavailable}`;
}
